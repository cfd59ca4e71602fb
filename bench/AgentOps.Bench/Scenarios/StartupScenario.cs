using System.Diagnostics;
using System.Globalization;

namespace AgentOps.Bench.Scenarios;

/// <summary>
/// Start-up of the agentops tool as users run it: through the packed plugin's launcher
/// (artifacts/marketplace, so whatever `dotnet pack` or eng/ship/release.sh put in tool/: a native build
/// for this machine, else the portable dll with dotnet), each run a new process. Paired with the real
/// Claude Code CLI in the same run (alternating, so both see the same machine load):
///   validate     `agentops validate &lt;packed&gt;` vs `claude plugin validate &lt;packed&gt;`   goal: ratio &lt;= 1.0
///   --version    `agentops --version` vs `claude --version`                            goal: &lt; 50 ms
///   analyze      cold `agentops analyze-plugins "&lt;query&gt;"` (lexical: AGENTOPS_EMBEDDINGS=off, catalog built once
///                before) vs `claude plugin validate`                                  goal: &lt; 300 ms
/// Medians of --runs N (default 15). Args: [--runs N] [--launcher PATH] [--marketplace DIR].
/// </summary>
public sealed class StartupScenario : IBenchScenario
{
    public string Name => "startup";
    public string Description => "agentops start-up (validate, --version, analyze-plugins) against the real claude CLI, paired";

    public int Run(string[] args)
    {
        var runs = 15;
        string? launcher = null, marketplace = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--runs": runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--launcher": launcher = Path.GetFullPath(args[i + 1]); break;
                case "--marketplace": marketplace = Path.GetFullPath(args[i + 1]); break;
            }
        }
        var repo = BenchPaths.RepoRoot();
        marketplace ??= Path.Combine(repo, "artifacts", "marketplace");
        launcher ??= Path.Combine(marketplace, "plugins", "agentops-meta-orchestrator", "bin", "agentops");
        var claude = Path.Combine(repo, "node_modules", "@anthropic-ai", "claude-code-linux-x64", "claude");
        if (!File.Exists(claude)) { Console.WriteLine($"the pinned Claude Code CLI is not installed ({claude}): npm ci --ignore-scripts --no-audit --no-fund"); return 1; }
        if (!File.Exists(launcher)) { Console.WriteLine($"no packed launcher at {launcher}: run `dotnet pack` (or eng/ship/release.sh) first"); return 1; }

        var home = Directory.CreateTempSubdirectory("aop-bench-startup-").FullName;
        try
        {
            var env = new Dictionary<string, string>
            {
                ["HOME"] = home, ["CLAUDE_CONFIG_DIR"] = Path.Combine(home, ".claude"), ["DISABLE_TELEMETRY"] = "1",
                ["DISABLE_AUTOUPDATER"] = "1", ["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] = "1", ["AGENTOPS_EMBEDDINGS"] = "off",
            };
            var ours = new Runner(launcher, home, env);
            var theirs = new Runner(claude, home, env);
            Console.WriteLine($"tool: {ours.Describe()}");
            Console.WriteLine($"marketplace: {marketplace} ({DirectorySize(marketplace) / (1024.0 * 1024):0.0} MB on disk)");

            // The catalog is built once (as the first /analyze-plugins of a session would), then every run is cold.
            var store = Path.Combine(home, "store");
            ours.Once("catalog", "--store", store);
            const string query = "review my pull request for security problems";

            var rows = new List<(string What, double Ours, double Theirs, string TheirsWhat, string Goal, bool Met)>();
            var (v1, v2) = Paired(runs, () => ours.Time("validate", marketplace), () => theirs.Time("plugin", "validate", marketplace));
            rows.Add(("validate packed marketplace", v1, v2, "claude plugin validate", "ratio <= 1.0", v1 <= v2));
            var (r1, r2) = Paired(runs, () => ours.Time("--version"), () => theirs.Time("--version"));
            rows.Add(("--version", r1, r2, "claude --version", "< 50 ms", r1 < 50));
            var (a1, a2) = Paired(runs, () => ours.Time("analyze-plugins", query, "--store", store), () => theirs.Time("plugin", "validate", marketplace));
            rows.Add(("analyze-plugins (cold, lexical)", a1, a2, "claude plugin validate", "< 300 ms", a1 < 300));

            Console.WriteLine($"\nmedian of {runs} paired runs (new process each; ms)");
            Console.WriteLine($"{"agentops",-34} {"ms",8} {"vs",-24} {"ms",8} {"ratio",7}  {"goal",-13} met");
            foreach (var r in rows)
                Console.WriteLine($"{r.What,-34} {r.Ours,8:0.0} {r.TheirsWhat,-24} {r.Theirs,8:0.0} {r.Ours / r.Theirs,7:0.00}  {r.Goal,-13} {(r.Met ? "yes" : "NO")}");
            return 0;
        }
        finally
        {
            try { Directory.Delete(home, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Alternates the two commands (one warm-up each, not counted) and returns both medians.</summary>
    private static (double Ours, double Theirs) Paired(int runs, Func<double> ours, Func<double> theirs)
    {
        ours(); theirs();
        var a = new List<double>(); var b = new List<double>();
        for (var i = 0; i < runs; i++) { a.Add(ours()); b.Add(theirs()); }
        return (Median(a), Median(b));
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
    }

    private static long DirectorySize(string dir) =>
        new DirectoryInfo(dir).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    private sealed class Runner(string program, string workingDirectory, IReadOnlyDictionary<string, string> env)
    {
        public string Describe()
        {
            var version = Run(out _, "--version").Trim();
            var toolRoot = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(program)!)!, "tool");
            var native = Directory.Exists(toolRoot) ? Directory.GetDirectories(toolRoot).Select(Path.GetFileName).ToList() : [];
            return $"{program} {version} (native builds shipped: {(native.Count == 0 ? "none, portable dll with dotnet" : string.Join(", ", native))})";
        }

        public void Once(params string[] args)
        {
            Run(out var exit, args);
            if (exit != 0) throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {exit}");
        }

        public double Time(params string[] args)
        {
            var watch = Stopwatch.StartNew();
            Run(out _, args);
            return watch.Elapsed.TotalMilliseconds;
        }

        private string Run(out int exit, params string[] args)
        {
            var info = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in args) info.ArgumentList.Add(a);
            foreach (var (k, v) in env) info.Environment[k] = v;
            using var p = Process.Start(info)!;
            var stderr = p.StandardError.ReadToEndAsync();
            var stdout = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            _ = stderr.Result;
            exit = p.ExitCode;
            return stdout;
        }
    }
}

/// <summary>Where the bench finds the repository (the folder holding global.json above the binary).</summary>
internal static class BenchPaths
{
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "global.json"))) return dir.FullName;
        throw new InvalidOperationException("repo root (global.json) not found");
    }
}
