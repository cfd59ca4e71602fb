using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Planning;

namespace AgentOps.Bench.LearningCurve;

/// <summary>
/// The oracle: knows the hidden truth. For each task it takes the workflow composed for it (the steps the
/// task needs), fills each step with the agent of that step's catalog alternatives
/// (<see cref="WorkflowVariants.Slots"/>) that truly succeeds most often (ties: the one the catalog ranks
/// first) and places checkpoints with the planner's own rules (<see cref="PlanCheckpoints"/>) fed with
/// the true success rates. Its figures are the ceiling the learning planner is measured against: same
/// search space, same checkpoint policy, perfect knowledge.
/// </summary>
public sealed class OraclePlanner
{
    private readonly Dictionary<string, ExecutionPlan> _best = new(StringComparer.Ordinal);

    public OraclePlanner(IReadOnlyList<TaskFamily> families, CatalogStore catalog)
    {
        var resolver = new AgentResolver(catalog);
        foreach (var family in families)
        {
            foreach (var task in family.Phrasings)
            {
                var intent = IntentAnalyzer.Analyze(task);
                var composed = PlanComposer.Compose(intent, resolver);
                var slots = WorkflowVariants.Slots(task, composed, catalog);
                var steps = composed.Select((s, i) =>
                {
                    // Truly most reliable; on a tie the agent listed first (the one the catalog ranks higher).
                    var agent = slots[i].Agents.OrderByDescending(a => family.Truth(a, s.Capability).Success).First();
                    var truth = family.Truth(agent, s.Capability);
                    return s with { Invocation = agent, Origin = "pattern", SuccessRate = truth.Success, EstimatedSeconds = truth.Seconds, Why = "oracle: truly best agent for this step" };
                }).ToList();
                _best[Key(family, task)] = Plan(task, intent, steps);
            }
        }
    }

    public ExecutionPlan Plan(TaskFamily family, string task) => _best[Key(family, task)];

    private static string Key(TaskFamily family, string task) => family.Name + "\n" + task;

    public static double ExpectedSuccess(ExecutionPlan plan, TaskFamily family) => PlanSimulator.ExpectedSuccess(plan, family);
    private static ExecutionPlan Plan(string task, TaskIntent intent, IReadOnlyList<PlanStep> steps)
    {
        var (scheduled, groups) = PlanScheduler.Schedule(steps, ExecutionMode.Balanced);
        var weakest = scheduled.Select((s, i) => (s, i)).OrderBy(x => x.s.SuccessRate).ThenBy(x => x.i).First();
        int? learned = weakest.s.SuccessRate < 1 ? weakest.i + 1 : null;
        var checkpoints = PlanCheckpoints.Place(scheduled, intent, ExecutionMode.Balanced, learned);
        var source = new PlanSource("oracle", null, null, null, null, null, null, null, null, ["the hidden best workflow"]);
        var exploration = new ExplorationInfo("oracle", null, false, "oracle", "oracle", "knows the truth", []);
        var estimate = PlanEstimator.Estimate(scheduled, groups, source, null);
        return new ExecutionPlan(task, intent, source, exploration, ExecutionMode.Balanced, PlanPurpose.Execute, scheduled, groups, checkpoints, estimate, [], []);
    }
}
