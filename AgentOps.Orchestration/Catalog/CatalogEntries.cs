namespace AgentOps.Orchestration.Catalog;

/// <summary>What a plugin component is: the thing Claude Code launches or loads.</summary>
public static class ComponentKinds
{
    public const string Command = "command";
    public const string Agent = "agent";
    public const string Skill = "skill";
    public const string Hook = "hook";
    public const string McpServer = "mcp";
    public const string LspServer = "lsp";
}

/// <summary>
/// One component of a plugin with its description. <see cref="Invocation"/> is exactly what Claude Code
/// takes: <c>&lt;plugin&gt;:&lt;agent&gt;</c> for the Agent tool's subagent_type, <c>/&lt;plugin&gt;:&lt;command&gt;</c>
/// for a slash command, <c>&lt;plugin&gt;:&lt;skill&gt;</c> for a skill; the event name for a hook.
/// </summary>
public sealed record CatalogComponent(string Kind, string Name, string Invocation, string Description);

/// <summary>
/// A plugin as the catalog knows it: the marketplace entry merged with its plugin.json (or .agentplugin
/// project) and components when its folder could be read. Entries without a folder (remote sources,
/// marketplace.json files on their own) keep the entry's own description, keywords and category.
/// </summary>
public sealed record CatalogPlugin
{
    public required string Name { get; init; }
    public required string Marketplace { get; init; }
    public string Version { get; init; } = "";
    /// <summary>The <c>displayName</c> Claude Code shows instead of the id, when the plugin has one.</summary>
    public string DisplayName { get; init; } = "";
    public string Description { get; init; } = "";
    public string Category { get; init; } = "";
    public IReadOnlyList<string> Keywords { get; init; } = [];
    public string Author { get; init; } = "";
    public string Homepage { get; init; } = "";
    /// <summary>The entry's source as written (a path, or a remote source's kind and URL).</summary>
    public string Source { get; init; } = "";
    /// <summary>The folder the plugin was read from, when there was one.</summary>
    public string? Folder { get; init; }
    /// <summary>Plugin names it depends on (bare names resolve in the same marketplace; name@marketplace elsewhere).</summary>
    public IReadOnlyList<string> Dependencies { get; init; } = [];
    public IReadOnlyList<CatalogComponent> Components { get; init; } = [];
    /// <summary>Installed in the Claude Code home that was read (installed_plugins.json).</summary>
    public bool Installed { get; init; }

    /// <summary><c>name@marketplace</c>, the id Claude Code installs by.</summary>
    public string Id => $"{Name}@{Marketplace}";
}
