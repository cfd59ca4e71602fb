using System.Text.Json.Nodes;

namespace AgentOps.Orchestration.Catalog;

/// <summary>
/// Generates realistic marketplaces for benchmarks and tests (deterministic for a seed): plugins named
/// and described like the public ones ("helm-chart-validator: Validate Helm charts ..."), spread over
/// categories, with keywords, and — for a share of them — a plugin folder with plugin.json, an agent
/// and a command, like a marketplace repository; the rest are marketplace.json entries with remote
/// sources, as most public entries are.
/// </summary>
public static class CatalogGenerator
{
    private static readonly (string Topic, string Category, string[] Words, string[] Objects)[] Topics =
    [
        ("kubernetes", "devops", ["k8s", "cluster", "pods"], ["manifests", "deployments", "operators", "clusters"]),
        ("helm", "devops", ["charts", "kubernetes"], ["charts", "releases", "values files"]),
        ("docker", "devops", ["containers", "images"], ["images", "Dockerfiles", "compose files"]),
        ("terraform", "infrastructure", ["iac", "hcl"], ["modules", "state", "plans"]),
        ("ansible", "infrastructure", ["playbooks", "automation"], ["playbooks", "roles", "inventories"]),
        ("github-actions", "devops", ["ci", "workflows"], ["workflows", "pipelines", "runners"]),
        ("jenkins", "devops", ["ci", "pipelines"], ["pipelines", "jobs", "agents"]),
        ("prometheus", "monitoring", ["metrics", "alerting"], ["alert rules", "exporters", "metrics"]),
        ("grafana", "monitoring", ["dashboards", "observability"], ["dashboards", "panels", "datasources"]),
        ("sentry", "monitoring", ["errors", "tracing"], ["error reports", "releases", "traces"]),
        ("postgres", "database", ["sql", "postgresql"], ["schemas", "queries", "migrations", "indexes"]),
        ("mongodb", "database", ["nosql", "documents"], ["collections", "aggregations", "indexes"]),
        ("redis", "database", ["cache", "keys"], ["caches", "keyspaces", "streams"]),
        ("kafka", "data", ["streaming", "events"], ["topics", "consumers", "schemas"]),
        ("airflow", "data", ["dags", "etl"], ["DAGs", "tasks", "pipelines"]),
        ("react", "frontend", ["components", "hooks"], ["components", "hooks", "pages"]),
        ("vue", "frontend", ["components", "spa"], ["components", "stores", "routes"]),
        ("nextjs", "frontend", ["ssr", "react"], ["pages", "routes", "server components"]),
        ("tailwind", "frontend", ["css", "styles"], ["styles", "themes", "layouts"]),
        ("graphql", "api-development", ["schema", "resolvers"], ["schemas", "resolvers", "queries"]),
        ("openapi", "api-development", ["rest", "swagger"], ["specs", "endpoints", "clients"]),
        ("oauth", "security", ["auth", "tokens"], ["flows", "tokens", "scopes"]),
        ("jwt", "security", ["auth", "tokens"], ["tokens", "claims", "keys"]),
        ("owasp", "security", ["vulnerabilities", "appsec"], ["findings", "checks", "reports"]),
        ("jest", "testing", ["unit", "mocks"], ["tests", "mocks", "snapshots"]),
        ("playwright", "testing", ["e2e", "browser"], ["tests", "fixtures", "traces"]),
        ("pytest", "testing", ["python", "fixtures"], ["tests", "fixtures", "plugins"]),
        ("python", "development", ["py", "scripts"], ["packages", "scripts", "type hints"]),
        ("rust", "development", ["cargo", "crates"], ["crates", "lifetimes", "benchmarks"]),
        ("golang", "development", ["go", "modules"], ["modules", "goroutines", "services"]),
        ("llm", "ai-ml", ["ai", "prompts"], ["prompts", "evaluations", "agents"]),
        ("rag", "ai-ml", ["embeddings", "retrieval"], ["indexes", "embeddings", "retrievers"]),
        ("pytorch", "ai-ml", ["training", "models"], ["models", "training loops", "datasets"]),
        ("stripe", "payments", ["billing", "checkout"], ["payments", "subscriptions", "webhooks"]),
        ("slack", "productivity", ["chat", "notifications"], ["messages", "channels", "bots"]),
        ("jira", "productivity", ["issues", "tickets"], ["tickets", "sprints", "boards"]),
        ("markdown", "documentation", ["docs", "writing"], ["documents", "tables", "links"]),
        ("changelog", "documentation", ["releases", "notes"], ["entries", "release notes", "versions"]),
        ("seo", "marketing", ["search", "ranking"], ["pages", "metadata", "sitemaps"]),
        ("figma", "design", ["ui", "mockups"], ["designs", "frames", "tokens"]),
    ];

