namespace AgentOps.Core.Diagnostics;

/// <summary>
/// Stable diagnostic codes, documented in docs/diagnostics.md (one row each). A code is never reused
/// for another meaning. Ranges: see the top of docs/diagnostics.md.
/// </summary>
public static partial class DiagnosticCodes
{
    /// <summary>YAML frontmatter of a Markdown file does not parse.</summary>
    public const string FrontmatterSyntax = "AOP0100";

    /// <summary>A Markdown file opens a frontmatter block (---) that is never closed.</summary>
    public const string FrontmatterUnterminated = "AOP0101";

    /// <summary>Frontmatter is YAML but not a mapping of keys to values.</summary>
    public const string FrontmatterNotMapping = "AOP0102";
}
