using AgentOps.Core.Diagnostics;

namespace AgentOps.Core.Validation;

/// <summary>
/// AOP1110: invisible or reordering characters anywhere in a plugin text file (zero-width, bidi
/// overrides and isolates, tag characters that smuggle ASCII the model reads and a human does not).
/// A byte-order mark at the start and a zero-width joiner inside an emoji sequence are text, not tricks.
/// At most one finding a line and <see cref="MaxPerFile"/> a file.
/// </summary>
public static class InvisibleUnicodeRule
{
    public const int MaxPerFile = 10;

    public static IEnumerable<Diagnostic> Check(PluginTextFile file)
    {
        var text = file.Text;
        var reported = 0;
        var lastLine = 0;
        for (var i = 0; i < text.Length && reported < MaxPerFile; i++)
        {
            var pair = char.IsSurrogatePair(text, i);
            var cp = pair ? char.ConvertToUtf32(text[i], text[i + 1]) : text[i];
            if (UnsafeText.IsHidden(cp) && !(cp == 0xFEFF && i == 0) && !(cp == 0x200D && InEmoji(text, i)))
            {
                var (line, col) = file.Position(i);
                if (line != lastLine)
                {
                    reported++;
                    lastLine = line;
                    yield return new Diagnostic(DiagnosticCodes.InvisibleUnicode, DiagnosticSeverity.Error, file.Path, line, col,
                        $"invisible or reordering character {UnsafeText.Describe(cp)}: the model reads text a reviewer cannot see (ASCII smuggling, Trojan Source); remove it");
                }
            }
            if (pair) i++;
        }
    }

    private static bool InEmoji(string text, int i) =>
        i > 0 && i + 1 < text.Length && (char.IsLowSurrogate(text[i - 1]) || text[i - 1] == '\uFE0F') && char.IsHighSurrogate(text[i + 1]);
}
