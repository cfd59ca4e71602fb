using System.Globalization;
using System.Numerics.Tensors;
using AgentOps.Core.Diagnostics;
using AgentOps.Orchestration.Embeddings;

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
    /// <summary>The sentence-embedding model; null ranks by words only (and says why: <see cref="SemanticUnavailableReason"/>).</summary>
    public ITextEmbedder? Embedder { get; init; }
    public string? SemanticUnavailableReason { get; init; }
    /// <summary>One row per plugin listed by several marketplaces (<see cref="DuplicateGroups"/>).</summary>
    public bool Deduplicate { get; init; } = true;
    /// <summary>Unknown query words also search the indexed terms one or two edits away.</summary>
    public bool TypoTolerance { get; init; } = true;
    /// <summary>The query's embedding and the dense scan run on a second thread beside the full-text search; false runs
    /// them one after the other on the calling thread (the bench measures both).</summary>
    public bool DenseBesideLexical { get; init; } = true;
    /// <summary>A query in another language is also read in English through the glossary (<see cref="QueryTranslation"/>).</summary>
    public bool TranslateQuery { get; init; } = true;
}

/// <summary>
/// Ranks catalog plugins for a query with two rankers fused:
/// <list type="bullet">
/// <item>lexical: <c>text × ((1 − c) + c × coverage^e)</c>, where <c>text</c> is FTS5's field-weighted bm25 (BM25F-like:
/// name, description, keywords and category weighted before saturation) over the query, its synonyms and typo
/// corrections, plus the best components' own bm25 (indexed apart so their length does not dilute the plugin's
/// fields), and <c>coverage</c> the share of the query's concepts the plugin matches;</item>
/// <item>dense: cosine between the query's sentence vector and the plugin's (or, at a discount, its best component's).</item>
/// </list>
/// The fused score (<see cref="ScoreFusion"/>) is multiplied by the learned factor <c>1 + (reliability + usage +
/// recency (+ installed)) × fit</c> from the pattern store, fit being the fused score over the best candidate's.
/// Duplicates across marketplaces collapse into one row.
/// Each result carries its reasons, by words and by meaning. Ties break on name then marketplace.
/// </summary>
public static partial class PluginRanker
{
    public static RankingResult Rank(CatalogStore store, string query, LearnedSignals learned, RankingOptions? options = null)
    {
        options ??= new RankingOptions();
        var w = options.Weights;
        // A query in another language: both rankers search its English reading, the lexical one beside the words as
        // typed (a catalog in that language still matches them), the model the reading alone (it reads English only).
        var translation = options.TranslateQuery ? QueryTranslation.Of(query) : null;
        var parsed = ParsedQuery.Parse(translation is null ? query : $"{query} {translation.English}");
        var denseText = translation?.English ?? parsed.Text;
        // Everyday words also search the catalog's words for them ("rank higher" → seo), on the English reading.
        var expansion = w.ExpandLexical || w.ExpandDense ? QueryExpansion.Of(denseText) : null;
        if (expansion is not null && w.ExpandLexical) parsed = expansion.Apply(parsed);
        var phrasesOf = expansion is not null && w.ExpandDense ? denseText : null;
        if (phrasesOf is not null) denseText = expansion!.ForModel(denseText);
        var diagnostics = new List<Diagnostic>(parsed.Diagnostics);
        if (translation is not null)
            diagnostics.Add(new Diagnostic(DiagnosticCodes.QueryTranslated, DiagnosticSeverity.Info, "<query>", 0, 0,
                $"read in English through the glossary as \"{translation.English}\" ({string.Join(", ", translation.Words.Take(8).Select(x => $"{x.Foreign} → {x.English}"))})"));
        if (parsed.IsEmpty) return new RankingResult(parsed, [], [], diagnostics, 0) { Semantic = SemanticStatus.Off("the query has no searchable words") };
        if (options.TypoTolerance) parsed = TypoTolerance.Expand(parsed, store.PluginVocabularyHasAny, store.PluginVocabulary);

        var limit = Math.Clamp(options.Limit, 1, 1000);
        var candidates = Math.Max(w.Candidates, limit * 5);
        // Dense stage: every plugin with a vector is scored (exact search); the best join the lexical candidates. The
        // query's embedding and the scan run beside the full-text search (on two cores, the wall time of the slower
        // of the two); the vectors are read here first, as the store's connection is not shared between threads.
        var (index, status) = DenseIndexFor(store, options, diagnostics);
        var denseNotes = new List<Diagnostic>();
        var denseWork = index is null ? null
            : options.DenseBesideLexical ? Task.Run(() => DenseStage(index, options.Embedder!, denseText, phrasesOf, w, denseNotes))
            : Task.FromResult(DenseStage(index, options.Embedder!, denseText, phrasesOf, w, denseNotes));
        var lexical = LexicalStage(store, parsed, options, candidates);
        var (semantic, queryVector, dense) = denseWork?.GetAwaiter().GetResult() ?? (null, null, DenseScores.None);
        diagnostics.AddRange(denseNotes);
        if (index is not null)
            status = semantic is null ? SemanticStatus.Off("the query has no letters or digits") : new SemanticStatus(true, options.Embedder!.ModelId, null);
        var denseCandidates = Math.Max(w.DenseCandidates, limit * 5);
        var pool = lexical.Keys.ToList();
        var plugins = lexical.ToDictionary(kv => kv.Key, kv => kv.Value.Ranked.Stored);
        void Grow(IEnumerable<long> ids)
        {
            var fresh = ids.Where(id => !plugins.ContainsKey(id)).Distinct().ToList();
            foreach (var (id, p) in store.LoadPlugins(fresh, withComponents: false)) plugins[id] = p;
        }
        Grow(pool.Concat(TopDense(dense, denseCandidates)));
        pool = plugins.Keys.Where(id => Allowed(plugins[id].Plugin, options)).OrderBy(id => id).ToList();
        var fused = Fuse(lexical, dense, pool, w);
        if (w.FeedbackWeight > 0 && queryVector is not null && dense.Count > 0)
        {
            // Pseudo-relevance feedback: the first fused results say what the query means in this catalog.
            var feedback = pool.OrderByDescending(id => fused[id]).ThenBy(id => id).Take(w.FeedbackDocs)
                .Select(id => index!.PluginRowOf(id)).OfType<int>().ToList();
            if (feedback.Count > 0)
            {
                var moved = new float[queryVector.Length];
                foreach (var row in feedback) TensorPrimitives.Add(moved, index!.PluginRow(row), moved);
                TensorPrimitives.Multiply(moved, (float)(w.FeedbackWeight / feedback.Count), moved);
                TensorPrimitives.MultiplyAdd(queryVector, (float)(1 - w.FeedbackWeight), moved, moved);
                dense = DenseScorer.Score(index!, moved, w.ComponentDenseFactor, w.ChunkDenseFactor);
                Grow(TopDense(dense, denseCandidates));
                pool = plugins.Keys.Where(id => Allowed(plugins[id].Plugin, options)).OrderBy(id => id).ToList();
                fused = Fuse(lexical, dense, pool, w);
            }
        }

        var scored = new List<RankedPlugin>();
        var bestFit = pool.Count == 0 ? 0 : pool.Max(id => fused[id]);
        foreach (var id in pool)
        {
            var stored = plugins[id];
            var contribution = Learned(stored.Plugin, learned, w, options.Today);
            // What was learned orders plugins that fit the need; it does not lift one that barely fits over those that
            // do (a workflow plugin used in every recorded run is not an answer to "rank higher on Google"): the lift
            // counts in proportion to the plugin's fit against the best candidate's.
            var fit = bestFit > 0 ? fused[id] / bestFit : 0;
            if (contribution is not null) contribution = contribution with { Multiplier = 1 + (contribution.Multiplier - 1) * fit };
            var multiplier = (contribution?.Multiplier ?? 1) + (stored.Plugin.Installed ? w.Installed * fit : 0);
            // A meaning-only candidate is explained by words only if it reaches the results (below): most never do.
            scored.Add((lexical.GetValueOrDefault(id)?.Ranked ?? Unexplained(stored)) with
            {
                Score = fused[id] * multiplier,
                Learned = contribution,
                Dense = dense.TryGet(id, out var d) ? d : null,
            });
        }

        var top = OnePerPlugin(Ordered(scored.Where(r => r.Score > 0)), options).Take(limit)
            .Select(r => lexical.ContainsKey(r.Stored.Id) ? r : WithWords(r, Explain(store, parsed, r.Stored, [], 0).Ranked))
            .ToList();
        var full = store.LoadPlugins(top.Select(r => r.Stored.Id).ToList());
        var componentsById = index is null || semantic is null ? new Dictionary<long, CatalogComponent>()
            : store.LoadComponents(top.SelectMany(r => index.ComponentRowsOf(r.Stored.Id)).Select(c => c.ComponentId).ToList());
        var ranked = top
            .Select((r, i) =>
            {
                r = r with { Stored = full.GetValueOrDefault(r.Stored.Id) ?? r.Stored };
                var deps = Dependencies(store, r.Plugin, options, diagnostics);
                var meaning = semantic is not null && index is not null ? MeaningExplainer.Explain(semantic, index, r.Stored, componentsById) : null;
                return r with { Rank = i + 1, Dependencies = deps, Reasons = Reasons(r, parsed, deps, meaning) };
            })
            .ToList();
        var complements = ComplementFinder.Find(store, ranked, learned);
        return new RankingResult(parsed, ranked, complements, diagnostics.Distinct().ToList(), pool.Count) { Semantic = status };
    }

