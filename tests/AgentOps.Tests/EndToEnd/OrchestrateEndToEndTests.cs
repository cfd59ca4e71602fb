using System.Text.Json.Nodes;
using AgentOps.Core.Patterns;
using AgentOps.Tests.Build;

namespace AgentOps.Tests.EndToEnd;

/// <summary>
/// The whole loop in the real Claude Code (pinned CLI, offline, scripted model): install the packed
/// marketplace, `/agentops-meta-orchestrator:orchestrate` runs the engine's plan and its subagents, the
/// plugin's hooks record each session (prompt, turn end, session end, and the transcript's path), and with no command typed the learning started by each SessionEnd
/// turns three sessions into a pattern on the agentops/learnings branch (the user's branch, index and tree
/// untouched); a failing fourth lowers its success rate, and show-patterns / meta-stats report the real figures.
/// </summary>
[TestClass]
[TestCategory("EndToEnd")]
public sealed class OrchestrateEndToEndTests
{
    private const string Task = "Add OAuth2 to the API with tests and docs";
    private static readonly TimeSpan SessionTimeout = TimeSpan.FromMinutes(2);

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public void Orchestrate_runs_the_plan_records_through_hooks_and_learns_from_it()
    {
        if (!ClaudeSession.IsInstalled) Assert.Inconclusive($"Claude Code CLI not installed at {ClaudeSession.BinaryPath}: run npm ci");
        RepoMarketplace.EnsurePacked();
        using var env = new InstalledMarketplace();
        var model = new OrchestrateModel("plan");
        using var api = new FakeAnthropicApi(r => model.Next(r));
        env.Install(api);
        var session = new ClaudeSession(env.Home, api);

        var userHead = env.Git("rev-parse", "HEAD");
        List<string>? planned = null;
        for (var run = 1; run <= 3; run++)
        {
            // The learner the previous SessionEnd started may commit a pattern at any moment; the plan the
            // session will fetch is only predictable once it has finished.
            WaitForBackgroundLearners(env, finished: run - 1);
            var expectedPlan = env.Agentops(args: ["plan", Task, "--json"]);
            Assert.AreEqual(0, expectedPlan.ExitCode, expectedPlan.All);
            model = new OrchestrateModel("plan");
            var result = RunSession(session, env, $"/agentops-meta-orchestrator:orchestrate {Task}", api);

            Assert.AreEqual(expectedPlan.StdOut.Trim(), model.ToolOutput?.Trim(), "the model received the engine's real plan");
            planned = OrchestrateModel.PlannedSubagents(expectedPlan.StdOut).Select(s => s.Type).ToList();
            Assert.IsTrue(planned.Count >= 2 && planned.All(t => t.StartsWith("agentops-", StringComparison.Ordinal)), string.Join(", ", planned));
            CollectionAssert.AreEqual(planned, model.SubagentsLaunched, "the planned subagents ran in plan order");
            AssertHooksRecorded(env, result.SessionId!, planned);
        }

        // No `agentops learn`: the SessionEnd hook learned in the background.
        var pattern = LearnedInTheBackground(env, executions: 3);
        Assert.AreEqual(3, pattern.Executions);
        Assert.AreEqual(1.0, pattern.SuccessRate, 1e-9);
        var learnedSubagents = pattern.Steps.Where(s => s.Kind == StepKinds.Subagent).Select(s => s.Name).ToList();
        CollectionAssert.AreEqual(planned, learnedSubagents,
            "the pattern's subagents are the sequence that ran; its workflow: " + pattern.WorkflowSignature);
        Assert.AreEqual(StepKinds.Command, pattern.Steps[0].Kind, "the workflow starts with the orchestrate command: " + pattern.WorkflowSignature);
        StringAssert.Contains(env.Git("log", "agentops/learnings", "--format=%s"), $"Learn pattern: {pattern.Id}");
        Assert.AreEqual(userHead, env.Git("rev-parse", "HEAD"), "nothing was committed onto the user's branch");
        Assert.AreEqual("", env.Git("status", "--porcelain"), "the user's index and working tree are untouched");

        // A fourth session of the same kind in which one subagent's model call fails.
        var failing = planned![1];
        model = new OrchestrateModel("plan") { FailingSubagentType = failing };
        RunSession(session, env, $"/agentops-meta-orchestrator:orchestrate {Task}", api);
        Assert.IsTrue(api.ModelRequests.Any(r => r.Request.ToolResults.Any(t => t.IsError)), "the failed subagent came back to the model as a tool error");
        pattern = LearnedInTheBackground(env, executions: 4);
        Assert.AreEqual(4, pattern.Executions);
        Assert.AreEqual(0.75, pattern.SuccessRate, 1e-9, "one failed execution out of four");

        var sessionsSoFar = 4;
        foreach (var verb in new[] { "show-patterns", "meta-stats" })
        {
            // The tool's own output on the state the session will see: every earlier session's background learner
            // has finished, and this session's starts only at its end (after the command ran).
            WaitForBackgroundLearners(env, finished: sessionsSoFar++);
            var direct = ProcessRunner.Run("bash", env.Work, TimeSpan.FromMinutes(1),
                new Dictionary<string, string> { ["HOME"] = env.Home, ["CLAUDE_PLUGIN_ROOT"] = env.MetaPluginRoot }, "-c", $"\"$CLAUDE_PLUGIN_ROOT/bin/agentops\" {verb} --json");
            model = new OrchestrateModel(verb);
            RunSession(session, env, $"/agentops-meta-orchestrator:{verb}", api);
            StringAssert.EndsWith(model.CommandRun, $"/bin/agentops\" {verb} --json", $"{verb}: the command the plugin's text has the model run");
            Assert.AreEqual(WithoutClock(direct.StdOut), WithoutClock(model.ToolOutput), $"{verb}: the model received the tool's real output");
            StringAssert.Contains(model.ToolOutput, verb == "show-patterns" ? pattern.Id : "4", $"{verb} reports the learned figures");
        }
    }

