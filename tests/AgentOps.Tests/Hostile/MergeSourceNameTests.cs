using AgentOps.Core.Diagnostics;
using AgentOps.Orchestration.Git;
using AgentOps.Orchestration.Learning;
using static AgentOps.Tests.Learning.LearningFixtures;

namespace AgentOps.Tests.Hostile;

/// <summary>`agentops merge-learnings` with a source name of thousands of characters: libgit2 cannot normalize it
/// as a branch name ("the provided buffer is too short"), and the LibGit2SharpException ended the tool with a
/// stack trace (exit 134). Now such a name is no branch or remote: AOP0924, exit 6.</summary>
[TestClass]
[TestCategory("Hostile")]
public sealed class MergeSourceNameTests
{
    [TestMethod]
    [DataRow(5_000)]
    [DataRow(1_100)]
    public void ANameTooLongForGitIsNotFoundNotACrash(int length)
    {
        var (project, _) = NewProject();
        var source = new string('a', length);

        var refused = Assert.ThrowsExactly<LearningException>(() =>
            MergeEngine.Merge(Path.Combine(project, ".agentops"), source, TimeSpan.FromSeconds(10), T0.AddDays(2)));

        Assert.AreEqual("AOP0924", refused.Code);
        Assert.AreEqual(ExitCodes.NotFound, refused.ExitCode);
    }
}
