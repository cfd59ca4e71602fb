using AgentOps.Core.Patterns;

namespace AgentOps.Orchestration.Planning;

/// <summary>
/// What the learned patterns say about one step: how often this agent, doing this capability, succeeded
/// and failed in the executions of the learned patterns of this kind of task (a retried step counts as a failure). Steps fail
/// independently, so a workflow's chance is the product of its steps' chances; pooling by step lets
/// every execution inform every workflow that shares the step, and lets an untried workflow be judged by
/// the steps it changes (issue 8: learned per-step statistics, which agent fails where).
/// The prior is Beta(<see cref="PriorSuccesses"/>, <see cref="PriorFailures"/>): an agent never seen at a
/// step is expected to succeed 9 times in 10, an opinion worth three executions.
/// </summary>
public sealed record StepEvidence(string Key, int Successes, int Failures)
{
    public const double PriorSuccesses = 2.7, PriorFailures = 0.3;
    public static double PriorMean => PriorSuccesses / (PriorSuccesses + PriorFailures);

    public double Mean => (Successes + PriorSuccesses) / (Successes + Failures + PriorSuccesses + PriorFailures);
}

/// <summary>
/// The step evidence of a kind of task (the learned patterns of its category), by step key: the agent plus the capability the step did
/// when its recorded description (or, for a plan step, its title) starts with a capability's title
/// (the planner's step titles; an agent can be good at one capability and a misfit at another), else the
/// agent alone.
/// </summary>
public sealed class StepEvidenceBook
{
    private readonly Dictionary<string, (int S, int F)> _byKey = new(StringComparer.Ordinal);

    public static StepEvidenceBook From(IEnumerable<PatternFit> fits) => From(fits.Select(f => f.Pattern));

    /// <summary>The evidence of the learned workflow patterns of one category (meta patterns excluded): how
    /// agents did at each capability in this kind of task, whichever phrasing they ran for.</summary>
    public static StepEvidenceBook ForCategory(string category, IEnumerable<StoredPattern> patterns) =>
        From(patterns.Where(sp => sp.Lifecycle != PatternLifecycle.Meta && sp.Pattern is { } p && p.Category == category).Select(sp => sp.Pattern!));

    public static StepEvidenceBook From(IEnumerable<LearnedPattern> patterns)
    {
        var book = new StepEvidenceBook();
        foreach (var p in patterns.DistinctBy(p => p.Id))
        {
            foreach (var s in p.Steps)
            {
                var key = Key(s.Name, s.Description);
                var ok = (int)Math.Round(s.SuccessRate * p.Executions);
                var cur = book._byKey.GetValueOrDefault(key);
                book._byKey[key] = (cur.S + ok, cur.F + (p.Executions - ok));
            }
        }
        return book;
    }

    public static string Key(string agent, string? text)
    {
        var rule = text is null ? null : Capabilities.All.FirstOrDefault(r => text.StartsWith(r.Title, StringComparison.Ordinal));
        return rule is null ? agent : $"{agent}|{rule.Name}";
    }

    public StepEvidence For(string key) => _byKey.TryGetValue(key, out var v) ? new StepEvidence(key, v.S, v.F) : new StepEvidence(key, 0, 0);

    public IReadOnlyList<StepEvidence> ForPattern(LearnedPattern p) => p.Steps.Select(s => For(Key(s.Name, s.Description))).ToList();

    public IReadOnlyList<StepEvidence> ForSteps(IReadOnlyList<PlanStep> steps) => steps.Select(s => For(Key(s.Invocation, s.Title))).ToList();

    /// <summary>One untried pseudo-step (prior only) per capability the task needs that the pattern has no step
    /// for: a workflow borrowed from a smaller task is not judged better just because it has fewer steps
    /// that can fail.</summary>
    public IReadOnlyList<StepEvidence> MissingFor(TaskIntent intent, LearnedPattern p) =>
        Missing(intent, p.Steps.Select(s => (s.Name, s.Description, s.Phase))).Select(c => For("missing:" + c)).ToList();

    public IReadOnlyList<StepEvidence> MissingFor(TaskIntent intent, IReadOnlyList<PlanStep> steps) =>
        Missing(intent, steps.Select(s => (s.Invocation, (string?)s.Title, s.Phase))).Select(c => For("missing:" + c)).ToList();

    /// <summary>Capabilities the task needs that no step does. A step does the capability whose title its
    /// description starts with (the planner's step titles); else, as the planner's own coverage check
    /// reads a pattern, a step covers the capabilities of its phase, the core capability whose default
    /// agent it is, and an implementation capability when it changes things (implement or execute).</summary>
    public static IReadOnlyList<string> Missing(TaskIntent? intent, IEnumerable<(string Name, string? Text, string Phase)> steps)
    {
        if (intent is null) return [];
        var list = steps.Select(s => (s.Name, s.Phase, Role: s.Text is null ? null : Capabilities.All.FirstOrDefault(r => s.Text.StartsWith(r.Title, StringComparison.Ordinal))?.Name)).ToList();
        bool Covers(CapabilityRule rule) => list.Any(s => s.Role is not null
            ? s.Role == rule.Name
            : s.Phase == rule.Phase || (rule.CatalogQuery is null && s.Name == rule.DefaultAgent) || (rule.Phase == "implement" && s.Phase is "implement" or "execute"));
        return intent.Capabilities.Where(c => !Covers(Capabilities.Get(c.Name))).Select(c => c.Name).ToList();
    }
}
