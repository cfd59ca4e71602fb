using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Tests.Validation;
using static AgentOps.Tests.Catalog.CatalogFixtures;

namespace AgentOps.Tests.Catalog;

/// <summary>Everyday phrasings also search the catalog's own words for them (the concept lexicon): a plugin named for the
/// trade is found by a query that names the outcome, and says which word it matched for which.</summary>
[TestClass]
public sealed class QueryExpansionTests
{
    private static IReadOnlyList<string> Terms(string query) => QueryExpansion.Of(query)?.Terms ?? [];

    [TestMethod]
    public void Outcome_phrases_are_read_as_the_catalogs_words_on_stems_without_stop_words()
    {
        CollectionAssert.Contains(Terms("rank higher on Google").ToList(), "seo");
        CollectionAssert.Contains(Terms("show it in the status bars").ToList(), "statusline", "plural and stop words do not matter");
        CollectionAssert.Contains(Terms("write up what went wrong yesterday").ToList(), "postmortem");
        var hit = QueryExpansion.Of("rank higher on Google")!.Hits.Single(h => h.Terms.Contains("seo"));
        CollectionAssert.AreEqual(new[] { "rank", "higher" }, hit.Words.ToList(), "the longest entry is read, from the left");
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("!!! ???")]
    [DataRow("the of and")]
    [DataRow("quux frobnicator 42")]
    public void A_query_with_no_everyday_phrase_is_left_alone(string query) => Assert.IsNull(QueryExpansion.Of(query));

    [TestMethod]
    public void A_term_the_query_already_says_is_not_added()
    {
        // "k8s" reads as kubernetes and containers; the query says kubernetes already.
        var terms = Terms("k8s kubernetes");
        CollectionAssert.DoesNotContain(terms.ToList(), "kubernetes");
        CollectionAssert.Contains(terms.ToList(), "containers");
    }

    [TestMethod]
    public void The_terms_are_searched_as_synonyms_of_the_phrases_words_and_read_by_the_model_after_the_query()
    {
        var expansion = QueryExpansion.Of("rank higher on Google")!;
        var parsed = expansion.Apply(ParsedQuery.Parse("rank higher on Google"));
        CollectionAssert.Contains(parsed.Concepts.Single(c => c.Word == "rank").Synonyms.ToList(), "seo");
        CollectionAssert.Contains(parsed.Concepts.Single(c => c.Word == "higher").Synonyms.ToList(), "seo");
        Assert.IsFalse(parsed.Concepts.Single(c => c.Word == "google").Synonyms.Contains("seo"), "a word outside the phrase gets nothing");
        StringAssert.Contains(parsed.Match, "\"seo\"");
        Assert.AreEqual("rank higher on Google (seo, keywords)", expansion.ForModel("rank higher on Google"));
    }

    [TestMethod]
    public void A_synonym_of_several_words_counts_only_where_the_text_says_all_of_it_in_order()
    {
        var query = ParsedQuery.FromConcepts("status bar", [new QueryConcept("status", ["claude-code", "statusline"])], []);
        var apart = MatchExplainer.ExplainText(query, [("description", "Code review for Claude users")]);
        Assert.AreEqual(0, apart.ConceptsMatched.Count, "\"code\" and \"claude\" apart are not claude-code");
        var together = MatchExplainer.ExplainText(query, [("description", "A statusline for Claude Code sessions")]);
        Assert.IsTrue(together.ConceptsMatched.Contains(0));
        CollectionAssert.Contains(together.SynonymMatches.ToList(), "claude (for status)");
    }

    [TestMethod]
    public void A_lexicon_line_that_is_not_two_columns_is_skipped_and_the_embedded_one_is_well_formed()
    {
        var table = ConceptLexicon.Parse("# comment\nrank higher\tseo\nbroken\n\tseo\nthe\tseo\nrank higher\tsecond\nStatus Bars\tstatusline claude-code\n");
        Assert.AreEqual(2, table.Entries.Count, "a phrase of stop words only has no key");
        CollectionAssert.AreEqual(new[] { "seo" }, table.Entries[ConceptLexicon.Key(["rank", "higher"])].ToList(), "the first line of a phrase wins");
        CollectionAssert.AreEqual(new[] { "statusline", "claude-code" }, table.Entries[ConceptLexicon.Key(["status", "bars"])].ToList());
        Assert.IsTrue(ConceptLexicon.Count > 1000, "the embedded lexicon is loaded");
        Assert.IsTrue(ConceptLexicon.LongestPhrase is >= 1 and <= 3);
    }

    [TestMethod]
    public void A_plugin_named_for_the_trade_is_found_by_the_outcome_and_says_why()
    {
        using var tmp = new TempDir();
        using var store = OneMarketplaceCatalog(tmp,
            new("seo-audit", "SEO audits, keyword research and meta tags for search engines", ["seo"], "SEO", "marketing"),
            new("charts", "Chart generation from CSV files", ["visualization"], "Charts", "data"),
            new("recommender", "Recommendation engine that ranks products for shoppers", ["ranking"], "Rec", "data"));

        var r = PluginRanker.Rank(store, "rank higher on Google", LearnedSignals.None);
        Assert.AreEqual("seo-audit", r.Results.First().Plugin.Name);
        Assert.IsTrue(r.Results.First().Reasons.Any(x => x.Contains("seo (for rank)")), string.Join(" | ", r.Results.First().Reasons));

        var off = PluginRanker.Rank(store, "rank higher on Google", LearnedSignals.None,
            new RankingOptions { Weights = RankingWeights.Default with { ExpandLexical = false, ExpandDense = false } });
        Assert.AreNotEqual("seo-audit", off.Results.FirstOrDefault()?.Plugin.Name, "without the lexicon no word of the query names the trade");
    }
}
