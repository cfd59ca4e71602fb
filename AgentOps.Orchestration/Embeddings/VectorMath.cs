namespace AgentOps.Orchestration.Embeddings;

using System.Numerics.Tensors;

/// <summary>Cosine helpers for the L2-normalised vectors an <see cref="ITextEmbedder"/> returns.</summary>
public static class VectorMath
{
    /// <summary>Cosine similarity of two L2-normalised vectors (their dot product), in [-1, 1].</summary>
    public static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
            throw new ArgumentException($"vectors differ in length ({a.Length} vs {b.Length})");
        return TensorPrimitives.Dot(a, b);
    }

    /// <summary>Cosine similarity of any two vectors (normalises on the fly); 0 when either is all zeros.</summary>
    public static float CosineUnnormalised(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
            throw new ArgumentException($"vectors differ in length ({a.Length} vs {b.Length})");
        var na = TensorPrimitives.Norm(a);
        var nb = TensorPrimitives.Norm(b);
        return na == 0 || nb == 0 ? 0 : TensorPrimitives.Dot(a, b) / (na * nb);
    }

    /// <summary>Scales <paramref name="vector"/> in place to unit length; leaves an all-zero vector alone.</summary>
    public static void NormaliseInPlace(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
            TensorPrimitives.Divide(vector, norm, vector);
    }

    /// <summary>Indices and cosines of the <paramref name="k"/> rows closest to <paramref name="query"/>, best first.</summary>
    public static IReadOnlyList<(int Index, float Cosine)> TopK(ReadOnlySpan<float> query, IReadOnlyList<float[]> rows, int k)
    {
        var scored = new (int Index, float Cosine)[rows.Count];
        for (var i = 0; i < rows.Count; i++)
            scored[i] = (i, Cosine(query, rows[i]));
        Array.Sort(scored, (x, y) => y.Cosine.CompareTo(x.Cosine) is var c && c != 0 ? c : x.Index.CompareTo(y.Index));
        return scored.Take(Math.Max(0, k)).ToArray();
    }
}
