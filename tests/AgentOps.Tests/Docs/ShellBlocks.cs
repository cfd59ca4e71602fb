using System.Text.RegularExpressions;

namespace AgentOps.Tests.Docs;

/// <summary>A shell block of a Markdown file: where it starts, its commands, and why it is not run here (null: it is run).</summary>
internal sealed record ShellBlock(string File, int Line, string Text, string? NotRunnableBecause);

/// <summary>
/// Finds the shell blocks a user would run in Markdown: fenced blocks marked sh/bash/shell/console or unmarked
/// ones whose first command is a known program, and indented code blocks that start with one. A block preceded
/// by <c>&lt;!-- not runnable here: why --&gt;</c> is skipped by the docs test, which says why. Slash commands (typed
/// inside Claude Code) and XML/JSON blocks are not shell.
/// </summary>
internal static partial class ShellBlocks
{
    private static readonly HashSet<string> ShellLanguages = new(StringComparer.OrdinalIgnoreCase) { "sh", "bash", "shell", "console" };

    public static IReadOnlyList<ShellBlock> In(string file)
    {
        var lines = File.ReadAllLines(file);
        var blocks = new List<ShellBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (Fence().Match(lines[i]) is { Success: true } fence)
            {
                var end = i + 1;
                while (end < lines.Length && !lines[end].TrimStart().StartsWith("```", StringComparison.Ordinal)) end++;
                var body = lines[(i + 1)..Math.Min(end, lines.Length)].Select(l => Dedent(l, fence.Groups["indent"].Value.Length)).ToList();
                var language = fence.Groups["lang"].Value;
                if (ShellLanguages.Contains(language) || (language.Length == 0 && StartsWithCommand(body)))
                    blocks.Add(new ShellBlock(file, i + 1, string.Join('\n', body), MarkerBefore(lines, i)));
                i = end;
            }
            else if (lines[i].StartsWith("    ", StringComparison.Ordinal) && (i == 0 || lines[i - 1].Trim().Length == 0) && !InList(lines, i))
            {
                var end = i;
                while (end < lines.Length && (lines[end].StartsWith("    ", StringComparison.Ordinal) || lines[end].Trim().Length == 0)) end++;
                var body = lines[i..end].Select(l => Dedent(l, 4)).ToList();
                if (StartsWithCommand(body)) blocks.Add(new ShellBlock(file, i + 1, string.Join('\n', body).TrimEnd(), MarkerBefore(lines, i)));
                i = end - 1;
            }
        }
        return blocks;
    }

    /// <summary>The reason of a <c>&lt;!-- not runnable here: … --&gt;</c> comment right above line <paramref name="start"/> (blank lines allowed).</summary>
    private static string? MarkerBefore(string[] lines, int start)
    {
        for (var j = start - 1; j >= 0; j--)
        {
            if (lines[j].Trim().Length == 0) continue;
            return Marker().Match(lines[j]) is { Success: true } m ? m.Groups["why"].Value.Trim() : null;
        }
        return null;
    }

    private static bool StartsWithCommand(IEnumerable<string> body) =>
        body.Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#')) is { } first && Command().IsMatch(first);

    // An indented line continuing a list item is not a code block.
    private static bool InList(string[] lines, int i)
    {
        for (var j = i - 1; j >= 0; j--)
            if (lines[j].Trim().Length > 0) return ListItem().IsMatch(lines[j]) || lines[j].StartsWith("  ", StringComparison.Ordinal);
        return false;
    }

    private static string Dedent(string line, int indent) =>
        line.Length >= indent && line[..indent].Trim().Length == 0 ? line[indent..] : line.TrimStart();

    [GeneratedRegex(@"^(?<indent>\s*)```(?<lang>[A-Za-z]*)")]
    private static partial Regex Fence();

    [GeneratedRegex(@"<!--\s*not runnable here:(?<why>.*?)-->")]
    private static partial Regex Marker();

    [GeneratedRegex(@"^(\$ )?([A-Z_][A-Z0-9_]*=\S*\s+)*(dotnet|claude|npm|npx|git|agentops|cd|export|bash|sh|python3|mkdir|cp|ln|rm|chmod|ls|cat|curl|\./|[\w.-]+(/[\w.-]+)*\.sh)\b")]
    private static partial Regex Command();

    [GeneratedRegex(@"^\s*([-*+]|\d+\.)\s")]
    private static partial Regex ListItem();
}
