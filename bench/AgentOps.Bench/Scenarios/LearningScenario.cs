using System.Diagnostics;
using System.Globalization;
using System.Text;
using AgentOps.Orchestration.Git;
using AgentOps.Orchestration.Learning;
using AgentOps.Core.Patterns;
using LibGit2Sharp;

namespace AgentOps.Bench.Scenarios;

/// <summary>
/// Learning engine figures against the seed targets: record per event (&lt; 10 ms; in-process and whole
/// process), extract from 10,000 executions (&lt; 5 s), validate 1,000 patterns (&lt; 2 s), commit one pattern
/// into a repo with 10,000 commits (&lt; 3 s). Stopwatch scenario runs (wall clock, after a warm-up).
/// </summary>
public sealed class LearningScenario : IBenchScenario
{
    public string Name => "learning";
    public string Description => "record per event, extract 10k executions, validate 1k patterns, commit into a 10k-commit repo";

    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-11-01T00:00:00Z", CultureInfo.InvariantCulture);
    private readonly List<(string Name, double Value, string Unit, double Target)> _rows = [];

    public int Run(string[] args)
    {
        var tmp = Path.Combine(Path.GetTempPath(), "agentops-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(tmp);
        try
        {
            RecordInProcess(tmp);
            RecordWholeProcess(tmp);
            var patterns = Extract();
            Validate(patterns, tmp);
            Commit(tmp);
        }
        finally
        {
            try { ForceDelete(tmp); } catch { /* temp */ }
        }
        Console.WriteLine();
        Console.WriteLine($"{"scenario",-44} {"value",12} {"unit",-6} {"target",8}  ok");
        foreach (var (n, v, u, t) in _rows)
            Console.WriteLine($"{n,-44} {v,12:0.000} {u,-6} {t,8:0.###}  {(v < t ? "yes" : "NO")}");
        return 0;
    }

    private void Row(string name, double value, string unit, double target)
    {
        _rows.Add((name, value, unit, target));
        Console.WriteLine($"{name}: {value:0.000} {unit} (target < {target})");
    }

    private static byte[] Payload(string session) => Encoding.UTF8.GetBytes(
        $$"""{"session_id":"{{session}}","transcript_path":"/home/dev/.claude/projects/-home-dev-project/{{session}}.jsonl","cwd":"/home/dev/project","prompt_id":"cc08ba19","permission_mode":"bypassPermissions","effort":{"level":"medium"},"hook_event_name":"PostToolUse","tool_name":"Bash","tool_input":{"command":"echo hello-from-main && git status --short | head -5","description":"Print a greeting"},"tool_response":{"stdout":"hello-from-main","stderr":"","interrupted":false,"isImage":false,"noOutputExpected":false},"tool_use_id":"toolu_ae725eb25d894357b8e9d515","duration_ms":23}""");

    private void RecordInProcess(string tmp)
    {
        var project = Path.Combine(tmp, "rec");
        var payload = Payload("bench-session");
        for (var i = 0; i < 200; i++) HookRecorder.Record(payload, project, DateTimeOffset.UtcNow);
        const int n = 5000;
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < n; i++) HookRecorder.Record(payload, project, DateTimeOffset.UtcNow);
        sw.Stop();
        Row("record, in-process (per event)", sw.Elapsed.TotalMilliseconds / n, "ms", 10);
    }

