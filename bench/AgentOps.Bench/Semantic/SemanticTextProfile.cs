using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Embeddings;
using static AgentOps.Bench.Semantic.BenchFigures;

namespace AgentOps.Bench.Semantic;

/// <summary>
/// What the 10,000-plugin build asks of the model (`semantic --scale-texts`): how many texts, how many distinct, their
/// word-piece lengths against the real catalog's, and the padding a batch of 32 carries; then the CPU time of embedding
/// a sample of them, to split the build's vector time into texts × cost per text.
/// </summary>
internal static class SemanticTextProfile
{
    /// <summary>`semantic --scale-ab [--plugins N]`: the vector refresh as it was (every row's text, calls of 256 rows in
    /// catalog order) against <see cref="CatalogEmbedder.Refresh"/> (distinct texts, sorted by length, calls of 1,024),
    /// interleaved twice on the same generated catalog, so both see the same machine load.</summary>
    public static void AB(string repo, string tmp, int plugins, ITextEmbedder embedder, BenchFigures figures)
    {
        var markets = CatalogGenerator.Generate(Path.Combine(tmp, "ab"), plugins, perMarketplace: 100, withFolders: 0.3, seed: 42);
        var sources = markets.Select(m => new CatalogSourceSpec(SourceKinds.Folder, m)).Prepend(new CatalogSourceSpec(SourceKinds.Folder, repo)).ToList();
        using var store = CatalogStore.Open(Path.Combine(tmp, "ab.db"), []);
        CatalogBuilder.Build(store, sources, prune: true, allowNetwork: false);
        var label = plugins.ToString("N0", Inv);
        embedder.Embed(["warm up the session"]);
        for (var round = 1; round <= 2; round++)
        {
            store.UseEmbeddingModel("ab-reset");
            store.UseEmbeddingModel(embedder.ModelId);
            var (oldWall, oldCpu) = Measure(() =>
            {
                foreach (var (work, isComponent) in new[] { (store.PluginsWithoutVectors(), false), (store.ComponentsWithoutVectors(), true) })
                    for (var start = 0; start < work.Count; start += 256)
                    {
                        var chunk = work.Skip(start).Take(256).ToList();
                        store.WriteVectors(chunk, embedder.Embed(chunk.Select(w => w.Text).ToList()), isComponent);
                    }
            });
            store.UseEmbeddingModel("ab-reset");
            EmbeddingReport report = EmbeddingReport.None;
            var (newWall, newCpu) = Measure(() => report = CatalogEmbedder.Refresh(store, embedder));
            figures.Row($"{label}, round {round}: vectors as before (every text, calls of 256) vs now ({report.DistinctTexts} distinct of {report.Plugins + report.Components} texts), wall",
                $"{Ms(oldWall)} → {Ms(newWall)}", $"CPU {Ms(oldCpu)} → {Ms(newCpu)}");
        }
    }

    public static void Run(string repo, string tmp, int plugins, ITextEmbedder embedder, BenchFigures figures)
    {
        if (embedder is not OnnxSentenceEmbedder onnx) return;
        var markets = CatalogGenerator.Generate(Path.Combine(tmp, "texts"), plugins, perMarketplace: 100, withFolders: 0.3, seed: 42);
        var sources = markets.Select(m => new CatalogSourceSpec(SourceKinds.Folder, m)).Prepend(new CatalogSourceSpec(SourceKinds.Folder, repo)).ToList();
        using var store = CatalogStore.Open(Path.Combine(tmp, "texts.db"), []);
        CatalogBuilder.Build(store, sources, prune: true, allowNetwork: false);
        using var real = Scenarios.SemanticScenario.RealCatalog(repo, Path.Combine(tmp, "texts-real.db"), out _);
        var label = plugins.ToString("N0", Inv);
        foreach (var (name, s) in new[] { (label, store), ("real catalog", real) })
        {
            var texts = s.PluginsWithoutVectors().Select(w => (Text: w.Text, Component: false))
                .Concat(s.ComponentsWithoutVectors().Select(w => (Text: w.Text, Component: true))).ToList();
            foreach (var (kind, group) in new[] { ("plugins", texts.Where(t => !t.Component).ToList()), ("components", texts.Where(t => t.Component).ToList()) })
            {
                var lengths = group.Select(t => onnx.Tokenize(t.Text).Length).ToList();
                var distinct = group.Select(t => t.Text).Distinct(StringComparer.Ordinal).ToList();
                var distinctTokens = distinct.Sum(t => onnx.Tokenize(t).Length);
                figures.Row($"{name} {kind}: texts / distinct, word pieces per text mean / p50 / p90 / max",
                    $"{group.Count} / {distinct.Count}, {lengths.DefaultIfEmpty(0).Average():0.0} / {Percentile(lengths.Select(l => (double)l).ToList(), 0.5):0} / {Percentile(lengths.Select(l => (double)l).ToList(), 0.9):0} / {lengths.DefaultIfEmpty(0).Max()}",
                    $"word pieces {lengths.Sum():N0} → distinct {distinctTokens:N0}");
            }
            if (s != store) continue;
            var sample = texts.Where((_, i) => i % 8 == 0).Select(t => t.Text).Take(1024).ToList();
            onnx.Embed(sample.Take(64).ToList());
            var tokens = sample.Sum(t => onnx.Tokenize(t).Length);
            var (wall, cpu) = Measure(() => onnx.Embed(sample));
            figures.Row($"{name}: embedding a sample of {sample.Count} texts ({tokens / (double)sample.Count:0.0} word pieces each), wall / CPU per 1,000 texts",
                $"{Ms(wall * 1000 / sample.Count)} / {Ms(cpu * 1000 / sample.Count)}", $"CPU per 1,000 word pieces {Ms(cpu * 1000 / tokens)}");
        }
    }
}
