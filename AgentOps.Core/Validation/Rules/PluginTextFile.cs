using AgentOps.Core.Markdown;

namespace AgentOps.Core.Validation;

/// <summary>
/// One text file of a plugin, read once and shared by every content rule: its text, where each line
/// starts (so a rule reports file(line,col) from a character index) and what kind of component it is.
/// </summary>
public sealed class PluginTextFile
{
    private int[]? _lineStarts;
    private MarkdownDocument? _markdown;

    public PluginTextFile(string path, string relativePath, string text)
    {
        Path = path;
        RelativePath = relativePath.Replace('\\', '/');
        Text = text;
    }

    public string Path { get; }

    /// <summary>'/'-separated, relative to the plugin root ("skills/x/SKILL.md").</summary>
    public string RelativePath { get; }

    public string Text { get; }

    public bool IsMarkdown => RelativePath.EndsWith(".md", StringComparison.OrdinalIgnoreCase);

    /// <summary>A command, agent or skill file: text Claude Code puts in the model's context.</summary>
    public bool IsComponent => IsMarkdown && (RelativePath.StartsWith("commands/", StringComparison.Ordinal)
        || RelativePath.StartsWith("agents/", StringComparison.Ordinal)
        || (RelativePath.StartsWith("skills/", StringComparison.Ordinal) && RelativePath.EndsWith("/SKILL.md", StringComparison.Ordinal)));

    /// <summary>The file read as Markdown with its frontmatter, parsed on first use and shared by every rule that reads it.</summary>
    public MarkdownDocument Markdown => _markdown ??= MarkdownDocument.Parse(Path, Text);

    /// <summary>1-based line and column of a character index.</summary>
    public (int Line, int Column) Position(int index)
    {
        _lineStarts ??= LineStarts(Text);
        var line = Array.BinarySearch(_lineStarts, index);
        if (line < 0) line = ~line - 1;
        return (line + 1, index - _lineStarts[line] + 1);
    }

    /// <summary>The text of a 1-based line without its line feed; empty past the end.</summary>
    public ReadOnlySpan<char> Line(int line)
    {
        _lineStarts ??= LineStarts(Text);
        if (line < 1 || line > _lineStarts.Length) return [];
        var start = _lineStarts[line - 1];
        var end = line < _lineStarts.Length ? _lineStarts[line] - 1 : Text.Length;
        return Text.AsSpan(start, end - start);
    }

    private static int[] LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
            if (text[i] == '\n') starts.Add(i + 1);
        return starts.ToArray();
    }

    /// <summary>Reads every text file of a plugin (symlinks, binary, non-UTF-8 and oversized files are
    /// left to the checks that report them).</summary>
    public static IReadOnlyList<PluginTextFile> ReadAll(string pluginDirectory)
    {
        var files = new List<PluginTextFile>();
        foreach (var file in PluginFiles.Walk(pluginDirectory, includeLinks: false))
            if (TextFileReader.TryRead(file.FullName, out var text, out _))
                files.Add(new PluginTextFile(file.FullName, System.IO.Path.GetRelativePath(pluginDirectory, file.FullName), text));
        return files;
    }
}
