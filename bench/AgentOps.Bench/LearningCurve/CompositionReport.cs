using System.Text;
using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Orchestration.Planning;

namespace AgentOps.Bench.LearningCurve;

/// <summary>
/// How well the planner's composition reads what each phrasing needs (<c>learning-curve --composition</c>):
/// per phrasing the capabilities the no-memory plan has no step for (each costs the run 15 %) and the steps
/// it adds that the task does not need (each costs its agent's failure rate), then the totals. It prints
/// hidden truth, so it honours <c>--only</c> like <c>--families</c>: tune on <c>--only shipped,tuned</c>.
/// </summary>
public static class CompositionReport
{
    public static string Render(IReadOnlyList<TaskFamily> families, CatalogStore catalog)
    {
        var sb = new StringBuilder();
        int phrasings = 0, missing = 0, extra = 0, exact = 0;
        foreach (var f in families)
        {
            sb.AppendLine($"== {f.Name} ({f.Split})");
            foreach (var task in f.Phrasings)
            {
                var plan = Planner.Plan(task, catalog, LearnedSignals.None, new PlanOptions());
                var composed = plan.Steps.Select(StepRole.Of).Distinct().ToList();
                var needs = f.NeedsOf(task);
                var lacks = needs.Except(composed).ToList();
                var adds = composed.Except(needs).ToList();
                phrasings++; missing += lacks.Count; extra += adds.Count;
                if (lacks.Count == 0 && adds.Count == 0) exact++;
                sb.AppendLine($"   {(lacks.Count + adds.Count == 0 ? "ok" : "  ")} \"{task}\": composed {string.Join(" ", composed)}"
                    + (lacks.Count > 0 ? $"; MISSING {string.Join(" ", lacks)}" : "") + (adds.Count > 0 ? $"; extra {string.Join(" ", adds)}" : ""));
            }
        }
        sb.AppendLine($"{phrasings} phrasings: {exact} composed exactly, {missing} missing capabilities, {extra} extra steps");
        return sb.ToString();
    }
}
