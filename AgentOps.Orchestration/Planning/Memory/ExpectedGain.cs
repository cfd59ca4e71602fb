namespace AgentOps.Orchestration.Planning.Memory;

/// <summary>
/// Value of information for exploration (issue 15): how much trying an agent is expected to improve a
/// step. For an agent whose success at the step is Beta(α, β) and a step currently expected to succeed
/// with probability t, the expected improvement is E[max(θ − t, 0)]: zero when the agent is surely worse,
/// large when it is uncertain and may well be better, so a 0.85 step is challenged by a likely better
/// agent while a 0.97 step is left alone. Computed on a midpoint grid (<see cref="Points"/>), normalised
/// on the same grid: no special functions, stable for shapes below 1.
/// </summary>
public static class ExpectedGain
{
    public const int Points = 400;

    /// <summary>What trying <paramref name="candidate"/> instead of <paramref name="current"/> is expected to teach
    /// beyond what running the current agent again would: E[max(θc − μ, 0)] − E[max(θ − μc, 0)], at least 0.
    /// Two untried agents with the same prior teach the same: no reason to leave the one the catalog chose.
    /// An agent with a long, mediocre record (0.85 over 20 runs) teaches little more by running again, so an
    /// uncertain alternative that may be better is worth a try.</summary>
    public static double Net(StepEvidence candidate, StepEvidence current) =>
        Math.Max(0, Improvement(candidate.Alpha, candidate.Beta, current.Mean) - Improvement(current.Alpha, current.Beta, candidate.Mean));

    public static double Improvement(double alpha, double beta, double threshold)
    {
        if (alpha <= 0 || beta <= 0 || threshold >= 1) return 0;
        double total = 0, gain = 0, max = double.NegativeInfinity;
        for (var i = 0; i < Points; i++) max = Math.Max(max, LogDensity((i + 0.5) / Points));
        for (var i = 0; i < Points; i++)
        {
            var x = (i + 0.5) / Points;
            var w = Math.Exp(LogDensity(x) - max); // scaled by the largest term: no underflow for long records
            total += w;
            if (x > threshold) gain += w * (x - threshold);
        }
        return total == 0 ? 0 : gain / total;

        double LogDensity(double x) => (alpha - 1) * Math.Log(x) + (beta - 1) * Math.Log(1 - x);
    }
}
