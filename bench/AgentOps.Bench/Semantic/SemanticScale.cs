using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Orchestration.Embeddings;
using static AgentOps.Bench.Semantic.BenchFigures;

namespace AgentOps.Bench.Semantic;

/// <summary>
/// A generated catalog with vectors: full build, 1 % incremental refresh, warm hybrid query latency, and cold
/// `agentops analyze-plugins` runs split (from its --timings line) into process start, model load, catalog open
/// and query.
/// </summary>
internal static partial class SemanticScale
{
    /// <param name="keep">A folder that keeps the generated catalog between runs: when it holds one already, the build
    /// and refresh are skipped and only queries are measured (latency work without a two-minute rebuild).</param>
    public static void Run(string repo, string tmp, int plugins, ITextEmbedder embedder, BenchFigures figures, string? keep = null, bool profile = false, bool cold = true, string? tool = null)
    {
        var label = plugins.ToString("N0", Inv);
        var root = keep ?? tmp;
        var db = Path.Combine(root, $"gen-{plugins}.db");
        var reuse = keep is not null && File.Exists(db);
        var markets = reuse ? [] : CatalogGenerator.Generate(Path.Combine(root, $"gen-{plugins}"), plugins, perMarketplace: 100, withFolders: 0.3, seed: 42);
        var sources = markets.Select(m => new CatalogSourceSpec(SourceKinds.Folder, m)).Prepend(new CatalogSourceSpec(SourceKinds.Folder, repo)).ToList();
        using (var store = CatalogStore.Open(db, []))
        {
            if (!reuse) Build(store, sources, markets, label, plugins, db, embedder, figures);
            Queries(store, label, plugins, embedder, figures);
            if (profile) QueryProfile.Run(store, embedder, ProbeQueries, figures, label);
        }
        if (cold) Cold(db, label, figures, tool);
    }

