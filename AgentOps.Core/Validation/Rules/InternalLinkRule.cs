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
        foreach (Match m in Link().Matches(text))
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

    // Same length, so positions stay right: fenced blocks and inline code blanked out.
    private static string WithoutCode(string text)
    {
        text = FencedBlock().Replace(text, m => Regex.Replace(m.Value, "[^\n]", " "));
        return InlineCode().Replace(text, m => new string(' ', m.Length));
    }

    // NonBacktracking (linear): the backtracking engine tried every "[" against the rest of its line, so a
    // line of a million "[" stalled validate and the build for hours.
    [GeneratedRegex(@"!?\[[^\]\n]*\]\((?<target><[^>\n]+>|[^)\s]+)(\s+""[^""\n]*"")?\)", RegexOptions.NonBacktracking)]
    private static partial Regex Link();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex Scheme();

    [GeneratedRegex(@"^ {0,3}(`{3,}|~{3,})[^\n]*\n.*?(^ {0,3}\1[ \t]*$|\z)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex(@"`[^`\n]+`")]
    private static partial Regex InlineCode();
}
