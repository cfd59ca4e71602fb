using System.Text.RegularExpressions;

namespace AgentOps.Core.Validation;

/// <summary>
/// Tool and model names Claude Code knows, for `tools` / `allowed-tools` and `model` in frontmatter.
/// A typo there silently removes a tool from an agent at runtime, so we reject it at build time.
/// </summary>
public static partial class KnownTools
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "Read", "Write", "Edit", "MultiEdit", "Glob", "Grep", "LS", "Bash", "BashOutput", "KillShell",
        "KillBash", "WebFetch", "WebSearch", "TodoWrite", "TodoRead", "Task", "Agent", "NotebookEdit",
        "NotebookRead", "Skill", "SlashCommand", "ExitPlanMode", "AskUserQuestion", "ListMcpResourcesTool",
        "ReadMcpResourceTool",
    };

    public static readonly IReadOnlySet<string> ModelAliases = new HashSet<string>(StringComparer.Ordinal)
    {
        "sonnet", "opus", "haiku", "inherit", "opusplan",
    };

    /// <summary>Read, Bash(git:*), mcp__server__tool, mcp__server (all its tools) or * are accepted.</summary>
    public static bool IsKnownTool(string tool)
    {
        tool = tool.Trim();
        if (tool == "*" || McpTool().IsMatch(tool)) return true;
        var m = QualifiedTool().Match(tool);
        return m.Success && Names.Contains(m.Groups["name"].Value);
    }

    public static bool IsKnownModel(string model) =>
        ModelAliases.Contains(model.Trim()) || FullModelId().IsMatch(model.Trim());

    [GeneratedRegex(@"^mcp__[A-Za-z0-9_.\-]+(__[A-Za-z0-9_.\-*]+)?$")]
    private static partial Regex McpTool();
    [GeneratedRegex(@"^(?<name>[A-Za-z]+)(\([^()]*\))?$")]
    private static partial Regex QualifiedTool();
    [GeneratedRegex(@"^claude-[a-z0-9][a-z0-9.\-]*(\[1m\])?$")]
    private static partial Regex FullModelId();
}
