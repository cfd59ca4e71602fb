using AgentOps.Core.Patterns;

namespace AgentOps.Orchestration.Planning;

/// <summary>
/// Turns a learned pattern into plan steps: its workflow in order, each step depending on the step
/// (or parallel group) before it, except steps the pattern learned to run in parallel, which share
/// their predecessors. Per-step mean durations and success rates come from the pattern's metrics.
/// </summary>
public static class PatternPlanBuilder
{
    /// <summary>A learned execution of /orchestrate starts with the orchestrate command itself; as a plan step it
    /// would make Claude orchestrate inside the orchestration, so the meta-orchestrator's own commands are left out.</summary>
    public static bool IsOrchestrator(string invocation) =>
        invocation.StartsWith("/agentops-meta-orchestrator:", StringComparison.Ordinal);

    public static IReadOnlyList<PlanStep> Build(LearnedPattern pattern, AgentResolver resolver)
    {
        var groupOf = new Dictionary<int, int>();
        for (var g = 0; g < pattern.Optimizations.ParallelGroups.Count; g++)
            foreach (var order in pattern.Optimizations.ParallelGroups[g]) groupOf[order] = g;

        var steps = new List<PlanStep>();
        List<string> previousTier = [];
        List<string> currentTier = [];
        List<string> currentDeps = [];
        int? currentGroup = null;
        foreach (var s in pattern.Steps.OrderBy(s => s.Order).Where(s => !IsOrchestrator(s.Name)))
        {
            int? g = groupOf.TryGetValue(s.Order, out var gi) ? gi : null;
            List<string> deps;
            if (g is not null && g == currentGroup) deps = currentDeps; // same learned parallel group: same predecessors
            else
            {
                previousTier = currentTier.Count > 0 ? currentTier : previousTier;
                currentTier = [];
                deps = [.. previousTier];
                currentDeps = deps;
                currentGroup = g;
            }
            var id = $"s{steps.Count + 1}";
            currentTier.Add(id);
            // A known agent tells more than the learned phase: risk-assessor only reads, whatever phase was recorded.
            // Plans name only subagent types Claude Code resolves: a bare name is qualified from the catalog, and
            // one no installed plugin has is done by general-purpose with the step's instructions.
            var invocation = s.Name;
            string? unresolved = null;
            if (s.Kind == StepKinds.Subagent && resolver.SubagentType(s.Name) is var type && type != s.Name)
            {
                if (type is null) { unresolved = s.Name; invocation = "general-purpose"; }
                else invocation = type;
            }
            var known = Capabilities.All.FirstOrDefault(r => r.DefaultAgent == invocation && r.CatalogQuery is null);
            var writes = known?.Writes ?? s.Phase is not ("research" or "plan" or "review" or "validate");
            steps.Add(new PlanStep
            {
                Id = id,
                Title = s.Description is { Length: > 0 } d ? d : $"{s.Phase}: {s.Name}",
                Kind = s.Kind,
                Invocation = invocation,
                Phase = s.Phase,
                Capability = known?.Name ?? s.Phase,
                Instructions = (unresolved is null ? "" : $"No installed plugin has an agent named '{unresolved}'; do its part of the work yourself. ") + (known?.Instructions ?? s.Description ?? ""),
                Inputs = deps.Count == 0 ? ["task"] : deps.Select(x => $"output of {x}").Prepend("task").ToList(),
                Outputs = [$"{s.Phase}-result"],
                DependsOn = deps,
                Writes = writes,
                InCatalog = unresolved is null && resolver.Known(invocation, s.Kind),
                Origin = "pattern",
                Why = $"step {s.Order} of learned pattern {pattern.Id} (success {s.SuccessRate:P0})",
                EstimatedSeconds = s.MeanDurationSeconds,
                SuccessRate = s.SuccessRate,
            });
        }
        return steps;
    }
}
