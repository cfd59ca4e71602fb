using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using AgentOps.Orchestration.Embeddings;

namespace AgentOps.Orchestration.Planning.Memory;

/// <summary>
/// What the planner's memory compares texts with (issue 15): the sentence model of the embedding service
/// (<see cref="EmbeddingService"/>, the one semantic search uses) together with the words
/// (<see cref="HybridEmbedder"/>) when the model loads, else the lexical fallback (<see cref="LexicalEmbedder"/>).
/// Every distinct text is embedded once per process, and on its own: a model's vector of a text would
/// otherwise depend, in its last bits, on the texts that shared its padded batch, and a plan must not
/// depend on what was planned before it. <see cref="Calibration"/> says how
/// this embedder's cosines read (a sentence model's are on another scale than word overlap).
/// </summary>
public sealed class MemoryEmbedder : ITextEmbedder
{
    private const int MaxTexts = 20_000;
    private static readonly ConditionalWeakTable<ITextEmbedder, MemoryEmbedder> Wrapped = [];
    private static readonly Lock Gate = new();
    private static MemoryEmbedder? _default;

    private readonly ITextEmbedder _inner;
    private readonly ConcurrentDictionary<string, float[]> _vectors = new(StringComparer.Ordinal);

    private MemoryEmbedder(ITextEmbedder inner, string? fallbackReason)
    {
        _inner = inner;
        Calibration = inner switch
        {
            LexicalEmbedder => MemoryCalibration.Lexical,
            HybridEmbedder => MemoryCalibration.Hybrid,
            _ => MemoryCalibration.Sentence,
        };
        FallbackReason = fallbackReason;
    }

    /// <summary>The lexical fallback, cached.</summary>
    public static MemoryEmbedder Lexical { get; } = new(LexicalEmbedder.Instance, null);

    /// <summary>The lexical fallback standing in for a model that could not load, with the reason the plan reports.</summary>
    public static MemoryEmbedder LexicalBecause(string reason) => new(LexicalEmbedder.Instance, reason);

    /// <summary>The caching wrapper of <paramref name="inner"/> (one per embedder, so its cache is shared);
    /// <paramref name="inner"/> itself when it is one already; the lexical fallback for null.</summary>
    public static MemoryEmbedder For(ITextEmbedder? inner) => inner switch
    {
        null => Lexical,
        MemoryEmbedder m => m,
        LexicalEmbedder => Lexical,
        _ => Wrapped.GetValue(inner, static e => new MemoryEmbedder(e, null)),
    };

    /// <summary>The planner's default: the sentence model read together with the words
    /// (<see cref="HybridEmbedder"/>), loaded on first use (once per process), else the lexical fallback with
    /// the reason (<see cref="FallbackReason"/>): no model, a missing native runtime, or
    /// <c>AGENTOPS_EMBEDDINGS=off</c>. The model alone read the families' phrasings no better than the
    /// hybrid and read agents' trades worse (bench: <c>learning-curve --similarities --embedder model</c>).</summary>
    public static MemoryEmbedder Default
    {
        get
        {
            lock (Gate)
            {
                if (_default is not null) return _default;
                var model = EmbeddingService.TryCreate(out var why);
                return _default = model is null ? LexicalBecause(why) : new MemoryEmbedder(new HybridEmbedder(model), null);
            }
        }
    }

    public MemoryCalibration Calibration { get; }

    /// <summary>Why the sentence model is not used (null when it is, or when the lexical embedder was asked for).</summary>
    public string? FallbackReason { get; }

    public bool IsSentenceModel => _inner is not LexicalEmbedder;

    public string ModelId => _inner.ModelId;
    public int Dimensions => _inner.Dimensions;

    /// <summary>The vector of one text (embedded once per process).</summary>
    public float[] Vector(string text)
    {
        if (_vectors.TryGetValue(text, out var v)) return v;
        if (_vectors.Count > MaxTexts) _vectors.Clear();
        return _vectors.GetOrAdd(text, static (t, e) => e.Embed([t])[0], _inner);
    }

