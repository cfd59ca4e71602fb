using System.Globalization;
using System.Text.RegularExpressions;
using AgentOps.Core.Diagnostics;
using AgentOps.Core.Markdown;

namespace AgentOps.Core.Validation;

/// <summary>
/// Checks a learned pattern (patterns/**/*.md) against plugins/agentops-meta-orchestrator/docs/PATTERN_FORMAT.md.
/// Used by the build, `agentops validate-pattern` and `agentops learn`, so all three agree.
/// </summary>
public static partial class PatternValidator
{
    public static readonly IReadOnlyList<string> RequiredSections = ["Context", "Workflow", "Metrics"];
    // `created` is not among them: the seed's validator never asked for it (its README's example has none); the reader
    // warns (AOP0209) and dates such a pattern itself.
    private static readonly string[] RequiredFields = ["pattern_id", "category", "success_rate", "executions"];

    public static IReadOnlyList<Diagnostic> ValidateFile(string path)
    {
        if (!TextFileReader.TryRead(path, out var text, out var problem)) return [problem!];
        return Validate(path, text);
    }

    public static IReadOnlyList<Diagnostic> Validate(string path, string text)
    {
        var doc = MarkdownDocument.Parse(path, text);
        var d = new List<Diagnostic>(doc.Errors);
        if (doc.Errors.Count > 0) return d;
        var endOfFrontmatter = Math.Max(doc.BodyLine - 1, 1);
        if (!doc.HasFrontmatter)
            d.Add(Error(DiagnosticCodes.PatternFrontmatterMissing, path, 1, 1,
                "a pattern starts with YAML frontmatter (pattern_id, category, created, success_rate, executions)"));
        else
        {
            var needed = RequiredFields.AsEnumerable();
            if (IsLifecycleFolder(path)) needed = needed.Append("validated");
            foreach (var key in needed.Where(k => doc.Field(k) is null))
                d.Add(Error(DiagnosticCodes.PatternFieldMissing, path, endOfFrontmatter, 1, $"required field '{key}' is missing from the frontmatter"));
            CheckFields(doc, d);
        }
        foreach (var section in RequiredSections.Where(s => !doc.Sections.Any(h => h.Level == 2 && h.Title.Equals(s, StringComparison.OrdinalIgnoreCase))))
            d.Add(Error(DiagnosticCodes.PatternSectionMissing, path, doc.HasFrontmatter ? endOfFrontmatter : 1, 1, $"required section '## {section}' is missing"));
        // What the reader passes over (a workflow line naming no agent, a ledger line it cannot read) is lost to every
        // plan and write-back: say so here too, so the build, validate-pattern and learn warn of the same lines.
        if (!d.Any(x => x.IsError))
            d.AddRange(Patterns.PatternReader.FromDocument(doc).Diagnostics.Where(x => !x.IsError && !d.Contains(x)));
        return d;
    }

    private static void CheckFields(MarkdownDocument doc, List<Diagnostic> d)
    {
        var path = doc.Path;
        if (doc.Field("pattern_id") is { } id && !(id.Scalar is { } v && PatternId().IsMatch(v)))
            d.Add(Error(DiagnosticCodes.PatternIdInvalid, path, id.Line, id.Column,
                $"pattern_id '{id.Scalar}' must match [a-z0-9][a-z0-9_-]{{0,63}}: no '/', '..' or other path characters"));
        if (doc.Field("category") is { } cat && !(cat.Scalar is { } c && KebabCase().IsMatch(c)))
            d.Add(Error(DiagnosticCodes.PatternCategoryInvalid, path, cat.Line, cat.Column, $"category '{cat.Scalar}' must be kebab-case"));
        foreach (var key in new[] { "created", "updated" })
            if (doc.Field(key) is { } date && !IsIsoDate(date.Scalar))
                d.Add(Error(DiagnosticCodes.PatternDateInvalid, path, date.Line, date.Column, $"{key} '{date.Scalar}' must be an ISO date (yyyy-MM-dd) or date-time (yyyy-MM-ddTHH:mm:ssZ)"));
        if (doc.Field("success_rate") is { } rate
            && !(double.TryParse(rate.Scalar, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r is >= 0 and <= 1))
            d.Add(Error(DiagnosticCodes.PatternSuccessRateInvalid, path, rate.Line, rate.Column, $"success_rate '{rate.Scalar}' must be a number in [0, 1]"));
        // A validated pattern rests on at least 3 executions; one promoted by hand (learn-from --force) says
        // validated: false and needs one.
        var minimum = doc.Field("validated")?.Scalar == "false" ? 1 : 3;
        if (doc.Field("executions") is { } ex
            && !(int.TryParse(ex.Scalar, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= minimum))
            d.Add(Error(DiagnosticCodes.PatternExecutionsInvalid, path, ex.Line, ex.Column,
                minimum == 3 ? $"executions '{ex.Scalar}' must be an integer >= 3 (or the pattern says validated: false)" : $"executions '{ex.Scalar}' must be an integer >= 1"));
        if (doc.Field("validated") is { } val && val.Scalar is not ("true" or "false"))
            d.Add(Error(DiagnosticCodes.PatternValidatedInvalid, path, val.Line, val.Column, $"validated '{val.Scalar}' must be true or false"));
    }

    /// <summary>An ISO 8601 date, or a date-time with its offset (the seed writes <c>2025-11-07T22:30:00Z</c>).</summary>
    private static bool IsIsoDate(string? s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
        || (s is { Length: >= 20 } && s[4] == '-' && s[10] == 'T' && (s.EndsWith('Z') || s[^6] is '+' or '-')
            && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _));

    // validated/ and learned/ patterns must say whether they passed validation.
    private static bool IsLifecycleFolder(string path)
    {
        var parts = path.Replace('\\', '/').Split('/');
        return parts.Contains("validated") || parts.Contains("learned");
    }

    private static Diagnostic Error(string code, string path, int line, int col, string message) =>
        new(code, DiagnosticSeverity.Error, path, line, col, message);

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex PatternId();
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
