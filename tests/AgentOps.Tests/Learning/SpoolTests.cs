using System.Text.Json.Nodes;
using AgentOps.Orchestration.Learning;
using AgentOps.Tests.Build;
using static AgentOps.Tests.Learning.LearningFixtures;

namespace AgentOps.Tests.Learning;

/// <summary>
/// The recording path off Claude Code's critical path: the plugin's hooks/record-event.sh writes one
/// spool file per event; learn drains the spool into session logs in firing order; the hook-log reader
/// repairs order by the firing time. No event is lost when parallel hooks fire at once.
/// </summary>
[TestClass]
public sealed class SpoolTests
{
    private static string Script => Path.Combine(RepoRoot(), "plugins", "agentops-meta-orchestrator", "hooks", "record-event.sh");

    private static string Micros(DateTimeOffset t) => ((t - DateTimeOffset.UnixEpoch).Ticks / 10).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [TestMethod]
    public void Parallel_hooks_lose_nothing_and_drain_in_firing_order()
    {
        if (OperatingSystem.IsWindows()) Assert.Inconclusive("the hook script is bash");
        var project = InitRepo(Path.Combine(TempDir(), "p"));
        var payloads = HookPayloads("s-parallel", "/none.jsonl", project, "Review the API", [.. Enumerable.Range(0, 12).Select(i => new AgentCall($"agentops-core:reviewer-{i}"))]);
        // All events at once, as hooks of parallel subagents fire.
        Parallel.ForEach(payloads, new ParallelOptions { MaxDegreeOfParallelism = 8 }, p =>
        {
            var evt = JsonNode.Parse(p)!["hook_event_name"]!.GetValue<string>();
            var r = ProcessRunner.RunWithInput("bash", project, TimeSpan.FromSeconds(60), new Dictionary<string, string> { ["CLAUDE_PROJECT_DIR"] = project }, p, Script, evt);
            Assert.AreEqual(0, r.ExitCode, r.All);
            Assert.AreEqual("", r.StdOut, "a hook prints nothing");
        });
        var spooled = Directory.GetFiles(SpoolDrain.SpoolFolder(project), "*.json");
        Assert.AreEqual(payloads.Count, spooled.Length, "one spool file per event");
        Assert.AreEqual("*", File.ReadAllLines(Path.Combine(project, ".agentops", ".gitignore")).Last(), "ignored from the first byte");
        Assert.AreEqual("", ProcessRunner.Run("git", project, TimeSpan.FromSeconds(30), null, "status", "--porcelain").StdOut, "git status stays clean");

        var drained = SpoolDrain.Drain(project, DateTimeOffset.UtcNow);
        Assert.AreEqual(payloads.Count, drained.Drained);
        Assert.AreEqual(0, Directory.GetFiles(SpoolDrain.SpoolFolder(project)).Length);
        var lines = File.ReadAllLines(Path.Combine(ExecutionSources.ExecutionsFolder(project), "s-parallel.jsonl"));
        Assert.AreEqual(payloads.Count, lines.Length, "every event is in the session log");
        // Firing order is the microseconds that start each seq (the spool file name). Two hooks that fire in the
        // same microsecond have no firing order between them (the drain puts them in one tool call's event order),
        // so the check is that the times never go back, not that the whole names sort.
        var fired = lines.Select(l => long.Parse(JsonNode.Parse(l)!["seq"]!.GetValue<string>().Split('-')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        CollectionAssert.AreEqual(fired.Order().ToList(), fired, "appended in firing order");
        var e = HookLogParser.ParseFile(Path.Combine(ExecutionSources.ExecutionsFolder(project), "s-parallel.jsonl")).Execution!;
        Assert.AreEqual(12, e.Steps.Count(s => s.Kind == Core.Patterns.StepKinds.Subagent));
    }

    [TestMethod]
    public void Events_written_out_of_order_are_read_in_firing_order_and_a_half_written_one_waits()
    {
        var project = InitRepo(Path.Combine(TempDir(), "p"));
        var spool = SpoolDrain.SpoolFolder(project);
        Directory.CreateDirectory(spool);
        var payloads = HookPayloads("session-order", "/none.jsonl", project, "Add OAuth2 login to the API", AuthWorkflow);
        // Written newest first: the file names carry the firing time, not the write order.
        for (var i = payloads.Count - 1; i >= 0; i--)
            File.WriteAllText(Path.Combine(spool, $"{Micros(T0.AddSeconds(i))}-{100 + i}-event.json"), payloads[i]);
        var partial = Path.Combine(spool, $"{Micros(T0.AddSeconds(99))}-7-PreToolUse.json");
        File.WriteAllText(partial, "{\"session_id\":\"session-order\",\"hook_event_na");

        var r = SpoolDrain.Drain(project, DateTimeOffset.UtcNow);
        Assert.AreEqual(payloads.Count, r.Drained);
        Assert.AreEqual(1, r.Pending, "a file still being written is left for the next drain");
        Assert.IsTrue(File.Exists(partial));

        var log = Path.Combine(ExecutionSources.ExecutionsFolder(project), "session-order.jsonl");
        var e = HookLogParser.ParseFile(log).Execution!;
        CollectionAssert.AreEqual(AuthWorkflow.Select(a => a.SubagentType).ToArray(), e.Steps.Select(s => s.Name).ToArray());
        Assert.IsTrue(e.Success, e.FailureReason);

        // The same lines shuffled in the file (drains of two batches) still read in firing order; a line
        // appended twice (a drain stopped between append and delete) counts once.
        var lines = File.ReadAllLines(log);
        var shuffled = lines.Reverse().Append(lines[3]).ToArray();
        File.WriteAllLines(log, shuffled);
        var again = HookLogParser.ParseFile(log).Execution!;
        CollectionAssert.AreEqual(e.Steps.Select(s => s.Name).ToArray(), again.Steps.Select(s => s.Name).ToArray());
        Assert.AreEqual(e.Steps.Count, again.Steps.Count);
        Assert.IsTrue(again.Success);
    }

    [TestMethod]
    public void A_symlinked_spool_is_never_read_or_written_through()
    {
        if (OperatingSystem.IsWindows()) Assert.Inconclusive("symlinks and bash");
        var project = InitRepo(Path.Combine(TempDir(), "p"));
        var elsewhere = Directory.CreateDirectory(Path.Combine(TempDir(), "elsewhere")).FullName;
        Directory.CreateDirectory(ExecutionSources.ExecutionsFolder(project));
        Directory.CreateSymbolicLink(SpoolDrain.SpoolFolder(project), elsewhere);
        var payload = HookPayloads("session-link", "/none.jsonl", project, "x", [])[0];
        var r = ProcessRunner.RunWithInput("bash", project, TimeSpan.FromSeconds(60), new Dictionary<string, string> { ["CLAUDE_PROJECT_DIR"] = project }, payload, Script, "SessionStart");
        Assert.AreEqual(0, r.ExitCode);
        Assert.AreEqual(0, Directory.GetFiles(elsewhere).Length, "nothing written through the link");
        File.WriteAllText(Path.Combine(elsewhere, "1796215244082258-1-SessionStart.json"), payload);
        Assert.AreEqual(0, SpoolDrain.Drain(project, DateTimeOffset.UtcNow).Drained);
        Assert.IsTrue(File.Exists(Path.Combine(elsewhere, "1796215244082258-1-SessionStart.json")), "nothing read or deleted through the link");
    }
}
