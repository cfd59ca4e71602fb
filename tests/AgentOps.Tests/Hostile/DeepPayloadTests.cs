using AgentOps.Orchestration.Learning;
using AgentOps.Tests.Learning;

namespace AgentOps.Tests.Hostile;

/// <summary>Hook payloads and transcript lines nested deeper than System.Text.Json's default 64 levels (a tool
/// input holding deep JSON). A payload of 64 levels was recorded but its line (one level more) was then skipped
/// as "not JSON" by the learner, its prompt lost; a deeper one was refused by `agentops record`; a transcript
/// line holding an Agent call with such an input lost the call. Now up to 256 levels are recorded and read back.</summary>
[TestClass]
[TestCategory("Hostile")]
public sealed class DeepPayloadTests
{
    private static string Nested(int levels) => string.Concat(Enumerable.Repeat("{\"a\":", levels)) + "1" + new string('}', levels);

    [TestMethod]
    [DataRow(63)]  // the payload at 64 levels: recorded, then its line skipped by the reader
    [DataRow(200)] // refused by the recorder
    public void ADeepPromptPayloadIsRecordedAndItsPromptLearned(int levels)
    {
        var project = LearningFixtures.NewProject().Project;
        var cwd = System.Text.Json.JsonSerializer.Serialize(project);
        var prompt = "{\"session_id\":\"deep\",\"cwd\":" + cwd + ",\"hook_event_name\":\"UserPromptSubmit\",\"prompt\":\"Fix the login bug\",\"extra\":" + Nested(levels) + "}";
        var end = "{\"session_id\":\"deep\",\"cwd\":" + cwd + ",\"hook_event_name\":\"SessionEnd\"}";

        var recorded = HookRecorder.Record(System.Text.Encoding.UTF8.GetBytes(prompt), null, DateTimeOffset.UnixEpoch);
        Assert.IsTrue(recorded.Recorded, recorded.Error);
        Assert.IsTrue(HookRecorder.Record(System.Text.Encoding.UTF8.GetBytes(end), null, DateTimeOffset.UnixEpoch.AddSeconds(5)).Recorded);

        var read = HookLogParser.ParseFile(recorded.Path!);
        Assert.AreEqual(0, read.Stats.Malformed, string.Join("\n", read.Warnings));
        Assert.AreEqual("Fix the login bug", read.Execution!.Task);
    }

    [TestMethod]
    public void ATranscriptAgentCallWithADeepInputIsAStep()
    {
        var text = "{\"type\":\"user\",\"timestamp\":\"2026-11-24T11:17:47Z\",\"sessionId\":\"s\",\"message\":{\"role\":\"user\",\"content\":\"Fix the login bug\"}}\n"
            + "{\"type\":\"assistant\",\"timestamp\":\"2026-11-24T11:17:49Z\",\"message\":{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"name\":\"Task\",\"id\":\"t1\",\"input\":{\"subagent_type\":\"code-reviewer\",\"extra\":"
            + Nested(100) + "}}],\"stop_reason\":\"end_turn\"}}\n";

        var result = TranscriptParser.Parse(new StringReader(text), "s");

        Assert.AreEqual(0, result.Stats.Malformed, string.Join("\n", result.Warnings));
        Assert.AreEqual("code-reviewer", result.Execution!.Steps.Single().Name);
    }

    [TestMethod]
    public void APayloadPastTheLimitIsStillRefusedAndLogged()
    {
        var project = LearningFixtures.NewProject().Project;
        var payload = "{\"session_id\":\"deep\",\"cwd\":" + System.Text.Json.JsonSerializer.Serialize(project) + ",\"hook_event_name\":\"Stop\",\"extra\":" + Nested(HookRecorder.MaxPayloadDepth) + "}";

        var result = HookRecorder.Record(System.Text.Encoding.UTF8.GetBytes(payload), project, DateTimeOffset.UnixEpoch);

        Assert.IsFalse(result.Recorded);
        StringAssert.Contains(File.ReadAllText(Path.Combine(project, ".agentops", "logs", "record-errors.log")), "AOP0910");
    }
}
