using System.Text.Json;

namespace AgentOps.Core.Json;

/// <summary>
/// The few shapes every hand-ordered JSON document of the CLI writes (plans, rankings, catalog reports): an
/// array of strings, an array of objects, a value that may be null. One copy, so they cannot drift apart.
/// </summary>
public static class JsonWriterExtensions
{
    public static void WriteStrings(this Utf8JsonWriter w, string name, IEnumerable<string> items)
    {
        w.WriteStartArray(name);
        foreach (var item in items) w.WriteStringValue(item);
        w.WriteEndArray();
    }

    /// <summary>An array with one object per item; <paramref name="writeFields"/> writes the item's fields.</summary>
    public static void WriteObjects<T>(this Utf8JsonWriter w, string name, IEnumerable<T> items, Action<Utf8JsonWriter, T> writeFields)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            w.WriteStartObject();
            writeFields(w, item);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    public static void WriteStringOrNull(this Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteString(name, value);
    }

    public static void WriteNumberOrNull(this Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v) w.WriteNumber(name, v); else w.WriteNull(name);
    }

    public static void WriteNumberOrNull(this Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v) w.WriteNumber(name, v); else w.WriteNull(name);
    }
}
