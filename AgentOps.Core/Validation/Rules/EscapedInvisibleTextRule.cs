using AgentOps.Core.Diagnostics;
using AgentOps.Core.Json;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AgentOps.Core.Validation;

/// <summary>
/// AOP1110 for what <see cref="InvisibleUnicodeRule"/> cannot see in the raw text: a value of a JSON file or of
/// Markdown frontmatter that decodes to an invisible or reordering character (<c>"\u202E"</c> in plugin.json,
/// <c>"\u200B"</c> in a double-quoted YAML description), or to a control character (<c>\u001B[2J</c>, BEL,
/// NUL). The escape reads as harmless text to a reviewer, the value reaches the model as the hidden character,
/// and a control character in a description or name is a terminal escape sequence when Claude Code prints it
/// (<c>claude plugin list</c>, the <c>/</c> menu). Tab, line feed and carriage return are text. One finding per value.
/// </summary>
public static class EscapedInvisibleTextRule
{
    public static IEnumerable<Diagnostic> Check(PluginTextFile file)
    {
        if (file.RelativePath.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) return InJson(file);
        if (file.IsMarkdown && file.Text.StartsWith("---", StringComparison.Ordinal)) return InFrontmatter(file);
        return [];
    }

    private static IEnumerable<Diagnostic> InJson(PluginTextFile file)
    {
        // Unparsable JSON is reported by the manifest checks; JSON forbids raw control characters in strings, so any
        // that a parsed value holds was written as an escape.
        if (JsonFile.Parse(file.Path, file.Text, out _) is not { } root) yield break;
        foreach (var token in root is JContainer c ? c.DescendantsAndSelf() : [root])
        {
            var (text, at) = token switch
            {
                JProperty p => (p.Name, (JToken)p),
                JValue { Type: JTokenType.String } v => ((string)v!, v),
                _ => (null, null),
            };
            if (text is null || Offending(text) is not { } cp) continue;
            var (line, col) = JsonFile.Position(at);
            // A literal hidden character is InvisibleUnicodeRule's finding on the same line: not reported twice.
            if (!IsControl(cp) && LineHolds(file, line, cp)) continue;
            yield return Finding(file, line, col, cp, token is JProperty ? $"the key '{token.Path}'" : $"the value of '{token.Path}'");
        }
    }

    private static IEnumerable<Diagnostic> InFrontmatter(PluginTextFile file)
    {
        var doc = file.Markdown;
        foreach (var field in doc.Fields.Values)
            foreach (var scalar in Scalars(field.Value))
            {
                if (scalar.Value is not { } text || Offending(text) is not { } cp) continue;
                // The frontmatter's YAML starts on the file's second line.
                var line = (int)scalar.Start.Line + 1;
                // Only a double-quoted scalar has escapes; a literal hidden character is InvisibleUnicodeRule's.
                if (!IsControl(cp) && (scalar.Style != ScalarStyle.DoubleQuoted || LineHolds(file, line, cp))) continue;
                yield return Finding(file, line, (int)scalar.Start.Column, cp, $"the frontmatter value of '{field.Key}'");
            }
    }

    private static IEnumerable<YamlScalarNode> Scalars(YamlNode node) => node switch
    {
        YamlScalarNode s => [s],
        YamlSequenceNode seq => seq.Children.SelectMany(Scalars),
        YamlMappingNode map => map.Children.SelectMany(kv => Scalars(kv.Key).Concat(Scalars(kv.Value))),
        _ => [],
    };

    private static Diagnostic Finding(PluginTextFile file, int line, int col, int cp, string where) =>
        new(DiagnosticCodes.InvisibleUnicode, DiagnosticSeverity.Error, file.Path, line, col, IsControl(cp)
            ? $"{where} holds the control character {UnsafeText.Describe(cp)} written as an escape: printed by Claude Code it is a terminal control sequence, read by the model it is text a reviewer cannot see; remove it"
            : $"{where} holds the invisible or reordering character {UnsafeText.Describe(cp)} written as an escape: the model reads text a reviewer cannot see (ASCII smuggling, Trojan Source); remove it");

    /// <summary>The first control or hidden code point of a decoded value, or null.</summary>
    private static int? Offending(string text) => UnsafeText.FirstCodePoint(text, cp => IsControl(cp) || UnsafeText.IsHidden(cp));

    private static bool IsControl(int cp) => cp is < 0x20 and not ('\t' or '\n' or '\r') || cp is >= 0x7F and <= 0x9F;

    private static bool LineHolds(PluginTextFile file, int line, int cp) =>
        file.Line(line).IndexOf(char.ConvertFromUtf32(cp).AsSpan(), StringComparison.Ordinal) >= 0;
}
