using System.Text.Json.Nodes;
using AgentOps.Core.Patterns;
using AgentOps.Orchestration.Learning;
using AgentOps.Tests.Content;

namespace AgentOps.Tests.Learning;

/// <summary>
/// The meta-orchestrator hooks only the prompt, the end of each turn and the session's end (UserPromptSubmit,
/// Stop, SessionEnd), so a session waits for three hooks instead of two per tool call: every payload names the
/// session's transcript, which holds every step. These pin that those hooks with the transcript Claude Code
/// wrote still give the learner what hooking every event gave: the same delegation steps, outcome and shape.
/// The hook-log reader still reads delegation events of other hook setups and older logs (`agentops record`):
/// in start order even when parallel subagents end in another order than they began.
/// </summary>
[TestClass]
public sealed class LeanHookSetTests
{
    private static readonly HookReplay Plugin = new(ContentRepo.PluginDir("agentops-meta-orchestrator"), Path.GetTempPath());

    [TestMethod]
    [DataRow("v2.1.331_bash_agent")]
    [DataRow("v2.1.331_general_purpose")]
    [DataRow("v2.1.331_legacy_Task_name")]
    [DataRow("v2.1.331_slash_command")]
    public void The_plugins_hooks_with_the_transcript_keep_what_the_learner_uses_of_a_real_session(string scenario)
    {
        var folder = Path.Combine(LearningFixtures.Samples, scenario);
        var all = File.ReadLines(Path.Combine(folder, "hooks.jsonl")).Where(l => l.Trim().Length > 0).ToList();
        var hooked = all.Where(l =>
        {
            var payload = JsonNode.Parse(l)!["payload"]!;
            return Plugin.Hooks(payload["hook_event_name"]!.GetValue<string>(), payload["tool_name"]?.GetValue<string>() ?? "");
        }).ToList();
        CollectionAssert.AreEqual(new[] { "UserPromptSubmit", "Stop", "SessionEnd" },
            hooked.Select(l => JsonNode.Parse(l)!["hook"]!.GetValue<string>()).ToArray(), "no hook on a tool call or a subagent");

        // What the learner reads: the hooked events, whose transcript_path names the transcript Claude Code wrote.
        var transcript = HookReplay.RecordedTranscript(folder);
        using var temp = new Validation.TempDir();
        var log = temp.File("session.jsonl");
        File.WriteAllLines(log, hooked.Select(l =>
        {
            var node = JsonNode.Parse(l)!;
            node["payload"]!["transcript_path"] = transcript;
            return node.ToJsonString();
        }));
        var lean = ExecutionSources.LoadFile(log).Execution;
        Assert.IsNotNull(lean, "the hooked events with their transcript read as an execution");
        var full = Parse(all);

        Assert.AreEqual(full.Task, lean.Task);
        Assert.AreEqual(full.Success, lean.Success);
        Assert.AreEqual(full.Open, lean.Open);
        static string[] Delegations(Execution e) => [.. e.Steps.Where(s => s.Kind != StepKinds.Tool).Select(s => $"{s.Kind}:{s.Name}:{s.Outcome}:{s.Description}")];
        CollectionAssert.AreEqual(Delegations(full), Delegations(lean));
        CollectionAssert.AreEqual(PatternExtractor.Shape(full).ToArray(), PatternExtractor.Shape(lean).ToArray());
    }

    [TestMethod]
    public void A_long_turn_is_still_open_while_its_transcript_grows_though_no_hook_fired_since_its_prompt()
    {
        // The hooks fire at the prompt and at the turn's end only; during a 40-minute turn only the transcript is written.
        using var temp = new Validation.TempDir();
        var transcript = HookReplay.CopyTranscript(
            TestFixtures.SampleTranscript("v2.1.331_bash_agent"), temp.File("claude"), "long-turn");
        var log = temp.File("long-turn.jsonl");
        File.WriteAllText(log, new JsonObject
        {
            ["hook"] = "UserPromptSubmit",
            ["received_at"] = DateTimeOffset.UtcNow.AddMinutes(-40).ToString("O"),
            ["payload"] = new JsonObject { ["session_id"] = "long-turn", ["hook_event_name"] = "UserPromptSubmit", ["prompt"] = "run it", ["transcript_path"] = transcript },
        }.ToJsonString() + "\n");
        File.SetLastWriteTimeUtc(log, DateTime.UtcNow.AddMinutes(-40));

        var running = ExecutionSources.LoadFiles([log], DateTimeOffset.UtcNow);
        Assert.AreEqual(0, running.Executions.Count, "not learned while its transcript was written a moment ago");
        Assert.IsTrue(running.Warnings.Any(w => w.StartsWith("AOP0919", StringComparison.Ordinal)), string.Join("\n", running.Warnings));

        File.SetLastWriteTimeUtc(transcript, DateTime.UtcNow.AddMinutes(-40));
        var abandoned = ExecutionSources.LoadFiles([log], DateTimeOffset.UtcNow);
        Assert.AreEqual(1, abandoned.Executions.Count, "a session silent for longer than the window is learned as it stands");
        Assert.IsTrue(abandoned.Executions[0].Open);
    }

