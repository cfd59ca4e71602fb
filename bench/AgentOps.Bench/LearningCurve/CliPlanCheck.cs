using System.Diagnostics;
using System.Text.Json;
using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Orchestration.Planning;

namespace AgentOps.Bench.LearningCurve;

/// <summary>
/// Checks, for a sample of tasks, that the in-process planner is the one <c>agentops plan --json</c> runs:
/// the real CLI (the <c>agentops.dll</c> next to the bench) is started with <c>--store</c> on the learning
/// planner's store, and its chosen workflow is compared with an in-process plan made from the same
/// inputs (the CLI also reads the patterns this repository ships, so the in-process side loads the
/// same <see cref="DefaultCatalog.PatternStores"/>). HOME is a fresh temp folder, so no user catalog leaks in.
/// </summary>
public static class CliPlanCheck
{
    public sealed record Result(string Task, bool Same, double Milliseconds, string Cli, string InProcess);

    /// <param name="embedder">The run's embedder: the CLI loads the sentence model itself (from the real model
    /// cache), or is told to use the lexical fallback (<c>AGENTOPS_EMBEDDINGS=off</c>) when the run does.</param>
    public static Result Compare(string task, string storeRoot, CatalogStore catalog, string home, AgentOps.Orchestration.Planning.Memory.MemoryEmbedder embedder)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "agentops.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("agentops.dll not next to the bench: build bench/AgentOps.Bench", dll);
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = home };
        foreach (var a in new[] { dll, "plan", task, "--json", "--store", storeRoot }) psi.ArgumentList.Add(a);
        psi.Environment["HOME"] = home;
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment[AgentOps.Orchestration.Embeddings.ModelFiles.CacheVariable] = AgentOps.Orchestration.Embeddings.ModelFiles.CacheRoot();
        if (!embedder.IsSentenceModel) psi.Environment[AgentOps.Orchestration.Embeddings.EmbeddingService.DisableVariable] = "off";
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        sw.Stop();
        if (p.ExitCode != 0) throw new InvalidOperationException($"agentops plan exited {p.ExitCode}: {stderr}");
        var cli = Chosen(stdout.Result);
        var plan = Planner.Plan(task, catalog, LearnedSignals.Load(DefaultCatalog.PatternStores(storeRoot)), new PlanOptions { Embedder = embedder });
        var inProcess = Chosen(PlanJsonWriter.ToJson(plan));
        return new Result(task, cli == inProcess, sw.Elapsed.TotalMilliseconds, cli, inProcess);
    }

    /// <summary>What the plan decided: the chosen candidate, whether it explored, and the agents in order.</summary>
    private static string Chosen(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var e = root.GetProperty("exploration");
        var steps = root.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("invocation").GetString());
        return $"{e.GetProperty("chosen").GetString()} explored={e.GetProperty("explored").GetBoolean()} seed={e.GetProperty("seed")}: {string.Join(" > ", steps)}";
    }
}
