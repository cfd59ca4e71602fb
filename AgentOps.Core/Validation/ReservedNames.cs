using System.Text.RegularExpressions;

namespace AgentOps.Core.Validation;

/// <summary>
/// Plugin names Claude Code 2.1.331 refuses from third parties because they pass as Anthropic's own, read
/// as Claude Code reads them: the name is split into words at every run of characters other than ASCII
/// letters and digits, so <c>claude_code</c>, <c>claude.tools</c> and <c>cla-ude</c> are the words they
/// spell. Refused: leading words that join to claude, anthropic, anthropics or ccplugin (<c>claude-x</c>,
/// <c>cc-plugin-x</c>); all the words joining to claude, anthropic, anthropics, claudecode or claudemods
/// (<c>claudemods</c>); "official" beside "claude" or "anthropic". A name with one of the marks as a
/// word elsewhere (<c>tools-for-claude</c>) is accepted with a warning. (Marketplace names have their own
/// list, which validation does not refuse.)
/// </summary>
public static partial class ReservedNames
{
    private static readonly string[] Marks = ["claude", "anthropic", "anthropics"];
    // Joined leading words (not the whole name) that are refused, and joined whole names that are refused.
    private static readonly HashSet<string> ReservedLead = ["claude", "anthropic", "anthropics", "ccplugin"];
    private static readonly HashSet<string> ReservedWhole = ["claude", "anthropic", "anthropics", "claudecode", "claudemods"];
    // Claude Code stops joining words once the joined text is longer than its longest reserved spelling.
    private static readonly int LongestReserved = ReservedLead.Concat(ReservedWhole).Max(s => s.Length);

    public static bool IsReservedPluginName(string name)
    {
        var lower = Normalized(name);
        var words = Words(lower);
        var joined = "";
        for (var i = 0; i < words.Count; i++)
        {
            joined += words[i];
            if ((i == words.Count - 1 ? ReservedWhole : ReservedLead).Contains(joined)) return true;
            if (joined.Length > LongestReserved) break;
        }
        return OfficialBeside().IsMatch(lower) || OfficialBeside().IsMatch(string.Concat(words));
    }

    /// <summary>Not refused, but one of its words is claude, anthropic or anthropics: Claude Code warns that it reads as Anthropic's own.</summary>
    public static bool ReadsAsAnthropic(string name) =>
        !IsReservedPluginName(name) && Words(Normalized(name)).Any(w => Marks.Contains(w, StringComparer.Ordinal));

    // Compatibility forms (full-width letters) read as the letters they show; the rest is compared in lowercase.
    private static string Normalized(string name) => AgentOps.Core.Security.NfkcText.Of(name).ToLowerInvariant();

    private static List<string> Words(string lower) => WordSeparators().Split(lower).Where(w => w.Length > 0).ToList();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex WordSeparators();

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
        "be \"claude\", \"anthropic\", \"anthropics\", \"claude-code\" or \"claude-mods\", or put \"official\" beside \"claude\" or \"anthropic\" " +
        "(any run of characters other than letters and digits counts as the hyphen: claude_code and claude.tools are refused too); name it for what it does";

    public const string ReadsAsExplanation =
        "one of its words is \"claude\", \"anthropic\" or \"anthropics\", so it reads as one of Anthropic's own (Claude Code warns too); name it for what it does";

    [GeneratedRegex("official[^a-z0-9]*(anthropic|claude)|(anthropic|claude)[^a-z0-9]*official")]
    private static partial Regex OfficialBeside();
}
