using System.Diagnostics;
using System.Globalization;
using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Core.Diagnostics;
using AgentOps.Orchestration.Planning;

namespace AgentOps.Bench.Scenarios;

/// <summary>
/// Catalog, ranking and planning figures (docs/meta-orchestrator/CATALOG_AND_PLANNING.md):
/// ranking quality (nDCG@5, recall@10) on the judged query set over the real marketplaces, index build
/// time and query latency p50/p95 over those 700+ entries; then generated catalogs of 1,000 and 10,000
/// (and 50,000 with --full) plugins: build time, incremental refresh with 1 % of the marketplaces
/// changed, warm query p50/p99, cold end-to-end `agentops analyze-plugins` p50/p99 (process start
/// included), memory, and plan latency. <c>--sweep</c> evaluates a grid of ranking weights.
/// Goals: query p50 &lt; 20 ms warm at 10,000 plugins; cold analyze-plugins &lt; 300 ms; index of 10,000 &lt; 5 s.
/// </summary>
public sealed class CatalogScenario : IBenchScenario
{
    public string Name => "catalog";
    public string Description => "ranking nDCG@5/recall@10 on real marketplaces, index/refresh/query/cold/plan figures at 1k/10k(/50k with --full); --sweep tunes weights";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly List<(string Name, string Value, string Goal)> _rows = [];

