using AgentOps.Core.Catalog;
using AgentOps.Core.Catalog.Ranking;
using AgentOps.Core.Patterns;

namespace AgentOps.Core.Planning;

/// <summary>One step position of the composed workflow and the catalog agents that could fill it,
/// the one the resolver picked first.</summary>
public sealed record WorkflowSlot(int Index, string Capability, IReadOnlyList<string> Agents);

/// <summary>A workflow worth trying: a learned workflow with one agent swapped for a catalog
/// alternative. <see cref="Id"/> is the pattern id it will be learned under.</summary>
public sealed record WorkflowVariant(string Id, IReadOnlyList<PlanStep> Steps, string BaseId, int StepIndex, string From, string To, string Why);

/// <summary>
/// Exploration among catalog agents (issue 8). The composed workflow takes, for each capability, the
/// agent whose text matches best; the catalog often has others that could do the step (a specialist
/// instead of the generalist, a different test agent). Each step of the composed workflow is a
/// <see cref="WorkflowSlot"/> with up to <see cref="MaxAgentsPerSlot"/> such agents. A learned pattern
/// is <i>aligned</i> with the slots when it has one step per slot, each one of the slot's agents.
/// <see cref="Next"/> proposes one untried neighbour of the best aligned pattern: its weakest step (the
/// one that failed most in its own runs, learned per-step statistics) done by the next untried agent
/// of that slot. One proposal at a time keeps exploration cheap: Thompson sampling tries it often while
/// the best known workflow is unreliable and rarely once it is good, and a step that never failed is
/// never swapped.
/// </summary>
public static class WorkflowVariants
{
    public const int MaxAgentsPerSlot = 3;
    private const int SearchLimit = 10;

