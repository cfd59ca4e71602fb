using System.Text.Json;
using AgentOps.Orchestration.Learning;
using AgentOps.Core.Patterns;

namespace AgentOps.Tests.Learning;

[TestClass]
public sealed class SampleParsingTests
{
    private static string Transcript(string scenario) => TestFixtures.SampleTranscript(scenario);

    private static Execution Parse(string scenario)
    {
        var r = TranscriptParser.ParseFile(Transcript(scenario));
        Assert.IsNotNull(r.Execution, string.Join("; ", r.Warnings));
        Assert.AreEqual(0, r.Stats.Malformed);
        return r.Execution;
    }

    [TestMethod]
    public void BashThenPluginSubagent()
    {
        var e = Parse("v2.1.331_bash_agent");
        Assert.AreEqual("d35848fc-6f32-42ff-bffd-e850d4ad8383", e.Id);
        Assert.AreEqual("Please run a command and then delegate to the helper agent.", e.Task);
        CollectionAssert.AreEqual(new[] { "Bash", "hookspy:helper" }, e.Steps.Select(s => s.Name).ToArray());
        CollectionAssert.AreEqual(new[] { StepKinds.Tool, StepKinds.Subagent }, e.Steps.Select(s => s.Kind).ToArray());
        Assert.IsTrue(e.Steps.All(s => s.Outcome == StepOutcome.Success));
        Assert.AreEqual(0.45, e.Steps[1].DurationSeconds, 1e-9, "subagent duration from toolUseResult.totalDurationMs");
        Assert.IsTrue(e.Steps[0].DurationSeconds > 0 && e.Steps[0].DurationSeconds < 1, "Bash duration from tool_use -> tool_result timestamps");
        Assert.IsTrue(e.Success);
        CollectionAssert.AreEqual(new[] { "hookspy:helper" }, PatternExtractor.Shape(e).ToArray());
    }

    [TestMethod]
    public void BuiltInGeneralPurposeSubagent()
    {
        var e = Parse("v2.1.331_general_purpose");
        CollectionAssert.AreEqual(new[] { "Bash", "general-purpose" }, e.Steps.Select(s => s.Name).ToArray());
        Assert.IsTrue(e.Success);
    }

    [TestMethod]
    public void LegacyTaskToolName()
    {
        var r = TranscriptParser.ParseFile(Transcript("v2.1.331_legacy_Task_name"));
        var e = r.Execution!;
        // The Task tool_use is a step once, although api-request-blob lines repeat it as Agent.
        CollectionAssert.AreEqual(new[] { "Bash", "hookspy:helper" }, e.Steps.Select(s => s.Name).ToArray());
        Assert.AreEqual(StepKinds.Subagent, e.Steps[1].Kind);
        Assert.IsTrue(r.Stats.SkippedByType.ContainsKey("api-request-blob"));
    }

    [TestMethod]
    public void SlashCommand()
    {
        var e = Parse("v2.1.331_slash_command");
        Assert.AreEqual("/hookspy:hello Bob", e.Task);
        Assert.AreEqual(1, e.Steps.Count);
        Assert.AreEqual("/hookspy:hello", e.Steps[0].Name);
        Assert.AreEqual(StepKinds.Command, e.Steps[0].Kind);
        Assert.IsTrue(e.Success);
    }

    [TestMethod]
    public void EverySampleHookLogBuildsAnExecution()
    {
        var expected = new Dictionary<string, string[]>
        {
            ["v2.1.331_bash_agent"] = ["Bash", "hookspy:helper"],
            ["v2.1.331_general_purpose"] = ["Bash", "general-purpose"],
            ["v2.1.331_legacy_Task_name"] = ["Bash", "hookspy:helper"],
            ["v2.1.331_slash_command"] = ["/hookspy:hello"],
        };
        foreach (var (scenario, steps) in expected)
        {
            var r = HookLogParser.ParseFile(Path.Combine(LearningFixtures.Samples, scenario, "hooks.jsonl"));
            Assert.IsNotNull(r.Execution, scenario);
            CollectionAssert.AreEqual(steps, r.Execution.Steps.Select(s => s.Name).ToArray(), scenario);
            Assert.IsTrue(r.Execution.Success, scenario + ": " + r.Execution.FailureReason);
        }
    }

    [TestMethod]
    public void RecordsEveryRealHookPayload()
    {
        var project = LearningFixtures.TempDir();
        var count = 0;
        foreach (var hooks in Directory.EnumerateFiles(LearningFixtures.Samples, "hooks.jsonl", SearchOption.AllDirectories))
        {
            foreach (var line in File.ReadLines(hooks))
            {
                using var doc = JsonDocument.Parse(line);
                var payload = doc.RootElement.GetProperty("payload").GetRawText();
                var r = HookRecorder.Record(System.Text.Encoding.UTF8.GetBytes(payload), project, DateTimeOffset.UtcNow);
                Assert.IsTrue(r.Recorded, r.Error);
                count++;
            }
        }
        var files = Directory.GetFiles(Path.Combine(project, ".agentops", "executions"), "*.jsonl");
        Assert.AreEqual(4, files.Length);
        var lines = files.SelectMany(File.ReadLines).ToList();
        Assert.AreEqual(count, lines.Count);
        foreach (var l in lines)
        {
            using var d = JsonDocument.Parse(l);
            Assert.AreEqual(d.RootElement.GetProperty("hook").GetString(), d.RootElement.GetProperty("payload").GetProperty("hook_event_name").GetString());
            Assert.IsTrue(d.RootElement.TryGetProperty("received_at", out _));
        }
        // The recorded log parses like the sample.
        var bash = files.Single(f => f.Contains("d35848fc"));
        CollectionAssert.AreEqual(new[] { "Bash", "hookspy:helper" }, HookLogParser.ParseFile(bash).Execution!.Steps.Select(s => s.Name).ToArray());
    }

    [TestMethod]
    public void RecordBadStdinIsLoggedAndNeverThrows()
    {
        var project = LearningFixtures.TempDir();
        foreach (var bad in new[] { "not json", "[1,2]", "{\"cwd\":\"/x\"}", "{\"session_id\":\"../../etc/passwd\"}", "{\"session_id\": 42}", "" })
        {
            var r = HookRecorder.Record(System.Text.Encoding.UTF8.GetBytes(bad), project, DateTimeOffset.UtcNow);
            Assert.IsFalse(r.Recorded, bad);
        }
        var log = File.ReadAllLines(Path.Combine(project, ".agentops", "logs", "record-errors.log"));
        Assert.AreEqual(6, log.Length);
        Assert.IsTrue(log.All(l => l.Contains("AOP0910")));
        Assert.IsFalse(Directory.Exists(Path.Combine(project, ".agentops", "executions")));
    }

    [TestMethod]
    public void ConcurrentRecordsNeverInterleave()
    {
        var project = LearningFixtures.TempDir();
        var big = new string('x', 20_000);
        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var payload = $"{{\"session_id\":\"s1\",\"hook_event_name\":\"PostToolUse\",\"cwd\":\"/p\",\"n\":{i},\"pad\":\"{big}\"}}";
            Assert.IsTrue(HookRecorder.Record(System.Text.Encoding.UTF8.GetBytes(payload), project, DateTimeOffset.UtcNow).Recorded);
        });
        var lines = File.ReadAllLines(Path.Combine(project, ".agentops", "executions", "s1.jsonl"));
        Assert.AreEqual(200, lines.Length);
        foreach (var l in lines) using (JsonDocument.Parse(l)) { }
    }
}
