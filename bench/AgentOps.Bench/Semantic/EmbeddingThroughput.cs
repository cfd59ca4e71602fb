using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Embeddings;
using Microsoft.ML.OnnxRuntime;
using static AgentOps.Bench.Semantic.BenchFigures;

namespace AgentOps.Bench.Semantic;

/// <summary>
/// Embedding throughput of the real catalog's plugin texts under ONNX Runtime settings (threads, spinning,
/// graph optimisation), in CPU time per 1,000 texts: on a shared machine CPU time is what the settings change.
/// </summary>
internal static class EmbeddingThroughput
{
    public static void Run(CatalogStore store, BenchFigures figures)
    {
        var texts = store.PluginsWithoutVectors().Select(w => w.Text).Take(256).ToList();
        if (texts.Count == 0)
        {
            // Vectors exist already: rebuild the texts the same way from a fresh model id.
            store.UseEmbeddingModel("throughput-probe");
            texts = store.PluginsWithoutVectors().Select(w => w.Text).Take(256).ToList();
        }
        var folder = ModelFiles.Locate(EmbeddingModel.MiniLm, out var why);
        if (folder is null) { Console.WriteLine($"throughput: {why}"); return; }
        foreach (var (threads, spinning, level) in new[]
                 {
                     (1, false, GraphOptimizationLevel.ORT_ENABLE_ALL), (1, false, GraphOptimizationLevel.ORT_ENABLE_EXTENDED),
                     (2, false, GraphOptimizationLevel.ORT_ENABLE_ALL), (2, true, GraphOptimizationLevel.ORT_ENABLE_ALL),
                 })
        {
            using var embedder = OnnxSentenceEmbedder.Load(EmbeddingModel.MiniLm, folder, threads, level, spinning);
            embedder.Embed(texts.Take(32).ToList());
            var (wall, cpu) = Measure(() => embedder.Embed(texts));
            var tokens = texts.Sum(t => embedder.Tokenize(t).Length);
            figures.Row($"throughput {threads} thread(s)/run, parallel batches, spinning {spinning}, {level}: per 1,000 texts wall / CPU",
                $"{Ms(wall * 1000 / texts.Count)} / {Ms(cpu * 1000 / texts.Count)}", $"{tokens / texts.Count} tokens/text");
        }
    }
}