    [TestMethod]
    public void The_launcher_records_a_hook_when_CLAUDE_PLUGIN_ROOT_is_not_set()
    {
        if (!ClaudeSession.IsInstalled) Assert.Inconclusive($"Claude Code CLI not installed at {ClaudeSession.BinaryPath}: run npm ci");
        RepoMarketplace.EnsurePacked();
        using var env = new InstalledMarketplace();
        using var api = new FakeAnthropicApi(_ => ModelTurn.Say("unused"));
        env.Install(api);

        var payload = new JsonObject
        {
            ["session_id"] = "e2e-no-root-0001", ["transcript_path"] = Path.Combine(env.Root, "none.jsonl"), ["cwd"] = env.Work,
            ["hook_event_name"] = "UserPromptSubmit", ["prompt"] = "Add OAuth2 to the API",
        };
        var record = ProcessRunner.RunWithInput(env.Launcher, env.Root, TimeSpan.FromMinutes(1),
            new Dictionary<string, string> { ["HOME"] = env.Home, ["CLAUDE_PLUGIN_ROOT"] = "" }, payload.ToJsonString(), "record");
        Assert.AreEqual(0, record.ExitCode, record.All);
        var log = Path.Combine(env.Work, ".agentops", "executions", "e2e-no-root-0001.jsonl");
        Assert.IsTrue(File.Exists(log), "recorded without CLAUDE_PLUGIN_ROOT: " + record.All);
        StringAssert.Contains(File.ReadAllText(log), "Add OAuth2 to the API");
    }

    /// <summary>The output minus its generation time, which differs between two runs a second apart.</summary>
    private static string WithoutClock(string? output) =>
        System.Text.RegularExpressions.Regex.Replace(output ?? "", @"""generated_at"": ""[^""]*""", "").Trim();

    private static ClaudeSession.Result RunSession(ClaudeSession session, InstalledMarketplace env, string prompt, FakeAnthropicApi api)
    {
        var result = session.Prompt(env.Work, prompt, SessionTimeout);
        Assert.AreEqual(0, result.ExitCode, $"{prompt}: {result.StdErr}");
        Assert.AreEqual(0, api.Errors.Count, string.Join('\n', api.Errors));
        Assert.IsNotNull(result.SessionId);
        return result;
    }

