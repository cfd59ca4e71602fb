using AgentOps.Orchestration.Git;
using AgentOps.Orchestration.Learning;
using AgentOps.Core.Patterns;
using LibGit2Sharp;
using static AgentOps.Tests.Learning.LearningFixtures;

namespace AgentOps.Tests.Learning;

[TestClass]
public sealed class GitLearningTests
{
    private const string AuthTask = "Add OAuth2 login to the API";

    private static void Sessions(string project, string home, int from, int count, bool failLast = false)
    {
        for (var i = from; i < from + count; i++)
        {
            var calls = AuthWorkflow.ToArray();
            if (failLast && i == from + count - 1) calls[3] = calls[3] with { Success = false };
            Session(project, home, Sid(i), AuthTask, T0.AddHours(i), calls);
        }
    }

    private static LearnReport Learn(string project, DateTimeOffset? now = null) =>
        LearningEngine.Learn(new LearnOptions { Project = project, Now = now ?? T0.AddDays(1) });

    /// <summary>A file of the agentops/learnings branch (null when missing).</summary>
    internal static string? OnBranch(string project, string path)
    {
        using var repo = new Repository(project);
        return LearningsBranch.Read(repo, path);
    }

    internal static LearnedPattern BranchPattern(string project, string id) =>
        PatternReader.Parse(id + ".md", OnBranch(project, $"patterns/learned/{id}.md") ?? throw new AssertFailedException($"{id} is not on the learnings branch")).Pattern!;

    /// <summary>Everything of the user's checkout learning must never touch: HEAD (branch and commit), the index
    /// with its stages, and the status of the working tree.</summary>
    internal static string UserState(string project)
    {
        string Git(params string[] args) => Build.ProcessRunner.Run("git", project, TimeSpan.FromSeconds(30), null, args).StdOut;
        // .agentops/ itself is left out: learning may add its own .gitignore there (which hides the folder).
        return $"HEAD {Git("rev-parse", "HEAD")}ref {Git("symbolic-ref", "-q", "HEAD")}index\n{Git("ls-files", "-s")}status\n{Git("status", "--porcelain", "--", ".", ":(exclude).agentops")}";
    }

    [TestMethod]
    public void LearnCommitsThePatternToTheLearningsBranchAndLeavesTheCheckoutAlone()
    {
        var (project, home) = NewProject();
        Sessions(project, home, 1, 3);
        var before = UserState(project);
        var report = Learn(project);

        var p = report.Patterns.Single(x => x.Lifecycle != PatternLifecycle.Meta);
        Assert.AreEqual(PatternLifecycle.Learned, p.Lifecycle);
        Assert.AreEqual("authentication", p.Category);
        Assert.AreEqual(3, p.Executions);
        Assert.AreEqual(1.0, p.SuccessRate);
        Assert.AreEqual($"agentops/learnings:patterns/learned/{p.Id}.md", p.Path);
        var text = OnBranch(project, $"patterns/learned/{p.Id}.md")!;
        Assert.IsFalse(PatternChecks.Validate($"patterns/learned/{p.Id}.md", text).Any(d => d.IsError));
        var pattern = BranchPattern(project, p.Id);
        Assert.IsTrue(pattern.Validated);
        CollectionAssert.AreEqual(AuthWorkflow.Select(a => a.SubagentType).ToArray(), pattern.Steps.Select(s => s.Name).ToArray());
        Assert.AreEqual(60, pattern.Steps[1].MeanDurationSeconds, 1e-6);
        Assert.AreEqual("research", pattern.Steps[0].Phase);

        using var repo = new Repository(project);
        var branch = repo.Branches[LearningsBranch.Name];
        Assert.IsNotNull(branch, "the learnings branch exists");
        var learn = branch.Commits.First(c => c.MessageShort.StartsWith("Learn pattern: ", StringComparison.Ordinal));
        Assert.AreEqual($"Learn pattern: {p.Id}", learn.MessageShort);
        StringAssert.Contains(learn.Message, Sid(1));
        StringAssert.Contains(learn.Message, "Success rate: 1.00");
        StringAssert.Contains(learn.Message, "Category: authentication");
        Assert.IsNotNull(branch.Tip["metrics/learning_metrics.json"]);
        Assert.IsNull(branch.Tip["executions"], "raw execution logs are never committed");
        Assert.AreEqual(1, repo.Head.Commits.Count(), "nothing was committed onto the checked-out branch");
        Assert.AreEqual(before, UserState(project), "HEAD, index and working tree are as they were");
        Assert.IsFalse(File.Exists(Path.Combine(project, ".agentops", "patterns", "learned", p.Id + ".md")), "learned patterns live on the branch, not in the tree");
    }

