using AgentOps.Core.Diagnostics;

namespace AgentOps.Core.Validation;

/// <summary>
/// The error codes by which we reject what `claude plugin validate` (2.1.331) accepts, on purpose, with
/// the reason. An error with one of these codes says so in its message; docs/marketplace/VALIDATE_AND_IMPORT.md
/// ("Stricter than the CLI") lists the same codes (a test keeps them equal), and the conformance tests
/// fail on any error only we report that is not here.
/// </summary>
public static class StricterThanClaudeCode
{
    public const string Marker = "stricter than Claude Code";

    public static readonly IReadOnlyDictionary<string, string> Reasons = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [DiagnosticCodes.JsonDuplicateKey] = "JSON.parse keeps the last of two equal keys silently, so what a reviewer reads is not what runs",
        [DiagnosticCodes.FrontmatterSyntax] = "the CLI drops every field of malformed YAML silently, and the component loads without metadata",
        [DiagnosticCodes.FrontmatterUnterminated] = "an unclosed frontmatter block turns the whole file into metadata or body by accident",
        [DiagnosticCodes.FrontmatterNotMapping] = "frontmatter that is not a mapping gives the component no metadata",
        [DiagnosticCodes.ComponentFieldMissing] = "an agent or skill without name or description cannot be chosen by the model (the CLI warns at most)",
        [DiagnosticCodes.UnknownTool] = "a misspelt tool is silently never granted",
        [DiagnosticCodes.UnknownModel] = "an unknown model fails only when the agent runs",
        [DiagnosticCodes.FrontmatterFieldWrongType] = "a field of the wrong YAML shape is dropped at load",
        [DiagnosticCodes.DependencyMissing] = "the install fails when the dependency is resolved",
        [DiagnosticCodes.DependencyCycle] = "plugins that depend on each other cannot be installed in order",
        [DiagnosticCodes.DependencyVersionUnsatisfied] = "the install fails on the version range",
        [DiagnosticCodes.DependencyConstraintInvalid] = "a range that is not semver cannot be checked",
        [DiagnosticCodes.FileUnreadable] = "a file that cannot be read is skipped by the CLI",
        [DiagnosticCodes.FileEmpty] = "an empty manifest or component is a mistake, not content",
        [DiagnosticCodes.FileBinary] = "a binary file where text is expected loads as garbage",
        [DiagnosticCodes.FileNotUtf8] = "the CLI decodes it with replacement characters",
        [DiagnosticCodes.FileTooLarge] = "a file over 10 MB is not a real manifest or component",
        [DiagnosticCodes.SymlinkBroken] = "a broken link ships nothing",
        [DiagnosticCodes.SymlinkLoop] = "a link loop ships nothing",
        [DiagnosticCodes.SymlinkEscapes] = "an installed plugin does not follow a link outside its folder",
        [DiagnosticCodes.SourceEscapesRoot] = "the install copies what the link points at, outside the marketplace",
        [DiagnosticCodes.UnsafeSource] = "a remote source that cannot be cloned safely (not owner/repo, `..`, a password in the URL, a command-running transport) fails or misbehaves only at install",
        [DiagnosticCodes.SourceFolderMissing] = "the CLI fails only at install",
        [DiagnosticCodes.SecretFound] = "a published credential is a leaked credential",
        [DiagnosticCodes.HookDownloadAndExecute] = "a hook that runs downloaded code runs unreviewed code on every event",
        [DiagnosticCodes.HookObfuscatedCommand] = "a hook that runs decoded text hides what it runs from review",
        [DiagnosticCodes.SettingsRunsCommand] = "a plugin setting that runs a command runs it on the user's machine",
        [DiagnosticCodes.SettingsDangerousEnv] = "a plugin environment variable that loads code or redirects API traffic takes over the session",
        [DiagnosticCodes.InvisibleUnicode] = "invisible characters make the model read what a reviewer cannot see",
    };

    /// <summary>The diagnostic with its message saying it is stricter than Claude Code, when it is an error of such a rule.</summary>
    public static Diagnostic Mark(Diagnostic d) =>
        d.IsError && Reasons.TryGetValue(d.Code, out var reason) && !d.Message.Contains(Marker, StringComparison.Ordinal)
            ? d with { Message = $"{d.Message} ({Marker}, which accepts it: {reason})" }
            : d;
}