    private sealed record LexicalHit(double Score, RankedPlugin Ranked);

    /// <summary>Best score first; ties by name, then marketplace (stable output for the same catalog).</summary>
    private static List<RankedPlugin> Ordered(IEnumerable<RankedPlugin> rows) => rows
        .OrderByDescending(r => r.Score)
        .ThenBy(r => r.Plugin.Name, StringComparer.Ordinal)
        .ThenBy(r => r.Plugin.Marketplace, StringComparer.Ordinal)
        .ToList();

    /// <summary>One row per plugin listed by several marketplaces (<see cref="DuplicateGroups"/>), the others as "also in".</summary>
    private static List<RankedPlugin> OnePerPlugin(List<RankedPlugin> ordered, RankingOptions options) => options.Deduplicate
        ? DuplicateGroups.Group(ordered, r => r.Plugin).Select(g => g.Best with { AlsoIn = g.Others.Select(o => o.Plugin.Id).ToList() }).ToList()
        : ordered;

    /// <summary>What installing the plugin brings with it, in install order, and what is missing; the closure's problems go to
    /// <paramref name="diagnostics"/>. Empty when <see cref="RankingOptions.WithClosure"/> is off.</summary>
    private static IReadOnlyList<string> Dependencies(CatalogStore store, CatalogPlugin plugin, RankingOptions options, List<Diagnostic> diagnostics)
    {
        if (!options.WithClosure) return [];
        var closure = DependencyClosure.Compute(store, plugin);
        diagnostics.AddRange(closure.Diagnostics);
        return closure.InstallOrder.Concat(closure.Missing.Select(m => m + " (missing)")).ToList();
    }

