using System.Diagnostics;
using AgentOps.Core.Diagnostics;
using AgentOps.Orchestration.Embeddings;

namespace AgentOps.Orchestration.Catalog;

/// <summary>What happened to one marketplace during a build.</summary>
public enum MarketplaceStatus { Read, Unchanged, Unavailable, Removed }

public sealed record MarketplaceBuildResult(string Name, string Location, string Kind, MarketplaceStatus Status, int Plugins, int Problems);

/// <summary>The outcome of a build: each marketplace's status, every problem found, and the time taken.</summary>
public sealed record CatalogBuildReport(
    string Database,
    IReadOnlyList<MarketplaceBuildResult> Marketplaces,
    IReadOnlyList<Diagnostic> Diagnostics,
    int TotalPlugins,
    int TotalComponents,
    TimeSpan Elapsed)
{
    public int Read => Marketplaces.Count(m => m.Status == MarketplaceStatus.Read);
    public int Unchanged => Marketplaces.Count(m => m.Status == MarketplaceStatus.Unchanged);
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
    /// <summary>Vectors made in this build (none when no embedder was given).</summary>
    public EmbeddingReport Embedding { get; init; } = EmbeddingReport.None;
}

/// <summary>
/// Builds the catalog incrementally: each marketplace's fingerprint (commit, mtime walk or file stamp)
/// is compared with the stored one and only changed marketplaces are re-read. Every problem is a
/// diagnostic; nothing here throws for bad input. All writes of one build are one transaction.
/// </summary>
public static class CatalogBuilder
{
    /// <param name="sources">The sources this catalog is made of; with <paramref name="prune"/>, stored sources not listed are removed.</param>
    /// <param name="allowNetwork">Whether git sources are fetched (catalog command) or only their cached clone is used (query-time refresh).</param>
    /// <param name="embedder">When given, plugins and components without vectors (those of re-read marketplaces) get them.</param>
    /// <param name="maxEmbeddings">Skip embedding when more rows than this lack vectors (query-time refresh); null: no limit.</param>
    public static CatalogBuildReport Build(CatalogStore store, IReadOnlyList<CatalogSourceSpec> sources, bool prune, bool allowNetwork,
        bool force = false, DateTimeOffset? now = null, ITextEmbedder? embedder = null, IProgress<EmbeddingProgress>? progress = null,
        int? maxEmbeddings = null)
    {
        var sw = Stopwatch.StartNew();
        var diagnostics = new List<Diagnostic>();
        var results = new List<MarketplaceBuildResult>();
        var gitCache = Path.Combine(Path.GetDirectoryName(store.Path)!, "catalog-git");
        var stored = store.Marketplaces().ToDictionary(m => m.Location, StringComparer.Ordinal);
        var seenLocations = new HashSet<string>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var keepSources = new HashSet<long>();
        // Expand the sources, then fingerprint and read the changed marketplaces in parallel (reading is
        // file I/O and parsing); writes stay on this thread, in source order, in one transaction.
        var expanded = new List<(CatalogSourceSpec Spec, IMarketplaceSource Source)>();
        foreach (var spec in sources.Distinct())
            foreach (var source in CatalogSources.Expand(spec, gitCache, diagnostics))
                if (seenLocations.Add(source.Location)) expanded.Add((spec, source));
        var fingerprints = new string?[expanded.Count];
        var sourceProblems = new List<Diagnostic>[expanded.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) };
        Parallel.For(0, expanded.Count, parallel, i =>
        {
            sourceProblems[i] = [];
            fingerprints[i] = expanded[i].Source.Fingerprint(sourceProblems[i], allowNetwork);
        });
        foreach (var list in sourceProblems) diagnostics.AddRange(list);

