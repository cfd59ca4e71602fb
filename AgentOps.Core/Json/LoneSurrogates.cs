namespace AgentOps.Core.Json;

/// <summary>
/// JSON may escape half of a surrogate pair ("\ud800" alone): JSON.parse accepts it and Claude Code writes
/// whatever text a tool returned, but System.Text.Json's GetString throws InvalidOperationException on it,
/// which crashed every reader of transcripts and execution records. Such an escape becomes "\ufffd" (the
/// replacement character) before parsing; everything else is left as it is.
/// </summary>
public static class LoneSurrogates
{
    public static string Replace(string json)
    {
        // Fast path: no "\u" escape of the D800-DFFF range at all.
        if (json.IndexOf("\\u", StringComparison.OrdinalIgnoreCase) < 0) return json;
        System.Text.StringBuilder? sb = null;
        var copied = 0;
        for (var i = 0; i < json.Length - 1; i++)
        {
            if (json[i] != '\\') continue;
            if (json[i + 1] != 'u') { i++; continue; } // "\\", "\"": the next character is escaped, not an escape
            if (Unit(json, i) is not { } unit) continue;
            if (char.IsHighSurrogate(unit) && Unit(json, i + 6) is { } low && char.IsLowSurrogate(low)) { i += 11; continue; }
            if (!char.IsSurrogate(unit)) { i += 5; continue; }
            sb ??= new System.Text.StringBuilder(json.Length);
            sb.Append(json, copied, i - copied).Append("\\ufffd");
            copied = i + 6;
            i += 5;
        }
        return sb is null ? json : sb.Append(json, copied, json.Length - copied).ToString();
    }

    // The UTF-16 unit of a "\uXXXX" escape starting at index i, or null.
    private static char? Unit(string s, int i) =>
        i + 6 <= s.Length && s[i] == '\\' && s[i + 1] == 'u' && ushort.TryParse(s.AsSpan(i + 2, 4), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var v)
            ? (char)v : null;
}
