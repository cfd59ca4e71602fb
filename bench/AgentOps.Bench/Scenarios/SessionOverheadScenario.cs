using System.Diagnostics;
using System.Text.Json.Nodes;
using AgentOps.Tests.EndToEnd;

namespace AgentOps.Bench.Scenarios;

/// <summary>
/// <c>session-overhead [runs]</c>: the wall time of a real Claude Code session (the pinned CLI, offline,
/// the tests' scripted fake Messages API) with the meta-orchestrator installed against the same session
/// without it. The session: 3 rounds of one Bash call then 3 parallel general-purpose subagents that
/// each make 2 Bash calls — 30 tool calls, 9 subagents, every hook event. Runs alternate (bare, plugin)
/// and the medians are compared; the background learning started at SessionEnd is let finish between
/// runs and is not part of the session. Goal: ratio <= 1.05 (the seed asks < 1.10). A third setup, the plugin
/// with an empty hooks.json, splits what the hooks cost from what loading the plugin costs.
/// </summary>
public sealed class SessionOverheadScenario : IBenchScenario
{
    private const int Rounds = 3;
    private const int Parallel = 3;

    public string Name => "session-overhead";
    public string Description => "real Claude Code session (30 tool calls, parallel subagents) with/without the plugin: wall-time ratio (goal <= 1.05)";

