using System.Numerics.Tensors;

namespace AgentOps.Orchestration.Catalog.Ranking;

/// <summary>A plugin's closeness in meaning to the query: the better of its own vector and its best component's.</summary>
public readonly record struct DenseHit(long PluginId, float Score, float PluginCosine, float ComponentCosine, long BestComponentId);

/// <summary>
/// Every plugin's closeness to one query vector, held in arrays indexed like the <see cref="DenseIndex"/> rows:
/// no per-plugin object is made until a plugin is asked for (<see cref="TryGet"/>) or is among the best (<see cref="Top"/>).
/// </summary>
public sealed class DenseScores
{
    private readonly DenseIndex _index;
    private readonly float[] _score;
    private readonly float[] _pluginCosine;
    private readonly float[] _componentCosine;
    private readonly int[] _bestComponent;

    internal DenseScores(DenseIndex index, float[] score, float[] pluginCosine, float[] componentCosine, int[] bestComponent)
    {
        _index = index;
        _score = score;
        _pluginCosine = pluginCosine;
        _componentCosine = componentCosine;
        _bestComponent = bestComponent;
    }

    public static readonly DenseScores None = new(DenseIndex.Empty, [], [], [], []);

    /// <summary>Plugins scored (every plugin with a vector).</summary>
    public int Count => _score.Length;

    public bool TryGet(long pluginId, out DenseHit hit)
    {
        if (_score.Length == 0 || _index.PluginRowOf(pluginId) is not { } row) { hit = default; return false; }
        hit = Hit(row);
        return true;
    }

    /// <summary>The <paramref name="k"/> best plugins, best first, ties by id (a bounded heap: no sort of every plugin).</summary>
    public IReadOnlyList<DenseHit> Top(int k)
    {
        if (k <= 0 || _score.Length == 0) return [];
        // Min-heap of the best k so far; the root is the weakest kept (lowest score, then highest id).
        var heap = new PriorityQueue<int, (float Score, long NegatedId)>(k + 1);
        var ids = _index.PluginIds;
        for (var row = 0; row < _score.Length; row++)
        {
            var key = (_score[row], -ids[row]);
            if (heap.Count < k) heap.Enqueue(row, key);
            else if (heap.TryPeek(out _, out var weakest) && key.CompareTo(weakest) > 0) heap.EnqueueDequeue(row, key);
        }
        var best = new DenseHit[heap.Count];
        for (var i = best.Length - 1; i >= 0; i--) best[i] = Hit(heap.Dequeue());
        return best;
    }

    private DenseHit Hit(int row)
    {
        var component = _bestComponent[row];
        return new DenseHit(_index.PluginIds[row], _score[row], _pluginCosine[row],
            component < 0 ? float.NaN : _componentCosine[row], component < 0 ? -1 : _index.ComponentIds[component]);
    }
}

/// <summary>
/// Brute-force cosine over the catalog's vectors (exact, no index: 10,000 plugins × 384 dimensions is a few
/// milliseconds with SIMD dot products, and exact means no recall lost to an approximate index).
/// A component's match counts at <c>componentFactor</c> of a plugin-level match: a plugin is more than one of its parts.
/// </summary>
public static class DenseScorer
{
    /// <param name="chunkFactor">Share of a chunk's cosine (a part of the plugin's own text) against the whole text's; 0 ignores chunks.</param>
    public static DenseScores Score(DenseIndex index, ReadOnlySpan<float> query, float componentFactor, float chunkFactor = 0) =>
        Score(index, query, [], 0, componentFactor, chunkFactor);

    /// <summary>
    /// Phrase-level late interaction: the whole query's score blended with the mean, over the query's phrases, of each
    /// phrase's best match among the plugin's vectors, so a plugin close to every part of a two-part need rises.
    /// </summary>
    public static DenseScores Score(DenseIndex index, ReadOnlySpan<float> query, IReadOnlyList<float[]> phrases, double phraseWeight,
        float componentFactor, float chunkFactor = 0)
    {
        var n = index.PluginIds.Length;
        var pluginCosine = new float[n];
        var score = new float[n];
        var componentCosine = new float[n];
        var bestComponent = new int[n];
        Best(index, query, componentFactor, chunkFactor, score, pluginCosine, componentCosine, bestComponent);
        if (phraseWeight <= 0 || phrases.Count <= 1) return new DenseScores(index, score, pluginCosine, componentCosine, bestComponent);
        var mean = new float[n];
        var scratch = new float[n];
        var (a, b, c) = (new float[n], new float[n], new int[n]);
        foreach (var phrase in phrases)
        {
            Best(index, phrase, componentFactor, chunkFactor, scratch, a, b, c);
            TensorPrimitives.Add(mean, scratch, mean);
        }
        TensorPrimitives.Multiply(mean, (float)(phraseWeight / phrases.Count), mean);
        TensorPrimitives.MultiplyAdd(score, (float)(1 - phraseWeight), mean, score);
        return new DenseScores(index, score, pluginCosine, componentCosine, bestComponent);
    }

    private static void Best(DenseIndex index, ReadOnlySpan<float> query, float componentFactor, float chunkFactor,
        float[] score, float[] pluginCosine, float[] componentCosine, int[] bestComponent)
    {
        var n = index.PluginIds.Length;
        var dims = index.Dimensions;
        var matrix = index.PluginMatrix.AsSpan();
        for (var i = 0; i < n; i++) score[i] = pluginCosine[i] = TensorPrimitives.Dot(matrix.Slice(i * dims, dims), query);
        Array.Clear(componentCosine);
        Array.Fill(bestComponent, -1);
        if (chunkFactor > 0 && index.ChunkOwners.Length > 0)
        {
            var chunkOwners = index.ChunkOwnerRows;
            var chunks = index.ChunkMatrix.AsSpan();
            for (var k = 0; k < chunkOwners.Length; k++)
            {
                var row = chunkOwners[k];
                if (row < 0) continue;
                var cos = chunkFactor * TensorPrimitives.Dot(chunks.Slice(k * dims, dims), query);
                if (cos > score[row]) score[row] = cos;
            }
        }
        var owners = index.ComponentOwnerRows;
        var components = index.ComponentMatrix.AsSpan();
        for (var c = 0; c < owners.Length; c++)
        {
            var row = owners[c];
            if (row < 0) continue; // its plugin has no vector
            var cos = TensorPrimitives.Dot(components.Slice(c * dims, dims), query);
            if (bestComponent[row] >= 0 && cos <= componentCosine[row]) continue;
            componentCosine[row] = cos;
            bestComponent[row] = c;
            score[row] = Math.Max(score[row], componentFactor * cos);
        }
    }
}
