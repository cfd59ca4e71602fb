using System.Diagnostics;
using System.Globalization;

namespace AgentOps.Bench.Semantic;

/// <summary>Rows of figures printed as they come and again as a table at the end.</summary>
internal sealed class BenchFigures
{
    public static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly List<(string Name, string Value, string Goal)> _rows = [];

    public void Row(string name, string value, string goal = "")
    {
        _rows.Add((name, value, goal));
        Console.WriteLine($"{name}: {value} {goal}");
    }

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine($"{"figure",-66} {"value",14}  goal");
        foreach (var (n, v, g) in _rows) Console.WriteLine($"{n,-66} {v,14}  {g}");
    }

    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Max(0, Math.Ceiling(p * sorted.Count) - 1))];
    }

    /// <summary>Wall and process CPU time of <paramref name="action"/> (CPU: all threads, so ONNX Runtime's too). On a shared
    /// machine wall time mostly measures the neighbours; CPU time / threads estimates the figure on an idle one.</summary>
    public static (double WallMs, double CpuMs) Measure(Action action)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        action();
        var wall = sw.Elapsed.TotalMilliseconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu).TotalMilliseconds);
    }

    /// <summary>CPU time of the calling thread alone, in ms (Linux: CLOCK_THREAD_CPUTIME_ID, nanosecond resolution; elsewhere
    /// NaN). On a shared machine it is the closest thing to an idle machine's wall time for single-threaded work: waiting
    /// for a core is not counted, nor are the JIT's and the GC's background threads.</summary>
    public static double ThreadCpuMs()
    {
        if (!OperatingSystem.IsLinux()) return double.NaN;
        return ClockGetTime(3, out var ts) == 0 ? ts.Seconds * 1000.0 + ts.Nanoseconds / 1e6 : double.NaN;
    }

    private struct TimeSpec { public long Seconds; public long Nanoseconds; }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    public static string Ms(double ms) => ms.ToString("0.0", Inv) + " ms";
    public static string F3(double v) => v.ToString("0.000", Inv);

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "global.json"))) dir = dir.Parent;
        return dir?.FullName ?? Environment.CurrentDirectory;
    }
}
