using AgentOps.Core.Diagnostics;
using AgentOps.Core.Patterns;
using AgentOps.Orchestration.Catalog;

namespace AgentOps.Orchestration.Learning;

/// <summary>
/// Turns a bare agent name (the seed's execution.json says <c>"agent": "code-explorer"</c>) into the
/// subagent type Claude Code resolves for a plugin's agent, <c>plugin:agent</c>
/// (<c>agentops-core:code-explorer</c>): the agents of the marketplace this tool ships in and of the
/// plugins installed in the user's Claude Code home. Claude Code's own types (general-purpose, Explore,
/// Plan, ...) stay as they are; a name two plugins share resolves to agentops-core's, else stays bare.
/// </summary>
public sealed class InstalledAgents
{
    /// <summary>Subagent types Claude Code 2.1.331 provides itself.</summary>
    public static readonly IReadOnlySet<string> BuiltInTypes = new HashSet<string>(StringComparer.Ordinal)
        { "general-purpose", "Explore", "Plan", "statusline-setup", "output-style-setup", "claude-code-guide" };

    private const string PreferredPlugin = "agentops-core";
    private readonly Dictionary<string, SortedSet<string>> _byName = new(StringComparer.Ordinal);

    public static InstalledAgents Load(string? marketplaceRoot = null, string? claudeHome = null)
    {
        var agents = new InstalledAgents();
        if ((marketplaceRoot ?? DefaultCatalog.FindMarketplaceRoot()) is { } root && Directory.Exists(Path.Combine(root, "plugins")))
            foreach (var plugin in SafeDirectories(Path.Combine(root, "plugins")))
                agents.AddPlugin(Path.GetFileName(plugin), plugin);
        if ((claudeHome ?? DefaultCatalog.ClaudeHome()) is { } home)
        {
            var installed = ClaudeHomeReader.ReadInstalled(Path.Combine(home, "plugins", "installed_plugins.json"), new List<Diagnostic>());
            foreach (var (key, path) in installed.InstallPaths)
                if (!string.IsNullOrEmpty(path)) agents.AddPlugin(key.Split('@')[0], path);
        }
        return agents;
    }

    public static bool IsResolvable(string subagentType) => subagentType.Contains(':') || BuiltInTypes.Contains(subagentType);

    /// <summary>The plugin-qualified type for a bare agent name, or null when no installed plugin has it.</summary>
    public string? Qualify(string name)
    {
        if (IsResolvable(name)) return name;
        if (!_byName.TryGetValue(name, out var found) || found.Count == 0) return null;
        if (found.Count == 1) return found.Min;
        return found.FirstOrDefault(f => f.StartsWith(PreferredPlugin + ":", StringComparison.Ordinal));
    }

    /// <summary>The execution with each bare subagent name qualified when an installed plugin has that agent.</summary>
    public Execution Qualify(Execution e)
    {
        if (e.Steps.All(s => s.Kind != StepKinds.Subagent || IsResolvable(s.Name))) return e;
        return e with { Steps = e.Steps.Select(s => s.Kind == StepKinds.Subagent && Qualify(s.Name) is { } q && q != s.Name ? s with { Name = q } : s).ToList() };
    }

    private void AddPlugin(string plugin, string folder)
    {
        var dir = Path.Combine(folder, "agents");
        if (!Directory.Exists(dir)) return;
        try
        {
            foreach (var file in Directory.EnumerateFiles(dir, "*.md"))
            {
                var name = Path.GetFileNameWithoutExtension(file);
                if (!_byName.TryGetValue(name, out var set)) _byName[name] = set = new SortedSet<string>(StringComparer.Ordinal);
                set.Add($"{plugin}:{name}");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { /* an unreadable plugin resolves nothing */ }
    }

    private static IEnumerable<string> SafeDirectories(string dir)
    {
        try { return Directory.EnumerateDirectories(dir).Order(StringComparer.Ordinal).ToList(); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return []; }
    }
}
