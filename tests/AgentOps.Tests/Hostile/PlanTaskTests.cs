using AgentOps.Tests.Learning;

namespace AgentOps.Tests.Hostile;

/// <summary>`agentops plan` prints the user's task: terminal escapes and bidi overrides in it are not
/// printed raw (they could clear the screen or reorder what the user reads).</summary>
[TestClass]
[TestCategory("Hostile")]
public sealed class PlanTaskTests
{
    [TestMethod]
    public void ControlAndBidiCharactersOfTheTaskAreNotPrinted()
    {
        var root = LearningFixtures.TempDir();
        var (exit, stdout, stderr) = HostileFiles.Agentops(root, TimeSpan.FromSeconds(90), "plan", "--plan-only",
            "--store", Path.Combine(root, ".agentops"), "--db", Path.Combine(root, "c.db"), "--", "fix \u001b[2J\u0007 the login \u202e gnp bug\r\nnow");
        Assert.AreEqual(0, exit, stdout + stderr);
        StringAssert.Contains(stdout, "# Plan: fix");
        foreach (var c in new[] { '\u001b', '\u0007', '\u202e', '\r' })
            Assert.IsFalse(stdout.Contains(c), $"U+{(int)c:X4} printed raw");
    }
}
