using System.Diagnostics;
using AgentOps.Bench.Semantic;
using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Orchestration.Embeddings;
using static AgentOps.Bench.Semantic.BenchFigures;

namespace AgentOps.Bench.Scenarios;

/// <summary>
/// Semantic search figures (docs/meta-orchestrator/SEMANTIC_SEARCH.md): the quality table (nDCG@5, recall@10,
/// MRR) for plain BM25, the old lexical ranker and the hybrid one on the tuning and held-back halves of the
/// judged set over the eleven real marketplaces; embedding cost per 1,000 plugins; then a generated catalog of
/// 10,000 plugins: build with vectors, 1 % refresh, warm query p50/p99 with the dense side, and cold
/// `analyze-plugins` split into process start, model load and query.
/// Options: --quality-only, --scale-only, --sweep (fusion grid on the tuning half only), --variants (ranking variants, tuning half only), --lexicon-variants (the concept lexicon on and off, tuning half only), --text-variants (what plugin vectors are made of, tuning half only), --multi-vector (chunk vectors, phrase max-sim, tuning half only), --models (MiniLM vs ArcticXs),
/// --scale-ab (vector refresh before/after dedup and length order, interleaved), --scale-texts (what the 10,000-plugin build embeds: counts, distinct texts, word pieces, CPU per text), --per-query (tuning half), --plugins N (scale size, default 10000),
/// --scale-db DIR (keep the generated catalog there; a later run reuses it and measures queries only),
/// --profile (the warm query's stages at scale), --no-cold (skip the cold CLI runs), --tool PATH (run the cold
/// CLI runs with that executable, e.g. the Native AOT build of eng/ship/release.sh, instead of this build's).
/// </summary>
public sealed class SemanticScenario : IBenchScenario
{
    public string Name => "semantic";
    public string Description => "hybrid ranking quality (tuning/held-back halves), embedding cost, 10k build/refresh/query/cold figures; --sweep, --models";

    private readonly BenchFigures _figures = new();

