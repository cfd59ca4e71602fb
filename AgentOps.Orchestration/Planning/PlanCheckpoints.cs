namespace AgentOps.Orchestration.Planning;

/// <summary>
/// Where the plan stops to check before going on: after every step whose checkpoint is expected to save more
/// rework than it costs (<see cref="CheckpointValue"/>, from what the planner expects of each step), after
/// implementation steps of a risky task, before any deployment, and (--conservative) after every step that writes.
/// </summary>
public static class PlanCheckpoints
{
    /// <param name="worthChecking">The steps whose checkpoint pays for itself by expected value
    /// (<see cref="CheckpointValue.Worth"/>), with the reason: the orchestrator checks them and retries once.</param>
    public static IReadOnlyList<Checkpoint> Place(IReadOnlyList<PlanStep> steps, TaskIntent intent, ExecutionMode mode,
        IReadOnlyList<(string StepId, string Reason)>? worthChecking = null)
    {
        var result = new List<Checkpoint>();
        void Add(PlanStep s, string reason)
        {
            if (result.Any(c => c.AfterStep == s.Id)) return;
            result.Add(new Checkpoint(s.Id, reason, Check(s)));
        }
        foreach (var (id, reason) in worthChecking ?? [])
            if (steps.FirstOrDefault(s => s.Id == id) is { } step) Add(step, reason);
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