    [TestMethod]
    public void RepeatingWithMoreExecutionsUpdatesCountsAndNeverCountsTwice()
    {
        var (project, home) = NewProject();
        Sessions(project, home, 1, 3);
        var first = Learn(project).Patterns.Single(x => x.Lifecycle == PatternLifecycle.Learned);

        using (var repo = new Repository(project))
        {
            var before = LearningsBranch.Tip(repo)!.Sha;
            var again = Learn(project);
            Assert.IsFalse(again.Patterns.Any(x => x.Changed && x.Lifecycle == PatternLifecycle.Learned), "same executions: nothing changes");
            Assert.AreEqual(before, LearningsBranch.Tip(repo)!.Sha, "idempotent: no new commit");
        }

        Sessions(project, home, 4, 2, failLast: true);
        var second = Learn(project, T0.AddDays(2)).Patterns.Single(x => x.Lifecycle == PatternLifecycle.Learned);
        Assert.AreEqual(first.Id, second.Id);
        Assert.AreEqual(5, second.Executions);
        Assert.AreEqual(0.8, second.SuccessRate, 1e-9);
        var p = BranchPattern(project, second.Id);
        Assert.AreEqual(5, p.ExecutionIds.Distinct().Count());
        Assert.AreEqual(4, p.Optimizations.CheckpointAfterStep, "checkpoint after the step that fails most");
        using var r2 = new Repository(project);
        Assert.AreEqual(2, r2.Branches[LearningsBranch.Name].Commits.Count(c => c.MessageShort == $"Learn pattern: {first.Id}"));
    }

    [TestMethod]
    public void MergingASecondClonesLearningsKeepsBoth()
    {
        var (a, homeA) = NewProject();
        Sessions(a, homeA, 1, 3);
        var idA = Learn(a).Patterns.Single(x => x.Lifecycle == PatternLifecycle.Learned).Id;

        var root = TempDir();
        var b = Repository.Clone(a, Path.Combine(root, "clone"));
        var cloneDir = Path.GetFullPath(Path.Combine(b, ".."));
        // The clone learns 3 more executions of the same workflow, and a different one.
        Sessions(cloneDir, Path.Combine(root, "home"), 10, 3);
        for (var i = 20; i < 23; i++)
            Session(cloneDir, Path.Combine(root, "home"), Sid(i), "Write the README documentation for the CLI", T0.AddHours(i),
                [new("agentops-core:doc-writer", true, 50)]);
        Learn(cloneDir, T0.AddDays(3));

        var report = MergeEngine.Merge(Path.Combine(a, ".agentops"), cloneDir, now: T0.AddDays(4));
        Assert.AreEqual(0, report.Conflicts.Count, string.Join("\n", report.Conflicts));
        Assert.AreEqual(1, report.Added.Count);
        Assert.AreEqual(1, report.Merged.Count);
        var merged = BranchPattern(a, idA);
        Assert.AreEqual(6, merged.Executions, "3 ours + 3 theirs (the clone learned its own 3 on top of the fetched branch)");
        Assert.IsNotNull(report.CommitSha);
        using (var repo = new Repository(a))
        {
            var tip = repo.Branches[LearningsBranch.Name].Tip;
            Assert.AreEqual(2, tip.Parents.Count(), "the clone's branch is merged in, so pushing it fast-forwards");
        }

        // Merging again changes nothing; merging the branch way works too.
        var again = MergeEngine.Merge(Path.Combine(a, ".agentops"), cloneDir, now: T0.AddDays(5));
        Assert.AreEqual(0, again.Added.Count + again.Merged.Count);
    }

    [TestMethod]
    public void MergeConflictIsReportedNotOverwritten()
    {
        var (a, home) = NewProject();
        Sessions(a, home, 1, 3);
        var learned = Learn(a).Patterns.Single(x => x.Lifecycle == PatternLifecycle.Learned);
        var other = TempDir();
        var dir = Path.Combine(other, "patterns", "learned");
        Directory.CreateDirectory(dir);
        var original = OnBranch(a, $"patterns/learned/{learned.Id}.md")!;
        File.WriteAllText(Path.Combine(dir, learned.Id + ".md"), original.Replace("agentops-core:spec-architect", "someone:else"));
        var report = MergeEngine.Merge(Path.Combine(a, ".agentops"), other);
        Assert.AreEqual(1, report.Conflicts.Count);
        Assert.AreEqual(original, OnBranch(a, $"patterns/learned/{learned.Id}.md"));
    }

