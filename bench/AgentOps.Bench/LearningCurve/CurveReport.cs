using System.Globalization;
using System.Text;

namespace AgentOps.Bench.LearningCurve;

/// <summary>The printed table: per family and overall, per planner, the success per window of family
/// executions, realized success, executions until within 10 % of the oracle, cumulative regret, mean
/// duration, parallel speed-up, retries and exploration; then the goals and the timings.</summary>
public static class CurveReport
{
    public const int WindowSize = 5;

    /// <summary>The window the goals are judged on: executions 6–10 of each family ("within 10 executions").</summary>
    public const int GoalFrom = 6, GoalTo = 10;

    public static IReadOnlyList<(int From, int To)> Windows(int executions) =>
        Enumerable.Range(0, (executions + WindowSize - 1) / WindowSize).Select(i => (i * WindowSize + 1, Math.Min(executions, (i + 1) * WindowSize))).ToList();

    public static string Render(CurveStatistics s, CurveOptions o, double? cliAgreement = null, string? cliNote = null)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        var windows = Windows(s.Executions);
        sb.AppendLine(inv, $"Learning curve: {s.Families.Count} families x {s.Executions} executions, {o.Replicates} replicate(s), seed {o.Seed}.");
        sb.AppendLine("Success = true success probability of the plan executed (mean over replicates); realized = share of simulated runs that succeeded.");
        sb.AppendLine();
        var head = new StringBuilder();
        head.Append(inv, $"{"family",-19}{"planner",-11}");
        foreach (var (f, t) in windows) head.Append(inv, $"{$"k {f}-{t}",9}");
        head.Append(inv, $"{"realized",10}{"to 90%",8}{"regret",8}{"minutes",9}{"speed-up",10}{"retries",9}{"explored",10}");
        sb.AppendLine(head.ToString());
        foreach (var family in s.Families.Append(null))
        {
            foreach (var planner in CurvePlannerNames.All)
            {
                var line = new StringBuilder();
                line.Append(inv, $"{(planner == CurvePlannerNames.Learning ? family ?? "overall" : ""),-19}{planner,-11}");
                foreach (var (f, t) in windows) line.Append(inv, $"{s.Window(planner, family, f, t),9:0.00}");
                var realized = s.Window(planner, family, 1, s.Executions, realized: true);
                var to90 = planner == CurvePlannerNames.Oracle ? "" : s.ExecutionsToWithinOracle(family, planner)?.ToString(inv) ?? "-";
                var regret = planner == CurvePlannerNames.Oracle ? "" : s.Regret(planner, family).ToString("0.00", inv);
                line.Append(inv, $"{realized,10:0.00}{to90,8}{regret,8}{s.MeanMinutes(planner, family),9:0.0}{s.SpeedUp(planner, family),9:0.00}x{s.RetriesPerRun(planner, family),9:0.00}{s.ExploreRate(planner, family),9:0 %}");
                sb.AppendLine(line.ToString().TrimEnd());
            }
        }
        sb.AppendLine();
        var learn = s.Window(CurvePlannerNames.Learning, null, GoalFrom, GoalTo);
        var none = s.Window(CurvePlannerNames.NoMemory, null, GoalFrom, GoalTo);
        var oracle = s.Window(CurvePlannerNames.Oracle, null, GoalFrom, GoalTo);
        var ofOracle = learn / oracle;
        var relative = learn / none - 1;
        sb.AppendLine(inv, $"Goals, executions {GoalFrom}-{GoalTo} of each family (success probability, all families):");
        sb.AppendLine(inv, $"  learning {learn:0.000} = {ofOracle:0.0 %} of the oracle ({oracle:0.000})        goal >= 90 %: {(ofOracle >= 0.9 ? "met" : "NOT met")}");
        sb.AppendLine(inv, $"  learning {learn:0.000} vs no-memory {none:0.000} = {relative:+0.0 %;-0.0 %} relative   goal >= +25 %: {(relative >= 0.25 ? "met" : "NOT met")}");
        var perFamily = s.Families.Select(f => (f, L: s.Window(CurvePlannerNames.Learning, f, GoalFrom, GoalTo), O: s.Window(CurvePlannerNames.Oracle, f, GoalFrom, GoalTo))).ToList();
        var within = perFamily.Count(x => x.L >= 0.9 * x.O);
        var missing = within < perFamily.Count
            ? " (not: " + string.Join(", ", perFamily.Where(x => x.L < 0.9 * x.O).Select(x => string.Create(inv, $"{x.f} {x.L / x.O:0.0 %}"))) + ")" : "";
        sb.AppendLine(inv, $"  families within 10 % of the oracle at executions {GoalFrom}-{GoalTo}: {within} of {perFamily.Count}{missing}");
        sb.AppendLine();
        var lm = s.LearnMilliseconds;
        if (lm.Count > 0)
            sb.AppendLine(inv, $"Learning path per execution (write the record, learn-from: parse, extract, validate, redact, write, git commit): " +
                $"mean {lm.Average():0.0} ms, p50 {CurveStatistics.Percentile(lm, 0.5):0.0} ms, p90 {CurveStatistics.Percentile(lm, 0.9):0.0} ms, max {lm[^1]:0.0} ms over {lm.Count} executions");
        var pl = s.PlanMilliseconds(CurvePlannerNames.Learning);
        var pn = s.PlanMilliseconds(CurvePlannerNames.NoMemory);
        sb.AppendLine(inv, $"Planning per task, in-process: learning p50 {CurveStatistics.Percentile(pl, 0.5):0.0} ms (p90 {CurveStatistics.Percentile(pl, 0.9):0.0}), no-memory p50 {CurveStatistics.Percentile(pn, 0.5):0.0} ms");
        if (cliNote is not null) sb.AppendLine(cliNote);
        _ = cliAgreement;
        return sb.ToString();
    }
}
