using AgentOps.Core.Diagnostics;
using AgentOps.Orchestration.Embeddings;
using Microsoft.Data.Sqlite;

namespace AgentOps.Orchestration.Catalog;

/// <summary>
/// Opens the catalog for a query: creates it from the default sources when it is new, and re-checks
/// those default sources (no network) every time; other sources are refreshed by `agentops catalog`. A database that turns out
/// corrupt while in use is deleted and rebuilt once (AOP1030) instead of failing the command.
/// </summary>
public static class CatalogSession
{
    /// <summary>At most this many rows are embedded before a query (the default sources' new plugins); a bigger
    /// gap is the catalog command's job, and is reported (AOP1058) instead of slowing the query down.</summary>
    public const int QueryTimeEmbeddingLimit = 500;

    public static T Use<T>(string databasePath, IReadOnlyList<CatalogSourceSpec> defaultSources, List<Diagnostic> diagnostics, Func<CatalogStore, T> body,
        ITextEmbedder? embedder = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var store = Open(databasePath, defaultSources, diagnostics, embedder);
                return body(store);
            }
            catch (SqliteException ex) when (attempt == 0 && ex.SqliteErrorCode is 11 or 26) // SQLITE_CORRUPT, SQLITE_NOTADB
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.CatalogDatabaseCorrupt, DiagnosticSeverity.Warning, databasePath, 0, 0,
                    $"catalog database is corrupt ({ex.Message}); rebuilding it"));
                CatalogStore.Delete(databasePath);
            }
        }
    }

    public static CatalogStore Open(string databasePath, IReadOnlyList<CatalogSourceSpec> defaultSources, List<Diagnostic> diagnostics,
        ITextEmbedder? embedder = null)
    {
        DefaultCatalog.EnsureCacheIgnored(databasePath);
        var store = CatalogStore.Open(databasePath, diagnostics);
        try
        {
            // Only the default sources (this tool's marketplace, the Claude home: a few plugins) are re-checked
            // before a query, so its latency does not grow with the catalog; `agentops catalog` refreshes the rest.
            var report = CatalogBuilder.Build(store, defaultSources, prune: false, allowNetwork: false, embedder: embedder,
                maxEmbeddings: QueryTimeEmbeddingLimit);
            // Only problems found now; marketplace problems stored earlier are the catalog command's to list.
            diagnostics.AddRange(report.Diagnostics.Where(d => d.Code is DiagnosticCodes.CatalogSourceNotFound or DiagnosticCodes.CatalogGitFailed));
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }
}
