using System.Globalization;
using AgentOps.Core.Diagnostics;

namespace AgentOps.Orchestration.Catalog.Ranking;

/// <summary>Options of one ranking query.</summary>
public sealed record RankingOptions
{
    public int Limit { get; init; } = 10;
    public string? Category { get; init; }
    public bool InstalledOnly { get; init; }
    public RankingWeights Weights { get; init; } = RankingWeights.Default;
    /// <summary>"Today" for recency (tests and benchmarks pin it).</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);
    public bool WithClosure { get; init; } = true;
}

/// <summary>
/// Ranks catalog plugins for a query:
/// <code>score = text × ((1 − c) + c × coverage^e) × learned</code>
/// where <c>text</c> is FTS5's field-weighted bm25 (BM25F-like: weighted term frequencies summed over
/// name, description, keywords and category before saturation) over the query and its synonyms, plus
/// the best components' own bm25 (indexed apart so their length does not dilute the plugin's fields), <c>coverage</c> the share of the query's
/// concepts the plugin matches, and <c>learned</c> = 1 + reliability + usage + recency + installed terms
/// from the pattern store. Each result carries the reasons. Ties break on name then marketplace, so
/// the order is deterministic.
/// </summary>
public static class PluginRanker
{
    public static RankingResult Rank(CatalogStore store, string query, LearnedSignals learned, RankingOptions? options = null)
    {
        options ??= new RankingOptions();
        var w = options.Weights;
        var parsed = ParsedQuery.Parse(query);
        var diagnostics = new List<Diagnostic>(parsed.Diagnostics);
        if (parsed.IsEmpty) return new RankingResult(parsed, [], [], diagnostics, 0);

        var limit = Math.Clamp(options.Limit, 1, 1000);
        var candidates = Math.Max(w.Candidates, limit * 5);
        // Stage 1: a wide pool of field and component hits (ids and scores only: cheap, the index computes
        // bm25 for every match anyway), combined into a text score. Stage 2: the best of them are loaded,
        // explained, and scored for coverage and learned signals.
        var pool = Math.Max(w.Pool, candidates * 4);
        var fieldScore = store.SearchPlugins(parsed.Match, w.FieldWeights, pool, options.Category, options.InstalledOnly)
            .ToDictionary(h => h.Id, h => -h.Bm25);
        var componentHits = store.SearchComponentText(parsed.Match, w.ComponentWeights, pool * 2, options.Category, options.InstalledOnly)
            .GroupBy(h => h.PluginId).ToDictionary(g => g.Key, g => g.OrderBy(h => h.Bm25).ThenBy(h => h.ComponentId).Take(w.TopComponents).ToList());
        double Text(long id) => fieldScore.GetValueOrDefault(id) + w.Components * (componentHits.GetValueOrDefault(id)?.Sum(c => -c.Bm25) ?? 0);
        var ids = fieldScore.Keys.Union(componentHits.Keys).OrderByDescending(Text).ThenBy(id => id).Take(candidates).ToList();
        componentHits = componentHits.Where(kv => ids.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
        var plugins = store.LoadPlugins(ids, withComponents: false);
        var matchedComponents = store.LoadComponents(componentHits.Values.SelectMany(l => l).Select(h => h.ComponentId).ToList());

        var scored = new List<RankedPlugin>();
        foreach (var id in ids)
        {
            if (!plugins.TryGetValue(id, out var stored)) continue;
            var components = componentHits.GetValueOrDefault(id) ?? [];
            var text = Text(id);
            var p = stored.Plugin;
            var columns = new List<(string, string)> { ("name", p.Name), ("description", p.Description), ("keywords", string.Join(' ', p.Keywords)), ("category", p.Category) };
            foreach (var c in components)
                if (matchedComponents.TryGetValue(c.ComponentId, out var mc)) columns.Add(("components", mc.Name + " " + mc.Description));
            var explanation = MatchExplainer.ExplainText(parsed, columns);
            var coverage = (double)explanation.ConceptsMatched.Count / parsed.Concepts.Count;
            var contribution = Learned(stored.Plugin, learned, w, options.Today);
            var multiplier = (contribution?.Multiplier ?? 1) + (stored.Plugin.Installed ? w.Installed : 0);
            var score = text * ((1 - w.Coverage) + w.Coverage * Math.Pow(coverage, w.CoverageExponent)) * multiplier;
            scored.Add(new RankedPlugin
            {
                Rank = 0,
                Stored = stored,
                Score = score,
                TextScore = text,
                Coverage = coverage,
                MatchedFields = explanation.Fields,
                MatchedComponents = components.Select(c => c.Invocation).ToList(),
                SynonymMatches = explanation.SynonymMatches,
                Learned = contribution,
                Reasons = [],
            });
        }

        var ranked0 = scored
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Plugin.Name, StringComparer.Ordinal)
            .ThenBy(r => r.Plugin.Marketplace, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
        var full = store.LoadPlugins(ranked0.Select(r => r.Stored.Id).ToList());
        var ranked = ranked0
            .Select((r, i) =>
            {
                r = r with { Stored = full.GetValueOrDefault(r.Stored.Id) ?? r.Stored };
                var closure = options.WithClosure ? DependencyClosure.Compute(store, r.Plugin) : null;
                if (closure is not null) diagnostics.AddRange(closure.Diagnostics);
                var deps = closure is null ? [] : closure.InstallOrder.Concat(closure.Missing.Select(m => m + " (missing)")).ToList();
                return r with { Rank = i + 1, Dependencies = deps, Reasons = Reasons(r, parsed, deps) };
            })
            .ToList();
        var complements = ComplementFinder.Find(store, ranked, learned);
        return new RankingResult(parsed, ranked, complements, diagnostics.Distinct().ToList(), ids.Count);
    }

    private static LearnedContribution? Learned(CatalogPlugin p, LearnedSignals learned, RankingWeights w, DateOnly today)
    {
        if (!learned.Plugins.TryGetValue(p.Name, out var u) || u.Executions == 0) return null;
        var confidence = u.Executions / (u.Executions + w.ReliabilityHalfConfidence);
        var reliability = w.Reliability * (u.Reliability - 0.5) * 2 * confidence;
        var usage = learned.MaxPluginExecutions > 0 ? w.Usage * Math.Log(1 + u.Executions) / Math.Log(1 + learned.MaxPluginExecutions) : 0;
        var age = u.LastUsed is { } last ? Math.Max(0, today.DayNumber - last.DayNumber) : double.PositiveInfinity;
        var recency = w.Recency * Math.Pow(0.5, age / w.RecencyHalfLifeDays);
        return new LearnedContribution(u.Executions, u.RawSuccessRate, u.Reliability, u.LastUsed, u.Patterns, 1 + reliability + usage + recency);
    }

    private static IReadOnlyList<string> Reasons(RankedPlugin r, ParsedQuery q, IReadOnlyList<string> deps)
    {
        var inv = CultureInfo.InvariantCulture;
        var reasons = new List<string>();
        foreach (var (field, words) in r.MatchedFields)
            reasons.Add($"matched {field}: {string.Join(", ", words)}");
        if (r.MatchedComponents.Count > 0) reasons.Add("matching components: " + string.Join(", ", r.MatchedComponents));
        if (r.SynonymMatches.Count > 0) reasons.Add("synonyms: " + string.Join(", ", r.SynonymMatches.Take(4)) + (r.SynonymMatches.Count > 4 ? ", ..." : ""));
        var matched = (int)Math.Round(r.Coverage * q.Concepts.Count);
        reasons.Add(string.Create(inv, $"covers {matched} of {q.Concepts.Count} query words; text score {r.TextScore:0.00}"));
        if (r.Learned is { } l)
            reasons.Add(string.Create(inv, $"learned: {l.Executions} executions, success {l.SuccessRate:P0} (reliability {l.Reliability:0.00}), last used {l.LastUsed?.ToString("yyyy-MM-dd", inv) ?? "unknown"}, ×{l.Multiplier:0.00}"));
        if (r.Plugin.Installed) reasons.Add("installed in Claude Code");
        if (deps.Count > 0) reasons.Add("requires " + string.Join(", ", deps));
        return reasons;
    }
}