    private static void Build(CatalogStore store, List<CatalogSourceSpec> sources, IReadOnlyList<string> markets, string label, int plugins, string db,
        ITextEmbedder embedder, BenchFigures figures)
    {
        CatalogBuildReport build = null!;
        var (_, buildCpu) = Measure(() => build = CatalogBuilder.Build(store, sources, prune: true, allowNetwork: false, embedder: embedder));
        figures.Row($"{label}: build with vectors ({build.TotalPlugins} plugins, {build.Embedding.Components} components embedded), wall",
            Ms(build.Elapsed.TotalMilliseconds), plugins == 10_000 ? "< 120000 ms" : "");
        figures.Row($"{label}: build with vectors, CPU time (all threads)", Ms(buildCpu), $"idle 2-core estimate {Ms(buildCpu / 2)}");
        figures.Row($"{label}: of which vectors", Ms(build.Embedding.Elapsed.TotalMilliseconds));
        figures.Row($"{label}: database size with vectors", $"{new FileInfo(db).Length / 1024.0 / 1024.0:0.0} MB");

        CatalogGenerator.Touch(markets.Where((_, i) => i % 100 == 0), DateTime.UtcNow.AddMinutes(1));
        CatalogBuildReport refresh = null!;
        var (_, refreshCpu) = Measure(() => refresh = CatalogBuilder.Build(store, sources, prune: true, allowNetwork: false, embedder: embedder));
        figures.Row($"{label}: refresh, {refresh.Read} of {refresh.Marketplaces.Count} marketplaces touched, texts unchanged ({refresh.Embedding.Plugins} plugins re-read, {refresh.Embedding.Reused} rows kept their vectors, {refresh.Embedding.DistinctTexts} texts embedded), wall / CPU",
            $"{Ms(refresh.Elapsed.TotalMilliseconds)} / {Ms(refreshCpu)}", plugins == 10_000 ? "< 5000 ms" : "");

        // The same 1 %, every plugin's description edited: all of them go to the model again.
        foreach (var market in markets.Where((_, i) => i % 100 == 50))
        {
            var file = Path.Combine(market, ".claude-plugin", "marketplace.json");
            var manifest = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file))!;
            foreach (var plugin in manifest["plugins"]!.AsArray())
                plugin!["description"] = plugin["description"]!.GetValue<string>() + " Updated for this release.";
            File.WriteAllText(file, manifest.ToJsonString());
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(2));
        }
        var (_, editCpu) = Measure(() => refresh = CatalogBuilder.Build(store, sources, prune: true, allowNetwork: false, embedder: embedder));
        figures.Row($"{label}: refresh, {refresh.Read} of {refresh.Marketplaces.Count} marketplaces with every description edited ({refresh.Embedding.DistinctTexts} texts embedded, {refresh.Embedding.Reused} rows kept their vectors), wall / CPU",
            $"{Ms(refresh.Elapsed.TotalMilliseconds)} / {Ms(editCpu)}", plugins == 10_000 ? "< 5000 ms" : "");
    }

    private static readonly string[] ProbeQueries = ["kubernetes deployment with monitoring", "postgres migrations", "react components", "oauth tokens",
        "ci pipelines", "grafana dashboards", "llm prompts evaluation", "terraform modules"];

    private static void Queries(CatalogStore store, string label, int plugins, ITextEmbedder embedder, BenchFigures figures)
    {
        var queries = ProbeQueries;
        var options = new RankingOptions { Embedder = embedder };
        // Warm, as a process that has served queries: the JIT's tier-1 code needs 30 calls per method and, on a busy
        // machine, seconds before the background compiler gets to it.
        var warm = Stopwatch.StartNew();
        for (var round = 0; round < 5 || warm.Elapsed < TimeSpan.FromSeconds(5); round++)
            foreach (var q in queries) PluginRanker.Rank(store, q, LearnedSignals.None, options);
        var times = new List<double>();
        var threadTimes = new List<double>();
        // Process CPU time ticks in 10 ms steps on Linux: per-query CPU is the mean over all runs, not a percentile.
        var (_, cpuTotal) = Measure(() =>
        {
            for (var round = 0; round < 10; round++)
                foreach (var q in queries)
                {
                    var thread = ThreadCpuMs();
                    times.Add(Measure(() => PluginRanker.Rank(store, q, LearnedSignals.None, options)).WallMs);
                    threadTimes.Add(ThreadCpuMs() - thread);
                }
        });
        figures.Row($"{label}: hybrid query p50 / p99 (warm, in-process), wall", $"{Ms(Percentile(times, 0.5))} / {Ms(Percentile(times, 0.99))}");
        figures.Row($"{label}: hybrid query p50 / p99, CPU time of the querying thread", $"{Ms(Percentile(threadTimes, 0.5))} / {Ms(Percentile(threadTimes, 0.99))}",
            plugins == 10_000 ? "p50 < 20 ms" : "");
        figures.Row($"{label}: hybrid query mean CPU time (all threads: with the JIT's and GC's)", Ms(cpuTotal / times.Count));
        // The same on one thread (embedding and dense scan before the full-text search): all of a query's work on the
        // querying thread, the wall time on an idle machine with one free core.
        var sequential = options with { DenseBesideLexical = false };
        var oneThread = new List<double>();
        for (var round = 0; round < 10; round++)
            foreach (var q in queries)
            {
                var thread = ThreadCpuMs();
                PluginRanker.Rank(store, q, LearnedSignals.None, sequential);
                oneThread.Add(ThreadCpuMs() - thread);
            }
        figures.Row($"{label}: hybrid query p50 / p99, one thread (dense side not beside the full-text search), CPU time",
            $"{Ms(Percentile(oneThread, 0.5))} / {Ms(Percentile(oneThread, 0.99))}");

        // The split: the model's share (query and phrases embedded, one batch) and the rest with the vectors given.
        var cached = new CachingEmbedder(embedder);
        var withVectors = options with { Embedder = cached };
        foreach (var q in queries) PluginRanker.Rank(store, q, LearnedSignals.None, withVectors);
        var (_, embedCpu) = Measure(() => { for (var round = 0; round < 10; round++) foreach (var q in queries) SemanticQuery.Create(embedder, q, []); });
        var (_, restCpu) = Measure(() => { for (var round = 0; round < 10; round++) foreach (var q in queries) PluginRanker.Rank(store, q, LearnedSignals.None, withVectors); });
        var embedThread = queries.Select(q => { var t = ThreadCpuMs(); SemanticQuery.Create(embedder, q, []); return ThreadCpuMs() - t; }).ToList();
        figures.Row($"{label}: query embedding p50, CPU time of the querying thread", Ms(Percentile(embedThread, 0.5)));
        figures.Row($"{label}: split, mean CPU: query embedding (model) / lexical + dense search + explanations",
            $"{Ms(embedCpu / times.Count)} / {Ms(restCpu / times.Count)}");
    }

    private static void Cold(string db, string label, BenchFigures figures, string? tool)
    {
        (double Ms, string Stderr) RunTool(string[] args) => SemanticScale.RunTool(tool, args);
        if (tool is not null) label += $" ({Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(tool)))}/{Path.GetFileName(tool)})";
        var version = new List<double>();
        var wall = new List<double>();
        var parts = new List<(double Model, double Open, double Query, double SinceStart)>();
        for (var i = 0; i < 8; i++)
        {
            var (ms, _) = RunTool(["--version"]);
            if (i > 0) version.Add(ms);
            var (total, stderr) = RunTool(["analyze-plugins", "kubernetes deployment with monitoring", "--json", "--timings", "--db", db, "--store", Path.GetDirectoryName(db)!]);
            if (i < 2) continue; // the first runs warm the disk cache
            wall.Add(total);
            var m = Timings().Match(stderr);
            if (m.Success)
                parts.Add((double.Parse(m.Groups["model"].Value, Inv), double.Parse(m.Groups["open"].Value, Inv), double.Parse(m.Groups["query"].Value, Inv),
                    double.Parse(m.Groups["start"].Value, Inv)));
        }
        figures.Row($"{label}: cold analyze-plugins with the model, end to end p50", Ms(Percentile(wall, 0.5)), "< 1000 ms");
        figures.Row($"{label}: cold split: process start (agentops --version p50)", Ms(Percentile(version, 0.5)));
        if (parts.Count > 0)
        {
            figures.Row($"{label}: cold split: model load p50", Ms(Percentile(parts.Select(p => p.Model).ToList(), 0.5)));
            figures.Row($"{label}: cold split: catalog open + vector refresh check p50", Ms(Percentile(parts.Select(p => p.Open).ToList(), 0.5)));
            figures.Row($"{label}: cold split: query (vectors read, rank, explain) p50", Ms(Percentile(parts.Select(p => p.Query).ToList(), 0.5)));
        }
    }

    /// <summary>Runs the tool: <paramref name="tool"/> (e.g. the Native AOT build the release ships) or this build's own.</summary>
    private static (double Ms, string Stderr) RunTool(string? tool, string[] args)
    {
        var dir = AppContext.BaseDirectory;
        var apphost = tool ?? Path.Combine(dir, OperatingSystem.IsWindows() ? "agentops.exe" : "agentops");
        var psi = new ProcessStartInfo(File.Exists(apphost) ? apphost : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (!File.Exists(apphost)) psi.ArgumentList.Add(Path.Combine(dir, "agentops.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (sw.Elapsed.TotalMilliseconds, stderr.Result);
    }

    [GeneratedRegex(@"since process start (?<start>[\d.]+) ms; model load (?<model>[\d.]+) ms, catalog open (?<open>[\d.]+) ms, query (?<query>[\d.]+) ms")]
    private static partial Regex Timings();
}
