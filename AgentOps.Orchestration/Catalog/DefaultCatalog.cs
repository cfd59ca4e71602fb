namespace AgentOps.Orchestration.Catalog;

/// <summary>
/// Where the catalog lives and what it holds when the user passes nothing: the marketplace this tool
/// ships in (the packed plugin runs from <c>&lt;marketplace&gt;/plugins/agentops-meta-orchestrator/tool/</c>,
/// two levels below the marketplace root) or, in a clone of this repository, its <c>plugins/</c>
/// folder, found by walking up from the tool and then from the current directory; plus the
/// marketplaces of the user's Claude Code home when it has any.
/// </summary>
public static class DefaultCatalog
{
    /// <summary>The catalog database under a pattern store: <c>&lt;store&gt;/cache/catalog.db</c>.</summary>
    public static string DatabasePath(string storeRoot) => Path.Combine(Path.GetFullPath(storeRoot), "cache", "catalog.db");

    /// <summary>Makes the cache folder ignore itself in git, so the index is never committed with patterns.</summary>
    public static void EnsureCacheIgnored(string databasePath)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(databasePath))!;
        Directory.CreateDirectory(dir);
        var ignore = Path.Combine(dir, ".gitignore");
        if (Path.GetFileName(dir) == "cache" && !File.Exists(ignore))
            AgentOps.Core.Patterns.AtomicFile.WriteAllText(ignore, "# agentops catalog cache: rebuilt on demand, never committed\n*\n");
    }

    public static string? FindMarketplaceRoot(string? toolDirectory = null, string? workingDirectory = null)
    {
        toolDirectory ??= AppContext.BaseDirectory;
        workingDirectory ??= Environment.CurrentDirectory;
        foreach (var start in new[] { toolDirectory, workingDirectory })
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            {
                if (IsOwnMarketplace(dir.FullName)) return dir.FullName;
            }
        }
        return null;
    }

    /// <summary>A marketplace.json root that holds the agentops plugins, or a repository with plugins/*/*.agentplugin.</summary>
    private static bool IsOwnMarketplace(string dir)
    {
        try
        {
            if (File.Exists(Path.Combine(dir, ".claude-plugin", "marketplace.json")) && Directory.Exists(Path.Combine(dir, "plugins", "agentops-core")))
                return true;
            var plugins = Path.Combine(dir, "plugins");
            return Directory.Exists(plugins) && Directory.EnumerateDirectories(plugins).Any(d => PluginFolderReader.FirstProject(d) is not null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return false; }
    }

    /// <summary>The user's Claude Code folder when it knows any marketplace.</summary>
    public static string? ClaudeHome()
    {
        var home = Environment.GetEnvironmentVariable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (string.IsNullOrEmpty(home)) return null;
        var claude = Path.Combine(home, ".claude");
        return File.Exists(Path.Combine(claude, "plugins", "known_marketplaces.json")) ? claude : null;
    }

    public static IReadOnlyList<CatalogSourceSpec> Sources(string? claudeHome = null, bool includeClaudeHome = true)
    {
        var list = new List<CatalogSourceSpec>();
        if (FindMarketplaceRoot() is { } root) list.Add(new CatalogSourceSpec(SourceKinds.Folder, root));
        if (includeClaudeHome && (claudeHome ?? ClaudeHome()) is { } home) list.Add(CatalogSources.ClaudeHome(home));
        return list;
    }

    /// <summary>Pattern stores the planner and ranker learn from: the user's store first, then the patterns
    /// the meta-orchestrator plugin ships, found next to this tool (<c>&lt;plugin&gt;/tool/</c> or <c>&lt;plugin&gt;/tool/&lt;rid&gt;/</c> → <c>&lt;plugin&gt;/patterns/</c>,
    /// wherever Claude Code installed the plugin), under <c>$CLAUDE_PLUGIN_ROOT</c>, or in the catalog root.
    /// A pattern id found twice is read from the first store only.</summary>
    public static IReadOnlyList<string> PatternStores(string storeRoot)
    {
        var list = new List<string> { Path.GetFullPath(storeRoot) };
        var candidates = new List<string?>
        {
            Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)),
            // A native build sits one level deeper: <plugin>/tool/<rid>/agentops.
            Path.GetDirectoryName(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory))),
            Environment.GetEnvironmentVariable("CLAUDE_PLUGIN_ROOT"),
            FindMarketplaceRoot() is { } root ? Path.Combine(root, "plugins", "agentops-meta-orchestrator") : null,
        };
        foreach (var c in candidates)
        {
            if (string.IsNullOrEmpty(c) || !Directory.Exists(Path.Combine(c, "patterns"))) continue;
            var full = Path.GetFullPath(c);
            if (!list.Contains(full, StringComparer.Ordinal)) list.Add(full);
        }
        return list;
    }
}
