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
        var text = file.Text;
        // Lines are read as spans of the text and inline code is blanked in one reused buffer: splitting the
        // file into strings and replacing code per line cost hundreds of MB on a few MB of markup.
        char[] buffer = [];
        (int Line, char Mark, int Length)? open = null;
        var number = 0;
        for (var at = 0; at <= text.Length;)
        {
            var end = text.IndexOf('\n', at) is var nl and >= 0 ? nl : text.Length;
            var (lineStart, lineLength) = (at, end - at);
            number++;
            at = end + 1;
            if (Fence(text.AsSpan(lineStart, lineLength)) is { } fence)
            {
                if (open is null) open = (number, fence.Mark, fence.Length);
                else if (fence.Mark == open.Value.Mark && fence.Length >= open.Value.Length && fence.InfoIsBlank) open = null;
                continue;
            }
            if (open is not null || !file.IsComponent) continue;
            if (buffer.Length < lineLength) buffer = new char[Math.Max(lineLength, buffer.Length * 2)];
            if (FirstPlaceholder(text.AsSpan(lineStart, lineLength), buffer) is { } p)
                yield return new Diagnostic(DiagnosticCodes.PlaceholderText, DiagnosticSeverity.Warning, file.Path, number, p.Index + 1,
                    $"placeholder text '{p.Value}' left in a component the model reads as instructions: write the real text");
        }
        if (open is { } unclosed)
            yield return new Diagnostic(DiagnosticCodes.UnclosedCodeFence, DiagnosticSeverity.Warning, file.Path, unclosed.Line, 1,
                $"this code fence ({FenceText(unclosed.Mark, unclosed.Length)}) is never closed: everything after it renders, and reads, as code");
    }

    // A real fence is a few characters; a hostile one of millions is named by its length, not copied into the message.
    private static string FenceText(char mark, int length) => length <= 16 ? new string(mark, length) : $"{length:N0} {mark} characters";

    /// <summary>The first placeholder of a line outside its inline code (blanked in <paramref name="buffer"/>, which
    /// holds at least the line).</summary>
    private static (int Index, string Value)? FirstPlaceholder(ReadOnlySpan<char> source, char[] buffer)
    {
        var line = buffer.AsSpan(0, source.Length);
        source.CopyTo(line);
        foreach (var code in InlineCode().EnumerateMatches(line))
            line.Slice(code.Index, code.Length).Fill(' ');
        foreach (var p in Placeholder().EnumerateMatches(line))
            return (p.Index, line.Slice(p.Index, p.Length).Trim().ToString());
        return null;
    }

    /// <summary>A fence line: its mark (` or ~), the length of its run and whether the info string after it is blank.</summary>
    private static (char Mark, int Length, bool InfoIsBlank)? Fence(ReadOnlySpan<char> line)
    {
        if (!FenceLine().IsMatch(line)) return null;
        var run = line.TrimStart(' ');
        var mark = run[0];
        var length = run.Length - run.TrimStart(mark).Length;
        return (mark, length, run[length..].Trim().IsEmpty);
    }

    [GeneratedRegex(@"^ {0,3}(`{3,}|~{3,})[^`]*$")]
    private static partial Regex FenceLine();

    [GeneratedRegex(@"`[^`\n]+`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\b(TODO|FIXME|TBD|XXX)\b[:)]?|\blorem ipsum\b|\[(your|insert|add|describe|replace)[^\]\n]{0,40}(here)?\]|<(your|insert)[ -][^>\n]{1,40}>|\{\{\s*[a-z_]+\s*\}\}", RegexOptions.IgnoreCase)]
    private static partial Regex Placeholder();
}
