using System.Text.RegularExpressions;

namespace AgentOps.Core.Validation;

/// <summary>
/// Plugin names Claude Code 2.1.331 refuses from third parties because they pass as Anthropic's own:
/// a claude-, anthropic-, anthropics- or cc-plugin- prefix, a few exact names, and "official" beside
/// "claude" or "anthropic". (Marketplace names have their own list, which validation does not refuse.)
/// </summary>
public static partial class ReservedNames
{
    private static readonly string[] Prefixes = ["claude-", "anthropic-", "anthropics-", "cc-plugin-"];
    private static readonly HashSet<string> Exact = ["claude", "anthropic", "anthropics", "claude-code", "claude-mods"];

    public static bool IsReservedPluginName(string name)
    {
        var lower = name.ToLowerInvariant();
        return Exact.Contains(lower) || Prefixes.Any(p => lower.StartsWith(p, StringComparison.Ordinal)) || OfficialBeside().IsMatch(lower);
    }

    /// <summary>Anthropic's own marketplace names (Claude Code 2.1.331): their plugins may use the reserved names.</summary>
    public static readonly IReadOnlySet<string> OfficialMarketplaces = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "claude-code-marketplace", "claude-code-plugins", "claude-plugins-official", "anthropic-marketplace", "anthropic-plugins",
        "agent-skills", "anthropic-agent-skills", "life-sciences", "knowledge-work-plugins", "claude-for-legal",
        "claude-for-financial-services", "financial-services-plugins", "first-party-plugins", "claude-tag-plugins",
        "claude-community", "claude-plugins-community", "claude-plugin-directory",
    };

    public const string Explanation =
        "it passes as one of Anthropic's own: a third party's plugin name cannot start with \"claude-\", \"anthropic-\", \"anthropics-\" or \"cc-plugin-\", " +
        "be \"claude\", \"anthropic\", \"anthropics\", \"claude-code\" or \"claude-mods\", or put \"official\" beside \"claude\" or \"anthropic\"; name it for what it does";

    [GeneratedRegex("official[^a-z0-9]*(anthropic|claude)|(anthropic|claude)[^a-z0-9]*official")]
    private static partial Regex OfficialBeside();
}