    [TestMethod]
    public void StagedWorkIsNeitherRefusedNorTouched()
    {
        var (project, home) = NewProject();
        Sessions(project, home, 1, 3);
        File.WriteAllText(Path.Combine(project, "user.txt"), "work in progress\n");
        using (var repo = new Repository(project)) Commands.Stage(repo, "user.txt");
        var before = UserState(project);
        var report = Learn(project);
        Assert.AreEqual(1, report.Patterns.Count(p => p.Lifecycle == PatternLifecycle.Learned));
        Assert.AreEqual(before, UserState(project), "the user's staged change is still staged, nothing else moved");
        using var r = new Repository(project);
        Assert.AreEqual(FileStatus.NewInIndex, r.RetrieveStatus("user.txt"));
        Assert.IsFalse(r.Branches[LearningsBranch.Name].Tip.Tree.Any(e => e.Name == "user.txt"), "the user's work is not in the learnings commit");
    }

    [TestMethod]
    public void DetachedHeadStaysDetached()
    {
        var (project, home) = NewProject();
        Sessions(project, home, 1, 3);
        using (var repo = new Repository(project)) Commands.Checkout(repo, repo.Head.Tip);
        var before = UserState(project);
        Learn(project);
        Assert.AreEqual(before, UserState(project));
        using var r = new Repository(project);
        Assert.IsTrue(r.Info.IsHeadDetached);
        Assert.IsNotNull(r.Branches[LearningsBranch.Name]);
    }

    [TestMethod]
    public void LearningDuringAMergeConflictStagesNothingIntoTheMerge()
    {
        var (project, home) = NewProject();
        string Git(params string[] args)
        {
            var r = Build.ProcessRunner.Run("git", project, TimeSpan.FromSeconds(30), new Dictionary<string, string> { ["GIT_AUTHOR_NAME"] = "u", ["GIT_AUTHOR_EMAIL"] = "u@x", ["GIT_COMMITTER_NAME"] = "u", ["GIT_COMMITTER_EMAIL"] = "u@x" }, args);
            return r.StdOut + r.StdErr;
        }
        Git("checkout", "-q", "-b", "feature");
        File.WriteAllText(Path.Combine(project, "README.md"), "feature side\n");
        Git("commit", "-qam", "feature");
        Git("checkout", "-q", "-");
        File.WriteAllText(Path.Combine(project, "README.md"), "main side\n");
        Git("commit", "-qam", "main");
        StringAssert.Contains(Git("merge", "feature"), "CONFLICT");
        Sessions(project, home, 1, 3);
        var before = UserState(project);
        StringAssert.Contains(before, "UU README.md");

        var report = Learn(project);

        Assert.AreEqual(1, report.Patterns.Count(p => p.Lifecycle == PatternLifecycle.Learned));
        Assert.AreEqual(before, UserState(project), "the conflicted merge is exactly as the user left it");
        Assert.IsTrue(File.Exists(Path.Combine(project, ".git", "MERGE_HEAD")), "the merge is still in progress");
    }

    [TestMethod]
    public void ConcurrentLearnsBothLand()
    {
        var (project, home) = NewProject();
        var auth = new List<string>();
        var docs = new List<string>();
        for (var i = 1; i <= 3; i++) auth.Add(WriteTranscript(Path.Combine(home, "a"), Sid(i), AuthTask, T0.AddHours(i), AuthWorkflow));
        for (var i = 11; i <= 13; i++) docs.Add(WriteTranscript(Path.Combine(home, "d"), Sid(i), "Update the changelog docs", T0.AddHours(i), [new("agentops-core:doc-writer", true, 20)]));
        var t1 = Task.Run(() => LearningEngine.Learn(new LearnOptions { Project = project, ExecutionFiles = auth, Now = T0.AddDays(1) }));
        var t2 = Task.Run(() => LearningEngine.Learn(new LearnOptions { Project = project, ExecutionFiles = docs, Now = T0.AddDays(1) }));
        Task.WaitAll(t1, t2);
        using var repo = new Repository(project);
        var branch = repo.Branches[LearningsBranch.Name];
        var learned = branch.Tip["patterns/learned"].Target as Tree;
        Assert.IsNotNull(learned);
        Assert.AreEqual(2, learned.Count(e => e.Name.EndsWith(".md")));
        Assert.AreEqual(2, branch.Commits.Count(c => c.MessageShort.StartsWith("Learn pattern: ")));
        Assert.IsFalse(repo.RetrieveStatus(new StatusOptions()).IsDirty);
    }

