using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Orchestration.Learning;
using AgentOps.Core.Patterns;

namespace AgentOps.Orchestration.Planning;

/// <summary>One step position of the composed workflow and the catalog agents that could fill it,
/// the one the resolver picked first.</summary>
public sealed record WorkflowSlot(int Index, string Capability, IReadOnlyList<string> Agents);

/// <summary>A workflow worth trying: the best known workflow (a learned pattern or the composed one) with
/// one or more agents swapped for catalog alternatives; <see cref="StepIndex"/>, <see cref="From"/> and
/// <see cref="To"/> describe the first swap, <see cref="Why"/> all of them. <see cref="Id"/> is the
/// pattern id it will be learned under; <see cref="BaseId"/> is "composed" for the composed workflow.</summary>
public sealed record WorkflowVariant(string Id, IReadOnlyList<PlanStep> Steps, string BaseId, int StepIndex, string From, string To, string Why);

/// <summary>
/// Exploration among catalog agents (issue 8). The composed workflow takes, for each capability, the
/// agent whose text matches best; the catalog often has others that could do the step (a specialist
/// instead of the generalist, a different test agent). Each step of the composed workflow is a
/// <see cref="WorkflowSlot"/> with up to <see cref="MaxAgentsPerSlot"/> such agents. A learned pattern
/// is <i>aligned</i> with the slots when it has one step per slot, each one of the slot's agents.
/// <see cref="Next"/> proposes one untried neighbour of the best known workflow: its weak steps (by the
/// learned per-step evidence, <see cref="StepEvidence"/>) done by other agents of their slots. One
/// proposal at a time keeps exploration cheap: Thompson sampling tries it often while the step is
/// unreliable and rarely once it is good; a step that is not weak is only swapped for an agent already
/// known to do clearly better at it.
/// </summary>
public static class WorkflowVariants
{
    public const int MaxAgentsPerSlot = 4;

    /// <summary>How much better (in expected success) an agent already known at a step must be to replace a
    /// step that is not weak.</summary>
    public const double ClearlyBetter = 0.05;
    private const int SearchLimit = 10;

