namespace AgentOps.Orchestration.Planning;

/// <summary>
/// Where the plan stops to check before going on: after the step the learned per-step evidence of this
/// kind of task says fails most, after the step a learned pattern found fails most,
/// after steps whose learned success rate is below 80 %, after implementation steps of a risky task,
/// before any deployment, and (--conservative) after every step that writes.
/// </summary>
public static class PlanCheckpoints
{
    public const double LowSuccess = 0.8;

    /// <param name="weakestStep">The plan step the pooled per-step evidence of this kind of task says is
    /// most likely to fail (<see cref="StepEvidence"/>), with the reason; it gets a checkpoint whatever
    /// the step's origin, so the orchestrator checks it and retries it once if it failed.</param>
    public static IReadOnlyList<Checkpoint> Place(IReadOnlyList<PlanStep> steps, TaskIntent intent, ExecutionMode mode, int? learnedCheckpointOrder,
        (string StepId, string Reason)? weakestStep = null)
    {
        var result = new List<Checkpoint>();
        void Add(PlanStep s, string reason)
        {
            if (result.Any(c => c.AfterStep == s.Id)) return;
            result.Add(new Checkpoint(s.Id, reason, Check(s)));
        }
        if (weakestStep is { } w && steps.FirstOrDefault(s => s.Id == w.StepId) is { } weakest)
            Add(weakest, w.Reason);
        if (learnedCheckpointOrder is { } order && order >= 1 && order <= steps.Count && steps[order - 1].Origin == "pattern")
            Add(steps[order - 1], "learned: the step that fails most often in this pattern");
        foreach (var s in steps.Where(s => s.Origin == "pattern" && s.SuccessRate < LowSuccess))
            Add(s, $"learned success rate {s.SuccessRate:P0} is below {LowSuccess:P0}");
        if (intent.Risky)
            foreach (var s in steps.Where(s => s.Phase == "implement" && s.Writes))
                Add(s, $"risky change ({string.Join(", ", intent.RiskSignals)})");
        foreach (var deploy in steps.Where(s => s.Phase == "deploy"))
            foreach (var before in steps.Where(s => deploy.DependsOn.Contains(s.Id)))
                Add(before, "deploy only after this passes");
        if (mode == ExecutionMode.Conservative)
            foreach (var s in steps.Where(s => s.Writes)) Add(s, "conservative mode: check every change before the next step");
        var index = steps.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return result.OrderBy(c => index[c.AfterStep]).ToList();
    }

    private static string Check(PlanStep s) => s.Phase switch
    {
        "implement" => "review the diff against the spec; the build passes; nothing outside the plan changed",
        "test" => "the new tests pass and fail without the change",
        "validate" => "the validation report is green",
        "deploy" => "the rollout is healthy (pods ready, errors flat); roll back otherwise",
        "document" => "the docs match the behaviour",
        _ => "the step's output is complete and consistent with the task",
    };
}
