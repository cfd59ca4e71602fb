namespace AgentOps.Core.Manifests;

/// <summary>A plugin this one needs, as written in the project: <c>&lt;PluginDependency Include="agentops-core" Version="^1.0.0" /&gt;</c>.</summary>
public sealed record PluginDependencyInfo(string Name, string? Version = null);

/// <summary>
/// What an .agentplugin project says about its plugin (its properties and items), independent of
/// MSBuild so the tasks, <c>agentops import</c> and tests share one mapping to plugin.json.
/// Component paths are relative to the plugin folder and only listed when outside Claude Code's
/// default folders (commands/, agents/, skills/, hooks/hooks.json), which it discovers by itself.
/// </summary>
public sealed record PluginDescription
{
    public required string Name { get; init; }
    public string? Version { get; init; }
    public string? Description { get; init; }
    public string? DisplayName { get; init; }
    public string? AuthorName { get; init; }
    public string? AuthorEmail { get; init; }
    public string? AuthorUrl { get; init; }
    public string? Category { get; init; }
    public IReadOnlyList<string> Keywords { get; init; } = [];
    public string? License { get; init; }
    public string? Homepage { get; init; }
    public string? Repository { get; init; }
    public string? Icon { get; init; }
    public IReadOnlyList<PluginDependencyInfo> Dependencies { get; init; } = [];
    public IReadOnlyList<string> ExtraCommands { get; init; } = [];
    public IReadOnlyList<string> ExtraAgents { get; init; } = [];
    public IReadOnlyList<string> ExtraSkills { get; init; } = [];
    public IReadOnlyList<string> ExtraHooks { get; init; } = [];
    public IReadOnlyList<string> ExtraMcpServers { get; init; } = [];
    /// <summary>The hosts the plugin declares it reaches (plugin.json <c>network.hosts</c>); empty: it declares it reaches
    /// none; null: it declares nothing (no <c>network</c> field).</summary>
    public IReadOnlyList<string>? NetworkHosts { get; init; }
    /// <summary>The eval suite folder (plugin.json <c>experimental.evals</c>) when it is not the default evals/; null otherwise.</summary>
    public string? EvalDir { get; init; }

    /// <summary>The seed's metadata Claude Code does not read (stability, capabilities, learning
    /// settings). Kept in .claude-plugin/agentops.json, never in plugin.json where the CLI warns.</summary>
    public string? Stability { get; init; }
    public IReadOnlyList<string> Capabilities { get; init; } = [];
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}
