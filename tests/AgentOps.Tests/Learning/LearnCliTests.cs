using AgentOps.Tests.Build;

namespace AgentOps.Tests.Learning;

/// <summary>`agentops learn` and `extract` as documented: a bad execution.json named on the command line fails
/// with AOP0912 and exit 1, and the store lock never shows in the user's work tree.</summary>
[TestClass]
public sealed class LearnCliTests
{
    private static ProcessRunner.Output Agentops(string cwd, params string[] args) =>
        ProcessRunner.Dotnet(cwd, [Path.Combine(AppContext.BaseDirectory, "agentops.dll"), .. args]);

    [TestMethod]
    public void A_named_execution_json_that_cannot_be_read_fails_with_AOP0912_and_exit_1()
    {
        var project = LearningFixtures.NewProject().Project;
        var bad = Path.Combine(project, "execution.json");
        File.WriteAllText(bad, """
            { "task": "Add OAuth2",
              "workflow": [
                { "agent": "a", "duration": "soon" }
              ] }
            """);
        var result = Agentops(project, "learn", "--project", project, bad);
        Assert.AreEqual(1, result.ExitCode, result.All);
        StringAssert.Contains(result.StdErr, $"{bad}(3,21): error AOP0912:", "canonical form, at the field's line and column");
        StringAssert.Contains(result.StdErr, "workflow[0].duration", "the field is named");
        Assert.IsFalse(Directory.Exists(Path.Combine(project, ".agentops", "patterns")), "nothing learned");
    }

    [TestMethod]
    public void Extract_keeps_its_lock_in_the_git_dir_not_the_work_tree()
    {
        var project = LearningFixtures.NewProject().Project;
        var result = Agentops(project, "extract", "--project", project);
        Assert.AreEqual(0, result.ExitCode, result.All);
        Assert.IsFalse(File.Exists(Path.Combine(project, ".agentops", ".learn.lock")), "git status would show .agentops/.learn.lock");
        Assert.IsTrue(File.Exists(Path.Combine(project, ".git", "agentops-learn.lock")), "the lock learn takes too");
        using var repo = new LibGit2Sharp.Repository(project);
        var untracked = repo.RetrieveStatus(new LibGit2Sharp.StatusOptions()).Untracked.Select(e => e.FilePath).ToList();
        Assert.IsFalse(untracked.Any(p => p.EndsWith(".lock", StringComparison.Ordinal)), string.Join(", ", untracked));
    }
}
