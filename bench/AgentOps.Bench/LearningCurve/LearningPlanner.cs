using System.Diagnostics;
using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Orchestration.Learning;
using AgentOps.Orchestration.Planning;
using LibGit2Sharp;

namespace AgentOps.Bench.LearningCurve;

/// <summary>
/// Our planner with memory. It plans with the same call <c>agentops plan --json --store S</c> makes
/// (<see cref="LearnedSignals.Load"/> of the store, then <see cref="Planner.Plan"/> with default options:
/// balanced mode, exploration by expected gain; the embedder is the run's, which is the CLI's default when
/// the run uses the sentence model). After each run it
/// writes the record into the project's <c>.agentops/executions/</c> (execution.json or a Claude Code
/// transcript, by family) and learns it exactly as <c>agentops learn-from &lt;file&gt;</c> does
/// (<see cref="ExecutionSources.LoadFile"/> then <see cref="LearningEngine.Learn"/>: extract, validate,
/// redact, write, commit) into a git repository under a temp folder. No shortcut around the engine.
/// </summary>
public sealed class LearningPlanner : ICurvePlanner
{
    private readonly CatalogStore _catalog;
    private readonly AgentOps.Orchestration.Embeddings.ITextEmbedder? _embedder;

    /// <param name="embedder">What the memory compares with; null: the lexical fallback.</param>
    public LearningPlanner(CatalogStore catalog, string projectFolder, AgentOps.Orchestration.Embeddings.ITextEmbedder? embedder = null)
    {
        _catalog = catalog;
        _embedder = embedder;
        Project = projectFolder;
        Directory.CreateDirectory(Project);
        Repository.Init(Project);
        using var repo = new Repository(Project);
        File.WriteAllText(Path.Combine(Project, "README.md"), "simulated project\n");
        Commands.Stage(repo, "README.md");
        var sig = new Signature("bench", "bench@localhost", new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        repo.Commit("init", sig, sig);
    }

    public string Name => CurvePlannerNames.Learning;
    public string Project { get; }
    public string StoreRoot => Path.Combine(Project, ".agentops");

    public ExecutionPlan Plan(TaskFamily family, string task) =>
        Planner.Plan(task, _catalog, LearnedSignals.Load([StoreRoot]), new PlanOptions { Embedder = _embedder ?? AgentOps.Orchestration.Planning.Memory.MemoryEmbedder.Lexical });

    public TimeSpan? Learn(TaskFamily family, string task, SimulatedRun run, string executionKey, DateTimeOffset start)
    {
        var sw = Stopwatch.StartNew();
        var folder = ExecutionSources.ExecutionsFolder(Project);
        var file = family.Format == RecordFormat.Transcript
            ? TranscriptWriter.Write(folder, executionKey, task, start, run)
            : ExecutionJsonWriter.Write(folder, executionKey, task, start, run);
        var parsed = ExecutionSources.LoadFile(file);
        if (parsed.Execution is null)
            throw new InvalidOperationException($"{file}: the learning engine read no execution ({string.Join("; ", parsed.Warnings)})");
        if (parsed.Execution.Success != run.Success)
            throw new InvalidOperationException($"{file}: recorded outcome {run.Success} but the engine read {parsed.Execution.Success} ({parsed.Execution.FailureReason})");
        var report = LearningEngine.Learn(new LearnOptions { Project = Project, ExecutionFiles = [file], Now = start.AddSeconds(run.Makespan) });
        sw.Stop();
        if (report.ExecutionsRead != 1 || report.Diagnostics.Any(d => d.IsError))
            throw new InvalidOperationException($"{file}: learn read {report.ExecutionsRead} execution(s); " +
                string.Join("; ", report.Diagnostics.Select(d => d.ToString()).Concat(report.Warnings)));
        return sw.Elapsed;
    }
}