    [TestMethod]
    public void SecretsAreRedactedBeforeWriteAndCommit()
    {
        var (project, home) = NewProject();
        const string key = "sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789";
        for (var i = 1; i <= 3; i++)
            Session(project, home, Sid(i), $"Add OAuth2 login; the api_key={key} is in env", T0.AddHours(i), AuthWorkflow);
        var report = Learn(project);
        Assert.IsTrue(report.Redactions.Count > 0);
        var p = report.Patterns.Single(x => x.Lifecycle == PatternLifecycle.Learned);
        var text = OnBranch(project, $"patterns/learned/{p.Id}.md")!;
        Assert.IsFalse(text.Contains(key));
        StringAssert.Contains(text, "[REDACTED]");
        using var repo = new Repository(project);
        foreach (var c in repo.Commits.QueryBy(new CommitFilter { IncludeReachableFrom = repo.Refs }))
            foreach (var blob in Blobs(c.Tree)) Assert.IsFalse(blob.GetContentText().Contains(key));
    }

    [TestMethod]
    public void Patterns_an_older_version_committed_into_the_project_move_to_the_branch()
    {
        var (project, home) = NewProject();
        Sessions(project, home, 1, 3);
        var id = Learn(project).Patterns.Single(x => x.Lifecycle == PatternLifecycle.Learned).Id;
        var text = OnBranch(project, $"patterns/learned/{id}.md")!;
        var (old, _) = NewProject();
        var legacy = Path.Combine(old, ".agentops", "patterns", "learned", id + ".md");
        Directory.CreateDirectory(Path.GetDirectoryName(legacy)!);
        File.WriteAllText(legacy, text);
        Assert.AreEqual(1, PatternMemory.List(Path.Combine(old, ".agentops")).Count(p => p.Origin == PatternOrigins.Local && p.Stored.Pattern?.Id == id), "still read where it was");

        MergeEngine.Merge(Path.Combine(old, ".agentops"), Path.Combine(old, ".agentops"), now: T0.AddDays(2));

        Assert.AreEqual(3, BranchPattern(old, id).Executions, "merge-learnings .agentops puts it on the branch");
    }

    [TestMethod]
    public void Force_learns_one_execution_as_a_pattern_the_validator_accepts()
    {
        var (project, home) = NewProject();
        var transcript = Session(project, home, Sid(1), AuthTask, T0, AuthWorkflow);
        var report = LearningEngine.Learn(new LearnOptions { Project = project, ExecutionFiles = [transcript], Force = true, Now = T0.AddDays(1) });
        var p = report.Patterns.Single(x => x.Lifecycle == PatternLifecycle.Learned);
        var text = OnBranch(project, $"patterns/learned/{p.Id}.md")!;
        StringAssert.Contains(text, "validated: false");
        var errors = PatternChecks.Validate($"/store/patterns/learned/{p.Id}.md", text).Where(d => d.IsError).ToList();
        Assert.AreEqual(0, errors.Count, string.Join("; ", errors));
    }

    private static IEnumerable<Blob> Blobs(Tree tree) =>
        tree.SelectMany(e => e.Target switch { Blob b => [b], Tree t => Blobs(t), _ => [] });

    [TestMethod]
    public void ExtractionIsDeterministic()
    {
        var execs = Enumerable.Range(1, 30).Select(i => new Execution($"e{i}", i % 2 == 0 ? "Fix the crash in login" : "Deploy to kubernetes with helm",
            T0.AddMinutes(i), [new ExecutionStep(i % 2 == 0 ? "debugger" : "k8s-deployer", StepKinds.Subagent, T0.AddMinutes(i), 10 + i, i % 5 == 0 ? StepOutcome.Error : StepOutcome.Success)],
            i % 5 != 0, 20 + i, false, "test")).ToList();
        var a = PatternExtractor.Extract(execs).Candidates.Select(PatternWriter.Render).ToList();
        var b = PatternExtractor.Extract(Enumerable.Reverse(execs)).Candidates.Select(PatternWriter.Render).ToList();
        CollectionAssert.AreEqual(a, b);
        foreach (var text in a)
        {
            var p = PatternReader.Parse("x.md", text).Pattern!;
            Assert.AreEqual(text, PatternWriter.Render(p), "render/read round trip");
        }
    }
}
