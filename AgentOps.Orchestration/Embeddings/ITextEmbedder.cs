namespace AgentOps.Orchestration.Embeddings;

/// <summary>
/// Turns texts into dense sentence vectors. One service for the whole orchestration side: the catalog ranks
/// plugins with it and the planner recalls similar past tasks with it, so both compare vectors made by the same
/// model. Vectors are L2-normalised, so cosine similarity is a plain dot product (<see cref="VectorMath"/>).
/// </summary>
public interface ITextEmbedder
{
    /// <summary>Stable identifier of the model and its preprocessing; stored next to vectors so a change of
    /// model invalidates them instead of mixing incomparable spaces.</summary>
    string ModelId { get; }

    /// <summary>Length of every vector <see cref="Embed"/> returns.</summary>
    int Dimensions { get; }

    /// <summary>One L2-normalised vector per text, in order. Empty or whitespace-only texts give a zero vector
    /// (cosine 0 with everything) rather than an error.</summary>
    float[][] Embed(IReadOnlyList<string> texts);

    /// <summary>The vector of a search query. Models trained with a query instruction (Arctic) add it here;
    /// documents go through <see cref="Embed"/> as they are.</summary>
    float[] EmbedQuery(string query) => Embed([query])[0];

    /// <summary>Several queries in one go (one batch for models that batch).</summary>
    float[][] EmbedQueries(IReadOnlyList<string> queries) => queries.Select(EmbedQuery).ToArray();
}
