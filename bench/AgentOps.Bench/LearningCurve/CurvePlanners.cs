using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Orchestration.Planning;

namespace AgentOps.Bench.LearningCurve;

/// <summary>A planner under test: plans a task, and (if it has memory) learns from the executed run.</summary>
public interface ICurvePlanner
{
    string Name { get; }
    ExecutionPlan Plan(TaskFamily family, string task);
    /// <summary>Learns from one executed run; returns the time the learning path took, or null when the
    /// planner has no memory.</summary>
    TimeSpan? Learn(TaskFamily family, string task, SimulatedRun run, string executionKey, DateTimeOffset start);
}

/// <summary>Our planner with an empty pattern store that never learns: the workflow composed from the catalog,
/// with the agents its informed priors expect to do better swapped in, greedily (exploring teaches nothing to a
/// planner that remembers nothing). It reads agents and steps with the same embedder as the learning planner,
/// so the gain over it is the memory's.</summary>
public sealed class NoMemoryPlanner(CatalogStore catalog, AgentOps.Orchestration.Embeddings.ITextEmbedder? embedder = null) : ICurvePlanner
{
    public string Name => CurvePlannerNames.NoMemory;
    public ExecutionPlan Plan(TaskFamily family, string task) => Planner.Plan(task, catalog, LearnedSignals.None, new PlanOptions { Selector = new GreedySelector(), Embedder = embedder });
    public TimeSpan? Learn(TaskFamily family, string task, SimulatedRun run, string executionKey, DateTimeOffset start) => null;
}

/// <summary>The oracle's plan for the task (see <see cref="OraclePlanner"/>).</summary>
public sealed class OracleCurvePlanner(OraclePlanner oracle) : ICurvePlanner
{
    public string Name => CurvePlannerNames.Oracle;
    public ExecutionPlan Plan(TaskFamily family, string task) => oracle.Plan(family, task);
    public TimeSpan? Learn(TaskFamily family, string task, SimulatedRun run, string executionKey, DateTimeOffset start) => null;
}

public static class CurvePlannerNames
{
    public const string Learning = "learning", NoMemory = "no-memory", Oracle = "oracle";
    public static readonly IReadOnlyList<string> All = [Learning, NoMemory, Oracle];
}
