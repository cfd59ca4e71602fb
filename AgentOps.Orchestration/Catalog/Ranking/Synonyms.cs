namespace AgentOps.Orchestration.Catalog.Ranking;

/// <summary>
/// Words the plugin domain uses interchangeably. A query word found in a group is searched together
/// with the rest of its group (k8s finds kubernetes, ci finds "continuous integration"), and the
/// explanation says which synonym matched. Groups are symmetric; multi-word entries are phrases.
/// </summary>
public static class Synonyms
{
    public static readonly IReadOnlyList<string[]> Groups =
    [
        ["kubernetes", "k8s", "kube", "kubectl"],
        ["ci", "cd", "cicd", "ci-cd", "continuous integration", "continuous delivery", "continuous deployment", "pipeline", "pipelines"],
        ["db", "database", "databases", "sql", "rdbms"],
        ["postgres", "postgresql", "psql"],
        ["auth", "authentication", "authorization", "oauth", "oauth2", "oidc", "sso", "login", "jwt"],
        ["docs", "doc", "documentation", "readme", "documenting"],
        ["test", "tests", "testing", "qa", "e2e", "unit test"],
        ["monitoring", "observability", "metrics", "alerting", "telemetry"],
        ["deploy", "deployment", "deployments", "rollout", "release"],
        ["infrastructure", "infra", "iac", "infrastructure as code"],
        ["docker", "container", "containers", "dockerfile", "containerization"],
        ["js", "javascript"],
        ["ts", "typescript"],
        ["py", "python"],
        ["perf", "performance", "optimization", "latency"],
        ["security", "secure", "vulnerability", "vulnerabilities", "appsec", "owasp"],
        ["frontend", "front-end", "ui"],
        ["backend", "back-end", "server-side"],
        ["api", "apis", "endpoint", "endpoints", "rest"],
        ["llm", "ai", "language model"],
        ["refactor", "refactoring", "cleanup"],
        ["review", "code review", "reviewer"],
        ["migration", "migrations", "migrate"],
        ["gitops", "argocd", "flux"],
        ["terraform", "iac"],
        ["aws", "amazon web services"],
        ["gcp", "google cloud"],
        ["mobile", "ios", "android"],
        ["debug", "debugging", "troubleshoot", "troubleshooting"],
    ];

    private static readonly Dictionary<string, List<string[]>> ByWord = Index();

    private static Dictionary<string, List<string[]>> Index()
    {
        var d = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        foreach (var g in Groups)
            foreach (var w in g)
            {
                if (!d.TryGetValue(w, out var list)) d[w] = list = [];
                list.Add(g);
            }
        return d;
    }

    /// <summary>The other words of every group <paramref name="word"/> belongs to (not the word itself).</summary>
    public static IReadOnlyList<string> For(string word)
    {
        if (!ByWord.TryGetValue(word, out var groups) && !ByWord.TryGetValue(LightStemmer.Stem(word), out groups)) return [];
        return groups.SelectMany(g => g).Where(w => w != word).Distinct(StringComparer.Ordinal).ToList();
    }
}
