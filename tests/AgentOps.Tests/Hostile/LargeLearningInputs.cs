using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AgentOps.Tests.Hostile;

/// <summary>
/// Big but valid learning input, written fast (a StringBuilder, no per-line serializer): an execution.json with
/// thousands of steps, a Claude Code transcript with thousands of Agent calls and a hook log with thousands of
/// subagents, in the formats of ExecutionRecordReader, TranscriptParser and HookLogParser (the shape of
/// Fixtures/claude-code-samples, without the fields the parsers ignore).
/// </summary>
internal static class LargeLearningInputs
{
    public sealed record AgentCall(string SubagentType, string Description, bool Success);

    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-11-24T11:00:00Z", CultureInfo.InvariantCulture);

    /// <summary>The seed format: one step per agent name, 1.5 s each.</summary>
    public static string ExecutionRecord(IEnumerable<string> agents)
    {
        var sb = new StringBuilder("{\"execution_id\":\"big\",\"task\":\"Fix the login bug\",\"timestamp\":\"2026-11-24T11:00:00Z\",\"workflow\":[");
        var step = 0;
        foreach (var agent in agents)
        {
            if (step > 0) sb.Append(',');
            sb.Append("{\"step\":").Append(++step).Append(",\"agent\":").Append(JsonSerializer.Serialize(agent)).Append(",\"duration\":1.5,\"success\":true}");
        }
        return sb.Append("],\"result\":\"success\"}").ToString();
    }

    /// <summary>A session: the prompt, each Agent call and its result (5 ms apart), the closing end_turn.</summary>
    public static string Transcript(string prompt, IEnumerable<AgentCall> calls)
    {
        var sb = new StringBuilder();
        var ms = 0;
        string Ts() => T0.AddMilliseconds(ms += 5).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        sb.Append("{\"type\":\"user\",\"timestamp\":\"").Append(Ts()).Append("\",\"sessionId\":\"big\",\"message\":{\"role\":\"user\",\"content\":")
          .Append(JsonSerializer.Serialize(prompt)).Append("}}\n");
        var i = 0;
        foreach (var c in calls)
        {
            var id = $"toolu_{++i:D8}";
            sb.Append("{\"type\":\"assistant\",\"timestamp\":\"").Append(Ts()).Append("\",\"message\":{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"")
              .Append(id).Append("\",\"name\":\"Agent\",\"input\":{\"description\":").Append(JsonSerializer.Serialize(c.Description))
              .Append(",\"subagent_type\":").Append(JsonSerializer.Serialize(c.SubagentType)).Append("}}],\"stop_reason\":\"tool_use\"}}\n");
            sb.Append("{\"type\":\"user\",\"timestamp\":\"").Append(Ts()).Append("\",\"message\":{\"role\":\"user\",\"content\":[{\"tool_use_id\":\"")
              .Append(id).Append("\",\"type\":\"tool_result\",\"content\":\"").Append(c.Success ? "done" : "failed").Append("\",\"is_error\":")
              .Append(c.Success ? "false" : "true").Append("}]}}\n");
        }
        sb.Append("{\"type\":\"assistant\",\"timestamp\":\"").Append(Ts()).Append("\",\"message\":{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"All done.\"}],\"stop_reason\":\"end_turn\"}}\n");
        return sb.ToString();
    }

    /// <summary>A hook log as <c>agentops record</c> writes it: the prompt, then each subagent's SubagentStart and
    /// SubagentStop (the events the plugin's hooks saw before the lean hook set), then Stop and SessionEnd.</summary>
    public static string HookLog(string agentType, int subagents)
    {
        var sb = new StringBuilder();
        var ms = 0;
        void Event(string name, string fields) => sb.Append("{\"hook\":\"").Append(name).Append("\",\"received_at\":\"")
            .Append(T0.AddMilliseconds(ms += 5).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture))
            .Append("\",\"payload\":{\"session_id\":\"hooky\",\"hook_event_name\":\"").Append(name).Append('"').Append(fields).Append("}}\n");
        Event("UserPromptSubmit", ",\"prompt\":\"Fix the login bug\"");
        for (var i = 0; i < subagents; i++)
        {
            var agent = $",\"agent_id\":\"a{i:D8}\",\"agent_type\":{JsonSerializer.Serialize(agentType)}";
            Event("SubagentStart", agent);
            Event("SubagentStop", agent);
        }
        Event("Stop", "");
        Event("SessionEnd", ",\"reason\":\"other\"");
        return sb.ToString();
    }
}
