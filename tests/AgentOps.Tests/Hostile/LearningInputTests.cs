using AgentOps.Core.Json;
using AgentOps.Orchestration.Learning;

namespace AgentOps.Tests.Hostile;

/// <summary>Transcripts and execution records with legal but unusual JSON (a lone surrogate escape, a
/// "message" that is not an object, a duration of 1e400): learned or refused with AOP0912, never a crash.</summary>
[TestClass]
[TestCategory("Hostile")]
public sealed class LearningInputTests
{
    private const string Prompt = "{\"type\":\"user\",\"timestamp\":\"2026-11-24T11:17:47Z\",\"sessionId\":\"s\",\"message\":{\"role\":\"user\",\"content\":\"Fix the \\ud800 login bug\"}}\n";

    [TestMethod]
    public void ATranscriptWithLoneSurrogatesIsRead()
    {
        var text = Prompt + "{\"type\":\"assistant\",\"timestamp\":\"2026-11-24T11:17:49Z\",\"message\":{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"name\":\"Task\",\"id\":\"x\\udc00\",\"input\":{\"subagent_type\":\"code\\udc00reviewer\"}}],\"stop_reason\":\"end_turn\"}}\n";
        var result = TranscriptParser.Parse(new StringReader(text), "s");
        Assert.AreEqual("Fix the \ufffd login bug", result.Execution!.Task);
        Assert.AreEqual("code\ufffdreviewer", result.Execution.Steps.Single().Name);
    }

    [TestMethod]
    public void AMessageThatIsNotAnObjectIsSkipped()
    {
        var text = Prompt + "{\"type\":\"assistant\",\"message\":\"s\"}\n{\"type\":\"user\",\"message\":[1]}\n{\"type\":\"assistant\",\"message\":{\"content\":[5,null,{\"type\":\"tool_use\",\"name\":5,\"input\":\"x\"}]}}\n";
        var result = TranscriptParser.Parse(new StringReader(text), "s");
        Assert.AreEqual("Fix the \ufffd login bug", result.Execution!.Task);
    }

    [TestMethod]
    public void AnExecutionRecordWithLoneSurrogatesIsRead()
    {
        var e = ExecutionRecordReader.Parse("{\"execution_id\":\"e\",\"task\":\"Add \\ud800 OAuth\",\"workflow\":[{\"step\":1,\"agent\":\"code\\udc00\",\"duration\":3,\"success\":true}],\"result\":\"success\"}");
        Assert.AreEqual("Add \ufffd OAuth", e.Task);
    }

    [TestMethod]
    [DataRow("1e400")]
    [DataRow("1e300")]
    [DataRow("\"99999999999999999999h\"")]
    public void AnEndlessDurationIsAnInvalidField(string duration)
    {
        var ex = Assert.ThrowsExactly<ExecutionRecordReader.ExecutionRecordException>(() => ExecutionRecordReader.Parse(
            "{\"execution_id\":\"e\",\"task\":\"t\",\"workflow\":[{\"step\":1,\"agent\":\"a\",\"duration\":" + duration + ",\"success\":true}],\"result\":\"success\"}"));
        StringAssert.Contains(ex.Message, "duration");
    }

    [TestMethod]
    public void PairedAndEscapedTextIsLeftAlone()
    {
        const string json = "\"\\ud83d\\ude00 \\\\ud800 \\u0041\"";
        Assert.AreSame(json, LoneSurrogates.Replace(json));
        Assert.AreEqual("\"a\\ufffdb\\ufffd\"", LoneSurrogates.Replace("\"a\\udc00b\\uD800\""));
    }

    [TestMethod]
    public void AHookPayloadWithALoneSurrogateIsRecorded()
    {
        var project = AgentOps.Tests.Learning.LearningFixtures.NewProject().Project;
        var payload = "{\"session_id\":\"s1\",\"cwd\":" + System.Text.Json.JsonSerializer.Serialize(project) + ",\"hook_event_name\":\"UserPromptSubmit\",\"prompt\":\"h\\ud800i caf\u00e9\"}";
        var result = HookRecorder.Record(System.Text.Encoding.UTF8.GetBytes(payload), null, DateTimeOffset.UnixEpoch);
        Assert.IsTrue(result.Recorded, result.Error);
        StringAssert.Contains(File.ReadAllText(result.Path!), "\"h\\uFFFDi caf\\u00E9\"", "the surrogate replaced, the UTF-8 é kept");
    }
}
