namespace AgentOps.Bench.LearningCurve;

/// <summary>
/// Figures over the round results. A curve is indexed by the family execution number k (the k-th
/// time a family's task came up) and averages the replicates; the overall curve averages the
/// families. "Expected" is the true success probability of the plan executed (low noise), "realized"
/// the simulated outcome. Windows are 1-based inclusive ranges of k.
/// </summary>
public sealed class CurveStatistics(IReadOnlyList<RoundResult> rounds)
{
    public const double WithinOracle = 0.9;

    public IReadOnlyList<RoundResult> Rounds { get; } = rounds;
    /// <summary>The families run, in the order <see cref="TaskFamilies.All"/> lists them.</summary>
    public IReadOnlyList<string> Families { get; } = rounds.Select(r => r.Family).Distinct(StringComparer.Ordinal)
        .OrderBy(f => TaskFamilies.All.Select(x => x.Name).ToList().IndexOf(f)).ThenBy(f => f, StringComparer.Ordinal).ToList();
    public int Executions { get; } = rounds.Count == 0 ? 0 : rounds.Max(r => r.FamilyExecution);

    private IEnumerable<RoundResult> Of(string planner, string? family) =>
        Rounds.Where(r => r.Planner == planner && (family is null || r.Family == family));

    /// <summary>Mean over replicates (and over families when <paramref name="family"/> is null) at each k = 1..Executions.</summary>
    public IReadOnlyList<double> Curve(string planner, string? family = null, bool realized = false) =>
        Enumerable.Range(1, Executions).Select(k =>
        {
            var perFamily = Of(planner, family).Where(r => r.FamilyExecution == k).GroupBy(r => r.Family)
                .Select(g => g.Average(r => realized ? (r.Success ? 1.0 : 0.0) : r.Expected)).ToList();
            return perFamily.Count == 0 ? double.NaN : perFamily.Average();
        }).ToList();

    public double Window(string planner, string? family, int from, int to, bool realized = false)
    {
        var c = Curve(planner, family, realized);
        var slice = c.Skip(from - 1).Take(Math.Min(to, c.Count) - from + 1).Where(v => !double.IsNaN(v)).ToList();
        return slice.Count == 0 ? double.NaN : slice.Average();
    }

    /// <summary>The first k from which the learning planner's expected success, averaged over k..k+2, is
    /// within 10 % of the oracle's (≥ 90 % of it); null if never.</summary>
    public int? ExecutionsToWithinOracle(string? family = null, string planner = CurvePlannerNames.Learning)
    {
        var c = Curve(planner, family);
        var oracle = Curve(CurvePlannerNames.Oracle, family).Average();
        for (var k = 0; k < c.Count; k++)
        {
            var w = c.Skip(k).Take(3).ToList();
            if (w.Average() >= WithinOracle * oracle) return k + 1;
        }
        return null;
    }

    /// <summary>Cumulative regret: the sum over executions of (oracle − planner) expected success, per
    /// family (mean over replicates); the overall figure sums the families.</summary>
    public double Regret(string planner, string? family = null) =>
        (family is null ? Families : [family]).Sum(f =>
        {
            var p = Curve(planner, f);
            var o = Curve(CurvePlannerNames.Oracle, f);
            return p.Zip(o).Sum(x => x.Second - x.First);
        });

    public double MeanMinutes(string planner, string? family = null) => Of(planner, family).Average(r => r.Makespan) / 60;

    /// <summary>Work time one step after another / wall-clock time (parallel groups overlap).</summary>
    public double SpeedUp(string planner, string? family = null)
    {
        var list = Of(planner, family).ToList();
        return list.Sum(r => r.Busy) / list.Sum(r => r.Makespan);
    }

    public double ExploreRate(string planner, string? family = null) => Of(planner, family).Average(r => r.Explored ? 1.0 : 0.0);

    public double RetriesPerRun(string planner, string? family = null) => Of(planner, family).Average(r => r.Retries);

    public IReadOnlyList<double> LearnMilliseconds => Rounds.Where(r => r.LearnMs is not null).Select(r => r.LearnMs!.Value).Order().ToList();
    public IReadOnlyList<double> PlanMilliseconds(string planner) => Of(planner, null).Select(r => r.PlanMs).Order().ToList();

    public static double Percentile(IReadOnlyList<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
}
