using System.Diagnostics;
using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Planning;

namespace AgentOps.Bench.LearningCurve;

public sealed record CurveOptions
{
    /// <summary>Independent repetitions (fresh store, fresh task stream); figures are their means.</summary>
    public int Replicates { get; init; } = 5;
    /// <summary>Executions of each family in one replicate's stream.</summary>
    public int ExecutionsPerFamily { get; init; } = 15;
    public int Seed { get; init; } = 8;
    public IReadOnlyList<TaskFamily> Families { get; init; } = TaskFamilies.All;
    /// <summary>Where temp stores go (deleted by the caller).</summary>
    public required string WorkFolder { get; init; }
    public TextWriter? Progress { get; init; }
    /// <summary>What the planners' memory compares texts with (null: the lexical fallback, as in the tests).</summary>
    public AgentOps.Orchestration.Embeddings.ITextEmbedder? Embedder { get; init; }
    /// <summary>Replicates run side by side (each with its own store and catalog connection); 1: one after another.</summary>
    public int Parallelism { get; init; } = 1;
    /// <summary>Opens another connection to the catalog for a parallel replicate (SQLite connections are not
    /// shared between threads); required when <see cref="Parallelism"/> is above 1.</summary>
    public Func<CatalogStore>? OpenCatalog { get; init; }
}

/// <summary>One planner's execution of one round.</summary>
public sealed record RoundResult(
    int Replicate, int Round, string Family, int FamilyExecution, string Planner, string Task,
    string Workflow, string Source, bool Explored, bool Success, double Expected,
    double Makespan, double Busy, int Retries, double PlanMs, double? LearnMs);

/// <summary>
/// The loop. Per replicate: a stream of tasks (each family <see cref="CurveOptions.ExecutionsPerFamily"/>
/// times, a random phrasing each time, in seeded random order). Each round the three planners plan
/// the same task, the simulator executes each plan with the same randomness key, and the learning
/// planner learns from its own run before the next round.
/// </summary>
public static class CurveRun
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<RoundResult> Run(CurveOptions o, CatalogStore catalog, Action<int, LearningPlanner>? afterReplicate = null)
    {
        var perReplicate = new IReadOnlyList<RoundResult>[o.Replicates];
        var learners = new LearningPlanner[o.Replicates];
        if (o.Parallelism <= 1 || o.OpenCatalog is null || o.Replicates == 1)
            for (var r = 0; r < o.Replicates; r++) (perReplicate[r], learners[r]) = Replicate(o, catalog, r);
        else
        {
            // One catalog connection per worker; replicates are independent (own store, own stream), so the
            // figures do not depend on the order they finish in.
            var next = -1;
            var workers = Enumerable.Range(0, Math.Min(o.Parallelism, o.Replicates)).Select(_ => Task.Run(() =>
            {
                using var own = o.OpenCatalog();
                for (var r = Interlocked.Increment(ref next); r < o.Replicates; r = Interlocked.Increment(ref next))
                    (perReplicate[r], learners[r]) = Replicate(o, own, r);
            })).ToArray();
            Task.WaitAll(workers);
        }
        for (var r = 0; r < o.Replicates; r++) afterReplicate?.Invoke(r, learners[r]);
        return perReplicate.SelectMany(x => x).ToList();
    }

    private static (IReadOnlyList<RoundResult>, LearningPlanner) Replicate(CurveOptions o, CatalogStore catalog, int r)
    {
        var results = new List<RoundResult>();
        var oracle = new OracleCurvePlanner(new OraclePlanner(o.Families, catalog));
        var noMemory = new NoMemoryPlanner(catalog, o.Embedder);
        var learning = new LearningPlanner(catalog, Path.Combine(o.WorkFolder, $"replicate-{r}"), o.Embedder);
        var planners = new ICurvePlanner[] { learning, noMemory, oracle };
        var stream = Stream(o, r);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var sw = Stopwatch.StartNew();
        for (var round = 0; round < stream.Count; round++)
        {
            var (family, task) = stream[round];
            var k = seen[family.Name] = seen.GetValueOrDefault(family.Name) + 1;
            var key = $"seed{o.Seed}/replicate{r}/round{round}";
            var start = T0.AddHours(2 * round);
            foreach (var planner in planners)
            {
                var t = Stopwatch.StartNew();
                var plan = planner.Plan(family, task);
                var planMs = t.Elapsed.TotalMilliseconds;
                var run = PlanSimulator.Run(plan, family, key);
                var learn = planner.Learn(family, task, run, $"{planner.Name}-r{r}-{round:D4}", start);
                results.Add(new RoundResult(r, round, family.Name, k, planner.Name, task,
                    string.Join(" > ", plan.Steps.Select(s => s.Invocation)), plan.Source.Kind + (plan.Source.PatternId is { } id ? ":" + id : ""),
                    plan.Exploration.Explored, run.Success, run.ExpectedSuccess, run.Makespan, run.BusySeconds, run.Retries, planMs, learn?.TotalMilliseconds));
            }
        }
        lock (o) o.Progress?.WriteLine($"  replicate {r + 1}/{o.Replicates}: {stream.Count} rounds in {sw.Elapsed.TotalSeconds:0.0} s");
        return (results, learning);
    }

    /// <summary>The replicate's task stream: every family the same number of times, shuffled, random phrasings.</summary>
    public static IReadOnlyList<(TaskFamily Family, string Task)> Stream(CurveOptions o, int replicate)
    {
        var rng = new Random(o.Seed * 7919 + replicate);
        var list = o.Families.SelectMany(f => Enumerable.Repeat(f, o.ExecutionsPerFamily)).ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list.Select(f => (f, f.Phrasings[rng.Next(f.Phrasings.Count)])).ToList();
    }
}
