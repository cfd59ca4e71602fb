namespace AgentOps.Orchestration.Planning;

/// <summary>
/// Whether a checkpoint after a step pays for itself, by expected value in seconds of work (issue 15).
/// A checkpoint costs a check (<see cref="CheckSeconds"/>) and, when the step failed, the step run again and
/// checked again. It saves a failed run — the whole workflow's work done again — when the step failed, the
/// retry succeeded and every other step succeeded too (otherwise the run fails anyway):
/// <c>saving = (1 − q) · q · P(rest) · work</c>, <c>cost = check + (1 − q) · (step + check)</c>.
/// q is what the planner expects of the step: the memory's pooled evidence for the learning planner, the
/// truth for the bench's oracle. No rule names a step, an agent or a kind of task: a reliable step in a short
/// workflow is not worth its check, a doubtful one in a long workflow is.
/// </summary>
public static class CheckpointValue
{
    /// <summary>What one check costs: reading the step's output against its check (the learning-curve
    /// simulator charges the same 20 s).</summary>
    public const double CheckSeconds = 20;

    /// <summary>Expected seconds saved minus expected seconds spent by a checkpoint after a step.</summary>
    /// <param name="success">The step's expected success.</param>
    /// <param name="stepSeconds">Its expected duration (a retry runs it again).</param>
    /// <param name="restSuccess">The chance every other step succeeds.</param>
    /// <param name="workSeconds">What a failed run costs: the workflow's work, one step after another.</param>
    public static double Net(double success, double stepSeconds, double restSuccess, double workSeconds)
    {
        var fail = 1 - success;
        return fail * success * restSuccess * workSeconds - (CheckSeconds + fail * (stepSeconds + CheckSeconds));
    }

    /// <summary>The steps worth a checkpoint, with their net saving in seconds: those the planner knows something
    /// about (<paramref name="known"/>) whose checkpoint is expected to save more than it costs.</summary>
    public static IReadOnlyList<(PlanStep Step, double Net)> Worth(IReadOnlyList<PlanStep> steps, Func<PlanStep, double> expected, Func<PlanStep, bool> known)
    {
        var q = steps.Select(expected).ToArray();
        var work = steps.Sum(s => s.EstimatedSeconds);
        var result = new List<(PlanStep, double)>();
        for (var i = 0; i < steps.Count; i++)
        {
            if (!known(steps[i])) continue;
            // The other steps' chance without dividing by q (q may be 0).
            var rest = 1.0;
            for (var j = 0; j < q.Length; j++) if (j != i) rest *= q[j];
            var net = Net(q[i], steps[i].EstimatedSeconds, rest, work);
            if (net > 0) result.Add((steps[i], net));
        }
        return result;
    }
}