    /// <summary>The texts' vectors; those not seen before are embedded one by one, side by side.</summary>
    public float[][] Embed(IReadOnlyList<string> texts)
    {
        if (texts.Count == 0) return [];
        var missing = texts.Where(t => !_vectors.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 1 && IsSentenceModel)
            Parallel.ForEach(missing, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, t => Vector(t));
        return texts.Select(Vector).ToArray();
    }

    /// <summary>Cosine of two texts (their vectors are L2-normalised).</summary>
    public double Similarity(string a, string b) => Cosine(Vector(a), Vector(b));

    public static double Cosine(float[] a, float[] b) => a.Length == b.Length ? VectorMath.Cosine(a, b) : 0;
}

/// <summary>
/// The sentence model and the words together: each vector is the model's and the lexical one side by side,
/// each scaled by 1/√2, so the cosine of two texts is the mean of the model's cosine and the word-overlap
/// cosine: what semantic search does by fusing its two rankings, done on vectors. Read against the catalog
/// (bench: <c>learning-curve --similarities</c>), the model alone put design, risk and validation in the
/// backend engineer's trade, the words alone put the API in the frontend engineer's; together neither.
/// </summary>
public sealed class HybridEmbedder(ITextEmbedder model) : ITextEmbedder
{
    private static readonly float Half = MathF.Sqrt(0.5f);

    public string ModelId => $"hybrid({model.ModelId}+{LexicalEmbedder.Instance.ModelId})";
    public int Dimensions => model.Dimensions + LexicalEmbedder.Size;

    public float[][] Embed(IReadOnlyList<string> texts)
    {
        var dense = model.Embed(texts);
        return texts.Select((t, i) =>
        {
            var lexical = LexicalEmbedder.EmbedOne(t);
            var v = new float[Dimensions];
            // A text with no word the lexical side keeps (all stop words) still has its model half.
            var lexicalWeight = lexical.Any(x => x != 0) ? Half : 0f;
            var denseWeight = lexicalWeight == 0 ? 1f : Half;
            for (var k = 0; k < dense[i].Length; k++) v[k] = denseWeight * dense[i][k];
            for (var k = 0; k < lexical.Length; k++) v[dense[i].Length + k] = lexicalWeight * lexical[k];
            return v;
        }).ToArray();
    }
}

/// <summary>
/// How to read one embedder's cosines in the memory. Word overlap (lexical) and a sentence model put
/// "the same kind of task in other words" and "another kind of task" at different cosines; each scale
/// was set on the shipped and tuned families' phrasings (bench: <c>learning-curve --similarities</c>),
/// never on the untouched ones.
/// </summary>
/// <param name="Floor">Below it, a pattern's evidence does not count for the task (weight 0).</param>
/// <param name="Full">From it, a pattern's evidence counts fully (weight 1); linear between.</param>
/// <param name="Candidate">From it, a learned pattern is a candidate workflow for the task.</param>
/// <param name="SameLabel">A shared category label (other than general) lifts the similarity to this.</param>
/// <param name="FitCentre">The description-to-step cosine that moves an agent's prior neither up nor down.</param>
/// <param name="FitScale">Prior moved per unit of cosine above or below the centre (clamped to ±0.03).</param>
/// <param name="TradeMinimum">The least cosine between an agent's description and a capability for the
/// capability to be part of its trade.</param>
public sealed record MemoryCalibration(double Floor, double Full, double Candidate, double SameLabel, double FitCentre, double FitScale, double TradeMinimum)
{
    public static readonly MemoryCalibration Lexical = new(0.12, 0.55, 0.35, 0.45, 0.2, 0.2, 0.1);

    public static readonly MemoryCalibration Sentence = new(0.25, 0.50, 0.40, 0.40, 0.17, 0.3, 0.15);

    public static readonly MemoryCalibration Hybrid = new(0.15, 0.50, 0.35, 0.40, 0.19, 0.25, 0.1);

    /// <summary>The share of a pattern's evidence that counts for a task at this similarity.</summary>
    public double Weight(double similarity) => Math.Clamp((similarity - Floor) / (Full - Floor), 0, 1);
}
