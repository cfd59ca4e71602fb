using AgentOps.Core.Patterns;
using AgentOps.Orchestration.Git;
using AgentOps.Orchestration.Learning;
using static AgentOps.Tests.Learning.LearningFixtures;

namespace AgentOps.Tests.Hostile;

/// <summary>A git ref lock left behind (a crashed git, another tool) on the learnings branch when a pattern is
/// promoted: the commit fails (AOP0940, exit 3, "nothing written"), but the local candidate holding the
/// executions gathered so far was deleted before the commit, so the branch had nothing and the next run
/// learned the pattern again from one execution. Now the candidate is removed only once the branch holds it.</summary>
[TestClass]
[TestCategory("Hostile")]
public sealed class BranchLockTests
{
    [TestMethod]
    public void APromotionWhoseCommitFailsKeepsTheCandidateAndItsExecutions()
    {
        var (project, home) = NewProject();
        Session(project, home, Sid(1), "Add OAuth2 login to the API", T0.AddHours(1), AuthWorkflow);
        Session(project, home, Sid(2), "Add OAuth2 login to the API", T0.AddHours(2), AuthWorkflow);
        var first = LearningEngine.Learn(new LearnOptions { Project = project, Now = T0.AddDays(1) });
        var candidate = first.Patterns.Single(p => p.Lifecycle == PatternLifecycle.Discovered);
        Assert.AreEqual(2, candidate.Executions);
        var local = candidate.Path;
        Assert.IsTrue(File.Exists(local));

        Session(project, home, Sid(3), "Add OAuth2 login to the API", T0.AddHours(3), AuthWorkflow);
        var lockFile = Path.Combine(project, ".git", "refs", "heads", "agentops", "learnings.lock");
        File.WriteAllText(lockFile, "");
        var refused = Assert.ThrowsExactly<LearningException>(() => LearningEngine.Learn(new LearnOptions { Project = project, Now = T0.AddDays(2) }));
        Assert.AreEqual("AOP0940", refused.Code);

        Assert.IsTrue(File.Exists(local), "the candidate is kept when the branch could not take the pattern");
        StringAssert.Contains(File.ReadAllText(local), "executions: 2");

        File.Delete(lockFile);
        var retried = LearningEngine.Learn(new LearnOptions { Project = project, Now = T0.AddDays(3) });
        var learned = retried.Patterns.Single(p => p.Id == candidate.Id);
        Assert.AreEqual(PatternLifecycle.Learned, learned.Lifecycle);
        Assert.AreEqual(3, learned.Executions);
        Assert.IsFalse(File.Exists(local), "promoted: the candidate is gone once the branch holds the pattern");
    }
}
