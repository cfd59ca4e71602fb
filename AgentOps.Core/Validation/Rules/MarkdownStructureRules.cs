using System.Text.RegularExpressions;
using AgentOps.Core.Diagnostics;

namespace AgentOps.Core.Validation;

/// <summary>
/// AOP1155 (a code fence never closed: the rest of the file renders as code and the model reads it as
/// an example, not an instruction) and AOP1156 (placeholder text left in a component: TODO, FIXME,
/// lorem ipsum, "[your … here]", "&lt;insert …&gt;"). Text inside closed fences and inline code is an
/// example and is not searched for placeholders.
/// </summary>
public static partial class MarkdownStructureRules
{
    public static IEnumerable<Diagnostic> Check(PluginTextFile file)
    {
        if (!file.IsMarkdown) yield break;
        var lines = file.Text.Split('\n');
        (int Line, char Mark, int Length)? open = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = Fence().Match(lines[i]);
            if (fence.Success)
            {
                var run = fence.Groups["run"].Value;
                if (open is null) open = (i + 1, run[0], run.Length);
                else if (run[0] == open.Value.Mark && run.Length >= open.Value.Length && fence.Groups["info"].Value.Trim().Length == 0) open = null;
                continue;
            }
            if (open is not null || !file.IsComponent) continue;
            var text = InlineCode().Replace(lines[i], m => new string(' ', m.Length));
            if (Placeholder().Match(text) is { Success: true } p)
                yield return new Diagnostic(DiagnosticCodes.PlaceholderText, DiagnosticSeverity.Warning, file.Path, i + 1, p.Index + 1,
                    $"placeholder text '{p.Value.Trim()}' left in a component the model reads as instructions: write the real text");
        }
        if (open is { } unclosed)
            yield return new Diagnostic(DiagnosticCodes.UnclosedCodeFence, DiagnosticSeverity.Warning, file.Path, unclosed.Line, 1,
                $"this code fence ({new string(unclosed.Mark, unclosed.Length)}) is never closed: everything after it renders, and reads, as code");
    }

    [GeneratedRegex(@"^ {0,3}(?<run>`{3,}|~{3,})(?<info>[^`]*)$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"`[^`\n]+`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\b(TODO|FIXME|TBD|XXX)\b[:)]?|\blorem ipsum\b|\[(your|insert|add|describe|replace)[^\]\n]{0,40}(here)?\]|<(your|insert)[ -][^>\n]{1,40}>|\{\{\s*[a-z_]+\s*\}\}", RegexOptions.IgnoreCase)]
    private static partial Regex Placeholder();
}
