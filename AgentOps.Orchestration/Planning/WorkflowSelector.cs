namespace AgentOps.Orchestration.Planning;

/// <summary>A workflow the planner can follow: a fitting learned pattern, the one composed from the
/// catalog, or a variant. <see cref="Steps"/>, when given, is the evidence for each of its steps
/// (<see cref="StepEvidence"/>); its own record adds what its steps do not explain (<see cref="RecordMean"/>).</summary>
public sealed record WorkflowOption(string Id, string Kind, double Successes, double Failures, double Fit, IReadOnlyList<StepEvidence>? Steps = null,
    IReadOnlyList<StepEvidence>? Missing = null)
{
    /// <summary>pattern: a fitting learned pattern; composed: composed from the catalog for this task;
    /// variant: the best known workflow with agents swapped for other catalog agents (see <see cref="WorkflowVariants"/>).</summary>
    public const string PatternKind = "pattern", ComposedKind = "composed", VariantKind = "variant";

    /// <summary>Value of information of following this workflow (a variant's expected improvement of the
    /// step it tries, <see cref="Memory.ExpectedGain"/>); 0 for workflows with nothing new to learn.</summary>
    public double Gain { get; init; }

    /// <summary>Weight, in executions, of "as its steps say" against a workflow's own record (<see cref="RecordMean"/>).</summary>
    public const double PriorWeight = 3;

    /// <summary>The chance its steps give it: the product of the steps' posterior means (steps fail
    /// independently); 1/2 without step evidence.</summary>
    public double StepChance => Steps is { Count: > 0 } steps ? steps.Aggregate(1.0, (p, s) => p * s.Mean) : 0.5;

    /// <summary>The workflow's Beta(<see cref="Alpha"/>, <see cref="Beta"/>) posterior, centred on
    /// <see cref="RecordMean"/> with a concentration of <see cref="PriorWeight"/> plus its runs. Without step
    /// evidence: Beta(successes + 1, failures + 1).</summary>
    public double Alpha => Steps is { Count: > 0 } ? RecordMean * (PriorWeight + Successes + Failures) : Successes + 1.0;
    public double Beta => Steps is { Count: > 0 } ? (1 - RecordMean) * (PriorWeight + Successes + Failures) : Failures + 1.0;

    /// <summary>
    /// The chance of success its steps and its own record give it, each run counted once (issue 15). The steps'
    /// evidence (<see cref="StepChance"/>) already holds this workflow's runs of each step, so its own record
    /// adds only what no step explains: a factor <c>ρ = (s + k) / (q·n + k)</c>, its successes against those
    /// its steps predict over <see cref="PriorWeight"/> (k) runs' worth of "as the steps say" (ρ = 1). The mean
    /// is <c>q·ρ</c>: q for an untried workflow, its own success rate after many runs, and a short lucky record
    /// is not counted a second time on top of the step evidence it already lifted. Without step evidence: the
    /// record over Beta(1, 1).
    /// </summary>
    public double RecordMean
    {
        get
        {
            if (Steps is not { Count: > 0 }) return (Successes + 1.0) / (Successes + Failures + 2.0);
            var q = StepChance;
            var explained = q * (Successes + Failures) + PriorWeight;
            return Math.Clamp(q * (Successes + PriorWeight) / explained, 1e-6, 1 - 1e-6);
        }
    }

    /// <summary>The expected success: the record's posterior mean times, for each capability the task needs
    /// and the workflow has no step for (<see cref="Missing"/>, untried pseudo-steps), the chance an untried
    /// step succeeds: the record was earned on tasks that did not need those steps.</summary>
    public double PosteriorMean => Alpha / (Alpha + Beta) * MissingChance;

    public double MissingChance => (Missing ?? []).Aggregate(1.0, (p, s) => p * s.Mean);
}

public sealed record WorkflowSelection(WorkflowOption Chosen, WorkflowOption BestKnown, bool Explored, string Strategy, int? Seed,
    IReadOnlyDictionary<string, double> Samples, string Reason);

/// <summary>
/// The exploration seam (issue 8): chooses among candidate workflows from their success counts.
/// <see cref="GreedySelector"/> always takes the best known (used by --conservative);
/// <see cref="ThompsonSelector"/> samples each candidate's Beta posterior with a seeded generator, so a
/// promising but little-tried workflow is sometimes chosen, deterministically for a given seed; the
/// posterior's prior comes from the learned per-step evidence (<see cref="WorkflowOption.Alpha"/>).
/// </summary>
public interface IWorkflowSelector
{
    WorkflowSelection Select(IReadOnlyList<WorkflowOption> options);
}

public sealed class GreedySelector : IWorkflowSelector
{
    public static WorkflowOption Best(IReadOnlyList<WorkflowOption> options) => options
        .OrderByDescending(o => o.PosteriorMean).ThenByDescending(o => o.Successes + o.Failures).ThenByDescending(o => o.Fit)
        .ThenBy(o => o.Kind == WorkflowOption.ComposedKind ? 1 : 0).ThenBy(o => o.Id, StringComparer.Ordinal).First();

