using System.Globalization;
using System.Text.Json;
using AgentOps.Core.Patterns;

namespace AgentOps.Bench.LearningCurve;

/// <summary>
/// Writes a simulated execution as a Claude Code 2.1.331 session transcript
/// (<c>&lt;session&gt;.jsonl</c>), with the line shapes of the real samples in
/// <c>../shared/claude-code-samples</c> (and of the tests' LearningFixtures): the queued prompt, the user
/// prompt, a date attachment, one assistant line per <c>Agent</c> tool_use (the steps of a parallel group
/// share one message id and start together), one user line per tool_result with
/// <c>toolUseResult.status</c>, <c>agentType</c> and <c>totalDurationMs</c> (<c>is_error</c> when the attempt
/// failed), a retry as a new tool_use of the same agent, the final check of the whole result as a Bash
/// call (failing when the run missed a needed capability), the final <c>end_turn</c> text and the
/// last-prompt line. Ids and uuids come from the session key, so the file is deterministic.
/// </summary>
public static class TranscriptWriter
{
    private const string Cwd = "/home/dev/project", Version = "2.1.331", Model = "claude-opus-5-5";

    public static string Write(string folder, string sessionKey, string task, DateTimeOffset start, SimulatedRun run)
    {
        Directory.CreateDirectory(folder);
        var session = Uuid(sessionKey, "session");
        var lines = new List<Dictionary<string, object?>>();
        var counter = 0;
        string NextUuid() => Uuid(sessionKey, $"line{counter++}");
        string Ts(double seconds) => start.AddSeconds(seconds).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        Dictionary<string, object?> Common(Dictionary<string, object?> d)
        {
            d["userType"] = "external"; d["entrypoint"] = "sdk-cli"; d["cwd"] = Cwd; d["sessionId"] = session; d["version"] = Version; d["gitBranch"] = "master";
            return d;
        }

        lines.Add(new() { ["type"] = "queue-operation", ["operation"] = "enqueue", ["timestamp"] = Ts(0), ["sessionId"] = session, ["content"] = task });
        var promptId = Uuid(sessionKey, "prompt");
        var parent = NextUuid();
        lines.Add(Common(new()
        {
            ["parentUuid"] = null, ["isSidechain"] = false, ["promptId"] = promptId, ["type"] = "user",
            ["message"] = new Dictionary<string, object?> { ["role"] = "user", ["content"] = task },
            ["uuid"] = parent, ["timestamp"] = Ts(0), ["permissionMode"] = "bypassPermissions",
        }));
        lines.Add(new() { ["parentUuid"] = parent, ["isSidechain"] = false, ["attachment"] = new Dictionary<string, object?> { ["type"] = "date", ["date"] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, ["type"] = "attachment", ["uuid"] = NextUuid(), ["timestamp"] = Ts(0), ["sessionId"] = session });

        // Launches and results in time order; launches at the same moment are one assistant message.
        var offset = 1.0; // the model takes a second to answer the prompt
        var events = run.Attempts.Select((a, i) => (Time: a.Start + offset, Launch: true, A: a, I: i))
            .Concat(run.Attempts.Select((a, i) => (Time: a.End + offset, Launch: false, A: a, I: i)))
            .OrderBy(e => e.Time).ThenBy(e => e.Launch ? 1 : 0).ThenBy(e => e.I).ToList();
        var toolIds = run.Attempts.Select((a, i) => "toolu_" + Uuid(sessionKey, $"tool{i}").Replace("-", "")[..24]).ToList();
        var agentIds = run.Attempts.Select((a, i) => "a" + Uuid(sessionKey, $"agent{i}").Replace("-", "")[..16]).ToList();
        string? messageId = null;
        double messageTime = -1;
        foreach (var e in events)
        {
            var a = e.A;
            if (e.Launch)
            {
                if (messageId is null || Math.Abs(messageTime - e.Time) > 1e-6) { messageId = "msg_" + Uuid(sessionKey, $"msg{e.I}").Replace("-", "")[..24]; messageTime = e.Time; }
                var uuid = NextUuid();
                lines.Add(Common(new()
                {
                    ["parentUuid"] = parent, ["isSidechain"] = false,
                    ["message"] = new Dictionary<string, object?>
                    {
                        ["id"] = messageId, ["type"] = "message", ["role"] = "assistant", ["model"] = Model,
                        ["content"] = new object[]
                        {
                            new Dictionary<string, object?>
                            {
                                ["type"] = "tool_use", ["id"] = toolIds[e.I], ["name"] = "Agent",
                                ["input"] = new Dictionary<string, object?>
                                {
                                    ["description"] = a.Attempt == 1 ? a.Title : a.Title + " (retry after the checkpoint)",
                                    ["prompt"] = $"{a.Title}. Task: {task}", ["subagent_type"] = a.Agent, ["run_in_background"] = false,
                                },
                            },
                        },
                        ["stop_reason"] = "tool_use", ["stop_sequence"] = null,
                    },
                    ["type"] = "assistant", ["uuid"] = uuid, ["timestamp"] = Ts(e.Time),
                }));
                parent = uuid;
            }
            else
            {
                var uuid = NextUuid();
                var text = a.Success ? $"Subagent finished: {a.Title} done." : $"Subagent failed: {a.Title} did not pass its checks.";
                lines.Add(Common(new()
                {
                    ["parentUuid"] = parent, ["isSidechain"] = false, ["promptId"] = promptId, ["type"] = "user",
                    ["message"] = new Dictionary<string, object?>
                    {
                        ["role"] = "user",
                        ["content"] = new object[]
                        {
                            new Dictionary<string, object?>
                            {
                                ["tool_use_id"] = toolIds[e.I], ["type"] = "tool_result",
                                ["content"] = new object[] { new Dictionary<string, object?> { ["type"] = "text", ["text"] = text } },
                                ["is_error"] = !a.Success,
                            },
                        },
                    },
                    ["uuid"] = uuid, ["timestamp"] = Ts(e.Time),
                    ["toolUseResult"] = new Dictionary<string, object?>
                    {
                        ["status"] = a.Success ? "completed" : "failed", ["agentId"] = agentIds[e.I], ["agentType"] = a.Agent,
                        ["totalDurationMs"] = (long)Math.Round(a.Seconds * 1000), ["totalToolUseCount"] = 3,
                    },
                    ["sourceToolAssistantUUID"] = parent,
                }));
                parent = uuid;
            }
        }
        // The orchestrator's final check of the whole result (the project's tests) as a Bash call.
        var checkAt = run.Makespan + offset + 0.5;
        var bashId = "toolu_" + Uuid(sessionKey, "check").Replace("-", "")[..24];
        var bashUse = NextUuid();
        lines.Add(Common(new()
        {
            ["parentUuid"] = parent, ["isSidechain"] = false,
            ["message"] = new Dictionary<string, object?>
            {
                ["id"] = "msg_" + Uuid(sessionKey, "checkmsg").Replace("-", "")[..24], ["type"] = "message", ["role"] = "assistant", ["model"] = Model,
                ["content"] = new object[] { new Dictionary<string, object?> { ["type"] = "tool_use", ["id"] = bashId, ["name"] = "Bash", ["input"] = new Dictionary<string, object?> { ["command"] = "make check", ["description"] = "Run the project's checks on the whole result" } } },
                ["stop_reason"] = "tool_use", ["stop_sequence"] = null,
            },
            ["type"] = "assistant", ["uuid"] = bashUse, ["timestamp"] = Ts(checkAt),
        }));
        var bashResult = NextUuid();
        var output = run.GapFound ? "FAIL: the result misses part of the task" : "all checks passed";
        lines.Add(Common(new()
        {
            ["parentUuid"] = bashUse, ["isSidechain"] = false, ["promptId"] = promptId, ["type"] = "user",
            ["message"] = new Dictionary<string, object?> { ["role"] = "user", ["content"] = new object[] { new Dictionary<string, object?> { ["tool_use_id"] = bashId, ["type"] = "tool_result", ["content"] = output, ["is_error"] = run.GapFound } } },
            ["uuid"] = bashResult, ["timestamp"] = Ts(checkAt + 0.4),
            ["toolUseResult"] = new Dictionary<string, object?> { ["stdout"] = output, ["stderr"] = "", ["interrupted"] = false, ["isImage"] = false, ["noOutputExpected"] = false },
            ["sourceToolAssistantUUID"] = bashUse,
        }));
        parent = bashResult;
        var endTime = run.Makespan + offset + 1;
        var final = NextUuid();
        lines.Add(Common(new()
        {
            ["parentUuid"] = parent, ["isSidechain"] = false,
            ["message"] = new Dictionary<string, object?>
            {
                ["id"] = "msg_" + Uuid(sessionKey, "final").Replace("-", "")[..24], ["type"] = "message", ["role"] = "assistant", ["model"] = Model,
                ["content"] = new object[] { new Dictionary<string, object?> { ["type"] = "text", ["text"] = run.Success ? "All steps passed." : "Some steps failed; see above." } },
                ["stop_reason"] = "end_turn", ["stop_sequence"] = null,
            },
            ["type"] = "assistant", ["uuid"] = final, ["timestamp"] = Ts(endTime),
        }));
        lines.Add(new() { ["type"] = "last-prompt", ["lastPrompt"] = task, ["leafUuid"] = final, ["sessionId"] = session });

        var path = Path.Combine(folder, session + ".jsonl");
        AtomicFile.WriteAllText(path, string.Join("\n", lines.Select(l => JsonSerializer.Serialize(l))) + "\n");
        return path;
    }

    /// <summary>A deterministic version-4-shaped uuid from a key.</summary>
    public static string Uuid(string key, string part)
    {
        var a = (ulong)(SimRandom.Uniform(key + "/" + part + "/a") * ulong.MaxValue);
        var b = (ulong)(SimRandom.Uniform(key + "/" + part + "/b") * ulong.MaxValue);
        var hex = a.ToString("x16", CultureInfo.InvariantCulture) + b.ToString("x16", CultureInfo.InvariantCulture);
        return $"{hex[..8]}-{hex[8..12]}-4{hex[13..16]}-a{hex[17..20]}-{hex[20..32]}";
    }
}
