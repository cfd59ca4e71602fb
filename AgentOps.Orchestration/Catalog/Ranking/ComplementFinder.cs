namespace AgentOps.Orchestration.Catalog.Ranking;

/// <summary>
/// Suggests plugins that learned workflows use together with the top results (e.g. a testing plugin
/// next to an API plugin), most shared executions first, leaving out plugins already in the results.
/// </summary>
public static class ComplementFinder
{
    public const int MaxSuggestions = 5;

    public static IReadOnlyList<ComplementSuggestion> Find(CatalogStore store, IReadOnlyList<RankedPlugin> results, LearnedSignals learned)
    {
        if (learned.Together.Count == 0) return [];
        var inResults = results.Select(r => r.Plugin.Name).ToHashSet(StringComparer.Ordinal);
        var best = new Dictionary<string, ComplementSuggestion>(StringComparer.Ordinal);
        foreach (var r in results.Take(5))
            foreach (var (partner, n) in learned.UsedWith(r.Plugin.Name))
            {
                if (inResults.Contains(partner)) continue;
                if (best.TryGetValue(partner, out var cur) && cur.Executions >= n) continue;
                var found = DependencyClosure.Resolve(store, partner, r.Plugin.Marketplace);
                best[partner] = new ComplementSuggestion(partner, found?.Marketplace, r.Plugin.Name, n, found is not null);
            }
        return best.Values.OrderByDescending(s => s.Executions).ThenBy(s => s.Plugin, StringComparer.Ordinal).Take(MaxSuggestions).ToList();
    }
}
