using System.Collections.Concurrent;
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
/// served (its example tasks; its title when it lists none), with the embedder the planner was given
/// (the sentence model, or <see cref="LexicalEmbedder"/>). The category is a derived label: sharing
/// one (other than <c>general</c>) only lifts the similarity to <see cref="SameLabelSimilarity"/>, it is
/// no wall. <see cref="Weight"/> turns a similarity into the share of a pattern's evidence that counts as
/// evidence about this task: 0 up to <see cref="Floor"/>, 1 from <see cref="Full"/>, linear between.
/// </summary>
public sealed class TaskMemory
{
    public const double Floor = 0.12, Full = 0.55, SameLabelSimilarity = 0.45;

    private static readonly ConcurrentDictionary<(string Model, string Text), float[]> Vectors = new();

    public IReadOnlyList<RecalledPattern> Patterns { get; }
    public ITextEmbedder Embedder { get; }
    private readonly Dictionary<string, RecalledPattern> _byId;

    private TaskMemory(IReadOnlyList<RecalledPattern> patterns, ITextEmbedder embedder)
    {
        Patterns = patterns;
        Embedder = embedder;
        _byId = patterns.GroupBy(p => p.Pattern.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public static TaskMemory Empty(ITextEmbedder? embedder = null) => new([], embedder ?? LexicalEmbedder.Instance);

    /// <summary>Recalls every workflow pattern (meta patterns and patterns without steps left out) for
    /// <paramref name="intent"/>, nearest first.</summary>
    public static TaskMemory Recall(TaskIntent intent, IEnumerable<StoredPattern> patterns, ITextEmbedder? embedder = null)
    {
        embedder ??= LexicalEmbedder.Instance;
        var list = patterns.Where(sp => sp.Lifecycle != PatternLifecycle.Meta && sp.Pattern is { Steps.Count: > 0 }).ToList();
        var texts = list.Select(sp => Texts(sp.Pattern!)).ToList();
        var all = texts.SelectMany(t => t).Append(intent.Task).Distinct(StringComparer.Ordinal).ToList();
        var vectors = VectorsOf(all, embedder);
        var task = vectors[intent.Task];
        var recalled = new List<RecalledPattern>();
        for (var i = 0; i < list.Count; i++)
        {
            var p = list[i].Pattern!;
            var (best, nearest) = texts[i].Select(t => ((double)LexicalEmbedder.Cosine(task, vectors[t]), t)).MaxBy(x => x.Item1);
            if (p.Category == intent.Category && intent.Category != TaskClassifier.General && best < SameLabelSimilarity) best = SameLabelSimilarity;
            recalled.Add(new RecalledPattern(list[i], Math.Round(best, 4), Weight(best), nearest));
        }
        return new TaskMemory(recalled.OrderByDescending(r => r.Similarity).ThenBy(r => r.Pattern.Id, StringComparer.Ordinal).ToList(), embedder);
    }

    public static double Weight(double similarity) => Math.Clamp((similarity - Floor) / (Full - Floor), 0, 1);

    public RecalledPattern? Find(string patternId) => _byId.GetValueOrDefault(patternId);

    public double WeightOf(string patternId) => _byId.TryGetValue(patternId, out var r) ? r.Weight : 0;

    /// <summary>The tasks a pattern served, else its title.</summary>
    private static IReadOnlyList<string> Texts(LearnedPattern p)
    {
        var examples = PatternExtractor.ExampleTasks(p.Context);
        return examples.Count > 0 ? examples : [p.Title.Length > 0 ? p.Title : p.Id];
    }

    /// <summary>Embeds the texts not seen before (one batch) and returns every text's vector; vectors are kept
    /// per model for the life of the process (the same store is planned against many times).</summary>
    private static Dictionary<string, float[]> VectorsOf(IReadOnlyList<string> texts, ITextEmbedder embedder)
    {
        if (Vectors.Count > 20_000) Vectors.Clear();
        var missing = texts.Where(t => !Vectors.ContainsKey((embedder.ModelId, t))).ToList();
        if (missing.Count > 0)
        {
            var embedded = embedder.Embed(missing);
            for (var i = 0; i < missing.Count; i++) Vectors[(embedder.ModelId, missing[i])] = embedded[i];
        }
        return texts.ToDictionary(t => t, t => Vectors[(embedder.ModelId, t)], StringComparer.Ordinal);
    }
}
