using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Core.Patterns;

namespace AgentOps.Orchestration.Planning;

/// <summary>How well a learned pattern fits a task, and why.</summary>
public sealed record PatternFit(StoredPattern Stored, double Fit, IReadOnlyList<string> Reasons)
{
    /// <summary>How much of the pattern's own record counts as evidence about this task (its memory weight,
    /// issue 15); 1 for issue 8's word-and-category fits.</summary>
    public double Weight { get; init; } = 1;
    public LearnedPattern Pattern => Stored.Pattern!;
    public int Successes => (int)Math.Round(Pattern.SuccessRate * Pattern.Executions);
    public int Failures => Pattern.Executions - Successes;
}

/// <summary>
/// Scores learned patterns against a task: <c>fit = 0.6 × same category + 0.4 × word overlap</c>,
/// where word overlap is the share of the task's words found in the pattern's title, context and tags.
/// A pattern fits from <see cref="Threshold"/> up: the same category and at least one word in eight
/// shared (the category alone is too coarse: "bug-fix" covers very different workflows). Meta
/// patterns and patterns without steps never fit.
/// </summary>
public static class PatternMatcher
{
    public const double Threshold = 0.65;

    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "the", "to", "of", "in", "on", "for", "with", "my", "our", "your", "it", "is", "be", "add", "use", "make", "new", "into", "from", "by",
    };

    public static IReadOnlyList<PatternFit> Fits(TaskIntent intent, IEnumerable<StoredPattern> patterns)
    {
        var taskWords = Words(intent.Task);
        var result = new List<PatternFit>();
        foreach (var sp in patterns)
        {
            if (sp.Pattern is not { Steps.Count: > 0 } p || sp.Lifecycle == PatternLifecycle.Meta) continue;
            var reasons = new List<string>();
            var fit = 0.0;
            if (string.Equals(p.Category, intent.Category, StringComparison.Ordinal))
            {
                fit += 0.6;
                reasons.Add($"same category ({p.Category})");
            }
            var patternWords = Words(p.Title + " " + p.Context + " " + string.Join(' ', p.Tags));
            var shared = taskWords.Where(patternWords.Contains).ToList();
            var overlap = taskWords.Count == 0 ? 0 : (double)shared.Count / taskWords.Count;
            fit += 0.4 * overlap;
            if (shared.Count > 0) reasons.Add($"shares {shared.Count} of {taskWords.Count} task words ({string.Join(", ", shared.Take(8))})");
            result.Add(new PatternFit(sp, Math.Round(fit, 4), reasons));
        }
        return result.Where(f => f.Fit >= Threshold)
            .OrderByDescending(f => f.Fit).ThenBy(f => f.Pattern.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Issue 15: the patterns the memory recalls as near in meaning (from the embedder's
    /// <see cref="Memory.MemoryCalibration.Candidate"/> similarity), nearest first; each one's own record
    /// counts by its similarity weight.</summary>
    public static IReadOnlyList<PatternFit> Fits(TaskIntent intent, Memory.TaskMemory memory) =>
        memory.Patterns.Where(r => r.Similarity >= memory.Calibration.Candidate)
            .Select(r => new PatternFit(r.Stored, r.Similarity,
                [r.NearestTask is { } t && t != r.Pattern.Title ? $"similar to \"{t}\" ({r.Similarity:0.00})" : $"similar ({r.Similarity:0.00})"]) { Weight = r.Weight })
            .ToList();

    private static HashSet<string> Words(string text) =>
        ParsedQuery.Words(text).Where(w => !Ignored.Contains(w)).Select(LightStemmer.Stem).ToHashSet(StringComparer.Ordinal);
}
