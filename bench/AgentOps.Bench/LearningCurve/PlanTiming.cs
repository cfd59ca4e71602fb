using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Orchestration.Planning;
using AgentOps.Orchestration.Planning.Memory;

namespace AgentOps.Bench.LearningCurve;

/// <summary>
/// Issue 15's goal "in-process planning p50 &lt; 20 ms with a store of 150 learned executions", measured on
/// its own instead of inside a whole learning-curve run (where the store grows from 0 and the load of the
/// learning path sits between plans). The store is one learning planner's after a stream of the families
/// (the shipped ten × 15 executions = 150 by default), kept in a folder so that a later run (another build of
/// the planner) plans from the very same store: the digest of every plan's JSON then says whether the plans
/// changed. Each phrasing is planned once to warm up (JIT, the embedder's per-process vectors), then
/// <c>repeats</c> times, timing the store load (<see cref="LearnedSignals.Load"/>, what <c>agentops plan
/// --store</c> does per call) and <see cref="Planner.Plan"/> apart.
/// </summary>
public static class PlanTiming
{
    public sealed record Result(int Executions, int Patterns, IReadOnlyList<double> LoadMs, IReadOnlyList<double> PlanMs, IReadOnlyList<double> TotalMs,
        string Digest, IReadOnlyList<(string Task, string Json)> Plans);

    /// <summary>Builds the store into <paramref name="storeFolder"/> when it holds none yet (one replicate of
    /// <paramref name="options"/>), then times planning from it.</summary>
    public static Result Run(CurveOptions options, CatalogStore catalog, string storeFolder, int repeats)
    {
        var storeRoot = Path.Combine(storeFolder, ".agentops");
        if (!Directory.Exists(storeRoot))
        {
            // CurveRun puts the learner's project under WorkFolder/replicate-0: build it there, then keep its store.
            var built = "";
            CurveRun.Run(options with { Replicates = 1, Parallelism = 1 }, catalog, (_, learning) => built = learning.Project);
            CopyFolder(built, storeFolder);
        }
        var embedder = MemoryEmbedder.For(options.Embedder);
        var tasks = options.Families.SelectMany(f => f.Phrasings).Distinct(StringComparer.Ordinal).ToList();
        ExecutionPlan PlanOnce(string task, out double loadMs, out double planMs)
        {
            var t = Stopwatch.StartNew();
            var learned = LearnedSignals.Load([storeRoot]);
            loadMs = t.Elapsed.TotalMilliseconds;
            t.Restart();
            var plan = Planner.Plan(task, catalog, learned, new PlanOptions { Embedder = embedder });
            planMs = t.Elapsed.TotalMilliseconds;
            return plan;
        }
        var plans = tasks.Select(t => (t, PlanJsonWriter.ToJson(PlanOnce(t, out _, out _)))).ToList();
        var load = new List<double>();
        var planning = new List<double>();
        var total = new List<double>();
        for (var r = 0; r < repeats; r++)
            foreach (var task in tasks)
            {
                var json = PlanJsonWriter.ToJson(PlanOnce(task, out var l, out var p));
                if (json != plans.First(x => x.t == task).Item2) throw new InvalidOperationException($"the plan of \"{task}\" changed between two calls on the same store");
                load.Add(l);
                planning.Add(p);
                total.Add(l + p);
            }
        var signals = LearnedSignals.Load([storeRoot]);
        var executions = Directory.Exists(Path.Combine(storeFolder, ".agentops", "executions"))
            ? Directory.EnumerateFiles(Path.Combine(storeFolder, ".agentops", "executions")).Count() : 0;
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", plans.Select(x => x.t + "\n" + x.Item2)))))[..16];
        return new Result(executions, signals.Patterns.Count, [.. load.Order()], [.. planning.Order()], [.. total.Order()], digest, plans);
    }

    public static string Render(Result r, double[] loadAverage)
    {
        string Line(string name, IReadOnlyList<double> ms) =>
            $"  {name,-22} p50 {CurveStatistics.Percentile(ms, 0.5),7:0.0} ms   p90 {CurveStatistics.Percentile(ms, 0.9),7:0.0} ms   max {ms[^1],7:0.0} ms";
        var sb = new StringBuilder();
        sb.AppendLine($"planning timing: store of {r.Executions} learned executions ({r.Patterns} patterns), {r.PlanMs.Count} plans timed, load average {string.Join(" ", loadAverage.Select(x => x.ToString("0.00")))}");
        sb.AppendLine(Line("load the store", r.LoadMs));
        sb.AppendLine(Line("Planner.Plan", r.PlanMs));
        sb.AppendLine(Line("load + plan", r.TotalMs));
        sb.AppendLine($"  plans digest {r.Digest} ({r.Plans.Count} tasks): the same digest on the same store = the same plans");
        return sb.ToString();
    }

    /// <summary>/proc/loadavg's three figures (empty elsewhere).</summary>
    public static double[] LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ').Take(3)
                .Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        }
        catch (IOException) { return []; }
        catch (UnauthorizedAccessException) { return []; }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
    }
}
