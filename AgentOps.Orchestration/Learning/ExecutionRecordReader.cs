using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AgentOps.Core.Diagnostics;
using AgentOps.Core.Json;

namespace AgentOps.Orchestration.Learning;

/// <summary>
/// Reads the seed's explicit execution record (<c>execution.json</c>):
/// <c>{ "execution_id", "task", "timestamp", "workflow": [{ "step", "agent", "duration", "success" }], "result", "total_duration" }</c>.
/// Durations are seconds as numbers or strings with a unit (<c>"45s"</c>, <c>"3m"</c>, <c>"1h"</c>, <c>"1500ms"</c>).
/// Wrong types give a clear error naming the field.
/// </summary>
public static partial class ExecutionRecordReader
{
    /// <summary>An execution record refused (AOP0912): the message names the field, and the file, line and column
    /// say where it is, so the CLI prints it in MSBuild's canonical form.</summary>
    public sealed class ExecutionRecordException(string message, IReadOnlyList<object>? field = null) : Exception(message)
    {
        /// <summary>Path of the field at fault: keys and array indices (<c>workflow</c>, 0, <c>duration</c>); empty for the whole record.</summary>
        public IReadOnlyList<object> Field { get; } = field ?? [];
        public string File { get; init; } = "execution.json";
        public int Line { get; init; }
        public int Column { get; init; }

        public Diagnostic ToDiagnostic() => new(DiagnosticCodes.ExecutionJsonInvalid, DiagnosticSeverity.Error, File, Line, Column, Message);
    }

    public static Execution ReadFile(string path)
    {
        try { return Parse(File.ReadAllText(path), Path.GetFileNameWithoutExtension(path)); }
        catch (ExecutionRecordException ex)
        {
            throw new ExecutionRecordException(ex.Message, ex.Field) { File = path, Line = ex.Line, Column = ex.Column };
        }
    }

    public static Execution Parse(string json, string fallbackId = "execution")
    {
        try { return ParseUnlocated(json, fallbackId); }
        catch (ExecutionRecordException ex) when (ex.Line == 0)
        {
            var (line, column) = JsonPosition.Find(json, ex.Field) ?? (1, 1);
            throw new ExecutionRecordException(ex.Message, ex.Field) { Line = line, Column = column };
        }
    }

