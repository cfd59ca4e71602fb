using System.Globalization;
using System.Text;
using System.Text.Json;
using AgentOps.Core.Patterns;

namespace AgentOps.Bench.LearningCurve;

/// <summary>
/// Writes a simulated execution in the seed's execution.json format (what <c>agentops learn-from</c>
/// reads): <c>execution_id, task, timestamp, workflow: [{step, agent, duration, success}], result,
/// total_duration</c>. The format has no start times, so attempts are listed step by step, a retry right
/// after the attempt it repeats; total_duration is the wall-clock time (parallel groups overlapped).
/// </summary>
public static class ExecutionJsonWriter
{
    public static string Write(string folder, string executionId, string task, DateTimeOffset start, SimulatedRun run)
    {
        Directory.CreateDirectory(folder);
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("execution_id", executionId);
            w.WriteString("task", task);
            w.WriteString("timestamp", start.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            w.WriteStartArray("workflow");
            var firstStart = run.Attempts.GroupBy(a => a.StepIndex).ToDictionary(g => g.Key, g => g.Min(a => a.Start));
            foreach (var a in run.Attempts.OrderBy(a => firstStart[a.StepIndex]).ThenBy(a => a.StepIndex).ThenBy(a => a.Attempt))
            {
                w.WriteStartObject();
                w.WriteString("step", a.Attempt == 1 ? a.Title : a.Title + " (retry)");
                w.WriteString("agent", a.Kind == StepKinds.Command && !a.Agent.StartsWith('/') ? "/" + a.Agent : a.Agent);
                w.WriteNumber("duration", Math.Round(a.Seconds, 1));
                w.WriteBoolean("success", a.Success);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteString("result", run.Success ? "success" : "failure");
            w.WriteNumber("total_duration", Math.Round(run.Makespan, 1));
            w.WriteEndObject();
        }
        var path = Path.Combine(folder, executionId + ".json");
        AtomicFile.WriteAllText(path, Encoding.UTF8.GetString(ms.ToArray()) + "\n");
        return path;
    }
}
