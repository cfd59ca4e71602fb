using System.Globalization;
using AgentOps.Core.Diagnostics;
using AgentOps.Core.Json;
using Newtonsoft.Json.Linq;

namespace AgentOps.Core.Validation;

/// <summary>
/// Characters public marketplace CI refuses in names and commands: shell metacharacters in names (a
/// name ends up in paths and shell lines), and hidden or bidirectional Unicode anywhere in a name or
/// command (text that reads differently from what runs: "Trojan Source").
/// </summary>
public static class UnsafeText
{
    private const string ShellMetacharacters = ";&|$`<>(){}[]*?!~'\"\\#";

    /// <summary>The first shell metacharacter or whitespace in a name, or null.</summary>
    public static char? FirstShellMetacharacter(string name)
    {
        foreach (var c in name)
            if (ShellMetacharacters.Contains(c) || char.IsWhiteSpace(c)) return c;
        return null;
    }

    /// <summary>The first hidden or bidirectional character (zero-width, bidi embedding/override/isolate,
    /// invisible operators, tag characters, BOM), or null.</summary>
    public static int? FirstHiddenCodePoint(string text) => FirstCodePoint(text, IsHidden);

    /// <summary>The first code point of a text (a surrogate pair read as one) that <paramref name="match"/> accepts, or null.</summary>
    public static int? FirstCodePoint(string text, Func<int, bool> match)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var pair = char.IsSurrogatePair(text, i);
            var cp = pair ? char.ConvertToUtf32(text[i], text[i + 1]) : text[i];
            if (match(cp)) return cp;
            if (pair) i++;
        }
        return null;
    }

    public static bool IsHidden(int cp) =>
        cp is 0x00AD or 0x061C or 0x180E or 0xFEFF
        || cp is >= 0x200B and <= 0x200F
        || cp is >= 0x202A and <= 0x202E
        || cp is >= 0x2060 and <= 0x2064
        || cp is >= 0x2066 and <= 0x2069
        || cp is >= 0xE0000 and <= 0xE007F;

    public static string Describe(int codePoint) =>
        $"U+{codePoint.ToString("X4", CultureInfo.InvariantCulture)}";

    /// <summary>AOP0806 / AOP0807 for a name value (plugin, marketplace, entry, command, agent, skill).</summary>
    public static IEnumerable<Diagnostic> CheckName(JToken? token, string file, string what)
    {
        if (token is not JValue { Type: JTokenType.String } v) yield break;
        var name = (string)v!;
        if (FirstHiddenCodePoint(name) is { } cp)
            yield return JsonFile.At(v, DiagnosticCodes.HiddenUnicode, DiagnosticSeverity.Warning, file,
                $"{what} '{name}' holds the invisible or bidirectional character {Describe(cp)}; it reads differently from what it is: remove it");
        else if (FirstShellMetacharacter(name) is { } c)
            yield return JsonFile.At(v, DiagnosticCodes.ShellMetacharacter, DiagnosticSeverity.Warning, file,
                $"{what} '{name}' holds the shell metacharacter '{c}'; names end up in paths and shell lines: use letters, digits, '-', '_' and '.'");
    }

    /// <summary>AOP0807 for a command line (hook command, MCP server command or argument).</summary>
    public static IEnumerable<Diagnostic> CheckCommand(JToken? token, string file, string what)
    {
        if (token is JValue { Type: JTokenType.String } v && FirstHiddenCodePoint((string)v!) is { } cp)
            yield return JsonFile.At(v, DiagnosticCodes.HiddenUnicode, DiagnosticSeverity.Warning, file,
                $"{what} holds the invisible or bidirectional character {Describe(cp)}: what it shows is not what runs; remove it");
    }
}
