using System.Diagnostics;
using AgentOps.Tests;

namespace AgentOps.Bench.Scenarios;

/// <summary>
/// <c>hooks</c>: what the meta-orchestrator's hooks cost the session. Replays the recorded Claude Code
/// sessions of tests/AgentOps.Tests/Fixtures/claude-code-samples through the plugin's own hooks.json (as
/// Claude Code runs them: /bin/sh -c, payload on stdin, waited for) and prints the synchronous hook p50
/// against a bare <c>cat &gt;&gt;</c> of the same payload and the previous hook (<c>bin/agentops record</c>, the
/// .NET recorder per event). Goal: p50 &lt;= 5 ms.
/// </summary>
public sealed class HookScenario : IBenchScenario
{
    public string Name => "hooks";
    public string Description => "synchronous hook time per event: record-event.sh vs cat >> vs the .NET recorder (goal p50 <= 5 ms)";

    public int Run(string[] args)
    {
        var repo = BenchRepo.Root;
        var tmp = Directory.CreateTempSubdirectory("agentops-hooks-").FullName;
        try
        {
            var project = Path.Combine(tmp, "project");
            Directory.CreateDirectory(project);
            Process.Start(new ProcessStartInfo("git", "init -q") { WorkingDirectory = project })!.WaitForExit();
            var plugin = BenchRepo.PluginWithTool(Path.Combine(tmp, "plugin"));
            var replay = new HookReplay(plugin, project, new Dictionary<string, string> { ["HOME"] = Path.Combine(tmp, "home") });
            var samples = Directory.GetDirectories(Path.Combine(repo, "tests", "AgentOps.Tests", "Fixtures", "claude-code-samples")).Order(StringComparer.Ordinal).ToList();
            var runs = new List<HookReplay.HookRun>();
            var lines = new List<string>();
            // Each recorded session three times, with its transcript (as Claude Code keeps it). A user's sessions are apart:
            // the learner the previous SessionEnd started in the background is let finish before the next session starts,
            // so its CPU does not count as the next prompt's hook.
            const int Rounds = 3;
            var sessions = 0;
            for (var round = 0; round < Rounds; round++)
            {
                for (var i = 0; i < samples.Count; i++)
                {
                    var recorded = File.ReadAllLines(Path.Combine(samples[i], "hooks.jsonl"));
                    if (round == 0) lines.AddRange(recorded);
                    var transcript = HookReplay.RecordedTranscript(samples[i]);
                    runs.AddRange(replay.ReplaySession(recorded, $"bench-session-{round}-{i:D4}", transcript, Path.Combine(tmp, "home", ".claude", "projects", "-project")));
                    if (!HookReplay.WaitForBackgroundLearners(project, ++sessions, TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(100)))
                        Console.Error.WriteLine($"  (the learner of session {sessions} did not finish within 2 minutes)");
                }
            }
            var cat = Baseline(project, lines, $"cat >> \"{Path.Combine(project, "cat.log")}\"");
            // The plugin's own one-liner (the Stop hook's: every event but SessionEnd is the same line) from the floor's spawner.
            var hooks = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(plugin, "hooks", "hooks.json")))!["hooks"]!;
            var oneLiner = Baseline(project, lines, hooks["Stop"]![0]!["hooks"]![0]!["command"]!.GetValue<string>(), plugin);
            var dotnet = Baseline(project, lines, $"\"{Path.Combine(plugin, "bin", "agentops")}\" record");
            var p50 = HookReplay.SyncP50(runs);
            Console.WriteLine($"{runs.Count} hooks from {samples.Count} recorded sessions x {Rounds}, {Environment.ProcessorCount} cores, load {Load()}");
            Console.WriteLine($"  record-event.sh (this plugin)   p50 {p50,7:0.00} ms   goal <= 5 ms: {(p50 <= 5 ? "met" : "NOT met")}");
            Console.WriteLine($"  cat >> file (floor)             p50 {cat,7:0.00} ms   ratio {p50 / cat:0.00}x");
            Console.WriteLine($"  the hook's line, floor spawner  p50 {oneLiner,7:0.00} ms   ratio to the floor {oneLiner / cat:0.00}x");
            Console.WriteLine($"  bin/agentops record (.NET)      p50 {dotnet,7:0.00} ms   ratio {p50 / dotnet:0.00}x");
            // What a session waits for in all: the hooks it fires (of the events it had) and their summed time.
            var synchronous = runs.Where(r => !r.Async).ToList();
            var events = lines.Count(l => l.Trim().Length > 0) * Rounds;
            Console.WriteLine($"  per session: {(double)synchronous.Count / sessions:0.0} hooks of {(double)events / sessions:0.0} events, "
                + $"{synchronous.Sum(r => r.Milliseconds) / sessions:0.0} ms waited (SessionEnd, which starts the learner: p50 {HookReplay.SyncP50(synchronous.Where(r => r.Event == "SessionEnd")):0.0} ms)");
            Console.WriteLine("  by event: " + string.Join(", ", synchronous.GroupBy(r => r.Event).Select(g => $"{g.Key} p50 {HookReplay.SyncP50(g):0.0} ms ({g.Count()})")));
            return 0;
        }
        finally { try { Directory.Delete(tmp, true); } catch (IOException) { } }
    }

    private static double Baseline(string project, IEnumerable<string> lines, string command, string? pluginRoot = null)
    {
        var times = new List<double>();
        foreach (var line in lines.Where(l => l.Trim().Length > 0))
        {
            var payload = System.Text.Json.Nodes.JsonNode.Parse(line)!["payload"]!.ToJsonString();
            var psi = new ProcessStartInfo("/bin/sh") { WorkingDirectory = project, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
            psi.ArgumentList.Add("-c"); psi.ArgumentList.Add(command);
            psi.Environment["CLAUDE_PROJECT_DIR"] = project;
            if (pluginRoot is not null) psi.Environment["CLAUDE_PLUGIN_ROOT"] = pluginRoot;
            var sw = Stopwatch.StartNew();
            using var p = Process.Start(psi)!;
            p.StandardInput.Write(payload);
            p.StandardInput.Close();
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }

    private static string Load() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}

/// <summary>Where the repository and its meta-orchestrator are, for the scenarios that run the plugin.</summary>
internal static class BenchRepo
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "global.json"))) return dir.FullName;
        throw new InvalidOperationException("repo root (global.json) not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A copy of the meta-orchestrator with this build's tool in tool/ (what `dotnet pack` ships) and a
    /// minimal plugin.json, so Claude Code can install it.</summary>
    public static string PluginWithTool(string destination)
    {
        var source = Path.Combine(Root, "plugins", "agentops-meta-orchestrator");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(source, file);
            if (rel.StartsWith("bin" + Path.DirectorySeparatorChar + "Debug", StringComparison.Ordinal) || rel.StartsWith("obj", StringComparison.Ordinal)) continue;
            var target = Path.Combine(destination, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, true);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(target, File.GetUnixFileMode(file));
        }
        Directory.CreateDirectory(Path.Combine(destination, ".claude-plugin"));
        File.WriteAllText(Path.Combine(destination, ".claude-plugin", "plugin.json"),
            "{\"name\": \"agentops-meta-orchestrator\", \"version\": \"1.0.0\", \"description\": \"bench copy\"}\n");
        Directory.CreateSymbolicLink(Path.Combine(destination, "tool"), AppContext.BaseDirectory);
        return destination;
    }
}