    public int Run(string[] args)
    {
        var repo = RepoRoot();
        var shared = Path.GetFullPath(Path.Combine(repo, "..", "shared", "marketplaces"));
        var tmp = Path.Combine(Path.GetTempPath(), "agentops-bench-catalog-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(tmp);
        try
        {
            if (Directory.Exists(shared)) Quality(repo, shared, tmp, args.Contains("--sweep"));
            else Console.WriteLine($"(no real marketplaces at {shared}: ranking quality skipped)");
            if (!args.Contains("--quality-only"))
                foreach (var n in args.Contains("--full") ? new[] { 1_000, 10_000, 50_000 } : [1_000, 10_000])
                    Scale(repo, tmp, n);
        }
        finally
        {
            try { Directory.Delete(tmp, recursive: true); } catch (IOException) { }
        }
        Console.WriteLine();
        Console.WriteLine($"{"figure",-58} {"value",14}  goal");
        foreach (var (n, v, g) in _rows) Console.WriteLine($"{n,-58} {v,14}  {g}");
        return 0;
    }

    private void Row(string name, string value, string goal = "")
    {
        _rows.Add((name, value, goal));
        Console.WriteLine($"{name}: {value} {goal}");
    }

    private void Quality(string repo, string shared, string tmp, bool sweep)
    {
        var db = Path.Combine(tmp, "real.db");
        using var store = CatalogStore.Open(db, []);
        var sources = new List<CatalogSourceSpec> { new(SourceKinds.Folder, repo) };
        sources.AddRange(Directory.GetFiles(shared, "*.json").Order(StringComparer.Ordinal).Select(f => new CatalogSourceSpec(SourceKinds.File, f)));
        var report = CatalogBuilder.Build(store, sources, prune: true, allowNetwork: false);
        Row($"real marketplaces: index build ({report.TotalPlugins} plugins)", Ms(report.Elapsed.TotalMilliseconds));
        var set = RankingEvaluation.Load(Path.Combine(repo, "tests", "AgentOps.Tests", "Catalog", "RankingEvalSet.json"));
        var eval = RankingEvaluation.Evaluate(store, set, LearnedSignals.None);
        foreach (var q in eval.Queries) Console.WriteLine($"  {q.NdcgAt5:0.00} {q.RecallAt10:0.00}  {q.Query}");
        Row($"ranking nDCG@5 ({set.Count} judged queries)", eval.MeanNdcgAt5.ToString("0.000", Inv));
        Row("ranking recall@10", eval.MeanRecallAt10.ToString("0.000", Inv));
        var latencies = Time(store, set.Select(q => q.Query).ToList(), rounds: 20);
        Row("real marketplaces: query p50 (warm)", Ms(Percentile(latencies, 0.50)));
        Row("real marketplaces: query p95 (warm)", Ms(Percentile(latencies, 0.95)));
        if (!sweep) return;
        Console.WriteLine("\nweight sweep (nDCG@5, recall@10):");
        var results = new List<(double N, double R, string W)>();
        foreach (var name in new[] { 3.0, 6.0, 9.0 })
            foreach (var desc in new[] { 1.0, 2.0, 3.0 })
                foreach (var kw in new[] { 1.5, 3.0 })
                    foreach (var cov in new[] { 0.3, 0.6, 0.9 })
                        foreach (var exp in new[] { 1.0, 2.0 })
                            foreach (var cand in new[] { 60, 200 })
                            {
                                var w = RankingWeights.Default with { Name = name, Description = desc, Keywords = kw, Coverage = cov, CoverageExponent = exp, Candidates = cand };
                                var e = RankingEvaluation.Evaluate(store, set, LearnedSignals.None, w);
                                results.Add((e.MeanNdcgAt5, e.MeanRecallAt10, $"name {name} description {desc} keywords {kw} coverage {cov} exponent {exp} candidates {cand}"));
                            }
        foreach (var r in results.OrderByDescending(r => r.N).Take(10)) Console.WriteLine($"  {r.N:0.000} {r.R:0.000}  {r.W}");
    }

    private void Scale(string repo, string tmp, int plugins)
    {
        var label = plugins.ToString("N0", Inv);
        var genDir = Path.Combine(tmp, $"gen-{plugins}");
        var markets = CatalogGenerator.Generate(genDir, plugins, perMarketplace: 100, withFolders: 0.3, seed: 42);
        var db = Path.Combine(tmp, $"gen-{plugins}.db");
        var sources = markets.Select(m => new CatalogSourceSpec(SourceKinds.Folder, m)).Prepend(new CatalogSourceSpec(SourceKinds.Folder, repo)).ToList();
        CatalogBuildReport report;
        using (var store = CatalogStore.Open(db, []))
            report = CatalogBuilder.Build(store, sources, prune: true, allowNetwork: false);
        Row($"{label}: index build ({report.TotalPlugins} plugins, {report.TotalComponents} components)", Ms(report.Elapsed.TotalMilliseconds),
            plugins == 10_000 ? "< 5000 ms" : "");
        Row($"{label}: database size", $"{new FileInfo(db).Length / 1024.0 / 1024.0:0.0} MB");

        // 1 % changed: one marketplace in a hundred gets a newer file; only those are re-read.
        var changed = markets.Where((_, i) => i % 100 == 0).ToList();
        CatalogGenerator.Touch(changed, DateTime.UtcNow.AddMinutes(1));
        using (var store = CatalogStore.Open(db, []))
        {
            var refresh = CatalogBuilder.Build(store, sources, prune: true, allowNetwork: false);
            Row($"{label}: incremental refresh, {refresh.Read} of {refresh.Marketplaces.Count} marketplaces changed", Ms(refresh.Elapsed.TotalMilliseconds));
            var unchanged = CatalogBuilder.Build(store, sources, prune: true, allowNetwork: false);
            Row($"{label}: no-change check (fingerprints only)", Ms(unchanged.Elapsed.TotalMilliseconds));

            var queries = new[] { "kubernetes deployment with monitoring", "postgres migrations", "react components", "oauth tokens", "ci pipelines", "grafana dashboards", "llm prompts evaluation", "terraform modules" };
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var latencies = Time(store, queries, rounds: 30);
            Row($"{label}: query p50 (warm, in-process)", Ms(Percentile(latencies, 0.50)), plugins == 10_000 ? "< 20 ms" : "");
            Row($"{label}: query p99 (warm, in-process)", Ms(Percentile(latencies, 0.99)));
            Row($"{label}: managed memory after queries", $"{(GC.GetTotalMemory(false) - before) / 1024.0 / 1024.0:0.0} MB (+ {Environment.WorkingSet / 1024 / 1024} MB working set)");

            var plans = new List<double>();
            foreach (var t in new[] { "Add OAuth2 to my API with tests and docs", "Deploy the service to kubernetes with monitoring", "Fix the flaky login test" })
                for (var i = 0; i < 10; i++)
                {
                    var sw = Stopwatch.StartNew();
                    Planner.Plan(t, store, LearnedSignals.None);
                    plans.Add(sw.Elapsed.TotalMilliseconds);
                }
            Row($"{label}: plan p50 (in-process)", Ms(Percentile(plans, 0.5)));
        }
        Cold(db, plugins, label);
    }

    private void Cold(string db, int plugins, string label)
    {
        var dir = AppContext.BaseDirectory;
        var apphost = Path.Combine(dir, OperatingSystem.IsWindows() ? "agentops.exe" : "agentops");
        var times = new List<double>();
        for (var i = 0; i < 12; i++)
        {
            var psi = new ProcessStartInfo(File.Exists(apphost) ? apphost : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            if (!File.Exists(apphost)) psi.ArgumentList.Add(Path.Combine(dir, "agentops.dll"));
            foreach (var a in new[] { "analyze-plugins", "kubernetes deployment with monitoring", "--json", "--db", db, "--store", Path.GetDirectoryName(db)! }) psi.ArgumentList.Add(a);
            var sw = Stopwatch.StartNew();
            using var p = Process.Start(psi)!;
            p.StandardOutput.ReadToEnd();
            p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (i > 1) times.Add(sw.Elapsed.TotalMilliseconds); // the first runs warm the disk cache
        }
        Row($"{label}: cold analyze-plugins end to end p50 (process start included)", Ms(Percentile(times, 0.5)), plugins == 10_000 ? "< 300 ms" : "");
        Row($"{label}: cold analyze-plugins end to end p99", Ms(Percentile(times, 0.99)));
    }

    private static List<double> Time(CatalogStore store, IReadOnlyList<string> queries, int rounds)
    {
        foreach (var q in queries) PluginRanker.Rank(store, q, LearnedSignals.None); // warm-up
        var times = new List<double>();
        for (var r = 0; r < rounds; r++)
            foreach (var q in queries)
            {
                var sw = Stopwatch.StartNew();
                PluginRanker.Rank(store, q, LearnedSignals.None);
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
        return times;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
    }

    private static string Ms(double ms) => ms.ToString("0.0", Inv) + " ms";

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "global.json"))) dir = dir.Parent;
        return dir?.FullName ?? Environment.CurrentDirectory;
    }
}
