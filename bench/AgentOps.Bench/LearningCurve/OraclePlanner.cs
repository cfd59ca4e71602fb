using AgentOps.Core.Catalog;
using AgentOps.Core.Planning;

namespace AgentOps.Bench.LearningCurve;

/// <summary>
/// The oracle: knows the hidden truth. For each family it takes every phrasing's composed workflow,
/// fills each step with the agent of that step's catalog alternatives (<see cref="WorkflowVariants.Slots"/>)
/// that truly succeeds most often (ties: the one the catalog ranks first), places checkpoints with the planner's own rules
/// (<see cref="PlanCheckpoints"/>) fed with the true success rates, and keeps the workflow with the
/// highest true success probability (ties: shorter). It runs that plan for every task of the family.
/// Its figures are the ceiling the learning planner is measured against: same search space, same
/// checkpoint policy, perfect knowledge.
/// </summary>
public sealed class OraclePlanner
{
    private readonly Dictionary<string, ExecutionPlan> _best = new(StringComparer.Ordinal);

    public OraclePlanner(IReadOnlyList<TaskFamily> families, CatalogStore catalog)
    {
        var resolver = new AgentResolver(catalog);
        foreach (var family in families)
        {
            ExecutionPlan? best = null;
            double bestP = -1, bestSeconds = double.MaxValue;
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
                var plan = Plan(task, intent, steps);
                var p = ExpectedSuccess(plan, family);
                var seconds = plan.Groups.Sum(g => g.Max(id => plan.Steps.First(s => s.Id == id).EstimatedSeconds));
                if (p > bestP + 1e-12 || (Math.Abs(p - bestP) <= 1e-12 && seconds < bestSeconds))
                {
                    best = plan;
                    bestP = p;
                    bestSeconds = seconds;
                }
            }
            _best[family.Name] = best!;
        }
    }

    public ExecutionPlan Plan(TaskFamily family) => _best[family.Name];

    public static double ExpectedSuccess(ExecutionPlan plan, TaskFamily family)
    {
        var checkpointed = plan.Checkpoints.Select(c => c.AfterStep).ToHashSet(StringComparer.Ordinal);
        return plan.Steps.Aggregate(1.0, (acc, s) =>
        {
            var p = family.Truth(s).Success;
            return acc * (checkpointed.Contains(s.Id) ? 1 - (1 - p) * (1 - p) : p);
        });
    }

    private static ExecutionPlan Plan(string task, TaskIntent intent, IReadOnlyList<PlanStep> steps)
    {
        var (scheduled, groups) = PlanScheduler.Schedule(steps, ExecutionMode.Balanced);
        var weakest = scheduled.Select((s, i) => (s, i)).OrderBy(x => x.s.SuccessRate).ThenBy(x => x.i).First();
        int? learned = weakest.s.SuccessRate < 1 ? weakest.i + 1 : null;
        var checkpoints = PlanCheckpoints.Place(scheduled, intent, ExecutionMode.Balanced, learned);
        var source = new PlanSource("oracle", null, null, null, null, null, null, null, ["the hidden best workflow"]);
        var exploration = new ExplorationInfo("oracle", null, false, "oracle", "oracle", "knows the truth", []);
        var estimate = PlanEstimator.Estimate(scheduled, groups, source, null);
        return new ExecutionPlan(task, intent, source, exploration, ExecutionMode.Balanced, PlanPurpose.Execute, scheduled, groups, checkpoints, estimate, [], []);
    }
}