    /// <summary>Catalog queries for the core capabilities, which have no query of their own (domain
    /// capabilities use their <see cref="CapabilityRule.CatalogQuery"/>); the risk assessment has no
    /// stand-in in the catalog.</summary>
    private static readonly IReadOnlyDictionary<string, string> CoreQueries = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Capabilities.ResearchCode] = "research explore code",
        [Capabilities.ResearchDocs] = "documentation docs research",
        [Capabilities.ResearchHistory] = "history git research",
        [Capabilities.Design] = "design spec architecture",
        [Capabilities.ValidationPlan] = "validation plan test strategy",
        [Capabilities.Implement] = "implement change code engineer",
        [Capabilities.Tests] = "tests testing qa",
        [Capabilities.Validate] = "validate validation check",
    };

    /// <summary>The slots of a composed workflow: per step the resolved agent, then the catalog's best
    /// matches for the capability (for a domain capability its query plus the task's words, so a CI task
    /// finds the CI agent), then the capability's default agent; without agents other steps already use
    /// (a workflow naming one agent twice in a row would collapse into a different shape).</summary>
    public static IReadOnlyList<WorkflowSlot> Slots(string task, IReadOnlyList<PlanStep> composed, CatalogStore? catalog)
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
                var query = rule.CatalogQuery is { } q ? q + " " + task : CoreQueries.GetValueOrDefault(rule.Name);
                var found = new List<string>();
                if (query is not null && ParsedQuery.Parse(query) is { IsEmpty: false } parsed)
                    found.AddRange(catalog.SearchComponents(parsed.Match, ComponentKinds.Agent, SearchLimit).Select(h => h.Component.Invocation));
                if (catalog.FindComponent(rule.DefaultAgent) is not null) found.Add(rule.DefaultAgent);
                foreach (var a in found)
                {
                    if (agents.Count >= MaxAgentsPerSlot) break;
                    if (!used.Contains(a) && !agents.Contains(a, StringComparer.Ordinal) && CanDo(step, a)) agents.Add(a);
                }
            }
            slots.Add(new WorkflowSlot(i, step.Capability, agents));
        }
        return slots;
    }

    /// <summary>Whether an agent can stand in for the one the resolver chose, by the kind of work they do
    /// (<see cref="Kind"/>): researchers for researchers, planners for planners, testers and validators
    /// for each other, builders for builders. When the resolver put a reader or planner on a step that writes (the best
    /// text match for "write the docs" can be an explorer), any agent that changes things may do it.</summary>
    public static bool CanDo(PlanStep step, string agent)
    {
        var mine = Kind(agent);
        var resolved = Kind(step.Invocation);
        if (mine == resolved) return true;
        return step.Writes && resolved is "research" or "plan" or "review" && mine is "build" or "document";
    }

    /// <summary>The kind of work an agent does: a core agent's own capability phase (risk-assessor plans,
    /// it does not build), else the phase its name says; implement, execute and deploy are one kind
    /// (build), test and validate another (verify).</summary>
    private static string Kind(string agent)
    {
        var core = Capabilities.All.FirstOrDefault(r => r.CatalogQuery is null && r.DefaultAgent == agent);
        return (core?.Phase ?? StepClassifier.Phase(agent)) switch
        {
            "implement" or "execute" or "deploy" => "build",
            "test" or "validate" => "verify",
            var p => p,
        };
    }

    /// <summary>Learned patterns of the task's category whose steps fill this task's slots, which the word
    /// test of <see cref="PatternMatcher"/> missed: the same workflow shape for this very task with other
    /// agents (typically variants learned from another phrasing of the same kind of task), so they fit.</summary>
    public static IReadOnlyList<PatternFit> AlignedFits(TaskIntent intent, IReadOnlyList<WorkflowSlot> slots, IEnumerable<StoredPattern> patterns, IReadOnlyList<PatternFit> fits)
    {
        var known = fits.Select(f => f.Pattern.Id).ToHashSet(StringComparer.Ordinal);
        return patterns
            .Where(sp => sp.Pattern is { } p && sp.Lifecycle != PatternLifecycle.Meta && p.Category == intent.Category && !known.Contains(p.Id) && Aligned(p, slots))
            .Select(sp => new PatternFit(sp, PatternMatcher.Threshold, [$"same category ({intent.Category})", "its steps fill this task's workflow, step by step"]))
            .OrderBy(f => f.Pattern.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether a pattern has one step per slot, each one of that slot's agents and, when its recorded
    /// description names a capability, doing that slot's capability (a frontend step is not an implement step).</summary>
    public static bool Aligned(LearnedPattern p, IReadOnlyList<WorkflowSlot> slots) =>
        p.Steps.Count == slots.Count && slots.All(s =>
        {
            var step = p.Steps[s.Index];
            if (!s.Agents.Contains(step.Name, StringComparer.Ordinal)) return false;
            var role = step.Description is { } d ? Capabilities.All.FirstOrDefault(r => d.StartsWith(r.Title, StringComparison.Ordinal))?.Name : null;
            return role is null || role == s.Capability;
        });

    /// <summary>
    /// The next workflow to try, or null. The base is the best (by step evidence) of the aligned fitting
    /// patterns and the composed workflow itself. Its weak steps are those whose evidence puts them below
    /// <see cref="PlanCheckpoints.LowSuccess"/> (80 %, the bar below which a learned step also gets a
    /// checkpoint): one failure in the first three runs, two in the first eight, ... Every weak step with
    /// an alternative already known to do better at that capability in this kind of task, and every step
    /// with one known to do clearly better (<see cref="ClearlyBetter"/>), is swapped to the best such agent
    /// (what was learned from other phrasings carries over); when there is none, the weakest step with an
    /// untried alternative gets the catalog's next agent. Null when there is nothing to improve or every
    /// such workflow was tried already.
    /// </summary>
    public static WorkflowVariant? Next(TaskIntent intent, IReadOnlyList<PlanStep> composed, IReadOnlyList<WorkflowSlot> slots,
        IReadOnlyList<PatternFit> fits, StepEvidenceBook book, AgentResolver resolver)
    {
        var aligned = fits.Where(f => Aligned(f.Pattern, slots)).ToList();
        var options = aligned.Select(f => new WorkflowOption(f.Pattern.Id, WorkflowOption.PatternKind, f.Successes, f.Failures, f.Fit, book.ForPattern(f.Pattern), book.MissingFor(intent, f.Pattern))).ToList();
        if (aligned.All(f => f.Pattern.WorkflowSignature != string.Join(" > ", composed.Select(c => c.Invocation))))
            options.Add(new WorkflowOption(WorkflowOption.ComposedKind, WorkflowOption.ComposedKind, 0, 0, 0, book.ForSteps(composed), book.MissingFor(intent, composed)));
        var bestId = GreedySelector.Best(options).Id;
        var best = aligned.FirstOrDefault(f => f.Pattern.Id == bestId)?.Pattern;
        var names = best?.Steps.Select(s => s.Name).ToList() ?? composed.Select(c => c.Invocation).ToList();
        var evidence = best is not null ? book.ForPattern(best) : book.ForSteps(composed);
        var tried = fits.Select(f => f.Pattern.WorkflowSignature).ToHashSet(StringComparer.Ordinal);
        var byMean = Enumerable.Range(0, slots.Count).OrderBy(i => evidence[i].Mean).ThenBy(i => i).ToList();
        var weak = byMean.Where(i => evidence[i].Mean < PlanCheckpoints.LowSuccess).ToList();

        IEnumerable<(string Agent, StepEvidence Evidence)> Better(int i) => slots[i].Agents
            .Where(a => a != names[i] && !names.Contains(a, StringComparer.Ordinal))
            .Select((a, rank) => (Agent: a, Rank: rank, Evidence: book.For(StepEvidenceBook.Key(a, composed[i].Title))))
            .Where(x => x.Evidence.Mean > evidence[i].Mean)
            .OrderByDescending(x => x.Evidence.Mean).ThenBy(x => x.Rank)
            .Select(x => (x.Agent, x.Evidence));

        var known = new Dictionary<int, (string Agent, StepEvidence Evidence)>();
        foreach (var i in byMean)
            if (Better(i).Where(x => x.Evidence.Successes + x.Evidence.Failures > 0 && (weak.Contains(i) || x.Evidence.Mean >= evidence[i].Mean + ClearlyBetter))
                    .Select(x => ((string, StepEvidence)?)x).FirstOrDefault() is { } k
                && !known.Values.Any(v => v.Agent == k.Item1))
                known[i] = k;
        if (known.Count > 0 && Variant(known) is { } carried) return carried;
        foreach (var i in weak)
            foreach (var alt in Better(i))
                if (Variant(new() { [i] = alt }) is { } single) return single;
        return null;

        WorkflowVariant? Variant(Dictionary<int, (string Agent, StepEvidence Evidence)> swaps)
        {
            var swapped = names.Select((n, k) => swaps.TryGetValue(k, out var x) ? x.Agent : n).ToList();
            if (tried.Contains(string.Join(" > ", swapped))) return null;
            var reasons = swaps.OrderBy(kv => kv.Key).Select(kv =>
            {
                var w = evidence[kv.Key];
                var e = kv.Value.Evidence;
                return $"step {kv.Key + 1} ({names[kv.Key]}) failed in {w.Failures} of {w.Successes + w.Failures} runs of this kind of task; " +
                    $"{kv.Value.Agent} instead ({(e.Successes + e.Failures == 0 ? "untried there" : $"{e.Successes} of {e.Successes + e.Failures} ok there")})";
            });
            var why = string.Join("; ", reasons);
            var first = swaps.Keys.Min();
            return new WorkflowVariant(PatternIds.For(intent.Category, swapped), Build(composed, best, names, swaps.ToDictionary(kv => kv.Key, kv => kv.Value.Agent), resolver, why),
                best?.Id ?? WorkflowOption.ComposedKind, first, names[first], swaps[first].Agent, why);
        }
    }

    /// <summary>The composed steps (their dependencies and instructions) run by the base's agents with the
    /// swaps applied; steps kept from a learned pattern keep its learned duration and success.</summary>
    private static IReadOnlyList<PlanStep> Build(IReadOnlyList<PlanStep> composed, LearnedPattern? best, IReadOnlyList<string> names,
        IReadOnlyDictionary<int, string> swaps, AgentResolver resolver, string why) =>
        composed.Select((c, k) =>
        {
            if (swaps.TryGetValue(k, out var agent))
                return c with { Invocation = agent, Kind = StepKinds.Subagent, InCatalog = resolver.Known(agent, StepKinds.Subagent), Origin = "catalog", Why = "exploring: " + why, EstimatedSeconds = 0, SuccessRate = 1 };
            if (best is null) return c;
            var learned = best.Steps[k];
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
