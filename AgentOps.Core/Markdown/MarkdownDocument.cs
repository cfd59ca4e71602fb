using AgentOps.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AgentOps.Core.Markdown;

/// <summary>A frontmatter value with where it stands in the file (1-based, file coordinates).</summary>
public sealed record FrontmatterField(string Key, YamlNode Value, int Line, int Column)
{
    /// <summary>The scalar text, or null when the value is a list or a mapping.</summary>
    public string? Scalar => (Value as YamlScalarNode)?.Value;

    /// <summary>The items of a YAML list, or of a comma-separated scalar ("Read, Grep").</summary>
    public IReadOnlyList<string> Items => Value switch
    {
        YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList(),
        YamlScalarNode s when !string.IsNullOrWhiteSpace(s.Value) =>
            s.Value!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        _ => [],
    };
}

/// <summary>A Markdown heading (<c>## Context</c>) and its 1-based line.</summary>
public sealed record MarkdownSection(int Level, string Title, int Line);

/// <summary>
/// A Markdown file with optional YAML frontmatter, as Claude Code reads commands, agents, skills and
/// as learned patterns are written. Every field and heading keeps its line so checks can point at it.
/// Parsing never throws: problems become <see cref="Errors"/>.
/// </summary>
public sealed class MarkdownDocument
{
    private MarkdownDocument(string path) => Path = path;

    public string Path { get; }
    public bool HasFrontmatter { get; private set; }

    /// <summary>Line of the opening <c>---</c> (1 when present).</summary>
    public int FrontmatterLine { get; private set; }

    public IReadOnlyDictionary<string, FrontmatterField> Fields { get; private set; } =
        new Dictionary<string, FrontmatterField>(StringComparer.Ordinal);

    // Body and Sections are computed on first use: the frontmatter checks never read them, and a 6 MB body of
    // headings made every parse hold a list of every line and every heading (hundreds of MB) for nothing.
    private string _text = "";
    private int _bodyIndex;
    private string? _body;
    private IReadOnlyList<MarkdownSection>? _sections;

    public IReadOnlyList<MarkdownSection> Sections => _sections ??= ReadSections(_text, _bodyIndex, BodyLine);
    public string Body => _body ??= _bodyIndex >= _text.Length ? "" : _text[_bodyIndex..];
    public int BodyLine { get; private set; } = 1;
    public IReadOnlyList<Diagnostic> Errors { get; private set; } = [];

    public FrontmatterField? Field(string key) => Fields.GetValueOrDefault(key);

    public static MarkdownDocument Parse(string path, string text)
    {
        var doc = new MarkdownDocument(path);
        text = text.Replace("\r\n", "\n");
        doc._text = text;
        var errors = new List<Diagnostic>();
        var lines = new LineScanner(text);

        if (IsLine(lines.Current, "---"))
        {
            doc.HasFrontmatter = true;
            doc.FrontmatterLine = 1;
            var yamlStart = lines.Next;
            var closed = false;
            while (lines.MoveNext())
            {
                if (IsLine(lines.Current, "---") || IsLine(lines.Current, "...")) { closed = true; break; }
            }
            if (!closed)
            {
                errors.Add(new Diagnostic(DiagnosticCodes.FrontmatterUnterminated, DiagnosticSeverity.Error, path, 1, 1,
                    "frontmatter opened with '---' is never closed by a second '---' line"));
            }
            else
            {
                var yaml = lines.Start > yamlStart ? text[yamlStart..(lines.Start - 1)] : "";
                doc.Fields = ParseYaml(path, yaml, lineOffset: 1, errors, "frontmatter");
            }
            // The body starts on the line after the closing one (or, unclosed, after the last line: empty).
            doc.BodyLine = lines.Index + 2;
            doc._bodyIndex = closed ? lines.Next : text.Length;
        }

        doc.Errors = errors;
        return doc;
    }

    /// <summary>
    /// A whole YAML file whose root is a mapping (an eval suite's case.yaml), read by the same parser, bounds and
    /// error reporting as frontmatter: one YAML reader in the codebase, so a file is judged the same way wherever it
    /// sits. Lines and columns are the file's own. Never throws: problems are in <paramref name="errors"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, FrontmatterField> ParseYamlFile(string path, string text, out IReadOnlyList<Diagnostic> errors)
    {
        var found = new List<Diagnostic>();
        var fields = ParseYaml(path, text.Replace("\r\n", "\n"), lineOffset: 0, found, System.IO.Path.GetFileName(path));
        errors = found;
        return fields;
    }

    private static bool IsLine(ReadOnlySpan<char> line, string marker) => line.TrimEnd().SequenceEqual(marker);

    /// <summary>Walks the '\n'-separated lines of a text as (start, end) offsets, allocating nothing.</summary>
    private struct LineScanner(string text)
    {
        private readonly string _text = text;

