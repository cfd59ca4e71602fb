using AgentOps.Orchestration.Catalog.Ranking;

namespace AgentOps.Orchestration.Planning;

/// <summary>
/// Duration and success estimates. A step's duration is its learned mean when the pattern has one,
/// else a default per phase; the plan's duration is the sum over groups of the longest step in each
/// (groups run one after another, steps of a group together). Success: a pattern's posterior mean
/// (successes + 1) / (executions + 2); a composed plan multiplies its steps' learned reliabilities
/// (<see cref="DefaultStepSuccess"/> for a step never seen).
/// </summary>
public static class PlanEstimator
{
    public const double DefaultStepSuccess = 0.97;

    public static readonly IReadOnlyDictionary<string, double> DefaultSeconds = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["research"] = 90, ["plan"] = 120, ["implement"] = 300, ["test"] = 180, ["document"] = 120,
        ["validate"] = 120, ["review"] = 90, ["deploy"] = 240, ["execute"] = 120,
    };

    public static IReadOnlyList<PlanStep> WithDurations(IReadOnlyList<PlanStep> steps, LearnedSignals learned) =>
        steps.Select(s =>
        {
            var seconds = s.EstimatedSeconds > 0 ? s.EstimatedSeconds : DefaultSeconds.GetValueOrDefault(s.Phase, 120);
            var success = s.Origin == "pattern" ? s.SuccessRate
                : learned.Steps.TryGetValue(s.Invocation, out var u) ? u.Reliability : DefaultStepSuccess;
            return s with { EstimatedSeconds = seconds, SuccessRate = success };
        }).ToList();

    public static PlanEstimate Estimate(IReadOnlyList<PlanStep> steps, IReadOnlyList<IReadOnlyList<string>> groups, PlanSource source, PatternFit? pattern)
    {
        var byId = steps.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var duration = groups.Sum(g => g.Max(id => byId[id].EstimatedSeconds));
        var sequential = steps.Sum(s => s.EstimatedSeconds);
        var basis = new List<string>();
        double success;
        if (pattern is not null)
        {
            success = (pattern.Successes + 1.0) / (pattern.Pattern.Executions + 2.0);
            basis.Add($"success: pattern {pattern.Pattern.Id}, {pattern.Successes} of {pattern.Pattern.Executions} executions succeeded (smoothed)");
            basis.Add(pattern.Pattern.Steps.Any(s => s.MeanDurationSeconds > 0) ? "durations: learned step means" : "durations: defaults per phase");
        }
        else
        {
            success = steps.Aggregate(1.0, (p, s) => p * s.SuccessRate);
            basis.Add($"success: product of step reliabilities (learned where known, {DefaultStepSuccess:0.00} otherwise)");
            basis.Add("durations: defaults per phase (no learned pattern)");
        }
        basis.Add($"{groups.Count} groups run one after another; steps of a group run together");
        _ = source;
        return new PlanEstimate(Math.Round(duration, 1), Math.Round(sequential, 1), Math.Round(success, 4), basis);
    }
}
