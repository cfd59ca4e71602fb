using System.Diagnostics;
using System.Globalization;
using AgentOps.Bench.Fuzz;

namespace AgentOps.Bench.Scenarios;

/// <summary>
/// <c>fuzz [iterations-per-target] [seconds-per-case]</c>: the hostile-input suite's generators run much
/// longer than the tests do, over manifests, frontmatter, pattern files, transcripts and hook payloads.
/// Prints, per target, the inputs tried, crashes, hangs and broken promises, and the first failures.
/// Exit 1 when anything failed.
/// </summary>
public sealed class FuzzScenario : IBenchScenario
{
    public string Name => "fuzz";
    public string Description => "Hostile-input fuzzing (CsCheck): inputs tried / crashes / hangs / violations per target";

    public int Run(string[] args)
    {
        var iterations = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
        var perCase = TimeSpan.FromSeconds(args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 10);
        Console.WriteLine($"{"target",-22} {"tried",7} {"crashes",8} {"hangs",6} {"violations",11} {"seconds",8}");
        var all = new List<FuzzFailure>();
        foreach (var target in HostileTarget.All)
        {
            var tried = 0;
            var watch = Stopwatch.StartNew();
            var failures = target.Fuzz(iterations, perCase, _ => tried++);
            all.AddRange(failures);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{target.Name,-22} {tried,7} {failures.Count(f => f.Verdict == Verdict.Crash),8} {failures.Count(f => f.Verdict == Verdict.Hang),6} {failures.Count(f => f.Verdict == Verdict.Violation),11} {watch.Elapsed.TotalSeconds,8:0.0}"));
        }
        foreach (var f in all.Take(20)) Console.WriteLine($"{f.Target} {f.Verdict}: {f.Detail}\n  input: {f.Input}");
        return all.Count == 0 ? 0 : 1;
    }
}
