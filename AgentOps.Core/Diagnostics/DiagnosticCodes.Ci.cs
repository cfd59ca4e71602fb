namespace AgentOps.Core.Diagnostics;

// AOP0800–0899: what public marketplace CI enforces beyond Claude Code (`agentops validate`, and the
// build for marketplace rules). Claude Code accepts every file these flag, so they are warnings,
// except AOP0800 (the CLI refuses a folder with nothing to validate too). Rows in docs/diagnostics.md.
public static partial class DiagnosticCodes
{
    /// <summary>The folder has neither .claude-plugin/marketplace.json nor .claude-plugin/plugin.json nor a skills/ tree.</summary>
    public const string NothingToValidate = "AOP0800";
    /// <summary>marketplace.json entries are not sorted by name.</summary>
    public const string EntriesNotSorted = "AOP0801";
    /// <summary>A description is missing, shorter than 10 or longer than 2000 characters.</summary>
    public const string DescriptionLength = "AOP0802";
    /// <summary>A marketplace or entry name is not lowercase kebab-case of at most 64 characters.</summary>
    public const string NamePattern = "AOP0803";
    /// <summary>A remote source is fetched over something other than HTTPS (http://, git://, ssh).</summary>
    public const string SourceNotHttps = "AOP0804";
    /// <summary>A remote source is not pinned to a full 40-hex commit `sha`.</summary>
    public const string SourceNotPinned = "AOP0805";
    /// <summary>A name holds a shell metacharacter or whitespace.</summary>
    public const string ShellMetacharacter = "AOP0806";
    /// <summary>A name or command holds hidden or bidirectional Unicode (zero-width, bidi overrides, tag characters).</summary>
    public const string HiddenUnicode = "AOP0807";
    /// <summary>A marketplace or entry name cannot be a folder on Windows (a device name such as CON, or a final '.').</summary>
    public const string NotPortableName = "AOP0808";
}