    private static Execution ParseUnlocated(string json, string fallbackId)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(AgentOps.Core.Json.LoneSurrogates.Replace(json), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }); }
        catch (JsonException ex)
        {
            var message = ex.Message;
            var cut = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
            throw new ExecutionRecordException($"not valid JSON: {(cut > 0 ? message[..cut] : message)}")
            { Line = (int)(ex.LineNumber ?? 0) + 1, Column = (int)(ex.BytePositionInLine ?? 0) + 1 };
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new ExecutionRecordException("an execution record must be a JSON object");
            var id = OptString(root, [], "execution_id") ?? fallbackId;
            var task = OptString(root, [], "task") ?? throw new ExecutionRecordException("'task' is required (string)");
            var start = DateTimeOffset.UnixEpoch;
            if (OptString(root, [], "timestamp") is { } tss)
            {
                if (!DateTimeOffset.TryParse(tss, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out start))
                    throw new ExecutionRecordException($"'timestamp' must be an ISO date-time, got '{tss}'", ["timestamp"]);
            }
            var steps = new List<ExecutionStep>();
            var offset = 0.0;
            var allOk = true;
            if (root.TryGetProperty("workflow", out var wf))
            {
                if (wf.ValueKind != JsonValueKind.Array) throw new ExecutionRecordException("'workflow' must be an array of steps", ["workflow"]);
                var read = new List<(double Order, string Agent, double Duration, bool Ok, string? Title)>();
                var i = 0;
                foreach (var s in wf.EnumerateArray())
                {
                    i++;
                    object[] at = ["workflow", i - 1];
                    if (s.ValueKind != JsonValueKind.Object) throw new ExecutionRecordException($"workflow[{i - 1}] must be an object", at);
                    var agent = OptString(s, at, "agent") ?? OptString(s, at, "command") ?? throw new ExecutionRecordException($"workflow[{i - 1}].agent is required (string)", at);
                    var dur = s.TryGetProperty("duration", out var d) ? Duration(d, [.. at, "duration"]) : 0;
                    var ok = !s.TryGetProperty("success", out var sv) || sv.ValueKind switch
                    {
                        JsonValueKind.True => true,
                        JsonValueKind.False => false,
                        _ => throw new ExecutionRecordException($"workflow[{i - 1}].success must be true or false", [.. at, "success"]),
                    };
                    var (order, title) = Step(s, i, [.. at, "step"]);
                    read.Add((order, agent, dur, ok, title));
                }
                // The seed numbers its steps ("step": 1): the number is the order, not a title.
                foreach (var st in read.OrderBy(x => x.Order))
                {
                    allOk &= st.Ok;
                    var kind = st.Agent.StartsWith('/') ? AgentOps.Core.Patterns.StepKinds.Command : AgentOps.Core.Patterns.StepKinds.Subagent;
                    steps.Add(new ExecutionStep(st.Agent, kind, start.AddSeconds(offset), st.Duration, st.Ok ? StepOutcome.Success : StepOutcome.Error, null, st.Title));
                    offset += st.Duration;
                    if (offset > MaxDuration) throw new ExecutionRecordException("the workflow's step durations add up to more than ten years", ["workflow"]);
                }
            }
            var success = allOk;
            if (root.TryGetProperty("result", out var r))
            {
                success = r.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.String => r.GetString()!.ToLowerInvariant() switch
                    {
                        "success" or "succeeded" or "ok" or "passed" or "completed" => true,
                        "failure" or "failed" or "error" or "partial" or "rolled_back" or "rollback" or "aborted" => false,
                        var other => throw new ExecutionRecordException($"'result' must be success or failure, got '{other}'", ["result"]),
                    },
                    JsonValueKind.Object => OptString(r, ["result"], "status") is { } st ? st is "success" or "succeeded" or "ok" : allOk,
                    _ => throw new ExecutionRecordException("'result' must be a string (success|failure) or a boolean", ["result"]),
                };
            }
            var rolledBack = root.TryGetProperty("rolled_back", out var rb) && rb.ValueKind == JsonValueKind.True
                || (r.ValueKind == JsonValueKind.String && r.GetString() is "rolled_back" or "rollback");
            var total = root.TryGetProperty("total_duration", out var td) ? Duration(td, ["total_duration"]) : offset;
            return new Execution(id, task, start, steps, success, total, rolledBack, "execution.json")
            { FailureReason = success ? null : "result: failure" };
        }
    }

    /// <summary><c>"step"</c>: a number (or a numeric string) is the step's order; other text is its title and the
    /// step keeps its place in the array.</summary>
    private static (double Order, string? Title) Step(JsonElement s, int position, object[] field)
    {
        if (!s.TryGetProperty("step", out var v) || v.ValueKind == JsonValueKind.Null) return (position, null);
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var n) && double.IsFinite(n)) return (n, null);
        if (v.ValueKind == JsonValueKind.String)
        {
            var text = v.GetString()!.Trim();
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) && double.IsFinite(m)) return (m, null);
            return (position, text.Length == 0 ? null : text);
        }
        throw new ExecutionRecordException($"'{Name(field)}' must be a step number or a title (string), got {v.ValueKind.ToString().ToLowerInvariant()}", field);
    }

    /// <param name="at">Path of <paramref name="e"/> in the record, so an error names and locates the field.</param>
    private static string? OptString(JsonElement e, object[] at, string name)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        object[] field = [.. at, name];
        return v.ValueKind == JsonValueKind.String ? v.GetString() : throw new ExecutionRecordException($"'{Name(field)}' must be a string, got {v.ValueKind.ToString().ToLowerInvariant()}", field);
    }

    /// <summary>A field's path as the messages write it: <c>workflow[0].duration</c>.</summary>
    private static string Name(object[] field) =>
        string.Concat(field.Select((s, i) => s is int n ? $"[{n}]" : i == 0 ? (string)s : "." + s));

    [GeneratedRegex(@"^\s*(?<n>[0-9]+(?:\.[0-9]+)?)\s*(?<u>ms|s|sec|m|min|h)?\s*$")]
    private static partial Regex DurationText();

    /// <summary>Ten years: a longer step is a broken record. 1e400 (infinity) or 1e300 seconds passed the old
    /// check and overflowed the step's start time (an uncoded "Value to add was out of range", exit 1).</summary>
    private const double MaxDuration = 10 * 365.25 * 24 * 3600;

    private static double Duration(JsonElement v, object[] field)
    {
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && d is >= 0 and <= MaxDuration) return d;
        if (v.ValueKind == JsonValueKind.String && DurationText().Match(v.GetString()!) is { Success: true } m)
        {
            var n = double.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            var seconds = m.Groups["u"].Value switch { "ms" => n / 1000, "m" or "min" => n * 60, "h" => n * 3600, _ => n };
            if (seconds <= MaxDuration) return seconds;
        }
        throw new ExecutionRecordException($"'{Name(field)}' must be a duration in seconds (number >= 0, at most ten years, or \"45s\", \"3m\"), got {v.GetRawText()}", field);
    }
}
