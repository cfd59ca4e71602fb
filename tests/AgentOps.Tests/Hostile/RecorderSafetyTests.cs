using System.Diagnostics;
using AgentOps.Core.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentOps.Core.Patterns;
using AgentOps.Orchestration.Learning;
using AgentOps.Tests.Build;
using AgentOps.Tests.Learning;
using LibGit2Sharp;

namespace AgentOps.Tests.Hostile;

/// <summary>Regression tests for what issue 12 found in `record` and `learn`: raw payloads staged by
/// `git add -A`, symlinks and FIFOs followed, relative cwd, /dev/zero in executions, open sessions
/// learned as failures forever, hand edits destroyed, hooks dropped silently.</summary>
[TestClass]
[TestCategory("Hostile")]
public sealed class RecorderSafetyTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-11-24T11:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The sample session's payloads, for a new session id and cwd; without Stop/SessionEnd when open.</summary>
    internal static List<string> Payloads(string session, string cwd, bool ended = true)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Hostile", "Fixtures", "general-purpose.hooks.jsonl"));
        var result = new List<string>();
        foreach (var line in lines.Where(l => l.Length > 0))
        {
            var payload = JsonNode.Parse(line)!["payload"]!.AsObject();
            if (!ended && payload["hook_event_name"]!.GetValue<string>() is "Stop" or "SessionEnd") continue;
            payload["session_id"] = session;
            payload["cwd"] = cwd;
            payload["transcript_path"] = "/nonexistent/" + session + ".jsonl";
            result.Add(payload.ToJsonString());
        }
        return result;
    }

    private static void RecordSession(string project, string session, DateTimeOffset at, bool ended = true)
    {
        var i = 0;
        foreach (var p in Payloads(session, project, ended))
            Assert.IsTrue(HookRecorder.Record(Encoding.UTF8.GetBytes(p), null, at.AddSeconds(i++)).Recorded);
    }

    private static RecorderTestProject NewProject() => new(LearningFixtures.NewProject().Project);

    private sealed record RecorderTestProject(string Path)
    {
        public string Executions => System.IO.Path.Combine(Path, ".agentops", "executions");
    }

    [TestMethod]
    public void RawPayloadsAreIgnoredFromTheFirstByte()
    {
        var p = NewProject();
        var payload = Payloads("s1", p.Path)[1];
        Assert.IsTrue(HookRecorder.Record(Encoding.UTF8.GetBytes(payload), null, T0).Recorded);
        // The user's own `git add -A` before any learn must not stage a raw prompt.
        var add = ProcessRunner.Run("git", p.Path, TimeSpan.FromMinutes(1), null, "add", "-A");
        Assert.AreEqual(0, add.ExitCode, add.StdErr);
        var staged = ProcessRunner.Run("git", p.Path, TimeSpan.FromMinutes(1), null, "diff", "--cached", "--name-only").StdOut;
        Assert.IsFalse(staged.Contains(".agentops/", StringComparison.Ordinal), staged);
        Assert.IsTrue(File.Exists(System.IO.Path.Combine(p.Path, ".agentops", ".gitignore")));
    }

    [TestMethod]
    public void TheErrorLogRedactsBeforeCutting()
    {
        var p = NewProject();
        Directory.CreateDirectory(System.IO.Path.Combine(p.Path, ".agentops"));
        var token = SecretCorpus.All.Single(s => s.Kind == "github-classic-token").Core;
        var input = new string('.', 180) + token + " and more";
        HookRecorder.Record(Encoding.UTF8.GetBytes(input), p.Path, T0);
        var log = File.ReadAllText(System.IO.Path.Combine(p.Path, ".agentops", "logs", "record-errors.log"));
        Assert.IsFalse(log.Contains("ghp_", StringComparison.Ordinal), log);
        StringAssert.Contains(log, "AOP0910");
    }

    [TestMethod]
    public void ASymlinkedExecutionsFolderOrLogIsNeverFollowed()
    {
        var p = NewProject();
        var outside = LearningFixtures.TempDir();
        Directory.CreateDirectory(System.IO.Path.Combine(p.Path, ".agentops"));
        Directory.CreateSymbolicLink(p.Executions, outside);
        Assert.IsFalse(HookRecorder.Record(Encoding.UTF8.GetBytes(Payloads("s1", p.Path)[0]), null, T0).Recorded);
        Assert.AreEqual(0, Directory.EnumerateFileSystemEntries(outside).Count(), "nothing written through the link");
        StringAssert.Contains(File.ReadAllText(System.IO.Path.Combine(p.Path, ".agentops", "logs", "record-errors.log")), "symbolic link");

        var q = NewProject();
        Directory.CreateDirectory(q.Executions);
        var victim = System.IO.Path.Combine(outside, "victim.txt");
        File.WriteAllText(victim, "keep\n");
        File.CreateSymbolicLink(System.IO.Path.Combine(q.Executions, "s2.jsonl"), victim);
        Assert.IsFalse(HookRecorder.Record(Encoding.UTF8.GetBytes(Payloads("s2", q.Path)[0]), null, T0).Recorded);
        Assert.AreEqual("keep\n", File.ReadAllText(victim));
    }

    [TestMethod]
    public void AFifoAsTheLogDoesNotBlockTheHook()
    {
        var p = NewProject();
        Directory.CreateDirectory(p.Executions);
        Assert.AreEqual(0, ProcessRunner.Run("mkfifo", p.Path, TimeSpan.FromSeconds(10), null, System.IO.Path.Combine(p.Executions, "s3.jsonl")).ExitCode);
        var record = Task.Run(() => HookRecorder.Record(Encoding.UTF8.GetBytes(Payloads("s3", p.Path)[0]), null, T0));
        Assert.IsTrue(record.Wait(TimeSpan.FromSeconds(10)), "record hung on a FIFO");
        Assert.IsFalse(record.Result.Recorded);
    }

    [TestMethod]
    [DataRow("relative/dir")]
    [DataRow("../../outside")]
    [DataRow("")]
    [DataRow(null)]
    public void ARelativeOrMissingCwdIsRefusedAndNothingIsCreated(string? cwd)
    {
        var here = LearningFixtures.TempDir();
        var payload = JsonNode.Parse(Payloads("s4", "/x")[0])!.AsObject();
        if (cwd is null) payload.Remove("cwd"); else payload["cwd"] = cwd;
        var before = Environment.CurrentDirectory;
        var r = HookRecorder.Record(Encoding.UTF8.GetBytes(payload.ToJsonString()), null, T0);
        Assert.IsFalse(r.Recorded);
        Assert.AreEqual(before, Environment.CurrentDirectory);
        Assert.IsFalse(Directory.Exists(System.IO.Path.Combine(before, "relative")));
        Assert.AreEqual(0, Directory.EnumerateFileSystemEntries(here).Count());
    }

    [TestMethod]
    public void ANonexistentCwdIsNotCreated()
    {
        var missing = System.IO.Path.Combine(LearningFixtures.TempDir(), "no", "such", "project");
        Assert.IsFalse(HookRecorder.Record(Encoding.UTF8.GetBytes(Payloads("s5", missing)[0]), null, T0).Recorded);
        Assert.IsFalse(Directory.Exists(System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(missing))));
    }

    [TestMethod]
    public void DevZeroAndFifosInExecutionsAreSkippedNotRead()
    {
        var p = NewProject();
        for (var i = 1; i <= 3; i++) RecordSession(p.Path, $"ok{i}", T0.AddHours(i));
        File.CreateSymbolicLink(System.IO.Path.Combine(p.Executions, "zero.jsonl"), "/dev/zero");
        ProcessRunner.Run("mkfifo", p.Path, TimeSpan.FromSeconds(10), null, System.IO.Path.Combine(p.Executions, "pipe.jsonl"));
        var learn = Task.Run(() => LearningEngine.Learn(new LearnOptions { Project = p.Path, Now = T0.AddDays(1) }));
        Assert.IsTrue(learn.Wait(TimeSpan.FromSeconds(60)), "learn hung");
        var report = learn.Result;
        Assert.AreEqual(2, report.Warnings.Count(w => w.StartsWith("AOP0915", StringComparison.Ordinal)), string.Join("\n", report.Warnings));
        Assert.AreEqual(3, report.ExecutionsRead);
    }

    [TestMethod]
    public void AnOpenSessionIsNotLearnedAsAFailureAndIsCorrectedOnceEnded()
    {
        var p = NewProject();
        for (var i = 1; i <= 3; i++) RecordSession(p.Path, $"done{i}", T0.AddHours(i));
        RecordSession(p.Path, "running", T0.AddHours(4), ended: false);
        var first = LearningEngine.Learn(new LearnOptions { Project = p.Path, Now = T0.AddDays(1) });
        Assert.IsTrue(first.Warnings.Any(w => w.StartsWith("AOP0919", StringComparison.Ordinal)), "the running session is reported as open");
        Assert.AreEqual(1.0, first.Patterns.Single(x => x.Lifecycle == PatternLifecycle.Learned).SuccessRate);

        // An older reader (or a session left open long enough) counted it as failed: a later run corrects it.
        var runningLog = System.IO.Path.Combine(p.Executions, "running.jsonl");
        File.SetLastWriteTimeUtc(runningLog, DateTime.UtcNow.AddHours(-2));
        var stale = LearningEngine.Learn(new LearnOptions { Project = p.Path, Now = T0.AddDays(1) });
        Assert.AreEqual(0.75, stale.Patterns.Single(x => x.Lifecycle == PatternLifecycle.Learned).SuccessRate, 1e-9);
        var end = Payloads("running", p.Path).Where(l => l.Contains("\"Stop\"", StringComparison.Ordinal) || l.Contains("\"SessionEnd\"", StringComparison.Ordinal));
        foreach (var l in end) HookRecorder.Record(Encoding.UTF8.GetBytes(l), null, T0.AddHours(4).AddMinutes(5));
        var corrected = LearningEngine.Learn(new LearnOptions { Project = p.Path, Now = T0.AddDays(2) });
        Assert.AreEqual(1.0, corrected.Patterns.Single(x => x.Lifecycle == PatternLifecycle.Learned).SuccessRate, "the ledger was corrected");
        Assert.AreEqual(4, corrected.Patterns.Single(x => x.Lifecycle == PatternLifecycle.Learned).Executions);
    }

    [TestMethod]
    public void AHandEditThatBreaksAPatternIsBackedUpWhereGitSeesIt()
    {
        var p = NewProject();
        for (var i = 1; i <= 2; i++) RecordSession(p.Path, $"h{i}", T0.AddHours(i));
        var candidate = LearningEngine.Learn(new LearnOptions { Project = p.Path, Now = T0.AddDays(1) }).Patterns.Single(x => x.Lifecycle == PatternLifecycle.Discovered);
        var edit = File.ReadAllText(candidate.Path).Replace("success_rate:", "success_rate: [my note", StringComparison.Ordinal) + "\nMy hand-written advice.\n";
        File.WriteAllText(candidate.Path, edit);
        RecordSession(p.Path, "h3", T0.AddHours(5));
        var report = LearningEngine.Learn(new LearnOptions { Project = p.Path, Now = T0.AddDays(2) });
        Assert.AreEqual(PatternLifecycle.Learned, report.Patterns.Single(x => x.Lifecycle != PatternLifecycle.Meta).Lifecycle);
        var backup = report.Diagnostics.Single(d => d.Code == "AOP0918");
        using var repo = new Repository(p.Path);
        var branch = repo.Branches["agentops/learnings"].Tip;
        var conflicts = (Tree)branch["patterns/conflicts"].Target;
        var copy = (Blob)conflicts.Single().Target;
        Assert.AreEqual(edit, copy.GetContentText(), backup.Message);
    }
}
