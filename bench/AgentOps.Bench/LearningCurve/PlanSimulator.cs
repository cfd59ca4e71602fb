using AgentOps.Orchestration.Planning;

namespace AgentOps.Bench.LearningCurve;

/// <summary>
/// Executes a plan against a family's hidden truth. Groups run one after another and the steps of a
/// group together (the plan's <c>parallel_groups</c>, as /orchestrate launches them). Each attempt of
/// a step succeeds with the agent's true probability, independently of the other steps, and takes its
/// true mean duration times log-normal noise (σ = <see cref="DurationSigma"/>). A checkpoint after a
/// step costs a check of <see cref="CheckSeconds"/>; when the check finds the step failed, the step is
/// run once more (and checked again) — the retry the plan's learned checkpoints exist for. A failed
/// step with no checkpoint fails the execution; later steps still run (they are independent).
/// </summary>
public static class PlanSimulator
{
    public const double CheckSeconds = 20;
    public const double DurationSigma = 0.25;
    public const double MissingCapabilityPenalty = 0.15;

    /// <summary>Capabilities the task truly needs (<see cref="TaskFamily.NeedsOf"/>) that no step of the plan does.</summary>
    public static IReadOnlyList<string> Missing(ExecutionPlan plan, TaskFamily family) =>
        family.NeedsOf(plan.Task).Except(plan.Steps.Select(StepRole.Of)).ToList();

    /// <summary>The plan's true success probability.</summary>
    public static double ExpectedSuccess(ExecutionPlan plan, TaskFamily family)
    {
        var checkpointed = plan.Checkpoints.Select(c => c.AfterStep).ToHashSet(StringComparer.Ordinal);
        var p = plan.Steps.Aggregate(1.0, (acc, s) =>
        {
            var q = family.Truth(s).Success;
            return acc * (checkpointed.Contains(s.Id) ? 1 - (1 - q) * (1 - q) : q);
        });
        return p * Math.Pow(1 - MissingCapabilityPenalty, Missing(plan, family).Count);
    }

    /// <param name="key">The randomness key of this execution (replicate and round, not the planner:
    /// see <see cref="SimRandom"/>).</param>
    public static SimulatedRun Run(ExecutionPlan plan, TaskFamily family, string key)
    {
        var byId = plan.Steps.Select((s, i) => (s, i)).ToDictionary(x => x.s.Id, StringComparer.Ordinal);
        var checkpointed = plan.Checkpoints.Select(c => c.AfterStep).ToHashSet(StringComparer.Ordinal);
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var attempts = new List<SimulatedAttempt>();
        var t = 0.0;
        var busy = 0.0;
        var ok = true;
        var retries = 0;
        var missing = Missing(plan, family).Count;
        var gap = missing > 0 && SimRandom.Uniform($"{key}/missing") >= Math.Pow(1 - MissingCapabilityPenalty, missing);
        foreach (var group in plan.Groups)
        {
            var groupEnd = t;
            foreach (var id in group)
            {
                var (step, index) = byId[id];
                var truth = family.Truth(step);
                var occurrence = occurrences[step.Invocation] = occurrences.GetValueOrDefault(step.Invocation) + 1;
                var check = checkpointed.Contains(id);
                var start = t;
                var maxAttempts = check ? 2 : 1;
                var succeeded = false;
                for (var a = 1; a <= maxAttempts && !succeeded; a++)
                {
                    var draw = $"{key}/{step.Invocation}#{occurrence}/attempt{a}";
                    var seconds = truth.Seconds * SimRandom.Noise(draw + "/duration", DurationSigma);
                    succeeded = SimRandom.Uniform(draw + "/outcome") < truth.Success;
                    attempts.Add(new SimulatedAttempt(id, index, step.Invocation, step.Kind, step.Title, a, start, seconds, succeeded));
                    busy += seconds + (check ? CheckSeconds : 0);
                    start += seconds + (check ? CheckSeconds : 0);
                    if (a == 2) retries++;
                }
                ok &= succeeded;
                groupEnd = Math.Max(groupEnd, start);
            }
            t = groupEnd;
        }
        return new SimulatedRun(attempts, ok && !gap, t, busy, ExpectedSuccess(plan, family), retries) { GapFound = gap };
    }
}
