using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Catalog.Ranking;

namespace AgentOps.Orchestration.Planning;

/// <summary>The agent (or command) chosen for a capability, and why.</summary>
public sealed record ResolvedAgent(string Invocation, string Kind, bool InCatalog, string Why);

/// <summary>
/// Picks the agent for a capability from the catalog: the agentops-core agent for the core
/// capabilities; for domain capabilities (infrastructure, database, API, frontend, docs, deploy) the
/// best-matching agent of the catalog's components, preferring the profile plugin made for it
/// (agentops-devops, agentops-product-dev), else the core change-executor. Without a catalog the
/// default names are used and marked as not found.
/// </summary>
public sealed class AgentResolver(CatalogStore? store)
{
    private const int Candidates = 10;

    public ResolvedAgent Resolve(CapabilityRule rule)
    {
        var defaultFound = store?.FindComponent(rule.DefaultAgent) is not null;
        if (rule.CatalogQuery is null || store is null)
            return new ResolvedAgent(rule.DefaultAgent, AgentOps.Core.Patterns.StepKinds.Subagent, defaultFound,
                defaultFound ? $"{rule.DefaultAgent} provides {rule.Name}" : $"{rule.DefaultAgent} provides {rule.Name} (not in the catalog: install {LearnedSignals.PluginOf(rule.DefaultAgent)})");

        var query = ParsedQuery.Parse(rule.CatalogQuery);
        var hits = store.SearchComponents(query.Match, ComponentKinds.Agent, Candidates);
        // A step that writes is never given a read-only agent (the best text match for "write the docs" can be an
        // explorer): composition by capability, issue 15.
        if (rule.Writes) hits = hits.Where(h => WorkflowVariants.KindOf(h.Component.Invocation) is "build" or "document").ToList();
        var best = hits.FirstOrDefault(h => rule.PreferredPlugins.Contains(h.Plugin)) ?? hits.FirstOrDefault();
        if (best is null)
            return new ResolvedAgent(rule.DefaultAgent, AgentOps.Core.Patterns.StepKinds.Subagent, defaultFound,
                $"no {rule.Name} agent in the catalog; {rule.DefaultAgent} does it");
        var preferred = rule.PreferredPlugins.Contains(best.Plugin) ? $" ({best.Plugin} is the profile for {rule.Name})" : "";
        return new ResolvedAgent(best.Component.Invocation, AgentOps.Core.Patterns.StepKinds.Subagent, true,
            $"best {rule.Name} agent in the catalog for \"{rule.CatalogQuery}\"{preferred}");
    }

    /// <summary>The catalog agent the task's reading named for the capability (the specialist whose description
    /// showed the task's domain); the resolver's own pick when the catalog does not have it.</summary>
    public ResolvedAgent Named(string invocation, CapabilityRule rule) =>
        store?.FindComponent(invocation) is not null
            ? new ResolvedAgent(invocation, AgentOps.Core.Patterns.StepKinds.Subagent, true, $"the catalog's {rule.Name} specialist the task speaks of")
            : Resolve(rule);

    /// <summary>Whether an invocation from a learned pattern is in the catalog (Claude Code's own subagent types and
    /// tools always are; a bare agent name is not: Claude Code resolves a plugin's agent only as <c>plugin:agent</c>).</summary>
    public bool Known(string invocation, string kind)
    {
        if (kind == AgentOps.Core.Patterns.StepKinds.Tool) return true;
        if (kind == AgentOps.Core.Patterns.StepKinds.Subagent && !Learning.InstalledAgents.IsResolvable(invocation)) return false;
        if (LearnedSignals.PluginOf(invocation) is null) return true;
        return store?.FindComponent(invocation) is not null;
    }

    /// <summary>The subagent type a plan can name for a pattern's step: a bare agent name (seed patterns,
    /// older stores) becomes the catalog's <c>plugin:agent</c> of that name (agentops-core's when several
    /// plugins have it); null when Claude Code could not resolve it.</summary>
    public string? SubagentType(string name)
    {
        if (Learning.InstalledAgents.IsResolvable(name)) return name;
        var found = store?.AgentsNamed(name) ?? [];
        return found.Count == 1 ? found[0] : found.FirstOrDefault(f => f.StartsWith("agentops-core:", StringComparison.Ordinal));
    }
}