    private void RecordWholeProcess(string tmp)
    {
        var dir = AppContext.BaseDirectory;
        var apphost = Path.Combine(dir, OperatingSystem.IsWindows() ? "agentops.exe" : "agentops");
        var useHost = File.Exists(apphost);
        var project = Path.Combine(tmp, "rec-proc");
        var payload = Payload("bench-proc");
        double Once()
        {
            var psi = new ProcessStartInfo(useHost ? apphost : "dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
            if (!useHost) psi.ArgumentList.Add(Path.Combine(dir, "agentops.dll"));
            psi.ArgumentList.Add("record");
            psi.ArgumentList.Add("--project");
            psi.ArgumentList.Add(project);
            var sw = Stopwatch.StartNew();
            using var p = Process.Start(psi)!;
            p.StandardInput.BaseStream.Write(payload);
            p.StandardInput.Close();
            p.WaitForExit();
            sw.Stop();
            return sw.Elapsed.TotalMilliseconds;
        }
        Once(); Once();
        var times = Enumerable.Range(0, 20).Select(_ => Once()).Order().ToList();
        var lines = File.ReadAllLines(Path.Combine(project, ".agentops", "executions", "bench-proc.jsonl")).Length;
        Console.WriteLine($"  ({(useHost ? "apphost" : "dotnet agentops.dll")}; {lines} lines recorded; min {times[0]:0.0} ms, max {times[^1]:0.0} ms)");
        Row("record, whole process (p50 per event)", times[times.Count / 2], "ms", 10);
    }

    public static List<Execution> SyntheticExecutions(int count)
    {
        string[] tasks = ["Add OAuth2 login to the API", "Deploy the service to kubernetes with helm", "Fix the crash when saving a draft",
            "Refactor the billing module", "Write the README documentation", "Migrate the database schema to postgres 16", "Speed up the search endpoint latency",
            "Security audit of the upload handler", "Implement the export feature"];
        string[][] flows =
        [
            ["agentops-core:code-explorer", "agentops-core:spec-architect", "agentops-product-dev:backend-engineer", "agentops-core:test-engineer"],
            ["agentops-core:code-explorer", "agentops-product-dev:backend-engineer", "agentops-core:code-reviewer"],
            ["agentops-devops:k8s-deployer", "agentops-devops:smoke-tester"],
            ["general-purpose", "agentops-core:test-engineer"],
            ["/agentops-core:plan", "agentops-product-dev:frontend-engineer"],
        ];
        var rnd = new Random(42);
        var list = new List<Execution>(count);
        for (var i = 0; i < count; i++)
        {
            var start = T0.AddMinutes(i * 7);
            var flow = flows[rnd.Next(flows.Length)];
            var steps = new List<ExecutionStep>();
            var t = 0.0;
            var ok = true;
            foreach (var s in flow)
            {
                var d = 10 + rnd.NextDouble() * 200;
                var success = rnd.NextDouble() > 0.08;
                ok &= success;
                steps.Add(new ExecutionStep(s, s.StartsWith('/') ? StepKinds.Command : StepKinds.Subagent, start.AddSeconds(t), d, success ? StepOutcome.Success : StepOutcome.Error));
                t += d + 1;
            }
            list.Add(new Execution($"exec-{i:D6}", tasks[rnd.Next(tasks.Length)], start, steps, ok, t, !ok && rnd.NextDouble() < 0.3, "bench"));
        }
        return list;
    }

    private List<LearnedPattern> Extract()
    {
        var execs = SyntheticExecutions(10_000);
        PatternExtractor.Extract(execs.Take(500));
        var sw = Stopwatch.StartNew();
        var r = PatternExtractor.Extract(execs);
        sw.Stop();
        Console.WriteLine($"  ({r.Candidates.Count} candidates, {r.Meta.Count} meta patterns)");
        Row("extract from 10,000 executions", sw.Elapsed.TotalSeconds, "s", 5);
        return r.Candidates.ToList();
    }

    private void Validate(List<LearnedPattern> candidates, string tmp)
    {
        // 1,000 realistic patterns: the candidates with smaller ledgers (20 executions each), distinct ids.
        var texts = new List<(string Path, string Text)>();
        var dir = Path.Combine(tmp, "patterns", "validated");
        for (var i = 0; texts.Count < 1000; i++)
        {
            var c = candidates[i % candidates.Count];
            var p = PatternExtractor.Recompute(c with { Id = $"{c.Category}-{i:D5}" }, c.Ledger.Skip(i % 50).Take(20).ToList());
            texts.Add((Path.Combine(dir, p.Id + ".md"), PatternWriter.Render(p)));
        }
        foreach (var (p, t) in texts.Take(50)) PatternChecks.Validate(p, t);
        var sw = Stopwatch.StartNew();
        var errors = 0;
        foreach (var (p, t) in texts) errors += PatternChecks.Validate(p, t).Count(d => d.IsError);
        sw.Stop();
        Console.WriteLine($"  ({errors} errors in 1,000 patterns)");
        Row("validate 1,000 patterns", sw.Elapsed.TotalSeconds, "s", 2);
    }

    private void Commit(string tmp)
    {
        var repoDir = Path.Combine(tmp, "repo10k");
        Repository.Init(repoDir);
        var build = Stopwatch.StartNew();
        using (var repo = new Repository(repoDir))
        {
            var sig = new Signature("bench", "bench@localhost", T0);
            var blob = repo.ObjectDatabase.CreateBlob(new MemoryStream(Encoding.UTF8.GetBytes("project\n")));
            var td = new TreeDefinition();
            td.Add("README.md", blob, Mode.NonExecutableFile);
            var tree = repo.ObjectDatabase.CreateTree(td);
            Commit? parent = null;
            for (var i = 0; i < 10_000; i++)
            {
                var s = new Signature("bench", "bench@localhost", T0.AddMinutes(i));
                parent = repo.ObjectDatabase.CreateCommit(s, s, $"commit {i}", tree, parent is null ? [] : [parent], prettifyMessage: false);
            }
            var head = repo.Refs.Head is SymbolicReference sym ? sym.TargetIdentifier : "refs/heads/master";
            repo.Refs.Add(head, parent!.Id, allowOverwrite: true);
            repo.Reset(ResetMode.Hard, parent);
        }
        build.Stop();
        Console.WriteLine($"  (built a 10,000-commit repo in {build.Elapsed.TotalSeconds:0.00} s)");

        // Three executions of one workflow, as execution.json records.
        var files = new List<string>();
        var execDir = Path.Combine(tmp, "execs");
        Directory.CreateDirectory(execDir);
        for (var i = 0; i < 3; i++)
        {
            var f = Path.Combine(execDir, $"exec-{i}.json");
            File.WriteAllText(f, $$"""{"execution_id":"exec-{{i}}","task":"Add OAuth2 login to the API","timestamp":"2026-11-2{{i}}T10:00:00Z","workflow":[{"step":"explore","agent":"agentops-core:code-explorer","duration":40,"success":true},{"step":"build","agent":"agentops-product-dev:backend-engineer","duration":300,"success":true}],"result":"success","total_duration":340}""");
            files.Add(f);
        }
        var sw = Stopwatch.StartNew();
        var report = LearningEngine.Learn(new LearnOptions { Project = repoDir, ExecutionFiles = files });
        sw.Stop();
        Console.WriteLine($"  ({report.Commits.Count} commits: {string.Join("; ", report.Commits.Select(c => c.Message))})");
        Row("learn + commit 1 pattern, 10,000-commit repo", sw.Elapsed.TotalSeconds, "s", 3);

        using var git = GitMemory.Open(Path.Combine(repoDir, ".agentops"));
        var sw2 = Stopwatch.StartNew();
        LearningsBranch.Commit(git.Repo, new Dictionary<string, string?> { ["patterns/learned/extra.md"] = "x\n" }, "Learn pattern: extra", DateTimeOffset.UtcNow);
        sw2.Stop();
        Row("commit only (blob + tree + branch ref), 10,000 commits", sw2.Elapsed.TotalSeconds, "s", 3);
    }

    private static void ForceDelete(string dir)
    {
        foreach (var f in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)) File.SetAttributes(f, FileAttributes.Normal);
        Directory.Delete(dir, true);
    }
}
