using AgentOps.Core.Diagnostics;
using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Tests.Validation;
using static AgentOps.Tests.Catalog.CatalogFixtures;

namespace AgentOps.Tests.Catalog;

/// <summary>Hybrid ranking: fusion, one row per plugin across marketplaces, the fallback without the model, bad queries.</summary>
[TestClass]
public sealed class SemanticRankingTests
{
    [TestMethod]
    public void Weighted_fusion_rewards_agreement_and_dense_weight_zero_keeps_the_lexical_order()
    {
        var lexical = new Dictionary<long, double> { [1] = 10, [2] = 9, [3] = 0 };
        var dense = new Dictionary<long, double> { [1] = 0.2, [2] = 0.6, [3] = 0.7 };
        var w = RankingWeights.Default with { Fusion = FusionMethod.WeightedScore, DenseWeight = 0.5, DenseFloor = 0.1 };
        var fused = ScoreFusion.Fuse(lexical, dense, [1, 2, 3], w);
        Assert.IsTrue(fused[2] > fused[1] && fused[2] > fused[3], "strong on both sides beats strong on one");
        Assert.IsTrue(fused[3] > 0, "a meaning-only match still ranks");
        var lexicalOnly = ScoreFusion.Fuse(lexical, dense, [1, 2, 3], w with { DenseWeight = 0 });
        CollectionAssert.AreEqual(new long[] { 1, 2, 3 }, lexicalOnly.OrderByDescending(kv => kv.Value).Select(kv => kv.Key).ToArray());
        var below = ScoreFusion.Fuse(new Dictionary<long, double>(), new Dictionary<long, double> { [4] = 0.05, [5] = 0.5 }, [4, 5], w);
        Assert.AreEqual(0, below[4], "a cosine under the floor is no meaning match");
    }

    [TestMethod]
    public void Reciprocal_rank_fusion_uses_ranks_not_score_scales()
    {
        var w = RankingWeights.Default with { Fusion = FusionMethod.ReciprocalRank, DenseWeight = 0.5, RrfK = 60 };
        var small = ScoreFusion.Fuse(new Dictionary<long, double> { [1] = 2, [2] = 1 }, new Dictionary<long, double> { [1] = 0.3, [2] = 0.9 }, [1, 2], w);
        var large = ScoreFusion.Fuse(new Dictionary<long, double> { [1] = 2000, [2] = 1 }, new Dictionary<long, double> { [1] = 0.3, [2] = 0.9 }, [1, 2], w);
        Assert.AreEqual(small[1], large[1], 1e-12, "a louder lexical score with the same order changes nothing");
        Assert.AreEqual(small[1], small[2], 1e-12, "first on one side and second on the other tie");
        Assert.AreEqual(0.5 / 61 + 0.5 / 62, small[1], 1e-12);
    }

    [TestMethod]
    public void The_same_plugin_from_two_marketplaces_is_one_row_with_also_in()
    {
        using var tmp = new TempDir();
        var a = tmp.Write("a.json", """
            {"name": "first-mkt", "owner": {"name": "o"}, "plugins": [
              {"name": "helm-kit", "description": "Helm chart authoring and linting", "source": {"source": "github", "repo": "acme/helm-kit"}},
              {"name": "notes", "description": "Release notes from commits", "source": "./plugins/notes"},
              {"name": "data-engineering", "description": "Warehouse exploration and Airflow pipelines", "source": "./plugins/de"}]}
            """);
        var b = tmp.Write("b.json", """
            {"name": "second-mkt", "owner": {"name": "o"}, "plugins": [
              {"name": "helm-kit", "description": "Charts for Kubernetes, by Acme", "source": {"source": "url", "url": "https://github.com/acme/helm-kit.git"}},
              {"name": "notes", "description": "Release  notes from commits.", "source": "./plugins/notes"},
              {"name": "data-engineering", "description": "ETL pipeline construction and warehouse design", "source": "./plugins/data-engineering"}]}
            """);
        using var store = Open(tmp.File("catalog.db"));
        BuildCatalog(store, JsonFile(a), JsonFile(b));

        var helm = PluginRanker.Rank(store, "helm charts", LearnedSignals.None).Results;
        Assert.AreEqual(1, helm.Count(r => r.Plugin.Name == "helm-kit"), "same name and same repository: one row");
        var row = helm.Single(r => r.Plugin.Name == "helm-kit");
        Assert.AreEqual(1, row.AlsoIn.Count);
        Assert.IsTrue(row.Reasons.Any(x => x.StartsWith("also in: ", StringComparison.Ordinal)), string.Join(" | ", row.Reasons));
        Assert.AreEqual(1, PluginRanker.Rank(store, "release notes", LearnedSignals.None).Results.Count(r => r.Plugin.Name == "notes"),
            "same name and the same description (case, spacing and the final stop aside): one row");
        Assert.AreEqual(2, PluginRanker.Rank(store, "warehouse pipelines", LearnedSignals.None).Results.Count(r => r.Plugin.Name == "data-engineering"),
            "a shared name alone does not make two plugins one");
        Assert.AreEqual(2, PluginRanker.Rank(store, "helm charts", LearnedSignals.None, new RankingOptions { Deduplicate = false }).Results.Count(r => r.Plugin.Name == "helm-kit"));
    }

