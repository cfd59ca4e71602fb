using AgentOps.Core.Patterns;
using AgentOps.Orchestration.Learning;
using AgentOps.Tests.Content;
using static AgentOps.Tests.Learning.LearningFixtures;

namespace AgentOps.Tests.Learning;

/// <summary>
/// Learning in a user's day, with no command typed: three real recorded Claude Code 2.1.331 sessions (hook
/// payloads and the transcript each names) replayed through the meta-orchestrator's own hooks/hooks.json as Claude Code runs it (the tool in
/// the plugin's tool/ folder, as `dotnet pack` ships it) leave a learned pattern with 3 executions on the
/// agentops/learnings branch, learned in the background at SessionEnd, and the user's HEAD, index and
/// working tree exactly as they were. Hook timing is printed, not asserted (the bench's `hooks` scenario
/// reports it).
/// </summary>
[TestClass]
public sealed class DailyLearningTests
{
    private static string RecordedSession => Path.Combine(TestFixtures.ClaudeCodeSamples, "v2.1.331_bash_agent", "hooks.jsonl");
    private static string RecordedTranscript => TestFixtures.SampleTranscript("v2.1.331_bash_agent");

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public void Three_sessions_through_the_plugins_hooks_learn_a_pattern_with_no_command_typed()
    {
        if (OperatingSystem.IsWindows()) Assert.Inconclusive("the plugin's hooks are shell commands");
        var root = TempDir();
        var project = InitRepo(Path.Combine(root, "project"));
        var plugin = ContentRepo.CopyWithManifest(ContentRepo.PluginDir("agentops-meta-orchestrator"), Path.Combine(root, "plugins"));
        Directory.CreateSymbolicLink(Path.Combine(plugin, "tool"), AppContext.BaseDirectory);
        var before = GitLearningTests.UserState(project);
        var replay = new HookReplay(plugin, project, new Dictionary<string, string> { ["HOME"] = Path.Combine(root, "home") });

        var runs = new List<HookReplay.HookRun>();
        // Claude Code keeps each session's transcript under HOME; every payload names it.
        var transcripts = Path.Combine(root, "home", ".claude", "projects", "-project");
        for (var i = 1; i <= 3; i++)
            runs.AddRange(replay.ReplaySession(File.ReadLines(RecordedSession), $"replayed-session-000{i}", RecordedTranscript, transcripts));

        // Of the recording's 12 events the plugin hooks 3: the prompt, Stop and SessionEnd (not SessionStart, the
        // tool calls, the Agent call or the subagent's own events: the transcript has those).
        Assert.AreEqual(12, File.ReadLines(RecordedSession).Count(l => l.Trim().Length > 0));
        CollectionAssert.AreEqual(new[] { "UserPromptSubmit", "Stop", "SessionEnd" }, runs.Take(3).Select(r => r.Event).ToArray());
        Assert.AreEqual(3 * 3, runs.Count, "one hook per event the plugin registers for");
        Assert.IsTrue(runs.All(r => r.ExitCode == 0 && r.StdOut.Length == 0), "hooks exit 0 and print nothing");
        Console.WriteLine($"synchronous hooks: {runs.Count(r => !r.Async)}, p50 {HookReplay.SyncP50(runs):0.0} ms (this machine, under test load)");

        var store = Path.Combine(project, ".agentops");
        LearnedPattern? learned = null;
        for (var deadline = DateTime.UtcNow.AddMinutes(4); DateTime.UtcNow < deadline; Thread.Sleep(500))
        {
            learned = PatternMemory.List(store).Where(p => p.Origin == PatternOrigins.Branch && p.Stored.Lifecycle == PatternLifecycle.Learned)
                .Select(p => p.Stored.Pattern).FirstOrDefault(p => p?.Executions == 3);
            if (learned is not null && !LearnerRunning(project)) break;
        }
        var log = Path.Combine(store, "logs", "auto-learn.log");
        var logText = File.Exists(log) ? File.ReadAllText(log) : "(no auto-learn.log)";
        Assert.IsNotNull(learned, "no learned pattern with 3 executions on the learnings branch; auto-learn.log:\n" + logText);
        CollectionAssert.AreEqual(new[] { "replayed-session-0001", "replayed-session-0002", "replayed-session-0003" }, learned.ExecutionIds.Order().ToList());
        Assert.AreEqual(1.0, learned.SuccessRate);
        Assert.IsFalse(logText.Contains("failed", StringComparison.Ordinal), logText);
        Assert.AreEqual(0, Directory.GetFiles(SpoolDrain.SpoolFolder(project)).Length, "the spool was drained");
        Assert.AreEqual(before, GitLearningTests.UserState(project), "the user's branch, index and tree are untouched");
        Assert.AreEqual("", Build.ProcessRunner.Run("git", project, TimeSpan.FromSeconds(30), null, "status", "--porcelain").StdOut, "git status is clean: .agentops ignores itself");
    }

    /// <summary>Whether a background learner still holds the store lock (waits for it to finish writing).</summary>
    private static bool LearnerRunning(string project)
    {
        try
        {
            using var _ = new FileStream(Path.Combine(project, ".git", "agentops-learn.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (IOException) { return true; }
    }
}
