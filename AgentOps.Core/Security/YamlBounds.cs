using AgentOps.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AgentOps.Core.Security;

/// <summary>
/// Bounds YAML before it is turned into a tree. YamlDotNet's node builder recurses once per level, so
/// 40,000 nested "[" overflow the stack and kill the process (exit 134, no catch possible); aliases are
/// shared nodes that any walk expands, so nine levels of ten aliases ("billion laughs") make a walk of
/// 10^9 nodes. The event parser is iterative: one pass over its events counts depth, nodes and the
/// size every alias expands to, and stops at the first limit, with the line where it was crossed.
/// Frontmatter of commands, agents, skills and patterns never comes near these limits.
/// </summary>
public static class YamlBounds
{
    public const int MaxDepth = 64;
    public const int MaxNodes = 10_000;
    public const int MaxLineLength = 64 * 1024;

    /// <summary>Null when within bounds; otherwise the problem, at its file line (<paramref name="lineOffset"/> added).</summary>
    public static Diagnostic? Check(string path, string yaml, int lineOffset)
    {
        var lineStart = 0;
        for (int i = 0, line = 1; i <= yaml.Length; i++)
        {
            if (i < yaml.Length && yaml[i] != '\n') continue;
            if (i - lineStart > MaxLineLength)
                return Problem(path, line + lineOffset, $"line {line + lineOffset} is longer than {MaxLineLength / 1024} KB");
            lineStart = i + 1;
            line++;
        }
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        long expanded = 0;
        var anchorSize = new Dictionary<string, long>(StringComparer.Ordinal);
        var open = new Stack<(string? Anchor, long Start)>();
        try
        {
            while (parser.MoveNext())
            {
                var e = parser.Current!;
                var at = (int)e.Start.Line + lineOffset;
                switch (e)
                {
                    case MappingStart or SequenceStart:
                        if (++depth > MaxDepth) return Problem(path, at, $"frontmatter nests deeper than {MaxDepth} levels");
                        open.Push((((NodeEvent)e).Anchor.IsEmpty ? null : ((NodeEvent)e).Anchor.Value, expanded));
                        expanded++;
                        break;
                    case MappingEnd or SequenceEnd:
                        depth--;
                        var (anchor, start) = open.Pop();
                        if (anchor is not null) anchorSize[anchor] = expanded - start;
                        break;
                    case Scalar s:
                        expanded++;
                        if (!s.Anchor.IsEmpty) anchorSize[s.Anchor.Value] = 1;
                        break;
                    case AnchorAlias alias:
                        // An alias to a collection still open refers to itself: a cycle.
                        if (!anchorSize.TryGetValue(alias.Value.Value, out var size))
                            return Problem(path, at, $"alias *{Printable.Sanitize(alias.Value.Value, 40)} refers to an anchor not yet complete (a cycle) or not defined");
                        expanded += size;
                        break;
                }
                if (expanded > MaxNodes)
                    return Problem(path, at, $"frontmatter expands to more than {MaxNodes:N0} nodes (aliases of aliases: a \"billion laughs\")");
            }
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException or ArgumentException)
        {
            // A syntax error (YamlDotNet throws InvalidOperationException for some unterminated flow
            // collections, ArgumentOutOfRangeException for an escape naming no character, "\UFFFFFFFF"):
            // the tree builder reports it with its own message; the limits held up to here.
            return null;
        }
        return null;
    }

    private static Diagnostic Problem(string path, int line, string message) =>
        new(DiagnosticCodes.FrontmatterTooComplex, DiagnosticSeverity.Error, path, Math.Max(line, 1), 1, message + ": not parsed further");
}
