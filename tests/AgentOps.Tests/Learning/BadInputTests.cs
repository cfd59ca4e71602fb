using System.Text;
using AgentOps.Core.Diagnostics;
using AgentOps.Orchestration.Learning;
using AgentOps.Core.Patterns;

namespace AgentOps.Tests.Learning;

[TestClass]
public sealed class BadInputTests
{
    private const string Valid = """
        ---
        pattern_id: add-oauth2-to-api
        created: 2026-11-20
        category: authentication
        success_rate: 0.92
        executions: 12
        validated: true
        ---

        # Add OAuth2

        ## Context
        Auth work.

        ## Workflow
        1. `agentops-core:code-explorer` — map the current auth code (research)

        ## Metrics
        - Success rate: 0.92
        """;

    private static IReadOnlyList<Diagnostic> Check(string text, string path = "/store/patterns/learned/add-oauth2-to-api.md") =>
        PatternChecks.Validate(path, text);

    [TestMethod]
    public void ValidHandWrittenPatternPasses()
    {
        var d = Check(Valid);
        Assert.IsFalse(d.Any(x => x.IsError), string.Join("\n", d));
        var p = PatternReader.Parse("x.md", Valid).Pattern!;
        Assert.AreEqual("agentops-core:code-explorer", p.Steps[0].Name);
        Assert.AreEqual("research", p.Steps[0].Phase);
    }

    [TestMethod]
    public void SuccessRateOutOfRange()
    {
        var d = Check(Valid.Replace("success_rate: 0.92", "success_rate: 1.5")).Single(x => x.IsError);
        Assert.AreEqual(DiagnosticCodes.PatternSuccessRateInvalid, d.Code);
        Assert.AreEqual(5, d.Line);
        StringAssert.Contains(d.Message, "[0, 1]");
    }

    [TestMethod]
    public void ExecutionsNotANumber()
    {
        var d = Check(Valid.Replace("executions: 12", "executions: two")).Single(x => x.IsError);
        Assert.AreEqual(DiagnosticCodes.PatternExecutionsInvalid, d.Code);
        Assert.AreEqual(6, d.Line);
        StringAssert.Contains(d.Message, "'two'");
    }

    [TestMethod]
    public void ExecutionsBelowThree()
    {
        var d = Check(Valid.Replace("executions: 12", "executions: 2")).Single(x => x.IsError);
        Assert.AreEqual(DiagnosticCodes.PatternExecutionsInvalid, d.Code);
    }

    [TestMethod]
    public void PatternIdWithPathCharacters()
    {
        var d = Check(Valid.Replace("pattern_id: add-oauth2-to-api", "pattern_id: ../../etc/passwd")).First(x => x.IsError);
        Assert.AreEqual(DiagnosticCodes.PatternIdInvalid, d.Code);
        Assert.AreEqual(2, d.Line);
        var store = new PatternStore(LearningFixtures.TempDir());
        Assert.ThrowsExactly<ArgumentException>(() => store.PathFor("../evil", PatternLifecycle.Learned));
        Assert.IsNull(store.Find("../evil"));
        var read = PatternReader.Parse("x.md", Valid.Replace("executions: 12", "executions: two"));
        Assert.IsNull(read.Pattern);
        Assert.AreEqual(DiagnosticCodes.PatternFieldType, read.Diagnostics.Single().Code);
        Assert.ThrowsExactly<ArgumentException>(() => PatternWriter.Render(new LearnedPattern { Id = "../x", Category = "c" }));
    }

    [TestMethod]
    public void MissingSectionsAndWrongTypes()
    {
        var d = Check(Valid.Replace("## Metrics", "## Other").Replace("validated: true", "validated: maybe").Replace("created: 2026-11-20", "created: [a]"));
        CollectionAssert.IsSubsetOf(new[] { DiagnosticCodes.PatternSectionMissing, DiagnosticCodes.PatternValidatedInvalid, DiagnosticCodes.PatternDateInvalid }, d.Select(x => x.Code).Distinct().ToArray());
        Assert.AreEqual(3, d.Count(x => x.IsError), string.Join("\n", d));
    }

    [TestMethod]
    public void TruncatedTranscriptLastLineIsTolerated()
    {
        var src = TestFixtures.SampleTranscript("v2.1.331_bash_agent");
        var text = File.ReadAllText(src).TrimEnd('\n');
        var truncated = text[..(text.Length - 40)];
        var r = TranscriptParser.Parse(new StringReader(truncated), "t");
        Assert.IsNotNull(r.Execution);
        Assert.IsTrue(r.Stats.TruncatedLastLine);
        Assert.AreEqual(1, r.Stats.Malformed);
        CollectionAssert.AreEqual(new[] { "Bash", "hookspy:helper" }, r.Execution.Steps.Select(s => s.Name).ToArray());
    }

    [TestMethod]
    public void UnknownLineTypesAreSkippedAndCounted()
    {
        var r = TranscriptParser.Parse(new StringReader("{\"type\":\"future-thing\",\"x\":1}\n{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":\"fix the login bug\"},\"timestamp\":\"2026-11-24T10:00:00Z\",\"sessionId\":\"s\"}\n42\n"), "s");
        Assert.AreEqual(1, r.Stats.UnknownTypes);
        Assert.AreEqual(1, r.Stats.Malformed);
        Assert.AreEqual("fix the login bug", r.Execution!.Task);
    }

