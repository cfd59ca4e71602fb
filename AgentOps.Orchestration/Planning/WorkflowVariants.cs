using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Orchestration.Learning;
using AgentOps.Core.Patterns;
using AgentOps.Orchestration.Planning.Memory;

namespace AgentOps.Orchestration.Planning;

/// <summary>One step position of the composed workflow and the catalog agents that could fill it,
/// the one the resolver picked first.</summary>
public sealed record WorkflowSlot(int Index, string Capability, IReadOnlyList<string> Agents)
{
    /// <summary>The composed step the slot stands for (null in hand-made slots).</summary>
    public PlanStep? Step { get; init; }
}

/// <summary>A workflow worth trying: the best known workflow (a learned pattern or the composed one) with
/// one or more agents swapped for catalog alternatives; <see cref="StepIndex"/>, <see cref="From"/> and
/// <see cref="To"/> describe the first swap, <see cref="Why"/> all of them. <see cref="Id"/> is the
/// pattern id it will be learned under; <see cref="BaseId"/> is "composed" for the composed workflow.</summary>
public sealed record WorkflowVariant(string Id, IReadOnlyList<PlanStep> Steps, string BaseId, int StepIndex, string From, string To, string Why)
{
    /// <summary>The value of information of the step it tries (<see cref="Memory.ExpectedGain"/>); 0 when it
    /// only applies swaps already expected to be better.</summary>
    public double Gain { get; init; }
}

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

    /// <summary>The slots of a composed workflow: per step the resolved agent, then the catalog's matches for
    /// the capability and the task (its query, or the core query, plus the task's words), the capability's
    /// default agent and the agents the memory has seen at this capability, those that can do the step's
    /// kind of work (<see cref="CanDo"/>), ranked by what the book expects of them (informed prior and
    /// pooled evidence, issue 15) and cut to <see cref="MaxAgentsPerSlot"/>. An agent may fill two slots
    /// (one agent, two roles: a recorded call names the capability it was asked to do).</summary>
    public static IReadOnlyList<WorkflowSlot> Slots(string task, IReadOnlyList<PlanStep> composed, CatalogStore? catalog, StepEvidenceBook? book = null)
    {
        var slots = new List<WorkflowSlot>();
        for (var i = 0; i < composed.Count; i++)
        {
            var step = composed[i];
            var agents = new List<string> { step.Invocation };
            var rule = Capabilities.All.FirstOrDefault(r => r.Name == step.Capability);
            if (rule is not null && catalog is not null && step.Kind == StepKinds.Subagent)
            {
                var query = rule.CatalogQuery is { } q ? q + " " + task : CoreQueries.GetValueOrDefault(rule.Name) + (book is null ? "" : " " + task);
                var found = new List<string>();
                if (ParsedQuery.Parse(query) is { IsEmpty: false } parsed)
                    found.AddRange(catalog.SearchComponents(parsed.Match, ComponentKinds.Agent, book is null ? SearchLimit : 2 * SearchLimit).Select(h => h.Component.Invocation));
                if (catalog.FindComponent(rule.DefaultAgent) is not null) found.Add(rule.DefaultAgent);
                var others = found.Distinct(StringComparer.Ordinal).Where(a => a != step.Invocation && CanDo(step, a));
                if (book is null)
                    others = others.Where(a => !composed.Any(c => c.Invocation == a));
                else
                {
                    var title = step.Title;
                    others = others.Select((a, rank) => (a, rank, mean: book.For(StepEvidenceBook.Key(a, title)).Mean))
                        .OrderByDescending(x => x.mean).ThenBy(x => x.rank).Select(x => x.a).ToList();
                }
                agents.AddRange(others.Take(MaxAgentsPerSlot - 1));
            }
            slots.Add(new WorkflowSlot(i, step.Capability, agents) { Step = step });
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
    private static string Kind(string agent) => KindOf(agent);

    /// <summary>The kind of work a capability needs: research, plan, build (implement, deploy), verify
    /// (tests, validation) or document (writing docs; builders write docs too).</summary>
    public static string KindFor(CapabilityRule rule) => rule.Phase switch
    {
        "implement" or "execute" or "deploy" => "build",
        "test" or "validate" => "verify",
        var p => p,
    };

    /// <summary>The kind of work an agent does (see <see cref="Kind"/>).</summary>
    public static string KindOf(string agent)
    {
        var core = Capabilities.All.FirstOrDefault(r => r.CatalogQuery is null && r.DefaultAgent == agent);
        return (core?.Phase ?? StepClassifier.Phase(agent)) switch
        {
            "implement" or "execute" or "deploy" => "build",
            "test" or "validate" => "verify",
            var p => p,
        };
    }

    /// <summary>Learned patterns whose steps fill this task's slots, which the memory's similarity test
    /// missed: the same workflow shape for this very task with other agents (typically variants learned from
    /// another phrasing), so they are candidates, their own record counting by their similarity weight.</summary>
    public static IReadOnlyList<PatternFit> AlignedFits(TaskIntent intent, IReadOnlyList<WorkflowSlot> slots, Memory.TaskMemory memory, IReadOnlyList<PatternFit> fits)
    {
        var known = fits.Select(f => f.Pattern.Id).ToHashSet(StringComparer.Ordinal);
        return memory.Patterns
            .Where(r => !known.Contains(r.Pattern.Id) && Aligned(r.Pattern, slots))
            .Select(r => new PatternFit(r.Stored, r.Similarity, [$"its steps fill this task's workflow, step by step (similarity {r.Similarity:0.00})"]) { Weight = r.Weight })
            .OrderBy(f => f.Pattern.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Issue 8's form: learned patterns of the task's category whose steps fill the slots.</summary>
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
            if (!s.Agents.Contains(step.Name, StringComparer.Ordinal) && (s.Step is null || !CanDo(s.Step, step.Name))) return false;
            var role = StepCapability.Of(step.Description);
            return role is null || role == s.Capability;
        });

    /// <summary>How much better an agent must be expected to be at a step to replace it outright.</summary>
    public const double Margin = 0.02;

    /// <summary>How much better an agent must be expected to be when neither it nor the current agent has
    /// run on similar tasks: priors alone swap only what is clearly wrong (a reader on a writing step), not
    /// what a few words of description prefer.</summary>
    public const double PriorMargin = 0.1;

    /// <summary>The least expected improvement (<see cref="ExpectedGain"/>) worth an exploring variant.</summary>
    public const double MinGain = 0.02;

    /// <summary>
    /// The next workflow to try, or null (issue 15: exploration by expected gain). The base is the best (by
    /// expected success) of the aligned fitting patterns and the composed workflow. Every step with an
    /// alternative expected to do better by <see cref="Margin"/> (what was learned on near tasks, what is
    /// true of the agent everywhere, or its informed prior: a writer instead of a reader on a writing step)
    /// is swapped to the best one. Then the one swap with the largest expected improvement over the step it
    /// replaces, net of what running the current agent would teach (<see cref="ExpectedGain.Net"/>), is tried on top, when it is at least <see cref="MinGain"/> and the
    /// workflow it gives was not tried yet; its gain goes with the variant for the selector to weigh
    /// against its cost. Null when there is nothing to improve or every such workflow was tried already.
    /// </summary>
    public static WorkflowVariant? Next(TaskIntent intent, IReadOnlyList<PlanStep> composed, IReadOnlyList<WorkflowSlot> slots,
        IReadOnlyList<PatternFit> fits, StepEvidenceBook book, AgentResolver resolver)
    {
        var aligned = fits.Where(f => Aligned(f.Pattern, slots)).ToList();
        var options = aligned.Select(f => new WorkflowOption(f.Pattern.Id, WorkflowOption.PatternKind, f.Weight * f.Successes, f.Weight * f.Failures, f.Fit, book.ForPattern(f.Pattern), book.MissingFor(intent, f.Pattern))).ToList();
        if (aligned.All(f => f.Pattern.WorkflowSignature != string.Join(" > ", composed.Select(c => c.Invocation))))
            options.Add(new WorkflowOption(WorkflowOption.ComposedKind, WorkflowOption.ComposedKind, 0, 0, 0, book.ForSteps(composed), book.MissingFor(intent, composed)));
        var bestId = GreedySelector.Best(options).Id;
        var best = aligned.FirstOrDefault(f => f.Pattern.Id == bestId)?.Pattern;
        var names = best?.Steps.Select(s => s.Name).ToList() ?? composed.Select(c => c.Invocation).ToList();
        var evidence = best is not null ? book.ForPattern(best) : book.ForSteps(composed);
        var tried = fits.Select(f => f.Pattern.WorkflowSignature).ToHashSet(StringComparer.Ordinal);

        IEnumerable<(string Agent, StepEvidence Evidence)> Alternatives(int i) => slots[i].Agents
            .Where(a => a != names[i])
            .Select(a => (Agent: a, Evidence: book.For(StepEvidenceBook.Key(a, composed[i].Title))));

        var better = new Dictionary<int, (string Agent, StepEvidence Evidence)>();
        for (var i = 0; i < slots.Count; i++)
            if (Alternatives(i).Where(x => x.Evidence.Mean > evidence[i].Mean + (x.Evidence.Runs > 0 || evidence[i].Runs > 0 ? Margin : PriorMargin))
                    .OrderByDescending(x => x.Evidence.Mean).Select(x => ((string, StepEvidence)?)x).FirstOrDefault() is { } k)
                better[i] = k;

        var explore = Enumerable.Range(0, slots.Count).Where(i => !better.ContainsKey(i))
            .SelectMany(i => Alternatives(i).Select(x => (Index: i, x.Agent, x.Evidence, Gain: ExpectedGain.Net(x.Evidence, evidence[i]))))
            .Where(x => x.Gain >= MinGain)
            .OrderByDescending(x => x.Gain).ThenBy(x => x.Index).ToList();
        foreach (var x in explore)
            if (Variant(new(better) { [x.Index] = (x.Agent, x.Evidence) }, x.Index, x.Gain) is { } v) return v;
        return better.Count > 0 ? Variant(better, null, 0) : null;

        WorkflowVariant? Variant(Dictionary<int, (string Agent, StepEvidence Evidence)> swaps, int? explored, double gain)
        {
            var swapped = names.Select((n, k) => swaps.TryGetValue(k, out var x) ? x.Agent : n).ToList();
            if (tried.Contains(string.Join(" > ", swapped))) return null;
            var reasons = swaps.OrderBy(kv => kv.Key).Select(kv =>
            {
                var w = evidence[kv.Key];
                var e = kv.Value.Evidence;
                var why = kv.Key == explored ? $"may do better (expected gain {gain:0.000})" : "expected to do better";
                return $"step {kv.Key + 1} ({names[kv.Key]}, {w.Record}, expected {w.Mean:0.00}): {kv.Value.Agent} instead, {why} " +
                    $"({(e.Runs == 0 ? "untried on similar tasks" : e.Record + " on similar tasks")}, expected {e.Mean:0.00})";
            });
            var text = string.Join("; ", reasons);
            var first = swaps.Keys.Min();
            return new WorkflowVariant(PatternIds.For(intent.Category, swapped), Build(composed, best, names, swaps.ToDictionary(kv => kv.Key, kv => kv.Value.Agent), resolver, text),
                best?.Id ?? WorkflowOption.ComposedKind, first, names[first], swaps[first].Agent, text) { Gain = gain };
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