    /// <summary>The meta-orchestrator's hooks ran `agentops record` with this session's payloads.</summary>
    private static void AssertHooksRecorded(InstalledMarketplace env, string sessionId, IReadOnlyList<string> planned)
    {
        // Hooks spool one file per event; learn (or the background learner at SessionEnd) folds them into the log.
        AgentOps.Orchestration.Learning.SpoolDrain.Drain(env.Work, DateTimeOffset.UtcNow.AddMinutes(10));
        var log = Path.Combine(env.Work, ".agentops", "executions", sessionId + ".jsonl");
        Assert.IsTrue(File.Exists(log), "no execution log for session " + sessionId);
        var lines = File.ReadAllLines(log).Select(l => JsonNode.Parse(l)!).ToList();
        var events = lines.Select(l => l["hook"]!.GetValue<string>()).ToHashSet();
        foreach (var expected in new[] { "UserPromptSubmit", "Stop" })
            Assert.IsTrue(events.Contains(expected), $"{expected} not recorded; got {string.Join(", ", events)}");
        Assert.IsFalse(events.Any(e => e.Contains("ToolUse", StringComparison.Ordinal) || e.StartsWith("Subagent", StringComparison.Ordinal)),
            "no hook on a tool call or a subagent; got " + string.Join(", ", events));
        Assert.IsTrue(lines.All(l => l["payload"]!["session_id"]!.GetValue<string>() == sessionId), "every payload carries the session id");
        // The hook log names the transcript Claude Code wrote; read through it, the session is the planned subagents in plan order.
        var execution = AgentOps.Orchestration.Learning.ExecutionSources.LoadFile(log).Execution!;
        var subagents = execution.Steps.Where(s => s.Kind == AgentOps.Core.Patterns.StepKinds.Subagent).Select(s => s.Name).ToList();
        CollectionAssert.AreEqual(planned.ToList(), subagents, "the recorded subagent types are the planned ones");
        var errors = Path.Combine(env.Work, ".agentops", "logs", "record-errors.log");
        Assert.IsFalse(File.Exists(errors) && File.ReadAllText(errors).Contains(sessionId), "record logged errors: " + (File.Exists(errors) ? File.ReadAllText(errors) : ""));
    }

    /// <summary>Waits (bounded) until this many background learners have finished (<see cref="HookReplay.WaitForBackgroundLearners"/>).</summary>
    private static void WaitForBackgroundLearners(InstalledMarketplace env, int finished)
    {
        var log = HookReplay.AutoLearnLog(env.Work);
        Assert.IsTrue(HookReplay.WaitForBackgroundLearners(env.Work, finished, TimeSpan.FromMinutes(3), TimeSpan.FromMilliseconds(500)),
            $"{finished} background learner(s) expected to have finished:\n" + (File.Exists(log) ? File.ReadAllText(log) : "no auto-learn.log"));
    }

    /// <summary>The one learned pattern of the agentops/learnings branch once it has this many executions,
    /// waiting for the learner the last SessionEnd started (bounded).</summary>
    private static LearnedPattern LearnedInTheBackground(InstalledMarketplace env, int executions)
    {
        var store = Path.Combine(env.Work, ".agentops");
        IReadOnlyList<LearnedPattern> learned = [];
        for (var deadline = DateTime.UtcNow.AddMinutes(3); DateTime.UtcNow < deadline; Thread.Sleep(1000))
        {
            learned = AgentOps.Orchestration.Learning.PatternMemory.List(store)
                .Where(p => p.Origin == AgentOps.Orchestration.Learning.PatternOrigins.Branch && p.Stored.Lifecycle == PatternLifecycle.Learned && p.Stored.Pattern is not null)
                .Select(p => p.Stored.Pattern!).ToList();
            if (learned.Count == 1 && learned[0].Executions == executions) break;
        }
        var log = Path.Combine(store, "logs", "auto-learn.log");
        Assert.AreEqual(1, learned.Count, "learned patterns: " + string.Join(", ", learned.Select(p => p.Id)) + "\n" + (File.Exists(log) ? File.ReadAllText(log) : "no auto-learn.log"));
        return learned[0];
    }
}
