using System.Globalization;
using System.Numerics.Tensors;

namespace AgentOps.Orchestration.Catalog.Ranking;

/// <summary>
/// Says what matched by meaning: which phrase of the query is closest to which stored text of the plugin (its
/// description or one of its agents, commands or skills), with the cosine. Uses the vectors already stored;
/// only the query's phrases are embedded (one small batch per query).
/// </summary>
public static class MeaningExplainer
{
    /// <summary>Below this cosine a "close in meaning" claim would mislead: nothing is said.</summary>
    public const float MinCosine = 0.3f;

    public static string? Explain(SemanticQuery query, DenseIndex index, StoredPlugin stored, IReadOnlyDictionary<long, CatalogComponent> components)
    {
        if (index.PluginRowOf(stored.Id) is not { } row) return null;
        var best = (Cosine: float.MinValue, Phrase: "", Target: "");
        var componentRows = index.ComponentRowsOf(stored.Id).ToList();
        foreach (var (phrase, vector) in query.Phrases)
        {
            var cos = TensorPrimitives.Dot(index.PluginRow(row), vector);
            if (cos > best.Cosine) best = (cos, phrase, "its description \"" + Snippet(stored.Plugin.Description.Length > 0 ? stored.Plugin.Description : stored.Plugin.Name) + "\"");
            foreach (var (componentRow, componentId) in componentRows)
            {
                var c = TensorPrimitives.Dot(index.ComponentRow(componentRow), vector);
                if (c <= best.Cosine) continue;
                best = (c, phrase, components.TryGetValue(componentId, out var component)
                    ? $"{component.Kind} {component.Name} \"{Snippet(component.Description)}\"" : "one of its components");
            }
        }
        return best.Cosine < MinCosine ? null
            : string.Create(CultureInfo.InvariantCulture, $"meaning: \"{best.Phrase}\" close to {best.Target} (cosine {best.Cosine:0.00})");
    }

    /// <summary>The first clause of a text, at most ~70 characters.</summary>
    public static string Snippet(string text)
    {
        text = text.Trim();
        var end = text.IndexOfAny(['.', ';', '—', '\n']);
        if (end > 20) text = text[..end];
        return text.Length <= 72 ? text : text[..69].TrimEnd() + "…";
    }
}