    [TestMethod]
    public void HundredMegabyteTranscriptIsStreamed()
    {
        var dir = LearningFixtures.TempDir();
        var path = LearningFixtures.WriteTranscript(dir, LearningFixtures.Sid(1), "Refactor the billing module", DateTimeOffset.Parse("2026-11-24T10:00:00Z"), LearningFixtures.AuthWorkflow);
        var lines = File.ReadAllLines(path);
        var pad = "{\"type\":\"attachment\",\"attachment\":{\"type\":\"prompt_snapshot\",\"text\":\"" + new string('a', 64 * 1024) + "\"},\"sessionId\":\"" + LearningFixtures.Sid(1) + "\"}";
        using (var w = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            w.WriteLine(lines[0]); w.WriteLine(lines[1]);
            for (var i = 0; i < 1600; i++) w.WriteLine(pad); // ~105 MB
            foreach (var l in lines.Skip(2)) w.WriteLine(l);
        }
        Assert.IsTrue(new FileInfo(path).Length > 100_000_000);
        var before = GC.GetTotalAllocatedBytes();
        var r = TranscriptParser.ParseFile(path);
        Assert.IsNotNull(r.Execution);
        Assert.AreEqual(4, r.Execution.Steps.Count);
        Assert.AreEqual(1600, r.Stats.SkippedByType["attachment"] - 1);
        File.Delete(path);
        _ = before;
    }

    [TestMethod]
    public void ExecutionJsonErrorsPointAtTheLineAndColumnOfTheField()
    {
        (int, int) At(string json)
        {
            var ex = Assert.ThrowsExactly<ExecutionRecordReader.ExecutionRecordException>(() => ExecutionRecordReader.Parse(json));
            Assert.AreEqual(DiagnosticCodes.ExecutionJsonInvalid, ex.ToDiagnostic().Code);
            return (ex.Line, ex.Column);
        }
        // The bad duration is the second step's: its key, on line 5, column 20 (the "é" before it on the line counts
        // as one character, as editors count, not as its two UTF-8 bytes).
        Assert.AreEqual((5, 20), At("{\n  \"task\": \"x\",\n  \"workflow\": [\n    { \"agent\": \"a\", \"duration\": 3 },\n    { \"step\": \"é\", \"duration\": \"soon\", \"agent\": \"b\" }\n  ]\n}"));
        Assert.AreEqual((2, 3), At("{\n  \"result\": \"maybe\", \"task\": \"x\"\n}"));
        Assert.AreEqual((3, 5), At("{ \"task\": \"x\",\n  \"workflow\": [\n    7\n  ] }"), "an array item is located at the item");
        Assert.AreEqual((1, 1), At("{ \"workflow\": [] }"), "a missing field: the record itself");
        Assert.AreEqual(2, At("{ \"task\": \"x\",\n  \"workflow\": [ } ").Item1, "a syntax error at its line");
    }

    [TestMethod]
    public void AFileThatCannotBeReadIsReportedAtItsPathAndLine()
    {
        var file = Path.Combine(LearningFixtures.TempDir(), "execution.json");
        File.WriteAllText(file, "{\n  \"task\": 5\n}\n");
        var d = Assert.ThrowsExactly<ExecutionRecordReader.ExecutionRecordException>(() => ExecutionRecordReader.ReadFile(file)).ToDiagnostic();
        Assert.AreEqual($"{file}(2,3): error {DiagnosticCodes.ExecutionJsonInvalid}: 'task' must be a string, got number", d.ToString());
    }

    [TestMethod]
    public void ExecutionJsonWrongTypesGiveClearErrors()
    {
        void Bad(string json, string expect)
        {
            var ex = Assert.ThrowsExactly<ExecutionRecordReader.ExecutionRecordException>(() => ExecutionRecordReader.Parse(json));
            StringAssert.Contains(ex.Message, expect);
        }
        Bad("{\"task\": 5}", "'task' must be a string");
        Bad("{\"task\":\"x\",\"workflow\":{}}", "'workflow' must be an array");
        Bad("{\"task\":\"x\",\"workflow\":[{\"agent\":\"a\",\"duration\":\"soon\"}]}", "workflow[0].duration");
        Bad("{\"task\":\"x\",\"workflow\":[{\"agent\":\"a\",\"success\":\"yes\"}]}", "workflow[0].success");
        Bad("{\"task\":\"x\",\"result\":\"maybe\"}", "'result'");
        Bad("{\"task\":\"x\",\"timestamp\":\"yesterday\"}", "'timestamp'");
        Bad("[1]", "JSON object");
        Bad("{\"task\":", "not valid JSON");
        var ok = ExecutionRecordReader.Parse("""{"execution_id":"exec-001","task":"Add OAuth2 login","timestamp":"2026-11-20T10:00:00Z","workflow":[{"step":"explore","agent":"code-explorer","duration":"45s","success":true},{"step":"build","agent":"backend-engineer","duration":300,"success":true}],"result":"success","total_duration":"6m"}""");
        Assert.AreEqual("exec-001", ok.Id);
        Assert.AreEqual(360, ok.DurationSeconds);
        Assert.AreEqual(45, ok.Steps[0].DurationSeconds);
        Assert.AreEqual("authentication", TaskClassifier.Classify(ok.Task));
    }
}
