using System.Globalization;
using System.Text;

namespace AgentOps.Bench.LearningCurve;

/// <summary>
/// Issue 15's side-by-side view: the shipped families (issue 8), the families written for issue 15 and
/// looked at while tuning, and the untouched ones never looked at (held out), each at executions 6-10,
/// with cumulative regret; then the goals: on families not tuned to (untouched) at least 90 % of the
/// oracle and +25 % over no memory, no family worse than no memory, every control within 2 % of the oracle.
/// </summary>
public static class SplitReport
{
    public const double ControlTolerance = 0.02;

    public static string Render(IReadOnlyList<RoundResult> rounds, IReadOnlyList<TaskFamily> families)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        var byName = families.ToDictionary(f => f.Name, StringComparer.Ordinal);
        sb.AppendLine(inv, $"By split, executions {CurveReport.GoalFrom}-{CurveReport.GoalTo} of each family (success probability; regret over all executions):");
        sb.AppendLine(inv, $"{"split",-11}{"families",9}{"learning",10}{"no-memory",11}{"oracle",8}{"of oracle",11}{"vs none",9}{"k 1-5",8}{"k 11-15",9}{"regret",8}{"(none)",8}");
        var goals = new List<string>();
        var spreads = new List<string>();
        foreach (var split in Enum.GetValues<FamilySplit>())
        {
            var names = families.Where(f => f.Split == split).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
            var mine = rounds.Where(r => names.Contains(r.Family)).ToList();
            if (mine.Count == 0) continue;
            var s = new CurveStatistics(mine);
            var l = s.Window(CurvePlannerNames.Learning, null, CurveReport.GoalFrom, CurveReport.GoalTo);
            var n = s.Window(CurvePlannerNames.NoMemory, null, CurveReport.GoalFrom, CurveReport.GoalTo);
            var o = s.Window(CurvePlannerNames.Oracle, null, CurveReport.GoalFrom, CurveReport.GoalTo);
            var early = s.Window(CurvePlannerNames.Learning, null, 1, 5);
            var late = s.Executions >= 11 ? s.Window(CurvePlannerNames.Learning, null, 11, 15) : double.NaN;
            sb.AppendLine(inv, $"{split.ToString().ToLowerInvariant(),-11}{s.Families.Count,9}{l,10:0.000}{n,11:0.000}{o,8:0.000}{l / o,11:0.0 %}{l / n - 1,9:+0.0 %;-0.0 %}{early,8:0.00}{late,9:0.00}" +
                $"{s.Regret(CurvePlannerNames.Learning),8:0.00}{s.Regret(CurvePlannerNames.NoMemory),8:0.00}");
            // The spread over replicates: each replicate's own figures (its stream, its store), their mean ± sample
            // standard deviation and range: what a single run of the bench may show.
            var per = mine.GroupBy(r => r.Replicate).OrderBy(g => g.Key).Select(g =>
            {
                var rs = new CurveStatistics(g.ToList());
                var lr = rs.Window(CurvePlannerNames.Learning, null, CurveReport.GoalFrom, CurveReport.GoalTo);
                return (OfOracle: lr / rs.Window(CurvePlannerNames.Oracle, null, CurveReport.GoalFrom, CurveReport.GoalTo),
                    VsNone: lr / rs.Window(CurvePlannerNames.NoMemory, null, CurveReport.GoalFrom, CurveReport.GoalTo) - 1);
            }).ToList();
            spreads.Add(string.Create(inv, $"  {split.ToString().ToLowerInvariant(),-10} of oracle {Spread(per.Select(p => p.OfOracle).ToList(), signed: false)}; vs none {Spread(per.Select(p => p.VsNone).ToList(), signed: true)}"));
            if (split == FamilySplit.Untouched)
            {
                goals.Add(string.Create(inv, $"  untouched (never tuned to): {l / o:0.0 %} of the oracle, goal >= 90 %: {(l / o >= 0.9 ? "met" : "NOT met")}; {l / n - 1:+0.0 %;-0.0 %} over no memory, goal >= +25 %: {(l / n - 1 >= 0.25 ? "met" : "NOT met")}"));
            }
            foreach (var f in s.Families)
            {
                var fl = s.Window(CurvePlannerNames.Learning, f, CurveReport.GoalFrom, CurveReport.GoalTo);
                var fn = s.Window(CurvePlannerNames.NoMemory, f, CurveReport.GoalFrom, CurveReport.GoalTo);
                var fo = s.Window(CurvePlannerNames.Oracle, f, CurveReport.GoalFrom, CurveReport.GoalTo);
                if (fl < fn - 1e-9) goals.Add(string.Create(inv, $"  WORSE than no memory: {f} ({split.ToString().ToLowerInvariant()}) {fl:0.000} vs {fn:0.000}"));
                if (byName.TryGetValue(f, out var family) && family.Control)
                    goals.Add(string.Create(inv, $"  control {f} ({split.ToString().ToLowerInvariant()}): {fl:0.000} = {fl / fo:0.0 %} of the oracle {fo:0.000}, goal within 2 %: {(fl >= (1 - ControlTolerance) * fo ? "met" : "NOT met")}"));
            }
        }
        var replicates = rounds.Select(r => r.Replicate).Distinct().Count();
        sb.AppendLine(inv, $"Spread over the {replicates} replicate(s) (each replicate's own figure: mean ± standard deviation, min to max):");
        foreach (var line in spreads) sb.AppendLine(line);
        sb.AppendLine("Goals of issue 15:");
        if (!goals.Any(g => g.Contains("WORSE", StringComparison.Ordinal))) goals.Insert(0, "  no family worse than no memory at executions 6-10: met");
        foreach (var g in goals) sb.AppendLine(g);
        return sb.ToString();
    }

    /// <summary>"93.1 % ± 1.2 (91.5 to 94.8)": mean, sample standard deviation (0 for one value) and range, in percent.</summary>
    public static string Spread(IReadOnlyList<double> xs, bool signed)
    {
        var mean = xs.Average();
        var sd = xs.Count > 1 ? Math.Sqrt(xs.Sum(x => (x - mean) * (x - mean)) / (xs.Count - 1)) : 0;
        var format = signed ? "+0.0;-0.0" : "0.0";
        return string.Create(CultureInfo.InvariantCulture, $"{(100 * mean).ToString(format, CultureInfo.InvariantCulture)} % ± {100 * sd:0.0} ({(100 * xs.Min()).ToString(format, CultureInfo.InvariantCulture)} to {(100 * xs.Max()).ToString(format, CultureInfo.InvariantCulture)})");
    }
}