    public int Run(string[] args)
    {
        var runs = args.Length > 0 && int.TryParse(args[0], out var n) ? Math.Max(1, n) : 3;
        var claude = Path.Combine(BenchRepo.Root, "node_modules", "@anthropic-ai", "claude-code-linux-x64", "claude");
        if (!File.Exists(claude)) { Console.WriteLine($"Claude Code CLI not found at {claude}: run npm ci --ignore-scripts"); return 2; }
        var tmp = Directory.CreateTempSubdirectory("agentops-overhead-").FullName;
        try
        {
            using var api = new FakeAnthropicApi(Script);
            var bare = Setup(Path.Combine(tmp, "bare"), claude, api, plugin: false);
            var with = Setup(Path.Combine(tmp, "plugin"), claude, api, plugin: true);
            // The same plugin with an empty hooks.json: what loading its commands, agents and skills costs, apart from the hooks.
            var silent = Setup(Path.Combine(tmp, "silent"), claude, api, plugin: true, hooks: false);
            var times = new Dictionary<string, List<double>> { ["bare"] = [], ["plugin"] = [], ["no-hooks"] = [] };
            var toolCalls = 0;
            for (var i = 0; i < runs; i++)
            {
                foreach (var (name, env) in new[] { ("bare", bare), ("plugin", with), ("no-hooks", silent) })
                {
                    var before = api.ModelRequests.Count(r => r.Reply.IsToolCall);
                    var learned = LearnerRuns(env.Work);
                    times[name].Add(Session(claude, env, api));
                    toolCalls = api.ModelRequests.Where(r => r.Reply.IsToolCall).Skip(before).Sum(r => 1 + r.Reply.Also.Count);
                    if (name == "plugin") WaitForLearner(env.Work, learned);
                }
            }
            double Median(List<double> l) { var s = l.Order().ToList(); return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2; }
            var ratio = Median(times["plugin"]) / Median(times["bare"]);
            Console.WriteLine($"session: {toolCalls} tool calls ({Rounds * Parallel} parallel subagents), {runs} run(s) each, {Environment.ProcessorCount} cores");
            Console.WriteLine($"  without the plugin  median {Median(times["bare"]),7:0.00} s  ({string.Join(", ", times["bare"].Select(t => t.ToString("0.00")))})");
            Console.WriteLine($"  with the plugin     median {Median(times["plugin"]),7:0.00} s  ({string.Join(", ", times["plugin"].Select(t => t.ToString("0.00")))})");
            Console.WriteLine($"  plugin, no hooks    median {Median(times["no-hooks"]),7:0.00} s  ({string.Join(", ", times["no-hooks"].Select(t => t.ToString("0.00")))})");
            // Each run's sessions ran side by side in time, so the median of the per-run ratios cancels most of the
            // machine's drift (other load); the ratio of medians is printed too.
            var paired = Median([.. times["plugin"].Zip(times["bare"], (a, b) => a / b)]);
            var pairedSilent = Median([.. times["no-hooks"].Zip(times["bare"], (a, b) => a / b)]);
            Console.WriteLine($"  wall-time ratio, median of paired runs {paired:0.000}   goal <= 1.05: {(paired <= 1.05 ? "met" : "NOT met")}   (ratio of medians {ratio:0.000}; the plugin without its hooks: {pairedSilent:0.000})");
            Console.WriteLine($"  load average at the end: {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?")}");
            var spool = Path.Combine(with.Work, ".agentops", "executions");
            Console.WriteLine($"  recorded session logs: {(Directory.Exists(spool) ? Directory.GetFiles(spool, "*.jsonl").Length : 0)}; learnings branch: {Git(with.Work, "branch", "--list", "agentops/learnings").Trim()}");
            return 0;
        }
        finally { try { Directory.Delete(tmp, true); } catch (IOException) { } }
    }

    private sealed record Env(string Home, string Work);

    /// <summary>The scripted model: the main thread alternates a Bash call and a turn of parallel subagents;
    /// each subagent (its prompt says SUBTASK) makes two Bash calls and reports.</summary>
    private static ModelTurn Script(ModelRequest r)
    {
        if (r.UserText.Contains("SUBTASK", StringComparison.Ordinal))
            return r.Step < 2 ? ModelTurn.Bash($"echo sub-{r.Step}", "Subagent step") : ModelTurn.Say("Subagent finished.");
        var round = r.Step / (Parallel + 1);
        if (round >= Rounds) return ModelTurn.Say("All rounds done.");
        return r.Step % (Parallel + 1) == 0
            ? ModelTurn.Bash($"echo round-{round}", "Round step")
            : ModelTurn.Parallel([.. Enumerable.Range(0, Parallel).Select(i => ModelTurn.Agent("general-purpose", $"SUBTASK {round}-{i}: run two commands", $"Part {i}"))]);
    }

    private static Env Setup(string root, string claude, FakeAnthropicApi api, bool plugin, bool hooks = true)
    {
        var env = new Env(Path.Combine(root, "home"), Path.Combine(root, "work"));
        Directory.CreateDirectory(env.Home);
        Directory.CreateDirectory(env.Work);
        Git(env.Work, "init", "-q");
        if (!plugin) return env;
        var mkt = Path.Combine(root, "mkt");
        BenchRepo.PluginWithTool(Path.Combine(mkt, "plugins", "agentops-meta-orchestrator"));
        if (!hooks) File.WriteAllText(Path.Combine(mkt, "plugins", "agentops-meta-orchestrator", "hooks", "hooks.json"), "{\"hooks\": {}}\n");
        Directory.CreateDirectory(Path.Combine(mkt, ".claude-plugin"));
        File.WriteAllText(Path.Combine(mkt, ".claude-plugin", "marketplace.json"), new JsonObject
        {
            ["name"] = "bench-mkt", ["owner"] = new JsonObject { ["name"] = "bench" },
            ["plugins"] = new JsonArray { new JsonObject { ["name"] = "agentops-meta-orchestrator", ["source"] = "./plugins/agentops-meta-orchestrator" } },
        }.ToJsonString());
        Cli(claude, env, api, TimeSpan.FromMinutes(2), "plugin", "marketplace", "add", mkt);
        Cli(claude, env, api, TimeSpan.FromMinutes(2), "plugin", "install", "agentops-meta-orchestrator@bench-mkt");
        return env;
    }

    private static double Session(string claude, Env env, FakeAnthropicApi api)
    {
        var sw = Stopwatch.StartNew();
        var (code, output) = Cli(claude, env, api, TimeSpan.FromMinutes(5), "-p", "OVERHEAD-BENCH: run the rounds", "--output-format", "stream-json", "--verbose", "--dangerously-skip-permissions");
        sw.Stop();
        if (code != 0) throw new InvalidOperationException($"claude exited {code}: {output}");
        return sw.Elapsed.TotalSeconds;
    }

    private static (int, string) Cli(string claude, Env env, FakeAnthropicApi api, TimeSpan timeout, params string[] args)
    {
        var psi = new ProcessStartInfo(claude) { WorkingDirectory = env.Work, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("CLAUDE", StringComparison.Ordinal) || k.StartsWith("ANTHROPIC", StringComparison.Ordinal)).ToList())
            psi.Environment.Remove(key);
        psi.Environment["HOME"] = env.Home;
        psi.Environment["ANTHROPIC_BASE_URL"] = api.BaseUrl;
        psi.Environment["ANTHROPIC_API_KEY"] = "sk-test-dummy";
        foreach (var k in new[] { "DISABLE_TELEMETRY", "DISABLE_ERROR_REPORTING", "DISABLE_AUTOUPDATER", "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "IS_SANDBOX" })
            psi.Environment[k] = "1";
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout)) { p.Kill(true); throw new TimeoutException($"claude {string.Join(' ', args)}"); }
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>How many background learners have finished in this project: each writes one line to auto-learn.log.</summary>
    private static int LearnerRuns(string work)
    {
        var log = Path.Combine(work, ".agentops", "logs", "auto-learn.log");
        return File.Exists(log) ? File.ReadAllLines(log).Length : 0;
    }

    /// <summary>Lets the SessionEnd learner finish (so it does not run beside the next session), at most a minute.</summary>
    private static void WaitForLearner(string work, int finishedBefore)
    {
        for (var deadline = DateTime.UtcNow.AddMinutes(1); DateTime.UtcNow < deadline && LearnerRuns(work) <= finishedBefore; Thread.Sleep(200)) { }
    }

    private static string Git(string dir, params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardOutput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var o = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return o;
    }
}
