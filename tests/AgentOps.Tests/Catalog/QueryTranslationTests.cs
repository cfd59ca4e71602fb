using AgentOps.Core.Diagnostics;
using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Tests.Validation;
using static AgentOps.Tests.Catalog.CatalogFixtures;

namespace AgentOps.Tests.Catalog;

/// <summary>A query in another language is read in English through the embedded glossary; an English query is left as
/// typed; a hostile query is read in bounded work.</summary>
[TestClass]
public sealed class QueryTranslationTests
{
    private static string[] Reading(string query) => QueryTranslation.Of(query)?.English.Split(' ') ?? [];

    [TestMethod]
    public void Words_of_other_languages_are_read_as_the_catalogs_english_words()
    {
        CollectionAssert.IsSubsetOf(new[] { "database", "queries", "faster" }, Reading("Datenbank-Abfragen schneller machen"));
        CollectionAssert.Contains(Reading("数据库迁移"), "database", "a CJK run is read by its longest glossary words");
        CollectionAssert.Contains(Reading("データベースのバックアップ"), "database");
        CollectionAssert.Contains(Reading("데이터베이스 백업"), "database");
        CollectionAssert.Contains(Reading("ускорить запросы"), "queries");
        CollectionAssert.Contains(Reading("optimizar la base de datos"), "database", "a phrase of several words is one entry");
        CollectionAssert.IsSubsetOf(new[] { "database", "queries" }, Reading("Datenbankabfragen"), "a German compound is read by its parts");
    }

    [TestMethod]
    public void Names_stay_and_leftover_short_words_go()
    {
        var reading = Reading("desplegar la aplicación en vercel");
        CollectionAssert.Contains(reading, "vercel");
        CollectionAssert.DoesNotContain(reading, "la");
        CollectionAssert.DoesNotContain(reading, "en");
        CollectionAssert.Contains(Reading("用docker部署"), "docker", "ASCII inside a CJK run is a name");
    }

    [TestMethod]
    [DataRow("review my pull request")]
    [DataRow("make the button red")]
    [DataRow("red button")]
    [DataRow("deploy my Next.js site to Vercel")]
    [DataRow("!!! ???")]
    [DataRow("")]
    public void English_queries_are_left_as_typed(string query) => Assert.IsNull(QueryTranslation.Of(query));

    [TestMethod]
    public void Hostile_queries_are_read_in_bounded_work()
    {
        // One 4,000-letter "word" made of glossary parts (the compound search is bounded), and 4,000 CJK characters.
        var compound = string.Concat(Enumerable.Repeat("datenbank", 450));
        Assert.IsNull(QueryTranslation.Of(compound));
        // A lone surrogate (text cut mid-character) cannot be normalised: read as written, never a crash.
        CollectionAssert.Contains(Reading("datenbank abfragen \udc00"), "database");
        Assert.IsFalse(ParsedQuery.Parse("database \udc00 queries").IsEmpty);
        var cjk = string.Concat(Enumerable.Repeat("数据库把", 1000));
        var read = QueryTranslation.Of(cjk)!;
        Assert.AreEqual(1000, read.Words.Count);
        Assert.AreEqual("database", read.English, "the reading lists each English word once");
    }

    [TestMethod]
    public void A_glossary_line_that_is_not_three_columns_is_skipped()
    {
        var table = QueryGlossary.Parse("# comment\nde\tdatenbank\tdatabase\nbroken line\nde\t\tempty\nde\tdatenbank\tsecond reading\nzh\t数据库\tDatabase\n");
        Assert.AreEqual(2, table.Words.Count);
        Assert.AreEqual("database", table.Words["datenbank"], "the first reading wins");
        Assert.AreEqual("database", table.Words["数据库"]);
        Assert.AreEqual(3, table.LongestCjk);
        Assert.IsTrue(QueryGlossary.Count > 3000, "the embedded glossary is loaded");
    }

    [TestMethod]
    public void A_query_in_another_language_finds_the_plugin_and_says_how_it_was_read()
    {
        using var tmp = new TempDir();
        using var store = OneMarketplaceCatalog(tmp,
            new("datastore", "Database schema design and query tuning", ["postgres"], "DB", "database"),
            new("pipelines", "Continuous integration workflows for GitHub Actions", ["github-actions"], "CI", "devops"),
            new("tester", "Unit test generation for services", ["testing"], "Tests", "testing"));

        var r = PluginRanker.Rank(store, "Datenbank-Abfragen schneller machen", LearnedSignals.None);
        Assert.AreEqual("datastore", r.Results.First().Plugin.Name);
        var note = r.Diagnostics.Single(d => d.Code == DiagnosticCodes.QueryTranslated);
        StringAssert.Contains(note.Message, "datenbank → database");

        var off = PluginRanker.Rank(store, "Datenbank-Abfragen schneller machen", LearnedSignals.None, new RankingOptions { TranslateQuery = false });
        Assert.IsFalse(off.Results.Any(x => x.Plugin.Name == "datastore"), "without the glossary no word of the query is in the catalog");
        Assert.IsFalse(PluginRanker.Rank(store, "query tuning", LearnedSignals.None).Diagnostics.Any(d => d.Code == DiagnosticCodes.QueryTranslated));
    }
}
