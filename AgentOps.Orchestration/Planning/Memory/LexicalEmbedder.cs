using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Orchestration.Embeddings;

namespace AgentOps.Orchestration.Planning.Memory;

/// <summary>
/// The planner's memory fallback when the sentence model is unavailable (and the fast, deterministic
/// embedder of the learning-curve tests): hashed sparse features into <see cref="Dimensions"/> buckets,
/// L2-normalised. Features: stemmed content words (weight 1), the catalog's synonym groups of each word
/// (0.6: "rollout" meets "deploy", "login" meets "oauth"), and character trigrams of each word (0.25:
/// "postmortem" meets "postmortems", "latency" meets "latencies"). Cosine similarity of two texts is then
/// a smoothed word overlap; it knows no meaning the words do not share, which is why the model is preferred.
/// </summary>
public sealed class LexicalEmbedder : ITextEmbedder
{
    public const int Size = 512;
    private const float WordWeight = 1f, SynonymWeight = 0.6f, TrigramWeight = 0.25f;

    public static LexicalEmbedder Instance { get; } = new();

    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "the", "to", "of", "in", "on", "for", "with", "my", "our", "your", "it", "its", "is", "be", "that", "this",
        "into", "from", "by", "at", "as", "or", "all", "what", "whatever", "when", "why", "how", "last", "new", "make", "use",
    };

    public string ModelId => "lexical-hash-512/v1";
    public int Dimensions => Size;

    public float[][] Embed(IReadOnlyList<string> texts) => texts.Select(EmbedOne).ToArray();

    public static float[] EmbedOne(string text)
    {
        var v = new float[Size];
        foreach (var word in ParsedQuery.Words(text ?? ""))
        {
            if (Stop.Contains(word) || word.Length < 2) continue;
            var stem = LightStemmer.Stem(word);
            Add(v, "w:" + stem, WordWeight);
            foreach (var syn in Synonyms.For(word)) Add(v, "w:" + LightStemmer.Stem(syn), SynonymWeight);
            var padded = "^" + stem + "$";
            for (var i = 0; i + 3 <= padded.Length; i++) Add(v, "t:" + padded.Substring(i, 3), TrigramWeight);
        }
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        if (norm > 0) for (var i = 0; i < v.Length; i++) v[i] /= norm;
        return v;
    }

    private static void Add(float[] v, string feature, float weight)
    {
        // FNV-1a: stable across processes and runtimes (string.GetHashCode is randomised per process).
        var h = 2166136261u;
        foreach (var c in feature) { h ^= c; h *= 16777619u; }
        v[h % Size] += weight;
    }

    /// <summary>Dot product of two L2-normalised vectors (their cosine).</summary>
    public static float Cosine(float[] a, float[] b)
    {
        var n = Math.Min(a.Length, b.Length);
        var s = 0f;
        for (var i = 0; i < n; i++) s += a[i] * b[i];
        return s;
    }
}
