using System.Text.Json;

namespace AgentOps.Core.Diagnostics;

/// <summary>
/// The one JSON shape of a diagnostic, used by every `--json` output of the tool (validate, validate-pattern,
/// catalog, analyze-plugins, plan, learn): snake_case names, the registry's rule name and help link.
/// </summary>
public static class DiagnosticJson
{
    /// <summary>Writes <c>"diagnostics": [ … ]</c> into the object being written.</summary>
    public static void WriteArray(Utf8JsonWriter w, IEnumerable<Diagnostic> diagnostics, string? baseDirectory = null)
    {
        w.WriteStartArray("diagnostics");
        foreach (var d in diagnostics) Write(w, d, baseDirectory);
        w.WriteEndArray();
    }

    public static void Write(Utf8JsonWriter w, Diagnostic d, string? baseDirectory = null)
    {
        var descriptor = DiagnosticRegistry.Find(d.Code);
        w.WriteStartObject();
        w.WriteString("code", d.Code);
        w.WriteString("severity", SeverityName(d.Severity));
        w.WriteString("rule", descriptor?.Name ?? d.Code);
        w.WriteString("file", d.File);
        if (baseDirectory is not null)
        {
            if (DiagnosticWriters.RelativeUri(d.File, baseDirectory) is { } relative) w.WriteString("path", relative);
            else w.WriteNull("path");
        }
        w.WriteNumber("line", d.Line);
        w.WriteNumber("column", d.Column);
        w.WriteString("message", d.Message);
        if (descriptor is not null) w.WriteString("help_uri", descriptor.HelpUri);
        w.WriteEndObject();
    }

    public static string SeverityName(DiagnosticSeverity s) => s switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}