    [TestMethod]
    public void Parallel_subagents_seen_only_at_their_end_are_ordered_by_when_they_started()
    {
        var t0 = new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
        string Line(double at, string evt, string? agent = null, string? id = null, double? ms = null) =>
            new JsonObject
            {
                ["hook"] = evt,
                ["received_at"] = t0.AddSeconds(at).ToString("O"),
                ["payload"] = new JsonObject
                {
                    ["session_id"] = "s1",
                    ["hook_event_name"] = evt,
                    ["prompt"] = evt == "UserPromptSubmit" ? "review and test the login handler" : null,
                    ["tool_name"] = agent is null ? null : "Agent",
                    ["tool_input"] = agent is null ? null : new JsonObject { ["subagent_type"] = agent, ["description"] = agent + " pass" },
                    ["tool_use_id"] = id,
                    ["duration_ms"] = ms,
                },
            }.ToJsonString();
        var lines = new[]
        {
            Line(0, "UserPromptSubmit"),
            // Started at 3 s, ended first at 5 s; the reviewer started at 1 s and failed at 6 s.
            Line(5, "PostToolUse", "qa-engineer", "t2", 2000),
            Line(6, "PostToolUseFailure", "code-reviewer", "t1", 5000),
            Line(9, "PostToolUse", "code-reviewer", "t3", 1000),
            Line(10, "Stop"),
        };

        var e = Parse(lines);

        CollectionAssert.AreEqual(new[] { "code-reviewer", "qa-engineer", "code-reviewer" }, e.Steps.Select(s => s.Name).ToArray());
        CollectionAssert.AreEqual(new[] { 1.0, 3.0, 8.0 }, e.Steps.Select(s => (s.Start - t0).TotalSeconds).ToArray());
        CollectionAssert.AreEqual(new[] { 5.0, 2.0, 1.0 }, e.Steps.Select(s => s.DurationSeconds).ToArray());
        CollectionAssert.AreEqual(new[] { StepOutcome.Error, StepOutcome.Success, StepOutcome.Success }, e.Steps.Select(s => s.Outcome).ToArray());
        Assert.AreEqual("review and test the login handler", e.Task);
        Assert.IsFalse(e.Open);
        // The failed reviewer was retried while the tests ran: one step of the shape, counted as failed.
        CollectionAssert.AreEqual(new[] { "code-reviewer", "qa-engineer" }, PatternExtractor.Shape(e).ToArray());
    }

    [TestMethod]
    [DataRow("-5")]
    [DataRow("1e300")]
    [DataRow("\"12\"")]
    [DataRow("null")]
    public void A_duration_that_is_not_one_is_ignored_not_a_crash(string duration)
    {
        var lines = new[]
        {
            """{"hook":"UserPromptSubmit","received_at":"0001-01-01T00:00:01Z","payload":{"session_id":"s","hook_event_name":"UserPromptSubmit","prompt":"review"}}""",
            $$$"""{"hook":"PostToolUse","received_at":"0001-01-01T00:00:02Z","payload":{"session_id":"s","hook_event_name":"PostToolUse","tool_name":"Agent","tool_input":{"subagent_type":"code-reviewer"},"tool_use_id":"t","duration_ms":{{{duration}}}}}""",
            $$$"""{"hook":"PostToolUse","received_at":"2026-12-02T10:00:00Z","payload":{"session_id":"s","hook_event_name":"PostToolUse","tool_name":"Agent","tool_input":{"subagent_type":"qa-engineer"},"tool_use_id":"u","duration_ms":{{{duration}}}}}""",
        };

        var e = Parse(lines);

        CollectionAssert.AreEqual(new[] { "code-reviewer", "qa-engineer" }, e.Steps.Select(s => s.Name).ToArray());
        Assert.IsTrue(e.Steps.All(s => s.DurationSeconds >= 0 && s.DurationSeconds < 3600), string.Join(", ", e.Steps.Select(s => s.DurationSeconds)));
    }

    private static Execution Parse(IEnumerable<string> lines)
    {
        var r = HookLogParser.Parse(new StringReader(string.Join('\n', lines)), "fallback", out _);
        Assert.IsNotNull(r.Execution, string.Join("; ", r.Warnings));
        return r.Execution;
    }
}