    public WorkflowSelection Select(IReadOnlyList<WorkflowOption> options)
    {
        var best = Best(options);
        return new WorkflowSelection(best, best, false, "greedy", null, new Dictionary<string, double>(),
            options.Count == 1 ? "only one candidate workflow" : $"highest expected success ({best.PosteriorMean:0.00})");
    }
}

public sealed class ThompsonSelector(int seed) : IWorkflowSelector
{
    public WorkflowSelection Select(IReadOnlyList<WorkflowOption> options)
    {
        var best = GreedySelector.Best(options);
        if (options.Count == 1)
            return new WorkflowSelection(best, best, false, "thompson", seed, new Dictionary<string, double>(), "only one candidate workflow");
        var rng = new Random(seed);
        var samples = new Dictionary<string, double>(StringComparer.Ordinal);
        // Sample in a fixed order so the same seed and candidates give the same draws.
        foreach (var o in options.OrderBy(o => o.Id, StringComparer.Ordinal))
            samples[o.Id] = (o.Missing ?? []).Aggregate(BetaSampler.Sample(rng, o.Alpha, o.Beta),
                (p, m) => p * BetaSampler.Sample(rng, m.Alpha, m.Beta));
        var chosen = options.OrderByDescending(o => samples[o.Id]).ThenBy(o => o.Id, StringComparer.Ordinal).First();
        var explored = chosen.Id != best.Id;
        var reason = explored
            ? $"exploring: Thompson sampling drew {samples[chosen.Id]:0.00} for {chosen.Id} (expected {chosen.PosteriorMean:0.00}, {chosen.Successes + chosen.Failures} runs) above {samples[best.Id]:0.00} for the best known {best.Id} (expected {best.PosteriorMean:0.00})"
            : $"exploiting the best known workflow: its draw {samples[chosen.Id]:0.00} was the highest";
        return new WorkflowSelection(chosen, best, explored, "thompson", seed, samples, reason);
    }
}

/// <summary>
/// Exploration by expected gain (issue 15), the default: each candidate scores its expected success plus
/// <see cref="Horizon"/> times its value of information (<see cref="WorkflowOption.Gain"/>: what trying
/// it is expected to teach about a step, in success probability, for each of the next similar tasks).
/// A variant is followed when what it may teach outweighs what it is expected to cost now; a workflow
/// known to be good is left alone when no alternative is likely better. Deterministic: no draws.
/// </summary>
public sealed class ExpectedGainSelector(double horizon = ExpectedGainSelector.DefaultHorizon) : IWorkflowSelector
{
    /// <summary>How many later similar tasks a lesson is expected to serve.</summary>
    public const double DefaultHorizon = 1;
    public double Horizon => horizon;

    public WorkflowSelection Select(IReadOnlyList<WorkflowOption> options)
    {
        var best = GreedySelector.Best(options);
        if (options.Count == 1)
            return new WorkflowSelection(best, best, false, "expected-gain", null, new Dictionary<string, double>(), "only one candidate workflow");
        var scores = options.ToDictionary(o => o.Id, o => o.PosteriorMean + horizon * o.Gain, StringComparer.Ordinal);
        var chosen = options.OrderByDescending(o => scores[o.Id]).ThenByDescending(o => o.PosteriorMean).ThenBy(o => o.Id, StringComparer.Ordinal).First();
        var explored = chosen.Id != best.Id;
        var reason = explored
            ? $"exploring by expected gain: {chosen.Id} is expected to succeed {chosen.PosteriorMean:0.00} (best known {best.Id}: {best.PosteriorMean:0.00}) but may teach {chosen.Gain:0.000} per later similar task (x{horizon:0.#}): score {scores[chosen.Id]:0.00} > {scores[best.Id]:0.00}"
            : $"exploiting the best known workflow (expected {chosen.PosteriorMean:0.00}); no alternative's expected gain outweighs its cost";
        return new WorkflowSelection(chosen, best, explored, "expected-gain", null, scores, reason);
    }
}

/// <summary>Beta(a, b) draws from two Gamma draws (Marsaglia–Tsang; a shape below 1 is boosted by one and scaled back).</summary>
public static class BetaSampler
{
    public static double Sample(Random rng, double a, double b)
    {
        var x = Gamma(rng, a);
        var y = Gamma(rng, b);
        return x / (x + y);
    }

    private static double Gamma(Random rng, double shape)
    {
        if (shape < 1) return Gamma(rng, shape + 1) * Math.Pow(rng.NextDouble(), 1 / shape);
        var d = shape - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal(rng);
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            var u = rng.NextDouble();
            if (u < 1 - 0.0331 * x * x * x * x) return d * v;
            if (Math.Log(u) < 0.5 * x * x + d * (1 - v + Math.Log(v))) return d * v;
        }
    }

    private static double Normal(Random rng)
    {
        var u1 = 1 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
