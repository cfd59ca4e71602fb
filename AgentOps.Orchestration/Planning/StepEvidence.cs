using AgentOps.Core.Patterns;
using AgentOps.Orchestration.Learning;
using AgentOps.Orchestration.Planning.Memory;

namespace AgentOps.Orchestration.Planning;

/// <summary>
/// What is known of one step (an agent at a capability): the successes and failures that count as
/// evidence about this task, over a Beta(<see cref="PriorAlpha"/>, <see cref="PriorBeta"/>) prior. A
/// retried step counts as a failure. Steps fail independently, so a workflow's chance is the product of
/// its steps' chances, and an untried workflow is judged by the steps it changes.
/// Without memory the prior is Beta(<see cref="PriorSuccesses"/>, <see cref="PriorFailures"/>): 9 in 10,
/// worth three executions. With memory (<see cref="StepEvidenceBook.Pooled"/>) the counts are weighted
/// by similarity and the prior is the step's pooled record across all tasks, itself over the agent's
/// informed prior (<see cref="AgentPriors"/>).
/// </summary>
public sealed record StepEvidence(string Key, double Successes, double Failures, double PriorAlpha = StepEvidence.PriorSuccesses, double PriorBeta = StepEvidence.PriorFailures)
{
    public const double PriorSuccesses = 2.7, PriorFailures = 0.3;
    public static double PriorMean => PriorSuccesses / (PriorSuccesses + PriorFailures);

    public double Mean => (Successes + PriorAlpha) / (Successes + Failures + PriorAlpha + PriorBeta);
    public double Alpha => Successes + PriorAlpha;
    public double Beta => Failures + PriorBeta;
    public double Runs => Successes + Failures;

    /// <summary>"2 of 3 ok" style, with weighted counts rounded.</summary>
    public string Record => $"{Math.Round(Successes, 1):0.#} of {Math.Round(Successes + Failures, 1):0.#} ok";
}

/// <summary>
/// The step evidence the planner reads, by step key (the agent plus the capability the step did, else the
/// agent alone). <see cref="From"/> pools a fixed set of patterns equally (issue 8's book).
/// <see cref="Pooled"/> is issue 15's memory: partial pooling in two levels. Globally, every learned
/// pattern's runs of the step count (what is true everywhere is shared), over the agent's informed prior
/// (<see cref="GlobalStrength"/> runs); locally, each pattern's runs count by its similarity weight to
/// this task (<see cref="TaskMemory"/>), over the global estimate less those local runs as prior
/// (<see cref="LocalStrength"/> runs; each run counts once), so a local exception still shows once the near
/// tasks have seen it.
/// </summary>
public sealed class StepEvidenceBook
{
    /// <summary>Weight, in runs, of the informed prior under the global record, and of the global record
    /// under the local one.</summary>
    public const double GlobalStrength = 3, LocalStrength = 3;

    private readonly Dictionary<string, (double S, double F)> _local = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (double S, double F)> _global = new(StringComparer.Ordinal);
    private Func<string, string?, double>? _prior;
    private readonly Dictionary<string, StepEvidence> _cache = new(StringComparer.Ordinal);

    public static StepEvidenceBook From(IEnumerable<PatternFit> fits) => From(fits.Select(f => f.Pattern));

    /// <summary>The evidence of the learned workflow patterns of one category (meta patterns excluded).</summary>
    public static StepEvidenceBook ForCategory(string category, IEnumerable<StoredPattern> patterns) =>
        From(patterns.Where(sp => sp.Lifecycle != PatternLifecycle.Meta && sp.Pattern is { } p && p.Category == category).Select(sp => sp.Pattern!));

    public static StepEvidenceBook From(IEnumerable<LearnedPattern> patterns)
    {
        var book = new StepEvidenceBook();
        foreach (var p in patterns.DistinctBy(p => p.Id)) book.Add(p, 1, local: true);
        return book;
    }

    /// <summary>Issue 15's pooled book for one task: global and similarity-weighted local counts, priors
    /// from <paramref name="priors"/> (which may read the agents' records elsewhere from this book).</summary>
    public static StepEvidenceBook Pooled(TaskMemory memory, Func<StepEvidenceBook, AgentPriors> priors)
    {
        var book = new StepEvidenceBook();
        foreach (var r in memory.Patterns.DistinctBy(r => r.Pattern.Id))
        {
            book.Add(r.Pattern, 1, local: false);
            if (r.Weight > 0) book.Add(r.Pattern, r.Weight, local: true);
        }
        var p = priors(book);
        book._prior = (agent, capability) => p.Mean(agent, capability);
        return book;
    }

