using AgentOps.Core.Diagnostics;
using AgentOps.Core.Security;

namespace AgentOps.Core.Validation;

/// <summary>
/// Scans every text file of a plugin with <see cref="SecretScanner"/>: a published plugin must not
/// carry credentials or personal data. The message names the kind of secret, never its value.
/// </summary>
public static class SecretsValidator
{
    public static IReadOnlyList<Diagnostic> Validate(string pluginDirectory)
    {
        var diagnostics = new List<Diagnostic>();
        foreach (var file in PluginFiles.Walk(pluginDirectory, includeLinks: false))
            diagnostics.AddRange(ValidateFile(file.FullName));
        return diagnostics;
    }

    public static IReadOnlyList<Diagnostic> ValidateFile(string path)
    {
        // Binary, non-UTF-8 and oversized files are skipped here: they are not text a secret hides in
        // plainly, and the checks that read them as manifests report them.
        if (!TextFileReader.TryRead(path, out var text, out _)) return [];
        // Author and owner e-mails in plugin.json / marketplace.json are contact details published on
        // purpose (the CLI even asks for them), not leaked personal data.
        var isManifest = Path.GetFileName(Path.GetDirectoryName(path)) == ".claude-plugin" && path.EndsWith(".json", StringComparison.Ordinal);
        return SecretScanner.Scan(text)
            .Where(f => !(isManifest && f.Kind == "email"))
            .Select(f => new Diagnostic(DiagnosticCodes.SecretFound, DiagnosticSeverity.Error, path, f.Line, f.Column,
                $"possible secret ({f.Kind}) in a plugin file: remove it and rotate it if it was real"))
            .ToList();
    }
}
