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
    // Per file, only its lines that hold a directive, by 0-based index: a file's every line kept as a string
    // (and scanned again for each finding) cost hundreds of MB and quadratic time on a large file.
    private readonly Dictionary<string, SortedList<int, string>?> _directives = new(StringComparer.Ordinal);

    public List<Diagnostic> Problems { get; } = [];

    public bool Suppresses(Diagnostic d)
    {
        if (d.Line <= 0 || Directives(d.File) is not { } lines) return false;
        return Matches(lines, d.File, d.Line - 2, "next-line", d.Code) || Matches(lines, d.File, d.Line - 1, "line", d.Code)
            || lines.Keys.Any(i => Matches(lines, d.File, i, "file", d.Code));
    }

    private bool Matches(SortedList<int, string> lines, string file, int index, string scope, string code)
    {
        if (!lines.TryGetValue(index, out var line) || !line.Contains("agentops-disable-" + scope, StringComparison.Ordinal)) return false;
        var m = Directive().Match(line);
        if (!m.Success || m.Groups["scope"].Value != scope || !m.Groups["codes"].Value.Split(',').Select(c => c.Trim()).Contains(code, StringComparer.OrdinalIgnoreCase))
            return false;
        if (m.Groups["reason"].Value.Any(char.IsLetterOrDigit)) return true;
        var problem = new Diagnostic(DiagnosticCodes.SuppressionWithoutReason, DiagnosticSeverity.Warning, file, index + 1, m.Index + 1,
            $"the suppression of {code} gives no reason, so it suppresses nothing: add one after \"--\" (agentops-disable-{scope} {code} -- why it does not apply)");
        if (!Problems.Contains(problem)) Problems.Add(problem);
        return false;
    }

    private SortedList<int, string>? Directives(string file)
    {
        if (_directives.TryGetValue(file, out var lines)) return lines;
        lines = file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || !TextFileReader.TryRead(file, out var text, out _) ? null : DirectiveLines(text);
        return _directives[file] = lines;
    }

    // The '\n'-separated lines that mention "agentops-disable-", by index; the file is never split.
    private static SortedList<int, string> DirectiveLines(string text)
    {
        const string Marker = "agentops-disable-";
        var lines = new SortedList<int, string>();
        var (index, lineStart) = (0, 0);
        for (var at = text.IndexOf(Marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(Marker, at, StringComparison.Ordinal))
        {
            index += text.AsSpan(lineStart, at - lineStart).Count('\n');
            lineStart = text.LastIndexOf('\n', at) + 1;
            var end = text.IndexOf('\n', at) is var nl and >= 0 ? nl : text.Length;
            lines.Add(index, text[lineStart..end]);
            at = end;
        }
        return lines;
    }

    // "-- reason" or ": reason"; a comment's own closing "-->" or "*/" is not a reason.
    [GeneratedRegex(@"agentops-disable-(?<scope>next-line|line|file)\s+(?<codes>AOP\d{4}(\s*,\s*AOP\d{4})*)(?:(?:\s+--\s+|\s*:\s*)(?<reason>.*?))?\s*(?:-->|\*/)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Directive();
}
