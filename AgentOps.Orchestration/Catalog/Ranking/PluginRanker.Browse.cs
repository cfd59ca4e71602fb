using AgentOps.Core.Diagnostics;

namespace AgentOps.Orchestration.Catalog.Ranking;

public static partial class PluginRanker
{
    /// <summary>
    /// The catalog's plugins of a category (or the installed ones) with no query: the seed's
    /// <c>/analyze-plugins --limit 10 --category devops</c>. With no need to match, the order is what the memory knows —
    /// the learned factor of <see cref="Rank"/> (reliability, usage, recency) plus the install bonus — then the name.
    /// One row per plugin across marketplaces, with the same reasons, dependencies and complements as a ranked query.
    /// </summary>
    public static RankingResult Browse(CatalogStore store, LearnedSignals learned, RankingOptions options)
    {
        if (options.Category is null && !options.InstalledOnly)
            throw new ArgumentException("browsing needs a category or the installed plugins", nameof(options));
        var w = options.Weights;
        var limit = Math.Clamp(options.Limit, 1, 1000);
        var none = new ParsedQuery("", [], "", []);
        var listed = store.LoadPlugins(store.AllPluginIds(), withComponents: false).Values
            .Where(s => Allowed(s.Plugin, options))
            .Select(s =>
            {
                var contribution = Learned(s.Plugin, learned, w, options.Today);
                return Unexplained(s) with { Score = (contribution?.Multiplier ?? 1) + (s.Plugin.Installed ? w.Installed : 0), Learned = contribution };
            });
        var ordered = Ordered(listed);
        var top = OnePerPlugin(ordered, options).Take(limit).ToList();
        var full = store.LoadPlugins(top.Select(r => r.Stored.Id).ToList());
        var diagnostics = new List<Diagnostic>();
        var what = options.Category is { } c ? $"listed: category {c}" + (options.InstalledOnly ? ", installed" : "") : "listed: installed in Claude Code";
        var ranked = top.Select((r, i) =>
        {
            r = r with { Stored = full.GetValueOrDefault(r.Stored.Id) ?? r.Stored };
            var deps = Dependencies(store, r.Plugin, options, diagnostics);
            return r with { Rank = i + 1, Dependencies = deps, Reasons = [what, .. Reasons(r, none, deps, null)] };
        }).ToList();
        return new RankingResult(none, ranked, ComplementFinder.Find(store, ranked, learned), diagnostics.Distinct().ToList(), ordered.Count)
        {
            Semantic = SemanticStatus.Off("no query: plugins listed, not ranked by a need"),
        };
    }
}
