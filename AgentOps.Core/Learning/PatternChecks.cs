using AgentOps.Core.Diagnostics;
using AgentOps.Core.Patterns;

namespace AgentOps.Core.Learning;

/// <summary>
/// The one seam through which the learning engine validates a pattern. Today it runs the interim rules
/// below; when branch <c>validation</c> merges, the body becomes
/// <c>AgentOps.Core.Validation.PatternValidator.Validate(path, text)</c> (one line) so the build, the
/// <c>validate-pattern</c> command and <c>learn</c> share the same code.
/// </summary>
public static class PatternChecks
{
    public static IReadOnlyList<Diagnostic> Validate(string path, string text) => InterimPatternRules.Validate(path, text);

    public static IReadOnlyList<Diagnostic> ValidateFile(string path)
    {
        try { return Validate(path, File.ReadAllText(path)); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [new Diagnostic(DiagnosticCodes.PatternUnreadable, DiagnosticSeverity.Error, path, 0, 0, $"cannot read pattern: {ex.Message}")];
        }
    }
}

/// <summary>The rules of docs/meta-orchestrator/PATTERN_FORMAT.md, until the shared validator lands.</summary>
internal static class InterimPatternRules
{
    public static IReadOnlyList<Diagnostic> Validate(string path, string text)
    {
        var result = PatternReader.Parse(path, text);
        var diags = result.Diagnostics.ToList();
        var doc = Markdown.MarkdownDocument.Parse(path, text);
        if (!doc.HasFrontmatter || doc.Errors.Count > 0) return diags;
        if (result.Pattern is { } p)
        {
            if (p.Executions < 3)
                diags.Add(new Diagnostic(DiagnosticCodes.PatternFieldRange, DiagnosticSeverity.Error, path, doc.Field("executions")!.Line, 1,
                    $"'executions' must be >= 3 (a pattern needs at least 3 executions), got {p.Executions}"));
            var fileId = Path.GetFileNameWithoutExtension(path);
            if (path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && fileId != p.Id)
                diags.Add(new Diagnostic(DiagnosticCodes.PatternFileNameMismatch, DiagnosticSeverity.Warning, path, doc.Field("pattern_id")!.Line, 1,
                    $"file name '{fileId}.md' does not match pattern_id '{p.Id}'"));
        }
        var folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path)) ?? "");
        if (folder is "validated" or "learned" && doc.Field("validated") is null)
            diags.Add(new Diagnostic(DiagnosticCodes.PatternFieldMissing, DiagnosticSeverity.Error, path, doc.FrontmatterLine, 1,
                $"required field 'validated' is missing (required in {folder}/)"));
        foreach (var section in new[] { "Context", "Workflow", "Metrics" })
            if (!doc.Sections.Any(s => s.Level == 2 && s.Title.Equals(section, StringComparison.OrdinalIgnoreCase)))
                diags.Add(new Diagnostic(DiagnosticCodes.PatternSectionMissing, DiagnosticSeverity.Error, path, doc.BodyLine, 1,
                    $"required section '## {section}' is missing"));
        return diags.OrderBy(d => d.Line).ToList();
    }
}
