namespace AgentOps.Bench.LearningCurve;

/// <summary>One attempt of one plan step: when it started (seconds after the session start), how long
/// it took and whether it succeeded. A retried step has two attempts.</summary>
public sealed record SimulatedAttempt(string StepId, int StepIndex, string Agent, string Kind, string Title, int Attempt, double Start, double Seconds, bool Success)
{
    public double End => Start + Seconds;
}

/// <summary>
/// What executing a plan did: its attempts, the outcome (every step succeeded, after retries), the
/// wall-clock duration (<see cref="Makespan"/>: groups one after another, steps of a group together,
/// checkpoints' checks included), the time the same work takes one step at a time
/// (<see cref="BusySeconds"/>), and the probability the plan succeeds under the hidden truth
/// (<see cref="ExpectedSuccess"/>: the product over steps of p, or 1 − (1 − p)² for a step a checkpoint
/// can retry), which the figures average because it has far less noise than one coin flip.
/// </summary>
public sealed record SimulatedRun(
    IReadOnlyList<SimulatedAttempt> Attempts,
    bool Success,
    double Makespan,
    double BusySeconds,
    double ExpectedSuccess,
    int Retries)
{
    public double SpeedUp => Makespan <= 0 ? 1 : BusySeconds / Makespan;

    /// <summary>The final check of the whole result failed because a capability the task needs was skipped.</summary>
    public bool GapFound { get; init; }
}
