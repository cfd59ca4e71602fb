using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Tests.Validation;
using static AgentOps.Tests.Catalog.CatalogFixtures;

namespace AgentOps.Tests.Catalog;

/// <summary>What a vector refresh sends to the model, and the multi-vector / phrase max-sim arithmetic of the dense side.</summary>
[TestClass]
public sealed class CatalogEmbedderTests
{
    [TestMethod]
    public void Identical_texts_are_embedded_once_and_every_row_still_gets_its_vector()
    {
        using var tmp = new TempDir();
        const string entries = """
            {"name": "helm-kit", "description": "Helm chart authoring and linting", "source": {"source": "github", "repo": "acme/helm-kit"}},
            {"name": "notes", "description": "Release notes from commits", "source": {"source": "github", "repo": "acme/notes"}}
            """;
        var a = tmp.Write("a.json", $$$"""
            {"name": "first-mkt", "owner": {"name": "o"}, "plugins": [{{{entries}}}]}
            """);
        var b = tmp.Write("b.json", $$$"""
            {"name": "second-mkt", "owner": {"name": "o"}, "plugins": [{{{entries}}},
              {"name": "kube-lint", "description": "Lint Kubernetes manifests", "source": {"source": "github", "repo": "acme/kube-lint"}}]}
            """);
        using var store = Open(tmp.File("catalog.db"));
        BuildCatalog(store, JsonFile(a), JsonFile(b));
        var model = new HashingEmbedder();

        var report = CatalogEmbedder.Refresh(store, model);

        Assert.AreEqual(5, report.Plugins, "five rows needed a vector");
        Assert.AreEqual(3, report.DistinctTexts, "two plugins listed twice with the same text: three texts");
        Assert.AreEqual(3, model.Texts, "the model ran on each distinct text once");
        Assert.AreEqual(0, store.PluginsWithoutVectorsCount());
        var index = store.Dense(model.Dimensions)!;
        var helm = store.LoadPlugins(store.AllPluginIds(), withComponents: false).Values.Where(p => p.Plugin.Name == "helm-kit").Select(p => p.Id).ToList();
        Assert.AreEqual(2, helm.Count);
        CollectionAssert.AreEqual(index.PluginRow(index.PluginRowOf(helm[0])!.Value).ToArray(), index.PluginRow(index.PluginRowOf(helm[1])!.Value).ToArray());
        Assert.AreEqual(0, CatalogEmbedder.Refresh(store, model).Plugins, "nothing left to embed");
        Assert.AreEqual(3, model.Texts);
    }

    private static float[] At(double degrees) => [(float)Math.Cos(degrees * Math.PI / 180), (float)Math.Sin(degrees * Math.PI / 180)];

    [TestMethod]
    public void A_chunk_of_the_plugins_own_text_counts_at_its_factor_and_only_when_asked()
    {
        var index = new DenseIndex
        {
            ModelId = "m", Dimensions = 2, PluginsWithoutVectors = 0,
            PluginIds = [1, 2], PluginMatrix = [.. At(80), .. At(40)],
            ComponentIds = [], ComponentOwners = [], ComponentMatrix = [],
            ChunkOwners = [1, 1, 99], ChunkMatrix = [.. At(0), .. At(90), .. At(0)],
        };
        var off = DenseScorer.Score(index, [1f, 0f], componentFactor: 0.8f);
        Assert.IsTrue(off.TryGet(1, out var plain));
        Assert.AreEqual(Math.Cos(80 * Math.PI / 180), plain.Score, 1e-5, "factor 0: chunks ignored");
        var on = DenseScorer.Score(index, [1f, 0f], componentFactor: 0.8f, chunkFactor: 0.9f);
        Assert.IsTrue(on.TryGet(1, out var chunked));
        Assert.AreEqual(0.9, chunked.Score, 1e-5, "its first sentence matches exactly: 0.9 × cosine 1");
        Assert.AreEqual(Math.Cos(80 * Math.PI / 180), chunked.PluginCosine, 1e-5, "the whole text's cosine is kept for explanations");
        Assert.AreEqual(1, on.Top(1)[0].PluginId, "and it now ranks first; a chunk of a plugin without a vector is ignored");
    }

    [TestMethod]
    public void Phrase_max_sim_lifts_the_plugin_close_to_every_phrase_of_the_query()
    {
        // Plugin 1 is halfway between two needs; plugin 2 matches one need exactly and the other not at all.
        var index = new DenseIndex
        {
            ModelId = "m", Dimensions = 2, PluginsWithoutVectors = 0,
            PluginIds = [1, 2], PluginMatrix = [.. At(45), .. At(0)],
            ComponentIds = [], ComponentOwners = [], ComponentMatrix = [],
        };
        float[] whole = At(10); // the whole query's vector leans to the first need
        IReadOnlyList<float[]> phrases = [At(0), At(90)];
        var wholeOnly = DenseScorer.Score(index, whole, phrases, phraseWeight: 0, componentFactor: 0.8f);
        Assert.AreEqual(2, wholeOnly.Top(1)[0].PluginId);
        var blended = DenseScorer.Score(index, whole, phrases, phraseWeight: 0.5, componentFactor: 0.8f);
        Assert.AreEqual(1, blended.Top(1)[0].PluginId, "close to both phrases beats exact on one");
        Assert.IsTrue(blended.TryGet(1, out var hit));
        Assert.AreEqual(0.5 * Math.Cos(35 * Math.PI / 180) + 0.5 * Math.Cos(45 * Math.PI / 180), hit.Score, 1e-5);
        var single = DenseScorer.Score(index, whole, [whole], phraseWeight: 0.5, componentFactor: 0.8f);
        Assert.AreEqual(2, single.Top(1)[0].PluginId, "a one-phrase query is scored by its whole vector");
    }
}