    /// <summary>Catalog queries for the core capabilities, which have no query of their own (domain
    /// capabilities use their <see cref="CapabilityRule.CatalogQuery"/>).</summary>
    private static readonly IReadOnlyDictionary<string, string> CoreQueries = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Capabilities.ResearchCode] = "research explore code",
        [Capabilities.ResearchDocs] = "documentation docs research",
        [Capabilities.ResearchHistory] = "history git research",
        [Capabilities.Design] = "design spec architecture",
        [Capabilities.Risk] = "risk security audit",
        [Capabilities.ValidationPlan] = "validation plan test strategy",
        [Capabilities.Implement] = "implement change code engineer",
        [Capabilities.Tests] = "tests testing qa",
        [Capabilities.Validate] = "validate validation check",
    };

    /// <summary>The slots of a composed workflow: per step the resolved agent, the capability's default
    /// agent and the catalog's best matches, without agents other steps already use (a workflow
    /// naming one agent twice in a row would collapse into a different shape).</summary>
    public static IReadOnlyList<WorkflowSlot> Slots(IReadOnlyList<PlanStep> composed, CatalogStore? catalog)
    {
        var used = composed.Select(s => s.Invocation).ToHashSet(StringComparer.Ordinal);
        var slots = new List<WorkflowSlot>();
        for (var i = 0; i < composed.Count; i++)
        {
            var step = composed[i];
            var agents = new List<string> { step.Invocation };
            var rule = Capabilities.All.FirstOrDefault(r => r.Name == step.Capability);
            if (rule is not null && catalog is not null && step.Kind == StepKinds.Subagent)
            {
                var query = rule.CatalogQuery ?? CoreQueries.GetValueOrDefault(rule.Name);
                var found = new List<string>();
                if (catalog.FindComponent(rule.DefaultAgent) is not null) found.Add(rule.DefaultAgent);
                if (query is not null && ParsedQuery.Parse(query) is { IsEmpty: false } parsed)
                    found.AddRange(catalog.SearchComponents(parsed.Match, ComponentKinds.Agent, SearchLimit).Select(h => h.Component.Invocation));
                foreach (var a in found)
                {
                    if (agents.Count >= MaxAgentsPerSlot) break;
                    if (!used.Contains(a) && !agents.Contains(a, StringComparer.Ordinal)) agents.Add(a);
                }
            }
            slots.Add(new WorkflowSlot(i, step.Capability, agents));
        }
        return slots;
    }

    /// <summary>Whether a pattern has one step per slot, each one of that slot's agents.</summary>
    public static bool Aligned(LearnedPattern p, IReadOnlyList<WorkflowSlot> slots) =>
        p.Steps.Count == slots.Count && slots.All(s => s.Agents.Contains(p.Steps[s.Index].Name, StringComparer.Ordinal));

    /// <summary>The next workflow to try, or null: none of the fitting patterns is aligned with the
    /// composed workflow (the composed workflow itself is then the untried one), the best aligned
    /// pattern never had a step fail, or every alternative of its failing steps was tried.</summary>
    public static WorkflowVariant? Next(TaskIntent intent, IReadOnlyList<PlanStep> composed, IReadOnlyList<WorkflowSlot> slots,
        IReadOnlyList<PatternFit> fits, AgentResolver resolver)
    {
        var aligned = fits.Where(f => Aligned(f.Pattern, slots)).ToList();
        if (aligned.Count == 0) return null;
        var options = aligned.Select(f => new WorkflowOption(f.Pattern.Id, WorkflowOption.PatternKind, f.Successes, f.Failures, f.Fit)).ToList();
        var bestId = GreedySelector.Best(options).Id;
        var best = aligned.First(f => f.Pattern.Id == bestId).Pattern;
        var tried = fits.Select(f => f.Pattern.WorkflowSignature).ToHashSet(StringComparer.Ordinal);
        var names = best.Steps.Select(s => s.Name).ToList();

        foreach (var i in Enumerable.Range(0, slots.Count).OrderBy(i => best.Steps[i].SuccessRate).ThenBy(i => i))
        {
            var weak = best.Steps[i];
            if (weak.SuccessRate >= 1) break; // steps are in ascending success: none of the rest failed either
            foreach (var agent in slots[i].Agents)
            {
                if (agent == weak.Name || names.Contains(agent, StringComparer.Ordinal)) continue;
                var swapped = names.Select((n, k) => k == i ? agent : n).ToList();
                if (tried.Contains(string.Join(" > ", swapped))) continue;
                var failed = (int)Math.Round((1 - weak.SuccessRate) * best.Executions);
                var why = $"step {i + 1} ({weak.Name}) failed in {failed} of {best.Executions} runs of {best.Id}; trying {agent} there, another catalog agent for {slots[i].Capability}";
                return new WorkflowVariant(PatternIds.For(intent.Category, swapped), Build(composed, best, i, agent, resolver, why), best.Id, i, weak.Name, agent, why);
            }
        }
        return null;
    }

    /// <summary>The composed steps (their dependencies and instructions) run by the pattern's agents, with
    /// the pattern's learned duration and success for every step but the swapped one.</summary>
    private static IReadOnlyList<PlanStep> Build(IReadOnlyList<PlanStep> composed, LearnedPattern best, int swap, string agent, AgentResolver resolver, string why) =>
        composed.Select((c, k) =>
        {
            var learned = best.Steps[k];
            if (k == swap)
                return c with { Invocation = agent, Kind = StepKinds.Subagent, InCatalog = resolver.Known(agent, StepKinds.Subagent), Origin = "catalog", Why = "exploring: " + why, EstimatedSeconds = 0, SuccessRate = 1 };
            return c with
            {
                Invocation = learned.Name,
                InCatalog = resolver.Known(learned.Name, learned.Kind),
                Origin = "pattern",
                Why = $"step {k + 1} of learned pattern {best.Id} (success {learned.SuccessRate:P0})",
                EstimatedSeconds = learned.MeanDurationSeconds,
                SuccessRate = learned.SuccessRate,
            };
        }).ToList();
}
