using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Planning;

namespace AgentOps.Bench.LearningCurve;

/// <summary>
/// The oracle: knows the hidden truth. For each task it composes the steps the task truly needs
/// (<see cref="TaskFamily.NeedsOf"/>), fills each step with the agent that truly succeeds most often among
/// that step's catalog alternatives (<see cref="WorkflowVariants.Slots"/>) and every catalog agent whose
/// trade covers it (ties: the one the catalog ranks first) and places checkpoints with the planner's own rules (<see cref="PlanCheckpoints"/>) fed with
/// the true success rates. Its figures are the ceiling the learning planner is measured against: same
/// search space, same checkpoint policy, perfect knowledge.
/// </summary>
public sealed class OraclePlanner
{
    private readonly Dictionary<string, ExecutionPlan> _best = new(StringComparer.Ordinal);

    public OraclePlanner(IReadOnlyList<TaskFamily> families, CatalogStore catalog)
    {
        var resolver = new AgentResolver(catalog);
        var inCatalog = TaskFamilies.Profiles.Keys.Where(a => catalog.FindComponent(a) is not null).ToList();
        foreach (var family in families)
        {
            foreach (var task in family.Phrasings)
            {
                // The steps the task truly needs (the family's truth, not the planner's reading of the words).
                var analyzed = IntentAnalyzer.Analyze(task);
                var order = Capabilities.All.Select(r => r.Name).ToList();
                var intent = analyzed with
                {
                    Capabilities = family.NeedsOf(task).OrderBy(order.IndexOf)
                        .Select(c => new RequiredCapability(c, Capabilities.Get(c).Phase, "the family's truth")).ToList(),
                };
                var composed = PlanComposer.Compose(intent, resolver);
                var slots = WorkflowVariants.Slots(task, composed, catalog);
                var steps = composed.Select((s, i) =>
                {
                    // Truly most reliable among the step's catalog alternatives and every catalog agent whose trade
                    // covers it; on a tie the agent listed first (the one the catalog ranks higher).
                    var agent = slots[i].Agents.Concat(inCatalog).Distinct(StringComparer.Ordinal)
                        .OrderByDescending(a => family.Truth(a, s.Capability).Success).First();
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
