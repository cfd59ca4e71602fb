using System.Text;
using System.Text.Json;

namespace AgentOps.Core.Json;

/// <summary>
/// Line and column of a value in JSON text read with System.Text.Json, whose elements carry no position:
/// readers that find a bad field by its path (<c>workflow</c>, 0, <c>duration</c>) ask here where it is, so
/// the diagnostic points at the line of the file at fault.
/// </summary>
public static class JsonPosition
{
    /// <summary>1-based line and column (in characters) of the property name, or of the array item, at
    /// <paramref name="path"/> (strings are keys, ints are indices); the root value for an empty path; null
    /// when the text has no such value.</summary>
    public static (int Line, int Column)? Find(string json, IReadOnlyList<object> path)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 128,
        });
        var open = new List<object>();        // the path of each open container below the root
        var nextIndex = new Stack<int>();    // per open container: the next array index, -1 for an object
        object? key = null;                  // the property whose value comes next
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        key = reader.GetString()!;
                        if (Is(open, key, path)) return Of(bytes, reader.TokenStartIndex);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        nextIndex.Pop();
                        if (open.Count > 0 && nextIndex.Count > 0) open.RemoveAt(open.Count - 1);
                        break;
                    default: // a value starts
                        object? segment = null;
                        if (nextIndex.Count == 0)
                        {
                            if (path.Count == 0) return Of(bytes, reader.TokenStartIndex);
                        }
                        else if (nextIndex.Peek() >= 0)
                        {
                            var index = nextIndex.Pop();
                            nextIndex.Push(index + 1);
                            segment = index;
                            if (Is(open, index, path)) return Of(bytes, reader.TokenStartIndex);
                        }
                        else segment = key;
                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        {
                            if (segment is not null) open.Add(segment);
                            nextIndex.Push(reader.TokenType == JsonTokenType.StartArray ? 0 : -1);
                        }
                        break;
                }
            }
        }
        catch (JsonException) { } // text past the error is not located
        return null;
    }

    /// <summary>1-based line and character column of a byte offset in UTF-8 text.</summary>
    public static (int Line, int Column) Of(ReadOnlySpan<byte> utf8, long byteOffset)
    {
        var before = utf8[..(int)byteOffset];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (1 + before.Count((byte)'\n'), 1 + Encoding.UTF8.GetCharCount(before[lineStart..]));
    }

    private static bool Is(List<object> open, object last, IReadOnlyList<object> path)
    {
        if (path.Count != open.Count + 1 || !Equals(path[^1], last)) return false;
        for (var i = 0; i < open.Count; i++)
            if (!Equals(open[i], path[i])) return false;
        return true;
    }
}
