using AgentOps.Orchestration.Planning;
using AgentOps.Orchestration.Planning.Memory;

namespace AgentOps.Orchestration.Learning;

/// <summary>
/// The capability a recorded step did, read from what the orchestrator asked of it (issue 15): the Agent
/// tool's <c>description</c> and, when that says too little, its <c>prompt</c>. A step the planner
/// titled starts with a capability's title ("Write the docs"); a free-text description ("Investigate the
/// 502 spike in the gateway logs") is matched by meaning against each capability's description (its
/// title, instructions and trigger words) with the lexical embedder, and must clear <see cref="MinSimilarity"/>.
/// So real sessions feed the same per-capability evidence as the planner's own steps.
/// </summary>
public static class StepCapability
{
    /// <summary>The least cosine similarity a free-text description needs to count as a capability.</summary>
    public const double MinSimilarity = 0.2;

    /// <summary>The prompt is longer and wordier than a description: it must match more clearly.</summary>
    public const double MinPromptSimilarity = 0.3;

    /// <summary>The best capability of each text met (a transcript repeats its descriptions), under a lock of its own:
    /// a ConcurrentDictionary, asked its Count on every call, took every lock of its table each time and was a
    /// third of reading a transcript of 20,000 Agent calls.</summary>
    private static readonly Dictionary<string, (string Name, double Sim)> Best = new(StringComparer.Ordinal);

    /// <summary>Beyond this many remembered texts the memo starts over.</summary>
    private const int MaxRemembered = 50_000;

    private static readonly IReadOnlyList<(string Name, float[] Vector)> Meanings = Capabilities.All
        .Select(r => (r.Name, LexicalEmbedder.EmbedOne($"{r.Title}. {r.Instructions} {string.Join(' ', r.Triggers)} {r.Phase}")))
        .ToList();

    /// <summary>The capability (<see cref="Capabilities"/> name) of a step, or null when its text names none.</summary>
    public static string? Of(string? text) => Of(text, MinSimilarity);

    private static string? Of(string? text, double minimum)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var byTitle = Capabilities.All.FirstOrDefault(r => text.StartsWith(r.Title, StringComparison.Ordinal));
        if (byTitle is not null) return byTitle.Name;
        (string Name, double Sim) best;
        lock (Best)
            if (Best.TryGetValue(text, out best)) return best.Sim >= minimum ? best.Name : null;
        var v = LexicalEmbedder.EmbedOne(text);
        best = Meanings.Select(m => (m.Name, Sim: (double)LexicalEmbedder.Cosine(v, m.Vector))).MaxBy(x => x.Sim);
        lock (Best)
        {
            if (Best.Count >= MaxRemembered) Best.Clear();
            Best[text] = best;
        }
        return best.Sim >= minimum ? best.Name : null;
    }

    /// <summary>What a recorded Agent call was asked: its description, and the prompt's first line when the
    /// description alone names no capability ("Run helper" says nothing; its prompt may). Kept short: the
    /// description is stored in the pattern, the prompt is not.</summary>
    public static string? Describe(string? description, string? prompt)
    {
        if (Of(description) is not null || string.IsNullOrWhiteSpace(prompt)) return description;
        var first = prompt.Split('\n', 2)[0].Trim();
        if (first.Length > 100) first = first[..100].TrimEnd() + "...";
        if (Of(first, MinPromptSimilarity) is null) return description;
        return string.IsNullOrWhiteSpace(description) ? first : $"{description} — {first}";
    }

    /// <summary>Whether two calls of one agent did the same job (so the second is a retry): yes when either
    /// says nothing, when one description extends the other ("Write the docs (retry after the checkpoint)"),
    /// or when both name the same capability; no when they name different ones.</summary>
    public static bool SameRole(string? a, string? b)
    {
        if (string.IsNullOrWhiteSpace(a) || string.IsNullOrWhiteSpace(b)) return true;
        if (a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal)) return true;
        var ca = Of(a);
        var cb = Of(b);
        return ca is null || cb is null || ca == cb;
    }
}
