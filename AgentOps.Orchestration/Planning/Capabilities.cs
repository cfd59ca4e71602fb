namespace AgentOps.Orchestration.Planning;

/// <summary>
/// A capability a plan step can provide: the phase it belongs to, the words in a task that call for
/// it, the agent that provides it by default (an agentops-core agent unless a domain plugin of the
/// catalog has a better one, found with <see cref="CatalogQuery"/>), whether it writes files, and what
/// it consumes and produces.
/// </summary>
public sealed record CapabilityRule(
    string Name,
    string Phase,
    string Title,
    string[] Triggers,
    string DefaultAgent,
    string? CatalogQuery,
    string[] PreferredPlugins,
    bool Writes,
    string[] Outputs,
    string Instructions);

/// <summary>The capabilities the planner knows, in research → plan → implement → validate order.</summary>
public static class Capabilities
{
    public const string ResearchCode = "research-code", ResearchDocs = "research-docs", ResearchHistory = "research-history",
        Design = "design", Risk = "risk-assessment", ValidationPlan = "validation-plan",
        Implement = "implement", Infrastructure = "infrastructure", Database = "database", Api = "api", Frontend = "frontend",
        Tests = "tests", Docs = "documentation", Validate = "validate", Deploy = "deploy";

    public const string Core = "agentops-core", DevOps = "agentops-devops", ProductDev = "agentops-product-dev";

    public static readonly IReadOnlyList<CapabilityRule> All =
    [
        new(ResearchCode, "research", "Map the relevant code", [], $"{Core}:code-explorer", null, [Core], false, ["code-map"],
            "Map the code this task touches: entry points, modules, conventions, tests, and constraints. Report file paths."),
        new(ResearchDocs, "research", "Read the external docs and standards", ["docs", "documentation", "oauth", "oauth2", "oidc", "saml", "sdk", "library", "framework", "standard", "rfc", "integrate", "integration", "third-party", "upgrade"],
            $"{Core}:doc-explorer", null, [Core], false, ["docs-notes"],
            "Read the documentation, standards and library references this task depends on; summarise what applies, with links."),
        new(ResearchHistory, "research", "Read the change history", ["bug", "fix", "regression", "broke", "broken", "crash", "why", "history", "legacy", "revert", "flaky", "incident",
                "investigate", "cause", "caused", "root cause", "outage", "downtime", "postmortem", "post-mortem", "timeline"],
            $"{Core}:history-explorer", null, [Core], false, ["history-notes"],
            "Read the git history of the affected code: when it changed, why, and which commits are suspect."),
        new(Design, "plan", "Design the change", [], $"{Core}:spec-architect", null, [Core], false, ["spec"],
            "Write a short spec for the change from the research: files to touch, interfaces, data flow, edge cases, acceptance criteria."),
        new(Risk, "plan", "Assess the risks", ["auth", "oauth", "oauth2", "security", "secret", "password", "payment", "billing", "migration", "migrate", "database", "schema", "production", "prod", "deploy", "delete", "encryption", "permission", "pii", "gdpr", "token"],
            $"{Core}:risk-assessor", null, [Core], false, ["risk-report"],
            "List what can go wrong with this change (security, data loss, downtime, compatibility) and the mitigation for each."),
        new(ValidationPlan, "plan", "Plan the validation", [], $"{Core}:validation-planner", null, [Core], false, ["validation-plan"],
            "From the spec, plan how to prove the change works: checks, tests to add, commands to run, what counts as done."),
        new(Infrastructure, "implement", "Change the infrastructure", ["kubernetes", "k8s", "helm", "docker", "container", "terraform", "infrastructure", "infra", "ci", "cd", "pipeline", "gitops", "monitoring", "observability", "prometheus", "grafana", "ingress", "cluster"],
            $"{Core}:change-executor", "kubernetes docker ci cd infrastructure monitoring deployment", [DevOps], true, ["infra-change"],
            "Make the infrastructure part of the change (manifests, charts, pipelines, monitoring) following the spec."),
        new(Database, "implement", "Change the database", ["database", "db", "sql", "schema", "migration", "migrate", "postgres", "postgresql", "mysql", "table", "index", "orm"],
            $"{Core}:change-executor", "database schema migration sql", [ProductDev], true, ["db-change"],
            "Make the database part of the change (schema, migration with a rollback, queries) following the spec."),
        new(Api, "implement", "Change the API", ["api", "endpoint", "endpoints", "rest", "graphql", "grpc", "openapi", "route", "backend", "oauth", "oauth2", "auth"],
            $"{Core}:change-executor", "api endpoint backend rest", [ProductDev], true, ["api-change"],
            "Make the API/backend part of the change (routes, handlers, auth, validation) following the spec."),
        new(Frontend, "implement", "Change the frontend", ["ui", "frontend", "front-end", "react", "vue", "angular", "css", "page", "component", "form", "layout", "button"],
            $"{Core}:change-executor", "frontend ui component react", [ProductDev], true, ["ui-change"],
            "Make the frontend part of the change (components, pages, styles, state) following the spec."),
        new(Implement, "implement", "Implement the change", [], $"{Core}:change-executor", null, [Core], true, ["change-set"],
            "Implement the change following the spec, in small verified edits; report every file changed."),
        new(Tests, "test", "Write the tests", ["test", "tests", "testing", "coverage", "tdd", "unit", "e2e", "regression"],
            $"{Core}:test-generator", null, [Core], true, ["tests"],
            "Write tests that prove the change per the validation plan: happy path, edge cases, failures; run them."),
        new(Docs, "document", "Write the docs", ["docs", "doc", "documentation", "document", "readme", "changelog", "guide", "tutorial", "docstring",
                "postmortem", "post-mortem", "write up", "write-up", "writeup", "lessons learned"],
            $"{Core}:change-executor", "documentation writer docs readme", [ProductDev, Core], true, ["docs"],
            "Update the documentation for the change: README/guide sections, API reference, changelog entry."),
        new(Validate, "validate", "Validate the result", [], $"{Core}:continuous-validator", null, [Core], false, ["validation-report"],
            "Run the validation plan against the result: build, tests, linters, the acceptance criteria; report pass/fail with evidence."),
        new(Deploy, "deploy", "Deploy", ["deploy", "deployment", "release", "rollout", "ship", "publish"],
            $"{Core}:change-executor", "deploy rollout release kubernetes", [DevOps], true, ["deployment"],
            "Roll the change out as the spec says (staged, with a rollback ready); report what was deployed where."),
    ];

    public static CapabilityRule Get(string name) => All.First(r => r.Name == name);

    /// <summary>The capabilities an implement step can be split into by domain.</summary>
    public static readonly string[] Domains = [Infrastructure, Database, Api, Frontend];
}
