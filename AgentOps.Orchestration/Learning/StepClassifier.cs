using System.Text.RegularExpressions;

namespace AgentOps.Orchestration.Learning;

/// <summary>Which tools are steps, and the phase of a step from its name.</summary>
public static partial class StepClassifier
{
    /// <summary>Tools that launch a subagent: <c>Agent</c> (current) and <c>Task</c> (older name).</summary>
    public static bool IsSubagentTool(string tool) => tool is "Agent" or "Task";

    /// <summary>Built-in tools worth keeping as steps (they change or run things).</summary>
    public static bool IsNotableTool(string tool) =>
        tool is "Bash" or "Edit" or "Write" or "MultiEdit" or "NotebookEdit" or "WebFetch" or "WebSearch";

    private static readonly (string Phase, string[] Words)[] Phases =
    [
        ("research", ["explor", "research", "analy", "investigat", "search", "context", "discover", "map", "read", "grep", "glob", "webfetch", "websearch"]),
        ("plan", ["plan", "architect", "design", "spec"]),
        ("test", ["test", "qa", "verif", "validat", "check"]),
        ("review", ["review", "audit", "security", "lint"]),
        ("deploy", ["deploy", "release", "kubernetes", "k8s", "helm", "rollout", "ship"]),
        ("document", ["doc", "writer", "readme", "changelog"]),
        ("implement", ["implement", "develop", "code", "engineer", "edit", "write", "refactor", "fix", "migrat", "build", "backend", "frontend"]),
    ];

    public static string Phase(string name)
    {
        var n = name.ToLowerInvariant();
        var colon = n.LastIndexOf(':');
        if (colon >= 0) n = n[(colon + 1)..];
        foreach (var (phase, words) in Phases)
            if (words.Any(w => n.Contains(w, StringComparison.Ordinal))) return phase;
        return "execute";
    }

    /// <summary>Phases that only read: consecutive steps in them never depend on each other.</summary>
    public static bool IsReadOnlyPhase(string phase) => phase is "research" or "review";

    [GeneratedRegex(@"\bgit\s+(revert|reset\s+--hard|checkout\s+--\s|restore\b)|\bhelm\s+rollback\b|\bkubectl\s+rollout\s+undo\b|\bmigrat\w*\s+(down|rollback)\b|\brollback\b", RegexOptions.IgnoreCase)]
    private static partial Regex RollbackCommand();

    /// <summary>Whether a shell command undoes work (git revert/reset --hard/restore, helm rollback, ...).</summary>
    public static bool IsRollback(string? command) => command is not null && RollbackCommand().IsMatch(command);
}