    private static readonly (string Action, string Verb)[] Actions =
    [
        ("generator", "Generate"), ("analyzer", "Analyze"), ("optimizer", "Optimize"), ("validator", "Validate"), ("manager", "Manage"),
        ("migrator", "Migrate"), ("monitor", "Monitor"), ("tester", "Test"), ("auditor", "Audit"), ("builder", "Build"),
        ("formatter", "Format"), ("explorer", "Explore"), ("linter", "Lint"), ("reporter", "Report on"), ("scaffolder", "Scaffold"),
    ];

    private static readonly string[] Tails =
    [
        "with best practices", "and report issues", "for production teams", "with clear explanations", "from the command line",
        "in CI", "with safe defaults", "across environments", "with rollback support", "for large codebases",
    ];

    /// <summary>Writes <paramref name="plugins"/> plugins into marketplaces of <paramref name="perMarketplace"/>
    /// under <paramref name="root"/>; returns the marketplace folders.</summary>
    public static IReadOnlyList<string> Generate(string root, int plugins, int perMarketplace = 100, double withFolders = 0.3, int seed = 42)
    {
        var rng = new Random(seed);
        var folders = new List<string>();
        for (int m = 0, made = 0; made < plugins; m++)
        {
            var count = Math.Min(perMarketplace, plugins - made);
            var dir = Path.Combine(root, $"market-{m:D4}");
            var entries = new JsonArray();
            for (var i = 0; i < count; i++, made++)
                entries.Add(Plugin(dir, made, rng, rng.NextDouble() < withFolders));
            var manifest = new JsonObject { ["name"] = $"generated-market-{m:D4}", ["owner"] = new JsonObject { ["name"] = "Generator" }, ["plugins"] = entries };
            Directory.CreateDirectory(Path.Combine(dir, ".claude-plugin"));
            File.WriteAllText(Path.Combine(dir, ".claude-plugin", "marketplace.json"), manifest.ToJsonString());
            folders.Add(dir);
        }
        return folders;
    }

    private static JsonObject Plugin(string marketplaceDir, int index, Random rng, bool folder)
    {
        var t = Topics[rng.Next(Topics.Length)];
        var a = Actions[rng.Next(Actions.Length)];
        var obj = t.Objects[rng.Next(t.Objects.Length)];
        var name = $"{t.Topic}-{obj.Split(' ')[0].ToLowerInvariant()}-{a.Action}-{index:D5}";
        var description = $"{a.Verb} {t.Topic} {obj} {Tails[rng.Next(Tails.Length)]}.";
        var keywords = t.Words.Append(t.Topic).Append(a.Action).Append(Topics[rng.Next(Topics.Length)].Topic).Distinct().ToArray();
        var entry = new JsonObject
        {
            ["name"] = name, ["description"] = description, ["version"] = "1.0.0", ["category"] = t.Category,
            ["keywords"] = new JsonArray(keywords.Select(k => (JsonNode)k!).ToArray()),
        };
        if (!folder)
        {
            entry["source"] = new JsonObject { ["source"] = "github", ["repo"] = $"example/{name}" };
            return entry;
        }
        entry["source"] = $"./plugins/{name}";
        var dir = Path.Combine(marketplaceDir, "plugins", name);
        Directory.CreateDirectory(Path.Combine(dir, ".claude-plugin"));
        Directory.CreateDirectory(Path.Combine(dir, "agents"));
        Directory.CreateDirectory(Path.Combine(dir, "commands"));
        File.WriteAllText(Path.Combine(dir, ".claude-plugin", "plugin.json"), new JsonObject
        {
            ["name"] = name, ["version"] = "1.0.0", ["description"] = description, ["author"] = new JsonObject { ["name"] = "Generator" },
            ["keywords"] = new JsonArray(keywords.Select(k => (JsonNode)k!).ToArray()),
        }.ToJsonString());
        File.WriteAllText(Path.Combine(dir, "agents", $"{t.Topic}-{a.Action}.md"),
            $"---\nname: {t.Topic}-{a.Action}\ndescription: Use when you need to {a.Verb.ToLowerInvariant()} {t.Topic} {obj}; reports findings with file paths.\ntools: Read, Grep, Glob\n---\n\nYou {a.Verb.ToLowerInvariant()} {t.Topic} {obj}.\n");
        File.WriteAllText(Path.Combine(dir, "commands", $"{a.Action}.md"),
            $"---\ndescription: {a.Verb} {t.Topic} {obj} in this project\nargument-hint: [path]\n---\n\n{a.Verb} the {t.Topic} {obj} in $ARGUMENTS.\n");
        return entry;
    }

    /// <summary>Touches one file in the given marketplace folders (a later mtime), so their fingerprints change.</summary>
    public static void Touch(IEnumerable<string> marketplaceFolders, DateTime when)
    {
        foreach (var dir in marketplaceFolders)
            File.SetLastWriteTimeUtc(Path.Combine(dir, ".claude-plugin", "marketplace.json"), when);
    }
}
