using System.Text.RegularExpressions;
using AgentOps.Core.Diagnostics;

namespace AgentOps.Core.Validation;

/// <summary>
/// AOP1151: a relative Markdown link (or image) whose target does not exist next to the file. Links to
/// the web, anchors, absolute paths, ${VAR} paths and links inside code are not checked.
/// </summary>
public static partial class InternalLinkRule
{
    public static IEnumerable<Diagnostic> Check(PluginTextFile file)
    {
        if (!file.IsMarkdown) yield break;
        var text = WithoutCode(file.Text);
        var folder = Path.GetDirectoryName(file.Path)!;
        // One match at a time (not a MatchCollection, which keeps every match): a file of a million links
        // must not hold a million Match objects.
        for (var m = Link().Match(text); m.Success; m = m.NextMatch())
        {
            var target = m.Groups["target"].Value.Trim('<', '>');
            if (target.Length == 0 || target.StartsWith('#') || target.StartsWith('/') || Scheme().IsMatch(target) || target.Contains("${", StringComparison.Ordinal)) continue;
            var path = Uri.UnescapeDataString(target.Split('#', '?')[0]);
            if (path.Length == 0 || File.Exists(Path.Combine(folder, path)) || Directory.Exists(Path.Combine(folder, path))) continue;
            var (line, col) = file.Position(m.Groups["target"].Index);
            yield return new Diagnostic(DiagnosticCodes.BrokenInternalLink, DiagnosticSeverity.Warning, file.Path, line, col,
                $"the link target '{path}' does not exist (relative to {Path.GetFileName(folder)}/): fix the path or add the file");
        }
    }

    // Same length, so positions stay right: fenced blocks and inline code blanked out, in one copy of the
    // text (a Replace per match built a string per code span: hundreds of MB for a file of inline code).
    private static string WithoutCode(string text)
    {
        char[]? blanked = null;
        foreach (var fence in FencedBlock().EnumerateMatches(text))
        {
            blanked ??= text.ToCharArray();
            foreach (ref var c in blanked.AsSpan(fence.Index, fence.Length))
                if (c != '\n') c = ' ';
        }
        // Inline code is found in the text with fences already blanked, as before; blanking a match only
        // changes characters the scan has passed.
        ReadOnlySpan<char> scanned = blanked ?? text.AsSpan();
        foreach (var code in InlineCode().EnumerateMatches(scanned))
        {
            blanked ??= text.ToCharArray();
            blanked.AsSpan(code.Index, code.Length).Fill(' ');
        }
        return blanked is null ? text : new string(blanked);
    }

    // NonBacktracking (linear): the backtracking engine tried every "[" against the rest of its line, so a
    // line of a million "[" stalled validate and the build for hours.
    [GeneratedRegex(@"!?\[[^\]\n]*\]\((?<target><[^>\n]+>|[^)\s]+)(\s+""[^""\n]*"")?\)", RegexOptions.NonBacktracking)]
    private static partial Regex Link();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex Scheme();

    // The opening run is atomic: when its line has no newline after it (the last line), the engine gave the
    // run back one character at a time and rescanned the rest of the line each time, so a last line of
    // 6 MB of backticks took hours. Giving it back never helped a match: the closing alternative \z always
    // succeeds once the opening line has its newline.
    [GeneratedRegex(@"^ {0,3}((?>`{3,}|~{3,}))[^\n]*\n.*?(^ {0,3}\1[ \t]*$|\z)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex(@"`[^`\n]+`")]
    private static partial Regex InlineCode();
}
