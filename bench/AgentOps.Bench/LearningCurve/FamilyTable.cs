using System.Text;
using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Planning;

namespace AgentOps.Bench.LearningCurve;

/// <summary>Prints the hidden truth: per family its story, and per phrasing the composed workflow's
/// steps with the candidate agents of each step and their true success rates.</summary>
public static class FamilyTable
{
    public static string Render(IReadOnlyList<TaskFamily> families, CatalogStore catalog)
    {
        var sb = new StringBuilder();
        var resolver = new AgentResolver(catalog);
        var oracle = new OraclePlanner(families, catalog);
        foreach (var f in families)
        {
            sb.AppendLine($"== {f.Name} ({f.Format}): {f.Story}");
            foreach (var task in f.Phrasings)
            {
                var best = oracle.Plan(f, task);
                var intent = IntentAnalyzer.Analyze(task);
                var composed = PlanComposer.Compose(intent, resolver);
                var slots = WorkflowVariants.Slots(task, composed, catalog);
                var noMemory = Planner.Plan(task, catalog, AgentOps.Orchestration.Catalog.Ranking.LearnedSignals.None, new PlanOptions());
                sb.AppendLine($"   \"{task}\" [{intent.Category}{(intent.Category != f.Category ? " != " + f.Category : "")}], composed p = {OraclePlanner.ExpectedSuccess(noMemory, f):0.000}, oracle p = {OraclePlanner.ExpectedSuccess(best, f):0.000}");
                sb.AppendLine($"     oracle: {string.Join(" > ", best.Steps.Select(s => s.Invocation))}; checkpoints after {string.Join(", ", best.Checkpoints.Select(c => c.AfterStep))}");
                foreach (var s in slots)
                    sb.AppendLine($"     {composed[s.Index].Capability,-17} {string.Join(" | ", s.Agents.Select(a => $"{a} {f.Truth(a, composed[s.Index].Capability).Success:0.00}"))}");
            }
        }
        sb.AppendLine("== the planner's reading of each catalog agent's trade (informed priors, issue 15):");
        foreach (var agent in TaskFamilies.Profiles.Keys)
            sb.AppendLine($"   {agent,-40} {string.Join(", ", AgentOps.Orchestration.Planning.Memory.AgentPriors.TradeOf(agent, catalog.FindComponent(agent)?.Component.Description))}");
        return sb.ToString();
    }
}