    [TestMethod]
    public void Without_the_model_ranking_is_lexical_and_says_why()
    {
        using var tmp = new TempDir();
        using var store = RankingCatalog(tmp);
        var result = PluginRanker.Rank(store, "kubernetes rollout", LearnedSignals.None, new RankingOptions { SemanticUnavailableReason = "model not installed" });
        Assert.IsFalse(result.Semantic.Used);
        Assert.AreEqual("model not installed", result.Semantic.Reason);
        Assert.AreEqual("kube-tools", result.Results.First().Plugin.Name);
        Assert.IsTrue(result.Results.All(r => r.Dense is null && !r.Reasons.Any(x => x.StartsWith("meaning:", StringComparison.Ordinal))));
    }

    [TestMethod]
    public void Vectors_follow_the_marketplace_fingerprints()
    {
        using var tmp = new TempDir();
        var a = tmp.File("a");
        Plugin(Path.Combine(a, "plugins", "alpha"), "alpha", "Alpha helps with kafka streams", agents: [new("streamer", "Streams events")]);
        Marketplace(a, "mkt-a", new Entry("alpha", "Alpha helps with kafka streams"));
        var b = tmp.File("b");
        Plugin(Path.Combine(b, "plugins", "beta"), "beta", "Beta helps with redis caches");
        Marketplace(b, "mkt-b", new Entry("beta", "Beta helps with redis caches"));
        using var store = Open(tmp.File("catalog.db"));
        var embedder = new HashingEmbedder();
        var first = CatalogBuilder.Build(store, [Folder(a), Folder(b)], prune: true, allowNetwork: false, embedder: embedder);
        Assert.AreEqual(2, first.Embedding.Plugins);
        Assert.AreEqual(1, first.Embedding.Components, "the agent with a description");
        var again = CatalogBuilder.Build(store, [Folder(a), Folder(b)], prune: true, allowNetwork: false, embedder: embedder);
        Assert.AreEqual(0, again.Embedding.Plugins + again.Embedding.Components, "unchanged marketplaces are not embedded again");

        Marketplace(b, "mkt-b", new Entry("beta", "Beta helps with redis caches"), new Entry("gamma", "Gamma tunes postgres"));
        File.SetLastWriteTimeUtc(Path.Combine(b, ".claude-plugin", "marketplace.json"), DateTime.UtcNow.AddMinutes(1));
        var betaBefore = DenseRowOf(store, "beta");
        var textsBefore = embedder.Texts;
        var changed = CatalogBuilder.Build(store, [Folder(a), Folder(b)], prune: true, allowNetwork: false, embedder: embedder);
        Assert.AreEqual(2, changed.Embedding.Plugins, "only the changed marketplace's plugins");
        Assert.AreEqual(1, changed.Embedding.Reused, "beta's text did not change: it keeps its vector");
        Assert.AreEqual(1, embedder.Texts - textsBefore, "the model ran on gamma only");
        CollectionAssert.AreEqual(betaBefore, DenseRowOf(store, "beta"));
        Assert.AreEqual(0, store.PluginsWithoutVectorsCount());

        var other = new HashingEmbedder { ModelId = "another-model/64" };
        var switched = CatalogBuilder.Build(store, [Folder(a), Folder(b)], prune: true, allowNetwork: false, embedder: other);
        Assert.AreEqual(3, switched.Embedding.Plugins, "another model's vectors are another space: all are made again");
        Assert.AreEqual(0, switched.Embedding.Reused);
    }

    private static float[] DenseRowOf(CatalogStore store, string name)
    {
        var id = store.LoadPlugins(store.AllPluginIds(), withComponents: false).Values.Single(p => p.Plugin.Name == name).Id;
        var index = store.Dense(64)!;
        return index.PluginRow(index.PluginRowOf(id)!.Value).ToArray();
    }

    [TestMethod]
    public void A_typo_still_finds_the_plugin()
    {
        using var tmp = new TempDir();
        using var store = RankingCatalog(tmp);
        Assert.AreEqual("kube-tools", PluginRanker.Rank(store, "kuberntes", LearnedSignals.None).Results.First().Plugin.Name);
        Assert.AreEqual(0, PluginRanker.Rank(store, "kuberntes", LearnedSignals.None, new RankingOptions { TypoTolerance = false }).Results.Count);
        Assert.AreEqual(1, TypoTolerance.Distance("terrafrom", "terraform", 2), "a swap of neighbours is one edit");
    }

