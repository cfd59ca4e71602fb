using AgentOps.Core.Diagnostics;

namespace AgentOps.Tests.Conformance;

/// <summary>
/// The error codes by which we reject what `claude plugin validate` accepts, on purpose. Each is
/// documented in docs/marketplace/VALIDATE_AND_IMPORT.md ("Stricter than the CLI") with its reason;
/// the conformance tests fail on any other error the CLI does not share.
/// </summary>
public static class StricterRules
{
    public static readonly IReadOnlyDictionary<string, string> Codes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [DiagnosticCodes.FrontmatterSyntax] = "malformed YAML frontmatter (the CLI silently drops the fields)",
        [DiagnosticCodes.FrontmatterUnterminated] = "a frontmatter block that is never closed",
        [DiagnosticCodes.FrontmatterNotMapping] = "frontmatter that is not a mapping",
        [DiagnosticCodes.ComponentFieldMissing] = "agent or skill without name or description (the CLI warns at most)",
        [DiagnosticCodes.UnknownTool] = "unknown tool in tools / allowed-tools",
        [DiagnosticCodes.UnknownModel] = "unknown model",
        [DiagnosticCodes.FrontmatterFieldWrongType] = "name / description / model / tools of the wrong YAML shape",
        [DiagnosticCodes.DependencyMissing] = "dependency on a plugin the marketplace does not have",
        [DiagnosticCodes.DependencyCycle] = "dependency cycle",
        [DiagnosticCodes.DependencyVersionUnsatisfied] = "dependency version outside the declared range",
        [DiagnosticCodes.DependencyConstraintInvalid] = "dependency range or version that is not semver",
        [DiagnosticCodes.FileUnreadable] = "a file that cannot be read",
        [DiagnosticCodes.FileEmpty] = "an empty manifest or Markdown file",
        [DiagnosticCodes.FileBinary] = "a binary file where text is expected",
        [DiagnosticCodes.FileNotUtf8] = "a text file that is not UTF-8",
        [DiagnosticCodes.FileTooLarge] = "a manifest or Markdown file over 10 MB",
        [DiagnosticCodes.SymlinkBroken] = "a broken symbolic link in a plugin",
        [DiagnosticCodes.SymlinkLoop] = "a symbolic link loop",
        [DiagnosticCodes.SymlinkEscapes] = "a link that resolves outside the plugin and the marketplace",
        [DiagnosticCodes.SourceEscapesRoot] = "a local source that resolves outside the marketplace (symlink)",
        [DiagnosticCodes.SourceFolderMissing] = "a local source folder that does not exist (the CLI fails only at install)",
        [DiagnosticCodes.SecretFound] = "a credential or personal data in a plugin file",
    };
}
