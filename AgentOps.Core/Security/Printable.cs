using System.Text;

namespace AgentOps.Core.Security;

/// <summary>
/// Makes text from files safe to print on a terminal or in CI logs: control characters (ESC, CR, LF,
/// BEL…), bidirectional overrides and other invisible format characters become visible escapes
/// (<c>\x1b</c>, <c>\n</c>, <c>\u202e</c>). A crafted file name or description can then neither move the
/// cursor, recolour the screen, nor start a line of its own that a CI reads as a command
/// (GitHub Actions' <c>::error file=…::</c> annotations must start a line).
/// </summary>
public static class Printable
{
    public static string Sanitize(string? text, int maxChars = int.MaxValue)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        if (IsClean(text) && text.Length <= maxChars) return text;
        var sb = new StringBuilder(Math.Min(text.Length, maxChars) + 16);
        foreach (var c in text)
        {
            if (sb.Length >= maxChars) { sb.Append("..."); break; }
            if (!NeedsEscape(c)) { sb.Append(c); continue; }
            sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c < 0x100 => $"\\x{(int)c:x2}",
                _ => $"\\u{(int)c:x4}",
            });
        }
        return sb.ToString();
    }

    /// <summary>For text kept for display and search (catalog descriptions): every control or invisible
    /// format character becomes a space, so nothing stored can later drive a terminal or start a line.</summary>
    public static string Flatten(string text)
    {
        if (IsClean(text)) return text;
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (NeedsEscape(chars[i])) chars[i] = ' ';
        return new string(chars);
    }

    public static bool IsClean(string text)
    {
        foreach (var c in text)
            if (NeedsEscape(c)) return false;
        return true;
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c) // C0, DEL, C1 (includes ESC, CSI 0x9b, NEL 0x85)
        || c is '\u2028' or '\u2029' // line and paragraph separators
        || (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format && c != '\u200d'); // bidi, zero-width (ZWJ kept for emoji)
}