    [TestMethod]
    public void The_model_finds_a_plugin_that_shares_no_word_with_the_query_and_says_what_matched()
    {
        using var tmp = new TempDir();
        using var store = RankingCatalog(tmp);
        var model = SemanticFixtures.MiniLm;
        CatalogEmbedder.Refresh(store, model);
        const string query = "ship new container versions to the cluster without downtime";
        // The concept lexicon would give the words a way there ("cluster" → kubernetes): this is the model's finding alone.
        var noLexicon = RankingWeights.Default with { ExpandLexical = false, ExpandDense = false };
        Assert.IsFalse(PluginRanker.Rank(store, query, LearnedSignals.None, new RankingOptions { Weights = noLexicon }).Results.Take(1).Any(r => r.Plugin.Name == "kube-tools"),
            "by words alone the query does not reach it");
        var result = PluginRanker.Rank(store, query, LearnedSignals.None, new RankingOptions { Embedder = model, Weights = noLexicon });
        Assert.IsTrue(result.Semantic.Used);
        var top = result.Results.First();
        Assert.AreEqual("kube-tools", top.Plugin.Name, string.Join(", ", result.Results.Select(r => r.Plugin.Name)));
        Assert.IsTrue(top.Reasons.Any(x => x.StartsWith("meaning: \"", StringComparison.Ordinal) && x.Contains("close to")), string.Join(" | ", top.Reasons));
    }

    [TestMethod]
    public void Queries_the_model_does_not_cover_get_a_note_and_a_fallback_never_a_crash()
    {
        using var tmp = new TempDir();
        using var store = RankingCatalog(tmp);
        var model = SemanticFixtures.MiniLm;
        CatalogEmbedder.Refresh(store, model);
        var options = new RankingOptions { Embedder = model };

        // A script the glossary does not read (Thai) is noted and still searched by meaning: a weak match beats none.
        var thai = PluginRanker.Rank(store, "ทำให้โค้ดอ่านง่ายขึ้น", LearnedSignals.None, options);
        Assert.IsTrue(thai.Diagnostics.Any(d => d.Code == DiagnosticCodes.QueryOutsideModel), "another script is noted");
        Assert.IsTrue(thai.Semantic.Used);
        // Chinese is read in English through the glossary: the model reads the English and the note says so.
        var chinese = PluginRanker.Rank(store, "把这段代码重构得更易读", LearnedSignals.None, options);
        Assert.IsTrue(chinese.Diagnostics.Any(d => d.Code == DiagnosticCodes.QueryTranslated));
        Assert.IsFalse(chinese.Diagnostics.Any(d => d.Code == DiagnosticCodes.QueryOutsideModel), "the model read the English reading");
        Assert.IsTrue(chinese.Semantic.Used);

        var huge = string.Concat(Enumerable.Repeat("kubernetes rollout of services, ", 33_000)); // about 1 MB
        var big = PluginRanker.Rank(store, huge, LearnedSignals.None, options);
        Assert.IsTrue(big.Diagnostics.Any(d => d.Code == DiagnosticCodes.QueryTruncated));
        Assert.IsTrue(big.Diagnostics.Any(d => d.Code == DiagnosticCodes.QueryTruncatedForModel));
        Assert.AreEqual("kube-tools", big.Results.First().Plugin.Name);

        foreach (var punctuation in new[] { "?!?! ... ---", "", "   ", "\"\"\" ''' ```" })
        {
            var r = PluginRanker.Rank(store, punctuation, LearnedSignals.None, options);
            Assert.AreEqual(0, r.Results.Count);
            Assert.IsTrue(r.Diagnostics.Any(d => d.Code == DiagnosticCodes.QueryEmpty), $"'{punctuation}' is reported as empty");
            Assert.IsFalse(r.Semantic.Used);
        }
        var mixed = PluginRanker.Rank(store, "k8s 🚀🚀 deploy \u0000\u200b rollout", LearnedSignals.None, options);
        Assert.AreEqual("kube-tools", mixed.Results.First().Plugin.Name);
    }

    [TestMethod]
    public void A_catalog_without_vectors_is_searched_by_words_and_says_so()
    {
        using var tmp = new TempDir();
        using var store = RankingCatalog(tmp);
        var result = PluginRanker.Rank(store, "kubernetes", LearnedSignals.None, new RankingOptions { Embedder = new HashingEmbedder() });
        Assert.IsFalse(result.Semantic.Used);
        Assert.IsTrue(result.Diagnostics.Any(d => d.Code == DiagnosticCodes.CatalogVectorsMissing));
        Assert.AreEqual("kube-tools", result.Results.First().Plugin.Name);
    }

    private static CatalogStore RankingCatalog(TempDir tmp) => OneMarketplaceCatalog(tmp,
        new("kube-tools", "Kubernetes manifests, rollouts and cluster operations", ["kubernetes", "helm"], "Kubernetes manifests", "devops",
            Agents: [new("rollout-agent", "Rolls deployments out safely")]),
        new("pipelines", "Continuous integration workflows for GitHub Actions", ["github-actions"], "CI", "devops"),
        new("datastore", "Database schema design and query tuning", ["postgres"], "DB", "database"),
        new("notes", "Generates release notes from commits", ["changelog"], "Notes", "documentation"),
        new("chat-bridge", "Post messages to Slack channels", ["slack"], "Chat", "productivity"));
}
