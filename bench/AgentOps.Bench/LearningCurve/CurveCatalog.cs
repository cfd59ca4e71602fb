using AgentOps.Orchestration.Catalog;
using AgentOps.Core.Diagnostics;

namespace AgentOps.Bench.LearningCurve;

/// <summary>
/// The catalog the planners plan from: this repository's marketplace (its <c>plugins/</c> folder, the
/// four agentops plugins and their agents), indexed with the real <see cref="CatalogBuilder"/> into a
/// SQLite file under the run's temp folder — the same default source <c>agentops plan</c> uses in a
/// clone of this repository, without the user's Claude home.
/// </summary>
public static class CurveCatalog
{
    public static CatalogStore Build(string repoRoot, string databasePath)
    {
        var diagnostics = new List<Diagnostic>();
        var store = CatalogStore.Open(databasePath, diagnostics);
        var report = CatalogBuilder.Build(store, [new CatalogSourceSpec(SourceKinds.Folder, repoRoot)], prune: false, allowNetwork: false);
        if (store.ComponentCount() == 0)
        {
            store.Dispose();
            throw new InvalidOperationException($"the catalog built from {repoRoot} has no components: " +
                string.Join("; ", report.Diagnostics.Concat(diagnostics).Select(d => d.ToString())));
        }
        return store;
    }

    /// <summary>The repository root (the folder with global.json) above <paramref name="start"/>.</summary>
    public static string RepoRoot(string? start = null)
    {
        for (var dir = new DirectoryInfo(start ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "global.json")) && Directory.Exists(Path.Combine(dir.FullName, "plugins"))) return dir.FullName;
        throw new InvalidOperationException("repository root (global.json with plugins/) not found above " + (start ?? AppContext.BaseDirectory));
    }
}