        /// <summary>0-based index of the current line.</summary>
        public int Index { get; private set; }
        public int Start { get; private set; }
        public int End { get; private set; } = LineEnd(text, 0);

        /// <summary>Where the line after the current one starts (past the end of the text on the last line).</summary>
        public readonly int Next => End + 1;

        public readonly ReadOnlySpan<char> Current => _text.AsSpan(Start, End - Start);

        public bool MoveNext()
        {
            if (End >= _text.Length) return false;
            Index++;
            Start = End + 1;
            End = LineEnd(_text, Start);
            return true;
        }

        private static int LineEnd(string text, int start) => text.IndexOf('\n', start) is var nl and >= 0 ? nl : text.Length;
    }

    /// <param name="what">How messages name the YAML: "frontmatter", or the file's name when the whole file is YAML.</param>
    private static Dictionary<string, FrontmatterField> ParseYaml(string path, string yaml, int lineOffset, List<Diagnostic> errors, string what)
    {
        var fields = new Dictionary<string, FrontmatterField>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(yaml)) return fields;
        // Depth, node count, alias expansion and line length are bounded before any tree is built.
        if (AgentOps.Core.Security.YamlBounds.Check(path, yaml, lineOffset) is { } tooComplex)
        {
            errors.Add(tooComplex);
            return fields;
        }
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            var line = (int)Math.Max(ex.Start.Line, 1) + lineOffset;
            var message = ex.InnerException is { } inner ? $"{ex.Message} {inner.Message}" : ex.Message;
            errors.Add(new Diagnostic(DiagnosticCodes.FrontmatterSyntax, DiagnosticSeverity.Error, path, line,
                (int)Math.Max(ex.Start.Column, 1), $"{what} is not valid YAML: {message}"));
            return fields;
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet throws this (not a YamlException) for some unterminated flow collections, e.g. "name: [x".
            errors.Add(new Diagnostic(DiagnosticCodes.FrontmatterSyntax, DiagnosticSeverity.Error, path, lineOffset + 1, 1,
                $"{what} is not valid YAML: {ex.Message}"));
            return fields;
        }
        catch (ArgumentException)
        {
            // YamlDotNet's scanner throws ArgumentOutOfRangeException (no position) for "\UFFFFFFFF" or
            // "\UD800": it escaped as an uncoded usage error. Reported at the escape, found in the text.
            var (line, column) = BadEscape(yaml);
            errors.Add(new Diagnostic(DiagnosticCodes.FrontmatterSyntax, DiagnosticSeverity.Error, path, line + lineOffset, column,
                $"{what} is not valid YAML: a \\U escape names no Unicode character (above U+10FFFF or a surrogate)"));
            return fields;
        }
        if (stream.Documents.Count == 0) return fields;
        if (stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            var root = stream.Documents[0].RootNode;
            errors.Add(new Diagnostic(DiagnosticCodes.FrontmatterNotMapping, DiagnosticSeverity.Error, path,
                (int)root.Start.Line + lineOffset, (int)root.Start.Column, $"{what} must be a mapping of 'key: value' lines"));
            return fields;
        }
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? keyNode.ToString();
            // A repeated key keeps its first occurrence, as most YAML readers report the first.
            fields.TryAdd(key, new FrontmatterField(key, value, (int)keyNode.Start.Line + lineOffset, (int)keyNode.Start.Column));
        }
        return fields;
    }

    /// <summary>1-based line and column of the first \\U escape that is not a Unicode scalar value, else (1, 1).</summary>
    private static (int Line, int Column) BadEscape(string yaml)
    {
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(yaml, @"\\U([0-9A-Fa-f]{8})"))
        {
            var value = Convert.ToUInt32(m.Groups[1].Value, 16);
            if (value <= 0x10FFFF && value is < 0xD800 or > 0xDFFF) continue;
            var lineStart = yaml.LastIndexOf('\n', Math.Max(m.Index - 1, 0)) + 1;
            return (yaml.AsSpan(0, m.Index).Count('\n') + 1, m.Index - lineStart + 1);
        }
        return (1, 1);
    }

    private static List<MarkdownSection> ReadSections(string text, int start, int firstLine)
    {
        var sections = new List<MarkdownSection>();
        if (start >= text.Length) return sections;
        var inFence = false;
        for (var (at, number) = (start, firstLine); at <= text.Length; number++)
        {
            var end = text.IndexOf('\n', at) is var nl and >= 0 ? nl : text.Length;
            var line = text.AsSpan(at, end - at);
            at = end + 1;
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) { inFence = !inFence; continue; }
            if (inFence || !line.StartsWith('#')) continue;
            var level = line.Length - line.TrimStart('#').Length;
            if (level > 6 || level >= line.Length || line[level] != ' ') continue;
            sections.Add(new MarkdownSection(level, line[level..].Trim().ToString(), number));
        }
        return sections;
    }
}