    private void Add(LearnedPattern p, double weight, bool local)
    {
        var target = local ? _local : _global;
        foreach (var s in p.Steps)
        {
            var key = Key(s.Name, s.Description);
            var ok = Math.Round(s.SuccessRate * p.Executions);
            var cur = target.GetValueOrDefault(key);
            target[key] = (cur.S + weight * ok, cur.F + weight * (p.Executions - ok));
        }
    }

    /// <summary>The agent's global record at capabilities other than <paramref name="capability"/>.</summary>
    public (double Successes, double Failures) Elsewhere(string agent, string capability)
    {
        double s = 0, f = 0;
        foreach (var (key, v) in _global)
        {
            var bar = key.IndexOf('|');
            var name = bar < 0 ? key : key[..bar];
            if (name != agent || (bar >= 0 && key[(bar + 1)..] == capability)) continue;
            s += v.S;
            f += v.F;
        }
        return (s, f);
    }

    public static string Key(string agent, string? text) => StepCapability.Of(text) is { } cap ? $"{agent}|{cap}" : agent;

    public StepEvidence For(string key)
    {
        if (_cache.TryGetValue(key, out var cached)) return cached;
        var local = _local.GetValueOrDefault(key);
        StepEvidence result;
        if (_prior is null) result = new StepEvidence(key, local.S, local.F);
        else
        {
            var bar = key.IndexOf('|');
            var agent = bar < 0 ? key : key[..bar];
            var capability = bar < 0 ? null : key[(bar + 1)..];
            var mu0 = key.StartsWith("missing:", StringComparison.Ordinal) ? StepEvidence.PriorMean : _prior(agent, capability);
            // The local level's prior is what the other tasks say: the global record less the runs already
            // counted locally (each run counts once; a task's own few runs do not also lift its prior).
            var g = _global.GetValueOrDefault(key);
            var (gs, gf) = (Math.Max(0, g.S - local.S), Math.Max(0, g.F - local.F));
            var muG = (gs + GlobalStrength * mu0) / (gs + gf + GlobalStrength);
            result = new StepEvidence(key, local.S, local.F, LocalStrength * muG, LocalStrength * (1 - muG));
        }
        return _cache[key] = result;
    }

    /// <summary>The prior mean the book gives an agent at a capability before any local run.</summary>
    public double PriorOf(string agent, string capability) => For($"{agent}|{capability}") is var e ? e.PriorAlpha / (e.PriorAlpha + e.PriorBeta) : 0;

    public IReadOnlyList<StepEvidence> ForPattern(LearnedPattern p) => p.Steps.Select(s => For(Key(s.Name, s.Description))).ToList();

    public IReadOnlyList<StepEvidence> ForSteps(IReadOnlyList<PlanStep> steps) => steps.Select(s => For(Key(s.Invocation, s.Title))).ToList();

    /// <summary>One untried pseudo-step (neutral prior) per capability the task needs that the pattern has no
    /// step for: a workflow borrowed from a smaller task is not judged better just because it has fewer steps
    /// that can fail.</summary>
    public IReadOnlyList<StepEvidence> MissingFor(TaskIntent intent, LearnedPattern p) =>
        Missing(intent, p.Steps.Select(s => (s.Name, s.Description, s.Phase))).Select(c => new StepEvidence("missing:" + c, 0, 0)).ToList();

    public IReadOnlyList<StepEvidence> MissingFor(TaskIntent intent, IReadOnlyList<PlanStep> steps) =>
        Missing(intent, steps.Select(s => (s.Invocation, (string?)s.Title, s.Phase))).Select(c => new StepEvidence("missing:" + c, 0, 0)).ToList();

    /// <summary>Capabilities the task needs that no step does. A step does the capability its description
    /// names (<see cref="StepCapability.Of"/>); else, as the planner's own coverage check reads a pattern,
    /// a step covers the capabilities of its phase, the core capability whose default agent it is, and an
    /// implementation capability when it changes things (implement or execute).</summary>
    public static IReadOnlyList<string> Missing(TaskIntent? intent, IEnumerable<(string Name, string? Text, string Phase)> steps)
    {
        if (intent is null) return [];
        var list = steps.Select(s => (s.Name, s.Phase, Role: StepCapability.Of(s.Text))).ToList();
        bool Covers(CapabilityRule rule) => list.Any(s => s.Role is not null
            ? s.Role == rule.Name
            : s.Phase == rule.Phase || (rule.CatalogQuery is null && s.Name == rule.DefaultAgent) || (rule.Phase == "implement" && s.Phase is "implement" or "execute"));
        return intent.Capabilities.Where(c => !Covers(Capabilities.Get(c.Name))).Select(c => c.Name).ToList();
    }
}
