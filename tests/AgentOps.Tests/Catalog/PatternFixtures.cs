using AgentOps.Core.Patterns;

namespace AgentOps.Tests.Catalog;

/// <summary>Learned patterns written with the real <see cref="PatternStore"/> and <see cref="PatternWriter"/>.</summary>
internal static class PatternFixtures
{
    public static LearnedPattern Pattern(string id, string category, string[] steps, int executions, double successRate,
        string[]? tags = null, string? title = null, string? context = null, DateOnly? updated = null,
        IReadOnlyList<IReadOnlyList<int>>? parallel = null, int? checkpoint = null, double[]? stepSuccess = null) => new()
    {
        Id = id,
        Title = title ?? id,
        Category = category,
        Created = new DateOnly(2026, 10, 1),
        Updated = updated ?? new DateOnly(2026, 11, 20),
        SuccessRate = successRate,
        Executions = executions,
        Validated = executions >= 3,
        Tags = tags ?? [],
        Context = context ?? $"Tasks of category {category}.",
        Steps = steps.Select((s, i) => new PatternStep(i + 1, s, s.StartsWith('/') ? StepKinds.Command : StepKinds.Subagent,
            AgentOps.Orchestration.Learning.StepClassifier.Phase(s), 60 + 30 * i, stepSuccess?[i] ?? 1.0, $"step {i + 1}")).ToList(),
        Durations = new DurationStats(600, 550, 900),
        Optimizations = new PatternOptimizations(parallel ?? [], checkpoint, []),
        WorkflowHash = PatternIds.WorkflowHash(category, steps),
    };

    /// <summary>Writes the patterns into <c>&lt;root&gt;/patterns/learned/</c>; returns the store root.</summary>
    public static string Store(string root, params LearnedPattern[] patterns)
    {
        var store = new PatternStore(root);
        foreach (var p in patterns) store.Write(p, PatternLifecycle.Learned);
        return root;
    }
}
