using AgentOps.Core.Diagnostics;
using AgentOps.Orchestration.Git;
using AgentOps.Orchestration.Learning;
using AgentOps.Core.Patterns;
using LibGit2Sharp;
using static AgentOps.Tests.Learning.LearningFixtures;

namespace AgentOps.Tests.Learning;

/// <summary>
/// Every source merge-learnings promises (issue 12, item 8): a remote name, a file:// or https:// URL,
/// another clone, a branch — and what it cannot take (a file, a missing path, an unreachable remote)
/// answered with a coded error and exit code, never a LibGit2Sharp exception.
/// </summary>
[TestClass]
public sealed class MergeSourceTests
{
    /// <summary>A project that learned one authentication pattern (3 sessions) onto its learnings branch.</summary>
    private static (string Project, string Id) Learned()
    {
        var (project, home) = NewProject();
        for (var i = 1; i <= 3; i++) Session(project, home, Sid(i), "Add OAuth2 login to the API", T0.AddHours(i), AuthWorkflow);
        var report = LearningEngine.Learn(new LearnOptions { Project = project, Now = T0.AddDays(1) });
        return (project, report.Patterns.Single(p => p.Lifecycle == PatternLifecycle.Learned).Id);
    }

    private static string Store(string project) => Path.Combine(project, ".agentops");

    private static LearningException Refused(string project, string source)
    {
        try
        {
            MergeEngine.Merge(Store(project), source, TimeSpan.FromSeconds(10), T0.AddDays(2));
        }
        catch (LearningException ex) { return ex; }
        catch (Exception ex) { Assert.Fail($"'{source}': {ex.GetType().Name} instead of a coded error: {ex.Message}"); }
        Assert.Fail($"'{source}' was accepted");
        return null!;
    }

    [TestMethod]
    public void A_remote_name_and_a_file_url_bring_the_other_clones_learnings_in()
    {
        var (a, id) = Learned();
        var b = InitRepo(Path.Combine(TempDir(), "b"));
        using (var repo = new Repository(b)) repo.Network.Remotes.Add("team", new Uri(a).AbsoluteUri);

        var byName = MergeEngine.Merge(Store(b), "team", now: T0.AddDays(2));
        Assert.IsTrue(byName.Added.Concat(byName.Unchanged).Contains(id), string.Join(", ", byName.Added.Concat(byName.Unchanged)));
        Assert.AreEqual(3, GitLearningTests.BranchPattern(b, id).Executions, "on b's own learnings branch");

        var c = InitRepo(Path.Combine(TempDir(), "c"));
        var byUrl = MergeEngine.Merge(Store(c), new Uri(a).AbsoluteUri, now: T0.AddDays(2));
        CollectionAssert.AreEqual(new[] { id }, byUrl.Added);
        Assert.AreEqual(3, GitLearningTests.BranchPattern(c, id).Executions);
        using var rc = new Repository(c);
        Assert.AreEqual(1, rc.Head.Commits.Count(), "the checked-out branch got nothing");
    }

    [TestMethod]
    public void A_branch_of_this_repository_is_read_without_a_checkout()
    {
        var (a, id) = Learned();
        using (var repo = new Repository(a)) repo.Branches.Add("backup-learnings", LearningsBranch.Tip(repo)!);
        var b = InitRepo(Path.Combine(TempDir(), "b"));
        using (var repo = new Repository(b)) { repo.Network.Remotes.Add("origin", a); Commands.Fetch(repo, "origin", ["+refs/heads/*:refs/remotes/origin/*"], new FetchOptions(), null); }
        var report = MergeEngine.Merge(Store(b), "origin/agentops/learnings", now: T0.AddDays(2));
        Assert.AreEqual(0, report.Conflicts.Count);
        Assert.AreEqual(3, GitLearningTests.BranchPattern(b, id).Executions, "b's own branch starts from the fetched one");
        using var rb = new Repository(b);
        Assert.IsNotNull(rb.Branches[LearningsBranch.Name]);
    }

    [TestMethod]
    public void A_file_is_refused_with_its_code()
    {
        var (a, _) = Learned();
        var file = Path.Combine(TempDir(), "notes.txt");
        File.WriteAllText(file, "not a repository\n");
        var ex = Refused(a, file);
        Assert.AreEqual(DiagnosticCodes.MergeSourceInvalid, ex.Code);
        Assert.AreEqual(ExitCodes.InvalidInput, ex.ExitCode);
    }

    [TestMethod]
    public void A_missing_path_or_an_unknown_name_is_not_found()
    {
        var (a, _) = Learned();
        foreach (var source in new[] { Path.Combine(TempDir(), "gone"), "./nowhere", "no-such-remote" })
        {
            var ex = Refused(a, source);
            Assert.AreEqual(DiagnosticCodes.MergeSourceNotFound, ex.Code, source);
            Assert.AreEqual(ExitCodes.NotFound, ex.ExitCode, source);
        }
    }

    [TestMethod]
    public void Unreachable_urls_and_remotes_fail_cleanly()
    {
        var (a, _) = Learned();
        using (var repo = new Repository(a)) repo.Network.Remotes.Add("broken", "file:///nonexistent/agentops/repo.git");
        var sources = new[] { "file:///nonexistent/agentops/repo.git", "https://127.0.0.1:9/team/project.git", "broken" };
        foreach (var source in sources)
        {
            var ex = Refused(a, source);
            Assert.AreEqual(DiagnosticCodes.MergeSourceUnreachable, ex.Code, $"{source}: {ex.Message}");
            Assert.AreEqual(ExitCodes.NotFound, ex.ExitCode, source);
            StringAssert.Contains(ex.Message, "cannot fetch");
        }
    }
}
