using AgentOps.Core.Diagnostics;
using AgentOps.Core.Validation;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AgentOps.Core.Json;

/// <summary>
/// Parses JSON keeping each token's line and column (Newtonsoft's LineInfoHandling.Load), so every
/// later check can point at the exact line of plugin.json, marketplace.json or hooks.json at fault.
/// </summary>
public static class JsonFile
{
    private static readonly JsonLoadSettings Settings = new()
    {
        LineInfoHandling = LineInfoHandling.Load,
        CommentHandling = CommentHandling.Load,
        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Replace, // JSON.parse keeps the last, as the CLI does
    };

    /// <summary>Reads and parses a JSON file; on any problem returns null with a diagnostic.</summary>
    public static JToken? Load(string path, out Diagnostic? diagnostic)
    {
        if (!TextFileReader.TryRead(path, out var text, out diagnostic)) return null;
        return Parse(path, text, out diagnostic);
    }

    public static JToken? Parse(string path, string text, out Diagnostic? diagnostic)
    {
        diagnostic = null;
        if (StrictSyntaxError(path, text) is { } strict)
        {
            diagnostic = strict;
            return null;
        }
        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { MaxDepth = 128, DateParseHandling = DateParseHandling.None };
            var token = JToken.ReadFrom(reader, Settings);
            // Anything after the value (a second object, stray text) is invalid JSON for the CLI too.
            while (reader.Read())
                if (reader.TokenType != JsonToken.Comment)
                    throw new JsonReaderException("Additional text found after the end of the JSON value.", "", reader.LineNumber, reader.LinePosition, null);
            return token;
        }
        catch (JsonException ex)
        {
            var (line, col) = ex is JsonReaderException r ? (r.LineNumber, r.LinePosition) : (0, 0);
            diagnostic = new Diagnostic(DiagnosticCodes.JsonSyntax, DiagnosticSeverity.Error, path, Math.Max(line, 1), Math.Max(col, 1),
                $"invalid JSON: {FirstSentence(ex.Message)}");
            return null;
        }
    }

    // Claude Code parses with JSON.parse: no comments, trailing commas, single quotes or NaN, which
    // Newtonsoft tolerates. System.Text.Json's defaults are exactly as strict; a leading BOM is allowed.
    private static Diagnostic? StrictSyntaxError(string path, string text)
    {
        try
        {
            using var _ = System.Text.Json.JsonDocument.Parse(text.TrimStart('\uFEFF'), new System.Text.Json.JsonDocumentOptions { MaxDepth = 128 });
            return DuplicateKey(path, text.TrimStart('\uFEFF'));
        }
        catch (System.Text.Json.JsonException ex)
        {
            var (line, column) = SyntaxErrorPosition(text.TrimStart('\uFEFF'), ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0);
            return new Diagnostic(DiagnosticCodes.JsonSyntax, DiagnosticSeverity.Error, path, line, column, $"invalid JSON: {ReaderMessage(ex.Message)}");
        }
    }

    // System.Text.Json counts the column in bytes: on a line with Cyrillic, CJK or emoji before the error,
    // the byte count overshoots the column an editor shows, so it is turned into characters.
    internal static (int Line, int Column) SyntaxErrorPosition(string text, long zeroBasedLine, long bytePositionInLine)
    {
        var start = 0;
        for (var l = 0; l < zeroBasedLine && start >= 0; l++)
        {
            var next = text.IndexOf('\n', start);
            start = next < 0 ? -1 : next + 1;
        }
        if (start < 0) return ((int)zeroBasedLine + 1, (int)bytePositionInLine + 1);
        var end = text.IndexOf('\n', start);
        var lineBytes = System.Text.Encoding.UTF8.GetBytes(end < 0 ? text[start..] : text[start..end]);
        var taken = (int)Math.Min(bytePositionInLine, lineBytes.Length);
        return ((int)zeroBasedLine + 1, System.Text.Encoding.UTF8.GetCharCount(lineBytes, 0, taken) + 1);
    }

    // The reader's message ends with its own 0-based position ("LineNumber: 1 | BytePositionInLine: 91.") and
    // path, which contradict the 1-based line and character column the diagnostic gives, and may advise
    // changing the reader's options, which a marketplace author cannot: both are cut.
    internal static string ReaderMessage(string message)
    {
        foreach (var tail in new[] { " LineNumber: ", " Path: " })
        {
            var cut = message.IndexOf(tail, StringComparison.Ordinal);
            if (cut > 0) message = message[..cut];
        }
        return message.Replace(" which is not supported in this mode. Change the reader options.", ", which JSON does not allow.", StringComparison.Ordinal)
            .Replace(" Change the reader options.", "", StringComparison.Ordinal).TrimEnd();
    }

    /// <summary>
    /// The first key an object names twice. JSON.parse keeps the last one silently, so a reviewer reading
    /// the first sees one value while Claude Code uses another: reported, never guessed at.
    /// </summary>
    private static Diagnostic? DuplicateKey(string path, string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var reader = new System.Text.Json.Utf8JsonReader(bytes, new System.Text.Json.JsonReaderOptions { MaxDepth = 128 });
        var objects = new Stack<HashSet<string>?>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case System.Text.Json.JsonTokenType.StartObject: objects.Push(new HashSet<string>(StringComparer.Ordinal)); break;
                case System.Text.Json.JsonTokenType.StartArray: objects.Push(null); break;
                case System.Text.Json.JsonTokenType.EndObject or System.Text.Json.JsonTokenType.EndArray: objects.Pop(); break;
                case System.Text.Json.JsonTokenType.PropertyName when objects.Peek() is { } keys && !keys.Add(KeyOf(ref reader)):
                    var (line, column) = JsonPosition.Of(bytes, reader.TokenStartIndex);
                    return new Diagnostic(DiagnosticCodes.JsonDuplicateKey, DiagnosticSeverity.Error, path, line, column,
                        $"key '{AgentOps.Core.Security.Printable.Sanitize(KeyOf(ref reader), 80)}' appears twice in one object; Claude Code (JSON.parse) silently uses the last: keep one");
            }
        }
        return null;
    }

    // A key escaping a lone surrogate ("\udc00") is valid JSON (JSON.parse keeps it) but GetString throws on it
    // (an unhandled crash of every reader of manifests): such a key is compared by its escaped text, marked with
    // a lone U+D800 that no decodable key can hold, so it never equals a decoded one.
    private static string KeyOf(ref System.Text.Json.Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            var raw = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray();
            return "\uD800" + System.Text.Encoding.UTF8.GetString(raw);
        }
    }

    /// <summary>1-based line and column of a token (of its property name when it is a property value).</summary>
    public static (int Line, int Column) Position(JToken? token)
    {
        var located = token is { Parent: JProperty p } ? p : token;
        return located is IJsonLineInfo info && info.HasLineInfo() ? (info.LineNumber, info.LinePosition) : (1, 1);
    }

    public static Diagnostic At(JToken? token, string code, DiagnosticSeverity severity, string path, string message)
    {
        var (line, col) = Position(token);
        return new Diagnostic(code, severity, path, line, col, message);
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path '", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