    private static IEnumerable<long> TopDense(DenseScores dense, int count) => dense.Top(count).Select(h => h.PluginId);

    private static Dictionary<long, double> Fuse(Dictionary<long, LexicalHit> lexical, DenseScores dense, List<long> pool, RankingWeights w)
    {
        var lexicalScores = pool.ToDictionary(id => id, id => lexical.TryGetValue(id, out var l) ? l.Score : 0);
        if (dense.Count == 0) return lexicalScores;
        var denseScores = new Dictionary<long, double>(pool.Count);
        foreach (var id in pool)
            if (dense.TryGet(id, out var hit)) denseScores[id] = hit.Score;
        var textScale = pool.Select(id => lexical.TryGetValue(id, out var l) ? l.Ranked.TextScore : 0).DefaultIfEmpty(0).Max();
        return ScoreFusion.Fuse(lexicalScores, denseScores, pool, w, textScale);
    }

    /// <summary>The vector the catalog is searched with: the query's, moved towards the mean of its phrases' by <paramref name="phraseWeight"/>.</summary>
    private static float[] QueryVector(SemanticQuery semantic, double phraseWeight)
    {
        if (phraseWeight <= 0 || semantic.Phrases.Count <= 1) return semantic.Vector;
        var mean = new float[semantic.Vector.Length];
        foreach (var (_, v) in semantic.Phrases) TensorPrimitives.Add(mean, v, mean);
        TensorPrimitives.Multiply(mean, (float)(phraseWeight / semantic.Phrases.Count), mean);
        TensorPrimitives.MultiplyAdd(semantic.Vector, (float)(1 - phraseWeight), mean, mean);
        return mean;
    }

