namespace AgentOps.Orchestration.Catalog.Ranking;

/// <summary>What the learned patterns contributed to a plugin's score.</summary>
public sealed record LearnedContribution(int Executions, double SuccessRate, double Reliability, DateOnly? LastUsed,
    IReadOnlyList<string> Patterns, double Multiplier);

/// <summary>
/// One ranked plugin and why it ranked: the full-text score, which query words matched in which fields
/// (and through which synonym), the share of the query covered, the learned contribution, install
/// state, and its dependency closure.
/// </summary>
public sealed record RankedPlugin
{
    public required int Rank { get; init; }
    public required StoredPlugin Stored { get; init; }
    public CatalogPlugin Plugin => Stored.Plugin;
    public required double Score { get; init; }
    /// <summary>-bm25() from FTS5 with the field weights: higher is better.</summary>
    public required double TextScore { get; init; }
    /// <summary>Fraction of the query's concepts found in the plugin.</summary>
    public required double Coverage { get; init; }
    /// <summary>Field name to the query words that matched there.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> MatchedFields { get; init; }
    /// <summary>The components whose name or description matched (best first), as Claude Code invokes them.</summary>
    public IReadOnlyList<string> MatchedComponents { get; init; } = [];
    /// <summary>Synonym matches, as "kubernetes (for k8s)".</summary>
    public required IReadOnlyList<string> SynonymMatches { get; init; }
    public LearnedContribution? Learned { get; init; }
    public IReadOnlyList<string> Dependencies { get; init; } = [];
    /// <summary>Closeness in meaning, when the dense side ran and the plugin has a vector.</summary>
    public DenseHit? Dense { get; init; }
    /// <summary>The same plugin listed by other marketplaces (ids), merged into this row.</summary>
    public IReadOnlyList<string> AlsoIn { get; init; } = [];
    /// <summary>Human-readable reasons, most important first.</summary>
    public required IReadOnlyList<string> Reasons { get; init; }
}

/// <summary>A plugin suggested next to the results because learned workflows use them together.</summary>
public sealed record ComplementSuggestion(string Plugin, string? Marketplace, string WithPlugin, int Executions, bool InCatalog);

/// <summary>Whether ranking used meaning (dense vectors) and, when not, why.</summary>
public sealed record SemanticStatus(bool Used, string? ModelId, string? Reason)
{
    public static SemanticStatus Off(string reason) => new(false, null, reason);
}

/// <summary>The answer to one query.</summary>
public sealed record RankingResult(
    ParsedQuery Query,
    IReadOnlyList<RankedPlugin> Results,
    IReadOnlyList<ComplementSuggestion> Complements,
    IReadOnlyList<AgentOps.Core.Diagnostics.Diagnostic> Diagnostics,
    int Candidates)
{
    public SemanticStatus Semantic { get; init; } = SemanticStatus.Off("no embedding model given");
}