        Dictionary<string, float[]>? known = null;
        using (var tx = store.BeginTransaction())
        {
            var sourceIds = new Dictionary<CatalogSourceSpec, long>();
            foreach (var spec in sources.Distinct())
            {
                sourceIds[spec] = store.EnsureSource(spec, tx);
                keepSources.Add(sourceIds[spec]);
            }
            var toRead = new List<int>();
            for (var i = 0; i < expanded.Count; i++)
            {
                var (spec, source) = expanded[i];
                stored.TryGetValue(source.Location, out var old);
                if (fingerprints[i] is null)
                    results.Add(new MarketplaceBuildResult(old?.Name ?? Path.GetFileName(source.Location), source.Location, source.Kind,
                        MarketplaceStatus.Unavailable, old?.PluginCount ?? 0, 1));
                else if (!force && old is not null && old.Fingerprint == fingerprints[i] && old.SourceId == sourceIds[spec])
                {
                    results.Add(new MarketplaceBuildResult(old.Name, old.Location, old.Kind, MarketplaceStatus.Unchanged, old.PluginCount, 0));
                    NoteName(old.Name, old.Location, names, diagnostics);
                }
                else toRead.Add(i);
            }
            // Vectors of the marketplaces about to be replaced, by text: their unchanged plugins keep them.
            known = embedder is null ? null : store.VectorsByText(
                toRead.Select(i => stored.GetValueOrDefault(expanded[i].Source.Location)?.Id).OfType<long>().ToList(), embedder.ModelId, embedder.Dimensions);
            var snapshots = new MarketplaceSnapshot[expanded.Count];
            Parallel.ForEach(toRead, parallel, i => snapshots[i] = expanded[i].Source.Read(fingerprints[i]!));
            foreach (var i in toRead)
            {
                var snapshot = snapshots[i];
                store.ReplaceMarketplace(snapshot, sourceIds[expanded[i].Spec], now ?? DateTimeOffset.UtcNow, tx);
                NoteName(snapshot.Name, snapshot.Location, names, diagnostics);
                results.Add(new MarketplaceBuildResult(snapshot.Name, snapshot.Location, snapshot.Kind, MarketplaceStatus.Read,
                    snapshot.Plugins.Count, snapshot.Diagnostics.Count));
            }
            // A marketplace its source no longer yields (e.g. removed from known_marketplaces.json) goes.
            foreach (var m in stored.Values.Where(m => sourceIds.ContainsValue(m.SourceId) && !seenLocations.Contains(m.Location)))
            {
                store.RemoveMarketplace(m.Id, tx);
                results.Add(new MarketplaceBuildResult(m.Name, m.Location, m.Kind, MarketplaceStatus.Removed, 0, 0));
            }
            if (prune)
            {
                foreach (var m in store.Marketplaces().Where(m => !keepSources.Contains(m.SourceId)))
                    results.Add(new MarketplaceBuildResult(m.Name, m.Location, m.Kind, MarketplaceStatus.Removed, 0, 0));
                store.RemoveSourcesExcept(keepSources, tx);
            }
            tx.Commit();
        }
        var embedding = embedder is null ? EmbeddingReport.None : CatalogEmbedder.Refresh(store, embedder, progress, maxEmbeddings, known);
        // Problems of marketplaces are stored with them, so an unchanged marketplace still reports its broken plugins.
        var all = diagnostics.Concat(store.StoredDiagnostics()).ToList();
        return new CatalogBuildReport(store.Path, results, all, store.PluginCount(), store.ComponentCount(), sw.Elapsed) { Embedding = embedding };
    }

    /// <summary>Re-checks the sources the catalog was built from (no network): what a query does before it runs.</summary>
    public static CatalogBuildReport Refresh(CatalogStore store) =>
        Build(store, store.Sources().Select(s => s.Spec).ToList(), prune: false, allowNetwork: false);

    private static void NoteName(string name, string location, Dictionary<string, string> names, List<Diagnostic> diagnostics)
    {
        if (names.TryGetValue(name, out var other) && other != location)
            diagnostics.Add(new Diagnostic(DiagnosticCodes.CatalogDuplicateMarketplace, DiagnosticSeverity.Warning, location, 0, 0,
                $"marketplace name '{name}' is also used by {other}; both are indexed, plugins are told apart by location"));
        else names[name] = location;
    }
}
