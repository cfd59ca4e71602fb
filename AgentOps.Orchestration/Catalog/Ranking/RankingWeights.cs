namespace AgentOps.Orchestration.Catalog.Ranking;

/// <summary>
/// The knobs of the ranking formula (docs/meta-orchestrator/CATALOG_AND_PLANNING.md). Field weights go
/// to FTS5's bm25() in <see cref="CatalogSchema.PluginTextColumns"/> order; the rest shape the learned
/// multiplier. Defaults were tuned on the evaluation set (bench scenario <c>catalog</c>), not guessed.
/// </summary>
public sealed record RankingWeights
{
    public double Name { get; init; } = 6;
    public double Description { get; init; } = 2;
    public double Keywords { get; init; } = 1.5;
    public double Category { get; init; } = 2;
    /// <summary>Weight of the component score (sum of the best <see cref="TopComponents"/> component bm25 scores).</summary>
    public double Components { get; init; } = 0.5;
    public double ComponentName { get; init; } = 2;
    public double ComponentDescription { get; init; } = 1;
    public int TopComponents { get; init; } = 3;

    /// <summary>Share of the lexical score that depends on how many query concepts matched.</summary>
    public double Coverage { get; init; } = 0.6;
    /// <summary>Exponent on coverage: above 1, covering all of the query beats a louder match on part of it.</summary>
    public double CoverageExponent { get; init; } = 2;
    /// <summary>Coverage weighted by each query concept's idf over plugin text, not a count: matching the rare word of a
    /// query ("requirements") counts more than matching a common one ("draft").</summary>
    public bool CoverageIdf { get; init; }
    /// <summary>Learned reliability: ±this at full confidence for a 100 % / 0 % success rate.</summary>
    public double Reliability { get; init; } = 0.5;
    /// <summary>Executions needed for half confidence in the learned success rate.</summary>
    public double ReliabilityHalfConfidence { get; init; } = 3;
    public double Usage { get; init; } = 0.1;
    public double Recency { get; init; } = 0.1;
    /// <summary>Days after which the recency bonus halves.</summary>
    public double RecencyHalfLifeDays { get; init; } = 30;
    public double Installed { get; init; } = 0.05;
    /// <summary>Full-text candidates re-ranked per query (at least; 5 × limit when larger).</summary>
    public int Candidates { get; init; } = 60;
    /// <summary>Hits (ids and scores only) combined before the candidates are chosen.</summary>
    public int Pool { get; init; } = 500;

    /// <summary>How lexical and dense scores are fused (SEMANTIC_SEARCH.md compares the two on the tuning half).</summary>
    public FusionMethod Fusion { get; init; } = FusionMethod.WeightedScore;
    /// <summary>Share of the fused score that comes from the dense (meaning) side; 0 is lexical only.</summary>
    public double DenseWeight { get; init; } = 0.7;
    /// <summary>k of reciprocal rank fusion (60 in the original paper).</summary>
    public double RrfK { get; init; } = 60;
    /// <summary>Cosine treated as "no meaning match" in weighted fusion: unrelated texts sit around 0.0–0.2 with MiniLM.</summary>
    public double DenseFloor { get; init; } = 0.1;
    /// <summary>A component's cosine counts at this share of a plugin-level one.</summary>
    public float ComponentDenseFactor { get; init; } = 0.8f;
    /// <summary>Best dense matches added to the lexical candidates.</summary>
    public int DenseCandidates { get; init; } = 50;
    /// <summary>How each side's scores are put on one scale before weighted fusion.</summary>
    public ScoreNormalisation Normalisation { get; init; } = ScoreNormalisation.Max;
    /// <summary>Share of the query vector given to the mean of its phrases' vectors (a query asking for two things
    /// should match plugins close to each of them, not only to the blend): 0 is the whole query alone.</summary>
    public double PhraseWeight { get; init; } = 0;
    /// <summary>Pseudo-relevance feedback: share of the query vector moved towards the centroid of the first
    /// <see cref="FeedbackDocs"/> fused results' vectors (Rocchio) before the dense side is scored again; 0 is off.</summary>
    public double FeedbackWeight { get; init; } = 0;
    public int FeedbackDocs { get; init; } = 3;
    /// <summary>Multi-vector plugins: a chunk of the plugin's own text (<see cref="DenseIndex.ChunkMatrix"/>) counts at
    /// this share of the whole text's cosine; 0 ignores chunks.</summary>
    public float ChunkDenseFactor { get; init; } = 0;
    /// <summary>Phrase-level late interaction (ColBERT-lite): share of the dense score given to the mean over the query's
    /// phrases of each phrase's best cosine with any of the plugin's vectors (whole text, chunks, components); 0 is off.</summary>
    public double PhraseMaxSimWeight { get; init; } = 0;

    /// <summary>Everyday phrasings also search the catalog's words for them (<see cref="QueryExpansion"/>), lexically as
    /// synonyms of the phrase's words.</summary>
    public bool ExpandLexical { get; init; } = true;
    /// <summary>The model reads the query followed by those catalog words.</summary>
    public bool ExpandDense { get; init; } = true;

    public static readonly RankingWeights Default = new();

    public IReadOnlyList<double> FieldWeights => [Name, Description, Keywords, Category];
    public IReadOnlyList<double> ComponentWeights => [ComponentName, ComponentDescription];
}