    /// <summary>A wide pool of field and component hits (ids and scores only: cheap), combined into a text score;
    /// the best <paramref name="candidates"/> are loaded, explained and scored for coverage.</summary>
    private static Dictionary<long, LexicalHit> LexicalStage(CatalogStore store, ParsedQuery parsed, RankingOptions options, int candidates)
    {
        var w = options.Weights;
        var pool = Math.Max(w.Pool, candidates * 4);
        var fieldScore = store.SearchPlugins(parsed.Match, w.FieldWeights, pool, options.Category, options.InstalledOnly)
            .ToDictionary(h => h.Id, h => -h.Bm25);
        var componentHits = store.SearchComponentText(parsed.Match, w.ComponentWeights, pool * 2, options.Category, options.InstalledOnly)
            .GroupBy(h => h.PluginId).ToDictionary(g => g.Key, g => g.OrderBy(h => h.Bm25).ThenBy(h => h.ComponentId).Take(w.TopComponents).ToList());
        double Text(long id) => fieldScore.GetValueOrDefault(id) + w.Components * (componentHits.GetValueOrDefault(id)?.Sum(c => -c.Bm25) ?? 0);
        var ids = fieldScore.Keys.Union(componentHits.Keys).OrderByDescending(Text).ThenBy(id => id).Take(candidates).ToList();
        var plugins = store.LoadPlugins(ids, withComponents: false);
        var conceptWeights = w.CoverageIdf ? ConceptIdf(store, parsed) : null;
        var matchedComponents = store.LoadComponents(ids.SelectMany(id => componentHits.GetValueOrDefault(id) ?? []).Select(h => h.ComponentId).ToList());
        var result = new Dictionary<long, LexicalHit>();
        foreach (var id in ids)
        {
            if (!plugins.TryGetValue(id, out var stored)) continue;
            var components = (componentHits.GetValueOrDefault(id) ?? [])
                .Select(c => (c.Invocation, Component: matchedComponents.GetValueOrDefault(c.ComponentId))).ToList();
            result[id] = Explain(store, parsed, stored, components, Text(id), w, conceptWeights);
        }
        return result;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<(string Term, int Documents)>, Dictionary<string, int>> TermDocs = new();

    /// <summary>Each query concept's inverse document frequency over plugin text (BM25's idf of its most common term,
    /// synonyms included; a word is looked up as itself or its longest indexed prefix, as FTS5 stores Porter stems).
    /// A concept found nowhere gets the idf of one document: it still counts, as an unmatched word does.</summary>
    private static IReadOnlyList<double> ConceptIdf(CatalogStore store, ParsedQuery parsed)
    {
        var vocabulary = store.PluginVocabulary();
        var docs = TermDocs.GetValue(vocabulary, v => v.GroupBy(t => t.Term, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Max(t => t.Documents), StringComparer.Ordinal));
        var n = Math.Max(1, store.PluginCount());
        int Df(string term)
        {
            for (var len = term.Length; len >= Math.Min(term.Length, Math.Max(3, term.Length - 4)); len--)
                if (docs.TryGetValue(term[..len], out var d)) return d;
            return 0;
        }
        return parsed.Concepts.Select(c =>
        {
            var df = Math.Max(1, c.Terms.SelectMany(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(Df).DefaultIfEmpty(0).Max());
            return Math.Log(1 + (n - df + 0.5) / (df + 0.5));
        }).ToList();
    }

    private static RankedPlugin Unexplained(StoredPlugin stored) => new()
    {
        Rank = 0, Stored = stored, Score = 0, TextScore = 0, Coverage = 0, MatchedFields = new Dictionary<string, IReadOnlyList<string>>(), SynonymMatches = [], Reasons = [],
    };

    private static RankedPlugin WithWords(RankedPlugin r, RankedPlugin words) =>
        r with { Coverage = words.Coverage, MatchedFields = words.MatchedFields, SynonymMatches = words.SynonymMatches };

    private static LexicalHit Explain(CatalogStore store, ParsedQuery parsed, StoredPlugin stored,
        IReadOnlyList<(string Invocation, CatalogComponent? Component)> components, double text, RankingWeights? weights = null,
        IReadOnlyList<double>? conceptWeights = null)
    {
        var w = weights ?? RankingWeights.Default;
        var p = stored.Plugin;
        var columns = new List<(string, string)> { ("name", CatalogStore.SearchedName(p)), ("description", p.Description), ("keywords", string.Join(' ', p.Keywords)), ("category", p.Category) };
        foreach (var (_, c) in components)
            if (c is not null) columns.Add(("components", c.Name + " " + c.Description));
        var explanation = MatchExplainer.ExplainText(parsed, columns);
        var coverage = conceptWeights is null
            ? (double)explanation.ConceptsMatched.Count / parsed.Concepts.Count
            : explanation.ConceptsMatched.Sum(i => conceptWeights[i]) / Math.Max(1e-9, conceptWeights.Sum());
        var score = text * ((1 - w.Coverage) + w.Coverage * Math.Pow(coverage, w.CoverageExponent));
        return new LexicalHit(score, new RankedPlugin
        {
            Rank = 0,
            Stored = stored,
            Score = score,
            TextScore = text,
            Coverage = coverage,
            MatchedFields = explanation.Fields,
            MatchedComponents = components.Select(c => c.Invocation).ToList(),
            SynonymMatches = explanation.SynonymMatches,
            Reasons = [],
        });
    }

    /// <summary>The catalog's vectors when the dense side can run; otherwise null and why (AOP1058 when vectors are missing).</summary>
    private static (DenseIndex? Index, SemanticStatus Status) DenseIndexFor(CatalogStore store, RankingOptions options, List<Diagnostic> diagnostics)
    {
        if (options.Embedder is not { } embedder)
            return (null, SemanticStatus.Off(options.SemanticUnavailableReason ?? "no embedding model given"));
        if (options.Weights.DenseWeight <= 0) return (null, SemanticStatus.Off("dense weight is 0"));
        var index = store.Dense(embedder.Dimensions);
        if (index is null || index.ModelId != embedder.ModelId || index.PluginIds.Length == 0)
        {
            var why = index is null || index.PluginIds.Length == 0 ? "the catalog has no vectors yet" : $"the catalog's vectors were made by {index.ModelId}";
            diagnostics.Add(new Diagnostic(DiagnosticCodes.CatalogVectorsMissing, DiagnosticSeverity.Warning, store.Path, 0, 0,
                $"{why}: ranked by words only; run `agentops catalog` to add vectors"));
            return (null, SemanticStatus.Off(why));
        }
        if (index.PluginsWithoutVectors > 0)
            diagnostics.Add(new Diagnostic(DiagnosticCodes.CatalogVectorsMissing, DiagnosticSeverity.Warning, store.Path, 0, 0,
                $"{index.PluginsWithoutVectors} plugins have no vectors yet and are found by words only; run `agentops catalog` to add them"));
        index.Prepare();
        return (index, SemanticStatus.Off("not run"));
    }

    /// <summary>The query embedded (with its phrases) and every plugin scored against it; touches no database.</summary>
    private static (SemanticQuery? Query, float[]? Vector, DenseScores Scores) DenseStage(DenseIndex index, ITextEmbedder embedder, string text,
        string? phrasesOf, RankingWeights w, List<Diagnostic> notes)
    {
        var semantic = SemanticQuery.Create(embedder, text, notes, phrasesOf);
        if (semantic is null) return (null, null, DenseScores.None);
        var vector = QueryVector(semantic, w.PhraseWeight);
        return (semantic, vector, DenseScorer.Score(index, vector, semantic.Phrases.Select(p => p.Vector).ToList(), w.PhraseMaxSimWeight,
            w.ComponentDenseFactor, w.ChunkDenseFactor));
    }

    private static bool Allowed(CatalogPlugin p, RankingOptions options) =>
        (options.Category is null || CategoryKey.Matches(p.Category, options.Category)) &&
        (!options.InstalledOnly || p.Installed);

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

    private static IReadOnlyList<string> Reasons(RankedPlugin r, ParsedQuery q, IReadOnlyList<string> deps, string? meaning)
    {
        var inv = CultureInfo.InvariantCulture;
        var reasons = new List<string>();
        foreach (var (field, words) in r.MatchedFields)
            reasons.Add($"matched {field}: {string.Join(", ", words)}");
        if (r.MatchedComponents.Count > 0) reasons.Add("matching components: " + string.Join(", ", r.MatchedComponents));
        if (r.SynonymMatches.Count > 0) reasons.Add("synonyms: " + string.Join(", ", r.SynonymMatches.Take(4)) + (r.SynonymMatches.Count > 4 ? ", ..." : ""));
        if (meaning is not null) reasons.Add(meaning);
        var matched = (int)Math.Round(r.Coverage * q.Concepts.Count);
        if (!q.IsEmpty)
            reasons.Add(string.Create(inv, $"covers {matched} of {q.Concepts.Count} query words; text score {r.TextScore:0.00}")
                + (r.Dense is { } d ? string.Create(inv, $"; meaning score {d.Score:0.00}") : ""));
        if (r.Learned is { } l)
            reasons.Add(string.Create(inv, $"learned: {l.Executions} executions, success {l.SuccessRate:P0} (reliability {l.Reliability:0.00}), last used {l.LastUsed?.ToString("yyyy-MM-dd", inv) ?? "unknown"}, ×{l.Multiplier:0.00}"));
        if (r.Plugin.Installed) reasons.Add("installed in Claude Code");
        if (r.AlsoIn.Count > 0) reasons.Add("also in: " + string.Join(", ", r.AlsoIn.Select(id => id[(id.IndexOf('@') + 1)..])));
        if (deps.Count > 0) reasons.Add("requires " + string.Join(", ", deps));
        return reasons;
    }
}
