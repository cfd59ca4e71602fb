using System.Text.RegularExpressions;
using AgentOps.Core.Diagnostics;

namespace AgentOps.Core.Validation;

/// <summary>
/// AOP1107: text the model reads but a human reviewing the rendered Markdown does not see, holding
/// directives: HTML comments, link-label comments (<c>[//]: # (…)</c>) and link titles. A comment that
/// only documents (a licence header, a TODO) has no directive words and is not reported.
/// </summary>
public static partial class HiddenInstructionsRule
{
    public static IEnumerable<Diagnostic> Check(PluginTextFile file)
    {
        if (!file.IsMarkdown) yield break;
        foreach (var (match, where) in Hidden(file.Text))
        {
            var directive = Directive().Match(match.Value);
            if (!directive.Success) continue;
            var (line, col) = file.Position(match.Index);
            yield return new Diagnostic(DiagnosticCodes.HiddenInstructions, DiagnosticSeverity.Warning, file.Path, line, col,
                $"{where} holds an instruction ('{Excerpt(directive.Value)}') that the rendered page hides from a reviewer but the model reads; write it in the visible text or remove it");
        }
    }

    private static IEnumerable<(Match, string)> Hidden(string text)
    {
        // One match at a time: a MatchCollection keeps every match it has enumerated.
        for (var m = HtmlComment().Match(text); m.Success; m = m.NextMatch()) yield return (m, "an HTML comment");
        for (var m = LabelComment().Match(text); m.Success; m = m.NextMatch()) yield return (m, "a link-label comment");
        for (var m = LinkTitle().Match(text); m.Success; m = m.NextMatch()) yield return (m, "a link title");
    }

    private static string Excerpt(string s) => s.Length <= 60 ? s : s[..57] + "...";

    // NonBacktracking (linear) here and in LinkTitle: the backtracking engine tried every "<!--" (every "](")
    // against the rest of the file, so 8 MB of "<!--" stalled validate and the build for hours.
    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    private static partial Regex HtmlComment();

    // "[x]: # (text)", "[x]: <> (text)", and "[x]: <text with spaces>" (an angle destination no link can be).
    [GeneratedRegex(@"^[ \t]*\[[^\]\n]*\]:[ \t]*((#|<>)[ \t]*[(""'][^\n]*|<[^>\n]*[ \t][^>\n]*>[^\n]*)$", RegexOptions.Multiline)]
    private static partial Regex LabelComment();

    [GeneratedRegex(@"\]\([^)\s]+\s+""[^""\n]{12,}""\)", RegexOptions.NonBacktracking)]
    private static partial Regex LinkTitle();

    // Words that address the model or change its behaviour, not words that describe.
    [GeneratedRegex(@"\b(ignore (all |any )?(previous|prior|above|earlier)|disregard|you (must|should|are|will)|do not (tell|mention|reveal|show|inform)|don't (tell|mention|reveal)|without (telling|asking|informing)|system prompt|new instructions?|instead,? (you|run|execute|send|call)|(run|execute|send|upload|exfiltrate|post|curl|fetch)\b[^\n]{0,40}\b(to|from) https?://|always (run|execute|call|send|include)|never (tell|mention|ask|reveal))", RegexOptions.IgnoreCase)]
    private static partial Regex Directive();
}
