using AgentOps.Core.Diagnostics;

namespace AgentOps.Core.Validation;

// Entry points the MSBuild tasks and `agentops validate` call: one implementation, two front doors.
// TEMPORARY: bodies are filled by the validation work (branch `validation`); until it merges they
// find nothing.

/// <summary>Validates one plugin folder as it is on disk (.claude-plugin/plugin.json, commands,
/// agents, skills, hooks, patterns, symlinks, secrets).</summary>
public static class PluginFolderValidator
{
    public static IReadOnlyList<Diagnostic> Validate(string pluginDirectory) => [];
}

/// <summary>Validates a marketplace root (.claude-plugin/marketplace.json, sources, duplicate names,
/// dependency graph across its plugins, core/ compatibility links) and every local plugin in it.</summary>
public static class MarketplaceFolderValidator
{
    public static IReadOnlyList<Diagnostic> Validate(string marketplaceRoot) => [];
}
