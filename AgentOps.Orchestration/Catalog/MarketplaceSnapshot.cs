using AgentOps.Core.Diagnostics;

namespace AgentOps.Orchestration.Catalog;

/// <summary>Kinds of marketplace sources the catalog reads.</summary>
public static class SourceKinds
{
    /// <summary>A folder with .claude-plugin/marketplace.json (or a plugins/ folder of .agentplugin projects).</summary>
    public const string Folder = "folder";
    /// <summary>A marketplace.json file on its own (entries without folders).</summary>
    public const string File = "file";
    /// <summary>A git repository (local path or file:// URL) cloned and fetched with LibGit2Sharp.</summary>
    public const string Git = "git";
    /// <summary>A marketplace Claude Code knows (~/.claude/plugins/known_marketplaces.json).</summary>
    public const string ClaudeHome = "claude-home";
}

/// <summary>One marketplace as read from one source: its plugins and what was wrong on the way.</summary>
public sealed record MarketplaceSnapshot(
    string Name,
    string Location,
    string Kind,
    string Fingerprint,
    IReadOnlyList<CatalogPlugin> Plugins,
    IReadOnlyList<Diagnostic> Diagnostics);
