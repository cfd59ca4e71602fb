using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Tests.Validation;
using static AgentOps.Tests.Catalog.CatalogFixtures;

namespace AgentOps.Tests.Catalog;

[TestClass]
public sealed class RankingTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static CatalogStore Catalog(TempDir tmp) => OneMarketplaceCatalog(tmp,
        new("kube-tools", "Kubernetes manifests, rollouts and cluster operations", ["kubernetes", "helm"], "Kubernetes manifests", "devops",
            Agents: [new("rollout-agent", "Rolls deployments out safely")]),
        new("pipelines", "Continuous integration workflows for GitHub Actions", ["github-actions"], "CI", "devops"),
        new("datastore", "Database schema design and query tuning", ["postgres"], "DB", "database", Dependencies: ["shared-core"]),
        new("shared-core", "Shared workflow agents", null, "Core", "development"),
        new("twin-a", "Generates release notes from commits", ["changelog"], "Notes", "documentation"),
        new("twin-b", "Generates release notes from commits", ["changelog"], "Notes", "documentation"),
        new("tester", "Unit test generation for services", ["testing"], "Tests", "testing"));

    [TestMethod]
    public void Each_result_says_which_fields_matched_and_through_which_synonym()
    {
        using var tmp = new TempDir();
        using var store = Catalog(tmp);
        var r = PluginRanker.Rank(store, "k8s rollout", LearnedSignals.None, new RankingOptions { Today = Today });
        var top = r.Results.First();
        Assert.AreEqual("kube-tools", top.Plugin.Name);
        CollectionAssert.Contains(top.MatchedFields["name"].ToList(), "k8s", "the name 'kube-tools' matched through the synonym kube");
        CollectionAssert.Contains(top.MatchedFields["description"].ToList(), "rollout");
        Assert.IsTrue(top.SynonymMatches.Any(s => s.StartsWith("kubernetes (for k8s)", StringComparison.Ordinal)), string.Join("; ", top.SynonymMatches));
        Assert.AreEqual(1.0, top.Coverage);
        Assert.IsTrue(top.Reasons.Any(x => x.StartsWith("matched name:", StringComparison.Ordinal)));
        Assert.IsTrue(top.Reasons.Any(x => x.StartsWith("covers 2 of 2 query words", StringComparison.Ordinal)), string.Join("\n", top.Reasons));
        Assert.IsNull(top.Learned);
    }

    [TestMethod]
    [DataRow("developer-tools")]
    [DataRow("Developer Tools")]
    [DataRow("DEVELOPER_TOOLS")]
    public void A_category_filter_ignores_case_spaces_underscores_and_hyphens(string filter)
    {
        // Marketplaces write one category several ways; before, only the letter case was ignored.
        using var tmp = new TempDir();
        using var store = OneMarketplaceCatalog(tmp,
            new("linter", "Lints code and formats files", null, "Lint", "Developer Tools"),
            new("formatter", "Formats code", null, "Format", "developer_tools"),
            new("deployer", "Formats and deploys releases", null, "Deploy", "devops"));
        var options = new RankingOptions { Today = Today, Category = filter };

        var ranked = PluginRanker.Rank(store, "formats code", LearnedSignals.None, options).Results.Select(r => r.Plugin.Name).Order().ToList();
        CollectionAssert.AreEqual(new[] { "formatter", "linter" }, ranked);
        var listed = PluginRanker.Browse(store, LearnedSignals.None, options).Results.Select(r => r.Plugin.Name).Order().ToList();
        CollectionAssert.AreEqual(new[] { "formatter", "linter" }, listed);
    }

    [TestMethod]
    public void Domain_synonyms_find_plugins_that_use_the_other_word()
    {
        using var tmp = new TempDir();
        using var store = Catalog(tmp);
        Assert.AreEqual("pipelines", PluginRanker.Rank(store, "ci/cd", LearnedSignals.None).Results.First().Plugin.Name);
        Assert.AreEqual("datastore", PluginRanker.Rank(store, "db tuning", LearnedSignals.None).Results.First().Plugin.Name);
        Assert.AreEqual("tester", PluginRanker.Rank(store, "qa", LearnedSignals.None).Results.First().Plugin.Name);
        Assert.AreEqual("twin-a", PluginRanker.Rank(store, "changelog", LearnedSignals.None).Results.First().Plugin.Name);
    }

    [TestMethod]
    public void Learned_reliability_changes_the_order_of_equally_relevant_plugins_and_says_so()
    {
        using var tmp = new TempDir();
        using var store = Catalog(tmp);
        var options = new RankingOptions { Today = Today };
        var plain = PluginRanker.Rank(store, "release notes", LearnedSignals.None, options).Results;
        CollectionAssert.AreEqual(new[] { "twin-a", "twin-b" }, plain.Take(2).Select(r => r.Plugin.Name).ToList(), "ties break by name");
        Assert.AreEqual(plain[0].Score, plain[1].Score, 1e-9);

        var root = PatternFixtures.Store(tmp.File("store"),
            PatternFixtures.Pattern("docs-good", "documentation", ["twin-b:writer", "shared-core:reviewer"], 10, 1.0),
            PatternFixtures.Pattern("docs-bad", "documentation", ["twin-a:writer"], 10, 0.2));
        var learned = LearnedSignals.Load([root]);
        var ranked = PluginRanker.Rank(store, "release notes", learned, options).Results;
        Assert.AreEqual("twin-b", ranked[0].Plugin.Name);
        Assert.AreEqual("twin-a", ranked[1].Plugin.Name);
        Assert.AreEqual(10, ranked[0].Learned!.Executions);
        Assert.AreEqual(1.0, ranked[0].Learned!.SuccessRate);
        Assert.IsTrue(ranked[0].Reasons.Any(r => r.StartsWith("learned: 10 executions, success 100", StringComparison.Ordinal)), string.Join("\n", ranked[0].Reasons));
        Assert.IsLessThan(1.0, ranked[1].Learned!.Multiplier);

        var complements = PluginRanker.Rank(store, "release notes", learned, options).Complements;
        Assert.AreEqual("shared-core", complements.Single().Plugin);
        Assert.AreEqual("twin-b", complements.Single().WithPlugin);
        Assert.IsTrue(complements.Single().InCatalog);
    }

    [TestMethod]
    public void What_was_learned_orders_plugins_that_fit_and_does_not_lift_one_that_fits_less_over_one_that_fits()
    {
        // The user's record is all one workflow plugin; it mentions release notes only in passing. The plugin named for
        // the need stays first; the lift shows, scaled by the plugin's fit against the best.
        using var tmp = new TempDir();
        using var store = OneMarketplaceCatalog(tmp,
            new("release-notes", "Release notes from merged pull requests", ["release-notes"], "Notes", "documentation"),
            new("workflow-hub", "Research, plan, implement, review and ship workflows for any repository; keeps release notes", null, "Hub", "development"));
        var options = new RankingOptions { Today = Today };
        var plain = PluginRanker.Rank(store, "release notes", LearnedSignals.None, options).Results;
        CollectionAssert.AreEqual(new[] { "release-notes", "workflow-hub" }, plain.Select(r => r.Plugin.Name).ToList());
        var fit = plain[1].Score / plain[0].Score;

        var root = PatternFixtures.Store(tmp.File("store"),
            PatternFixtures.Pattern("hub-runs", "feature", ["workflow-hub:planner", "workflow-hub:builder"], 60, 1.0, updated: Today));
        var learned = LearnedSignals.Load([root]);
        var ranked = PluginRanker.Rank(store, "release notes", learned, options).Results;
        var hub = ranked.Single(r => r.Plugin.Name == "workflow-hub");
        var full = 1 + 0.5 * (61.0 / 62 - 0.5) * 2 * 60 / 63 + 0.1 + 0.1;
        Assert.IsGreaterThan(1 / fit, full, "the record alone would lift it over the plugin named for the need");
        Assert.AreEqual("release-notes", ranked[0].Plugin.Name, string.Join("\n", ranked.Select(r => $"{r.Plugin.Name} {r.Score}")));
        Assert.AreEqual(1 + (full - 1) * fit, hub.Learned!.Multiplier, 1e-6, "the lift scaled by its fit");
        Assert.AreEqual(plain[1].Score * hub.Learned.Multiplier, hub.Score, 1e-9);
        Assert.IsTrue(hub.Reasons.Any(r => r.StartsWith("learned: 60 executions", StringComparison.Ordinal)), string.Join("\n", hub.Reasons));
    }

    [TestMethod]
    public void Search_learns_from_the_users_own_store_not_from_the_patterns_a_plugin_ships()
    {
        using var tmp = new TempDir();
        var own = PatternFixtures.Store(tmp.File("own"), PatternFixtures.Pattern("mine", "documentation", ["twin-a:writer"], 4, 1.0));
        var shipped = PatternFixtures.Store(tmp.File("shipped"),
            PatternFixtures.Pattern("example", "feature", ["shared-core:reviewer", "twin-b:writer"], 35, 0.8));
        var all = LearnedSignals.Load([own, shipped]);
        CollectionAssert.AreEquivalent(new[] { "twin-a", "shared-core", "twin-b" }, all.Plugins.Keys.ToList(), "planning reads both");
        var search = all.OwnOnly();
        CollectionAssert.AreEqual(new[] { "twin-a" }, search.Plugins.Keys.ToList());
        Assert.AreEqual("mine", search.Patterns.Single().Pattern!.Id);
        Assert.AreEqual(Path.GetFullPath(own), Path.GetFullPath(search.PrimaryStore!));
        Assert.AreEqual(0, search.Together.Count, "complements come from the user's runs too");
        Assert.AreSame(search, search.OwnOnly(), "one store: nothing to leave out");
    }

    [TestMethod]
    public void Results_carry_their_dependency_closure_and_filters_apply()
    {
        using var tmp = new TempDir();
        using var store = Catalog(tmp);
        var db = PluginRanker.Rank(store, "database schema", LearnedSignals.None).Results.First();
        CollectionAssert.AreEqual(new[] { "shared-core@m" }, db.Dependencies.ToList());
        Assert.IsTrue(db.Reasons.Contains("requires shared-core@m"));
        var devops = PluginRanker.Rank(store, "kubernetes database notes ci", LearnedSignals.None, new RankingOptions { Category = "DevOps" }).Results;
        Assert.IsTrue(devops.Count > 0 && devops.All(r => r.Plugin.Category == "devops"));
        Assert.AreEqual(0, PluginRanker.Rank(store, "kubernetes", LearnedSignals.None, new RankingOptions { InstalledOnly = true }).Results.Count);
    }

    [TestMethod]
    public void The_same_query_gives_the_same_ranking()
    {
        using var tmp = new TempDir();
        using var store = Catalog(tmp);
        var a = PluginRanker.Rank(store, "notes for kubernetes tests", LearnedSignals.None, new RankingOptions { Today = Today });
        var b = PluginRanker.Rank(store, "notes for kubernetes tests", LearnedSignals.None, new RankingOptions { Today = Today });
        CollectionAssert.AreEqual(a.Results.Select(r => (r.Plugin.Id, r.Score)).ToList(), b.Results.Select(r => (r.Plugin.Id, r.Score)).ToList());
    }

    [TestMethod]
    public void Agentops_devops_ranks_first_for_kubernetes_deployment_with_monitoring_among_a_generated_thousand()
    {
        using var tmp = new TempDir();
        var generated = CatalogGenerator.Generate(tmp.File("gen"), 1000, perMarketplace: 250, withFolders: 0.3, seed: 7);
        using var store = Open(tmp.File("catalog.db"));
        var report = BuildCatalog(store, [Folder(RepoRoot()), .. generated.Select(Folder)]);
        Assert.IsGreaterThanOrEqualTo(1004, report.TotalPlugins);
        var result = PluginRanker.Rank(store, "kubernetes deployment with monitoring", LearnedSignals.None);
        var top = result.Results.First();
        Console.WriteLine(string.Join("\n", result.Results.Take(5).Select(r => $"{r.Rank}. {r.Plugin.Id} {r.Score:0.00} | {string.Join(" | ", r.Reasons)}")));
        Assert.AreEqual("agentops-devops", top.Plugin.Name);
        Assert.AreEqual(FolderMarketplaceSource.RepositoryMarketplaceName, top.Plugin.Marketplace);
        Assert.IsTrue(top.Reasons.Any(r => r.StartsWith("matched", StringComparison.Ordinal)));
        CollectionAssert.Contains(top.Dependencies.ToList(), "agentops-core@agentops-marketplace");
    }
}