    public int Run(string[] args)
    {
        var repo = RepoRoot();
        var tmp = Path.Combine(Path.GetTempPath(), "agentops-bench-semantic-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(tmp);
        try
        {
            var embedder = EmbeddingService.Load(out var why);
            if (embedder is null) Console.WriteLine($"(no embedding model: {why}; hybrid figures are lexical only)");
            if (args.Contains("--throughput-only"))
            {
                using var probe = RealCatalog(repo, Path.Combine(tmp, "probe.db"), out _);
                EmbeddingThroughput.Run(probe, _figures);
                _figures.Print();
                return 0;
            }
            if ((args.Contains("--scale-texts") || args.Contains("--scale-ab")) && embedder is not null)
            {
                var count = args.SkipWhile(a => a != "--plugins").Skip(1).Select(int.Parse).DefaultIfEmpty(args.Contains("--scale-ab") ? 2_000 : 10_000).First();
                if (args.Contains("--scale-ab")) SemanticTextProfile.AB(repo, tmp, count, embedder, _figures);
                else SemanticTextProfile.Run(repo, tmp, count, embedder, _figures);
                _figures.Print();
                return 0;
            }
            if (!args.Contains("--scale-only")) Quality(repo, tmp, embedder, args);
            if (args.Contains("--models")) SemanticModels.Compare(repo, tmp, _figures, Split(repo).Tuning);
            if (!args.Contains("--quality-only") && embedder is not null)
            {
                var n = args.SkipWhile(a => a != "--plugins").Skip(1).Select(int.Parse).DefaultIfEmpty(10_000).First();
                var keep = args.SkipWhile(a => a != "--scale-db").Skip(1).FirstOrDefault();
                if (keep is not null) Directory.CreateDirectory(keep);
                var tool = args.SkipWhile(a => a != "--tool").Skip(1).FirstOrDefault();
                SemanticScale.Run(repo, tmp, n, embedder, _figures, keep, args.Contains("--profile"), !args.Contains("--no-cold"), tool);
            }
        }
        finally
        {
            try { Directory.Delete(tmp, recursive: true); } catch (IOException) { }
        }
        _figures.Print();
        return 0;
    }

    internal static (List<JudgedQuery> Tuning, List<JudgedQuery> HeldBack) Split(string repo)
    {
        var set = RankingEvaluation.Load(Path.Combine(repo, "tests", "AgentOps.Tests", "Catalog", "RankingEvalSet.json"));
        return (set.Where(q => q.Split == "tuning").ToList(), set.Where(q => q.Split == "heldback").ToList());
    }

    /// <summary>The repo's marketplace plus the eleven real ones (the test fixtures' copies of ../shared/marketplaces).</summary>
    internal static CatalogStore RealCatalog(string repo, string db, out CatalogBuildReport report)
    {
        var store = CatalogStore.Open(db, []);
        var files = Directory.GetFiles(Path.Combine(repo, "tests", "AgentOps.Tests", "Fixtures", "marketplaces"), "*.json").Order(StringComparer.Ordinal);
        var sources = files.Select(f => new CatalogSourceSpec(SourceKinds.File, f)).Prepend(new CatalogSourceSpec(SourceKinds.Folder, repo)).ToList();
        report = CatalogBuilder.Build(store, sources, prune: true, allowNetwork: false);
        return store;
    }

    private void Quality(string repo, string tmp, ITextEmbedder? embedder, string[] args)
    {
        using var store = RealCatalog(repo, Path.Combine(tmp, "real.db"), out var report);
        _figures.Row($"real marketplaces: index build, words ({report.TotalPlugins} plugins, {report.TotalComponents} components)", Ms(report.Elapsed.TotalMilliseconds));
        if (embedder is not null)
        {
            var e = EmbeddingReport.None;
            var (wall, cpu) = Measure(() => e = CatalogEmbedder.Refresh(store, embedder));
            _figures.Row($"real marketplaces: vectors ({e.Plugins} plugins + {e.Components} components), wall", Ms(wall));
            _figures.Row("embedding cost per 1,000 plugins (with their components), wall", Ms(wall * 1000 / Math.Max(1, e.Plugins)));
            _figures.Row("embedding cost per 1,000 plugins, CPU time (all threads)", Ms(cpu * 1000 / Math.Max(1, e.Plugins)),
                $"idle 2-core estimate {Ms(cpu * 1000 / Math.Max(1, e.Plugins) / Math.Min(2, Environment.ProcessorCount))}");
        }
        var (tuning, held) = Split(repo);
        var groups = RankingEvaluation.PluginGroups(store);
        var rankers = new (string Name, Rankers.RankRows Rank)[]
        {
            ("BM25 (name+description+keywords+category)", Rankers.Bm25(store)),
            ("old ranker (lexical, main before issue 14)", Rankers.Old(store)),
            ($"new ranker (hybrid{(embedder is null ? ", model missing: lexical" : "")})", Rankers.Hybrid(store, embedder)),
            // A user whose own record is all agentops-* workflows (the shipped patterns read as the user's store): what was
            // learned may order plugins that fit, not lift those plugins for every need.
            ("the same, a store that ran only agentops-* plugins", Rankers.Hybrid(store, embedder, learned: LearnedSignals.Load([Path.Combine(repo, "plugins", "agentops-meta-orchestrator")]))),
        };
        Console.WriteLine();
        Console.WriteLine($"| ranker | half | queries | nDCG@5 | recall@10 | MRR |");
        Console.WriteLine($"|---|---|---|---|---|---|");
        foreach (var (name, rank) in rankers)
            foreach (var (half, queries) in new[] { ("tuning", tuning), ("held-back", held) })
            {
                var eval = RankingEvaluation.Evaluate(queries, groups, q => rank(q));
                Console.WriteLine($"| {name} | {half} | {queries.Count} | {F3(eval.MeanNdcgAt5)} | {F3(eval.MeanRecallAt10)} | {F3(eval.Mrr)} |");
                if (name.StartsWith("new", StringComparison.Ordinal))
                {
                    var goals = half == "held-back";
                    _figures.Row($"new ranker {half}: nDCG@5", F3(eval.MeanNdcgAt5), goals ? ">= 0.80" : "");
                    _figures.Row($"new ranker {half}: recall@10", F3(eval.MeanRecallAt10), goals ? ">= 0.75" : "");
                    _figures.Row($"new ranker {half}: MRR", F3(eval.Mrr));
                    if (half == "tuning" && args.Contains("--per-query"))
                        foreach (var q in eval.Queries) Console.WriteLine($"    {q.NdcgAt5:0.00} {q.RecallAt10:0.00} {q.ReciprocalRank:0.00}  {q.Query}  -> {string.Join(", ", q.Top5)}");
                }
            }
        Console.WriteLine();
        var all = tuning.Concat(held).Select(q => q.Query).ToList();
        // The first configuration timed pays for the warm-up of code the second reuses (up to 4 ms at p50 here): the
        // comparison row goes first, unreported.
        var lexiconOff = RankingWeights.Default with { ExpandLexical = false, ExpandDense = false };
        foreach (var (label, weights) in new[] { ((string?)null, lexiconOff), ("", RankingWeights.Default), (", concept lexicon off", lexiconOff) })
        {
            var times = new List<double>();
            var cpus = new List<double>();
            var hybrid = Rankers.Hybrid(store, embedder, weights);
            foreach (var q in all) hybrid(q);
            for (var round = 0; round < 3; round++)
                foreach (var q in all)
                {
                    var (wall, cpu) = Measure(() => hybrid(q));
                    times.Add(wall);
                    cpus.Add(cpu);
                }
            if (label is not null)
                _figures.Row($"real marketplaces: hybrid query p50 (warm){label}, wall / CPU", $"{Ms(Percentile(times, 0.5))} / {Ms(Percentile(cpus, 0.5))}");
        }
        if (args.Contains("--sweep")) SemanticSweep.Run(store, groups, tuning, embedder);
        if (args.Contains("--variants") || args.Contains("--lexicon-variants"))
            SemanticVariants.Run(store, groups, tuning, embedder, lexiconOnly: !args.Contains("--variants"));
        if (args.Contains("--text-variants")) SemanticTextVariants.Run(store, groups, tuning, embedder);
        if (args.Contains("--multi-vector")) SemanticMultiVector.Run(store, groups, tuning, embedder);
        if (args.Contains("--throughput")) EmbeddingThroughput.Run(store, _figures);
    }
}
