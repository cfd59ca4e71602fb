using System.Text.RegularExpressions;
using AgentOps.Core.Diagnostics;

namespace AgentOps.Core.Validation;

/// <summary>
/// Inline suppression with a reason, in whatever comment the file's language has:
/// <c>agentops-disable-next-line AOP1103 -- calls our own status API</c> on the line above a finding,
/// <c>agentops-disable-line …</c> on its line, <c>agentops-disable-file …</c> anywhere in the file.
/// A suppression without a reason suppresses nothing and is itself reported (AOP1190): a reviewer must
/// learn why a rule does not apply. JSON has no comments: use .editorconfig for JSON files.
/// </summary>
public sealed partial class InlineSuppression
{
    private readonly Dictionary<string, string[]?> _lines = new(StringComparer.Ordinal);

    public List<Diagnostic> Problems { get; } = [];

    public bool Suppresses(Diagnostic d)
    {
        if (d.Line <= 0 || Lines(d.File) is not { } lines) return false;
        return Matches(lines, d.File, d.Line - 2, "next-line", d.Code) || Matches(lines, d.File, d.Line - 1, "line", d.Code)
            || Enumerable.Range(0, lines.Length).Any(i => Matches(lines, d.File, i, "file", d.Code));
    }

    private bool Matches(string[] lines, string file, int index, string scope, string code)
    {
        if (index < 0 || index >= lines.Length || !lines[index].Contains("agentops-disable-" + scope, StringComparison.Ordinal)) return false;
        var m = Directive().Match(lines[index]);
        if (!m.Success || m.Groups["scope"].Value != scope || !m.Groups["codes"].Value.Split(',').Select(c => c.Trim()).Contains(code, StringComparer.OrdinalIgnoreCase))
            return false;
        if (m.Groups["reason"].Value.Any(char.IsLetterOrDigit)) return true;
        var problem = new Diagnostic(DiagnosticCodes.SuppressionWithoutReason, DiagnosticSeverity.Warning, file, index + 1, m.Index + 1,
            $"the suppression of {code} gives no reason, so it suppresses nothing: add one after \"--\" (agentops-disable-{scope} {code} -- why it does not apply)");
        if (!Problems.Contains(problem)) Problems.Add(problem);
        return false;
    }

    private string[]? Lines(string file)
    {
        if (_lines.TryGetValue(file, out var lines)) return lines;
        lines = file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || !TextFileReader.TryRead(file, out var text, out _) ? null : text.Split('\n');
        return _lines[file] = lines;
    }

    // "-- reason" or ": reason"; a comment's own closing "-->" or "*/" is not a reason.
    [GeneratedRegex(@"agentops-disable-(?<scope>next-line|line|file)\s+(?<codes>AOP\d{4}(\s*,\s*AOP\d{4})*)(?:(?:\s+--\s+|\s*:\s*)(?<reason>.*?))?\s*(?:-->|\*/)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Directive();
}
