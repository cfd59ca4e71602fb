namespace AgentOps.Orchestration.Learning;

/// <summary>
/// Deterministic task classifier: scores the task text against keyword lists; the category with the
/// most keyword hits wins, ties go to the earlier category in <see cref="Categories"/>; no hit is
/// <c>general</c>. Words match at word starts, case-insensitively ("deploy" matches "deployment").
/// </summary>
public static class TaskClassifier
{
    public static readonly IReadOnlyList<(string Category, string[] Keywords)> Categories =
    [
        ("security-audit", ["security", "vulnerab", "audit", "cve", "owasp", "pentest", "xss", "csrf", "injection"]),
        ("authentication", ["auth", "oauth", "login", "logout", "jwt", "sso", "saml", "password", "session token", "signin", "sign-in", "oidc"]),
        ("database-migration", ["migration", "migrate", "schema", "database", "sql", "postgres", "mysql", "alembic", "flyway", "prisma"]),
        ("kubernetes-deploy", ["kubernetes", "k8s", "helm", "kubectl", "deploy", "rollout", "cluster", "manifest", "ingress"]),
        ("ci-cd", ["pipeline", "github actions", "workflow file", "ci ", "cd ", "jenkins", "gitlab-ci", "build pipeline"]),
        ("performance", ["performance", "optimi", "latency", "slow", "speed up", "faster", "profil", "cache", "memory leak", "benchmark"]),
        ("bug-fix", ["fix", "bug", "crash", "error", "broken", "regression", "exception", "issue", "fails", "failing"]),
        ("refactor", ["refactor", "clean up", "cleanup", "restructure", "rename", "extract", "simplify", "decouple", "modernize"]),
        ("testing", ["test", "coverage", "unit test", "e2e", "integration test", "flaky"]),
        ("documentation", ["document", "docs", "readme", "changelog", "docstring", "comment", "tutorial", "guide"]),
        ("api-development", ["api", "endpoint", "rest", "graphql", "grpc", "openapi", "swagger"]),
        ("frontend", ["ui", "frontend", "react", "vue", "css", "component", "page", "layout"]),
        ("feature-development", ["add", "implement", "feature", "create", "build", "new", "support"]),
    ];

    public const string General = "general";

    public static string Classify(string? task) => Classify(task, out _);

    public static string Classify(string? task, out IReadOnlyList<string> matched)
    {
        matched = [];
        if (string.IsNullOrWhiteSpace(task)) return General;
        var text = " " + task.ToLowerInvariant().Replace('\n', ' ') + " ";
        string best = General;
        var bestScore = 0;
        List<string> bestWords = [];
        foreach (var (category, keywords) in Categories)
        {
            var words = keywords.Where(k => HitsAtWordStart(text, k)).ToList();
            if (words.Count > bestScore) { best = category; bestScore = words.Count; bestWords = words; }
        }
        matched = bestWords.Select(w => w.Trim()).ToList();
        return best;
    }

    private static bool HitsAtWordStart(string text, string keyword)
    {
        var at = 0;
        while ((at = text.IndexOf(keyword, at, StringComparison.Ordinal)) >= 0)
        {
            if (at == 0 || !char.IsLetterOrDigit(text[at - 1])) return true;
            at++;
        }
        return false;
    }
}
