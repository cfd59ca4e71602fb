using AgentOps.Core.Patterns;
using AgentOps.Orchestration.Embeddings;
using AgentOps.Orchestration.Learning;

namespace AgentOps.Orchestration.Planning.Memory;

/// <summary>A learned pattern as the memory recalls it for one task: how near in meaning its tasks are
/// (the best cosine over the tasks it served), the weight its evidence gets, and the nearest of its tasks.</summary>
public sealed record RecalledPattern(StoredPattern Stored, double Similarity, double Weight, string? NearestTask)
{
    public LearnedPattern Pattern => Stored.Pattern!;
}

/// <summary>
/// The planner's memory, keyed by what a task means (issue 15). Every learned workflow pattern is
/// recalled with a similarity to the new task: the best cosine between the task and the tasks the pattern
/// served (its example tasks; its title when it lists none), with the planner's embedder
/// (<see cref="MemoryEmbedder"/>: the sentence model, else <see cref="LexicalEmbedder"/>). The category
/// is a derived label: sharing one (other than <c>general</c>) only lifts the similarity to the
/// embedder's <see cref="MemoryCalibration.SameLabel"/>, it is no wall. <see cref="MemoryCalibration.Weight"/>
/// turns a similarity into the share of a pattern's evidence that counts as evidence about this task.
/// </summary>
public sealed class TaskMemory
{
    public IReadOnlyList<RecalledPattern> Patterns { get; }
    public MemoryEmbedder Embedder { get; }
    public MemoryCalibration Calibration => Embedder.Calibration;
    private readonly Dictionary<string, RecalledPattern> _byId;

    private TaskMemory(IReadOnlyList<RecalledPattern> patterns, MemoryEmbedder embedder)
    {
        Patterns = patterns;
        Embedder = embedder;
        _byId = patterns.GroupBy(p => p.Pattern.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public static TaskMemory Empty(ITextEmbedder? embedder = null) => new([], MemoryEmbedder.For(embedder));

    /// <summary>Recalls every workflow pattern (meta patterns and patterns without steps left out) for
    /// <paramref name="intent"/>, nearest first. Without an embedder: the lexical fallback.</summary>
    public static TaskMemory Recall(TaskIntent intent, IEnumerable<StoredPattern> patterns, ITextEmbedder? embedder = null)
    {
        var memory = MemoryEmbedder.For(embedder);
        var calibration = memory.Calibration;
        var list = patterns.Where(sp => sp.Lifecycle != PatternLifecycle.Meta && sp.Pattern is { Steps.Count: > 0 }).ToList();
        var texts = list.Select(sp => Texts(sp.Pattern!)).ToList();
        memory.Embed(texts.SelectMany(t => t).Append(intent.Task).ToList()); // the new texts in one go
        var task = memory.Vector(intent.Task);
        var recalled = new List<RecalledPattern>();
        for (var i = 0; i < list.Count; i++)
        {
            var p = list[i].Pattern!;
            var (best, nearest) = texts[i].Select(t => (MemoryEmbedder.Cosine(task, memory.Vector(t)), t)).MaxBy(x => x.Item1);
            if (p.Category == intent.Category && intent.Category != TaskClassifier.General && best < calibration.SameLabel) best = calibration.SameLabel;
            recalled.Add(new RecalledPattern(list[i], Math.Round(best, 4), calibration.Weight(best), nearest));
        }
        return new TaskMemory(recalled.OrderByDescending(r => r.Similarity).ThenBy(r => r.Pattern.Id, StringComparer.Ordinal).ToList(), memory);
    }

    public RecalledPattern? Find(string patternId) => _byId.GetValueOrDefault(patternId);

    public double WeightOf(string patternId) => _byId.TryGetValue(patternId, out var r) ? r.Weight : 0;

    /// <summary>The tasks a pattern served, else its title.</summary>
    private static IReadOnlyList<string> Texts(LearnedPattern p)
    {
        var examples = PatternExtractor.ExampleTasks(p.Context);
        return examples.Count > 0 ? examples : [p.Title.Length > 0 ? p.Title : p.Id];
    }
}
