using System.Globalization;
using System.Text;
using AgentOps.Core.Patterns;

namespace AgentOps.Bench.LearningCurve;

/// <summary>Every round of every planner as CSV, for analysis beyond the printed table.</summary>
public static class CurveCsv
{
    public static void Write(string path, IReadOnlyList<RoundResult> rounds)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder("replicate,round,family,k,planner,explored,success,expected,makespan_s,busy_s,retries,plan_ms,learn_ms,source,workflow,task\n");
        foreach (var r in rounds)
            sb.AppendLine(string.Create(inv, $"{r.Replicate},{r.Round},{r.Family},{r.FamilyExecution},{r.Planner},{(r.Explored ? 1 : 0)},{(r.Success ? 1 : 0)},{r.Expected:0.0000},{r.Makespan:0.0},{r.Busy:0.0},{r.Retries},{r.PlanMs:0.0},{r.LearnMs?.ToString("0.0", inv) ?? ""},{r.Source},\"{r.Workflow}\",\"{r.Task}\""));
        AtomicFile.WriteAllText(path, sb.ToString());
    }
}
