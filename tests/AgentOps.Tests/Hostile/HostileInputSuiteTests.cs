using AgentOps.Bench.Fuzz;

namespace AgentOps.Tests.Hostile;

/// <summary>
/// Generated hostile inputs (CsCheck) over manifests, frontmatter, pattern files, transcripts and hook
/// payloads: no unhandled exception, no hang (each case bounded), every failure a coded diagnostic,
/// nothing written outside the project. Short here; `AgentOps.Bench fuzz` runs the same longer.
/// </summary>
[TestClass]
[TestCategory("Hostile")]
public sealed class HostileInputSuiteTests
{
    private const int Iterations = 120;
    private static readonly TimeSpan PerCase = TimeSpan.FromSeconds(20);

    public static IEnumerable<object[]> Targets => HostileTarget.All.Select(t => new object[] { t.Name });

    [TestMethod]
    [DynamicData(nameof(Targets))]
    public void GeneratedInputsKeepEveryPromise(string target)
    {
        var failures = HostileTarget.All.Single(t => t.Name == target).Fuzz(Iterations, PerCase);
        Assert.AreEqual(0, failures.Count, string.Join("\n", failures.Take(5).Select(f => $"{f.Verdict}: {f.Detail}\n  input: {f.Input}")));
    }

    [TestMethod]
    public void TheHarnessSeesACrashAHangAndAWriteOutsideTheProject()
    {
        // The checks above can fail: a target that throws, blocks or writes beside the project is caught.
        var crash = new HostileTarget("crash", HostileInputs.Transcripts, (_, _) => throw new InvalidOperationException("boom"));
        Assert.AreEqual(Verdict.Crash, crash.Check("x", PerCase).Verdict);
        var hang = new HostileTarget("hang", HostileInputs.Transcripts, (_, _) => Thread.Sleep(TimeSpan.FromSeconds(5)));
        Assert.AreEqual(Verdict.Hang, hang.Check("x", TimeSpan.FromMilliseconds(200)).Verdict);
        var escape = new HostileTarget("escape", HostileInputs.Transcripts, (_, project) => File.WriteAllText(Path.Combine(project, "..", "evil"), "x"));
        Assert.AreEqual(Verdict.Violation, escape.Check("x", PerCase).Verdict);
    }
}
