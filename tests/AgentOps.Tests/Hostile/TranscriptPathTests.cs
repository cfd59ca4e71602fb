using AgentOps.Orchestration.Learning;
using AgentOps.Tests.Learning;

namespace AgentOps.Tests.Hostile;

/// <summary>A hook log whose transcript_path names a file that parses as a transcript but holds no step (another
/// file, a transcript cut after the prompt): it replaced the log, whose events have the session's steps, so the
/// session was "skipped without steps" and nothing was learned from it (exit 0). Now the log's steps are kept.</summary>
[TestClass]
[TestCategory("Hostile")]
public sealed class TranscriptPathTests
{
    private const string Recorded = "/home/dev/.claude/projects/-home-dev-project/58ed81ac-a86d-4d14-b986-fe3ebfce84af.jsonl";

    [TestMethod]
    public void ATranscriptWithoutStepsDoesNotHideTheStepsOfTheHookLog()
    {
        var dir = LearningFixtures.TempDir();
        var stray = Path.Combine(dir, "stray.jsonl");
        File.WriteAllText(stray, "{\"type\":\"user\",\"timestamp\":\"2026-11-24T11:17:47Z\",\"message\":{\"role\":\"user\",\"content\":\"Something else\"}}\n");
        var log = Path.Combine(dir, "58ed81ac-a86d-4d14-b986-fe3ebfce84af.jsonl");
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Hostile", "Fixtures", "general-purpose.hooks.jsonl"));
        File.WriteAllText(log, text.Replace(Recorded, stray, StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(dir, "alone.jsonl"), text.Replace(Recorded, Path.Combine(dir, "missing.jsonl"), StringComparison.Ordinal));

        var fromLogAlone = ExecutionSources.LoadFile(Path.Combine(dir, "alone.jsonl")).Execution!;
        var withStray = ExecutionSources.LoadFile(log).Execution!;

        Assert.IsNotEmpty(fromLogAlone.Steps);
        CollectionAssert.AreEqual(fromLogAlone.Steps.Select(s => s.Name).ToList(), withStray.Steps.Select(s => s.Name).ToList());
    }
}
