using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Tests.Validation;
using static AgentOps.Tests.Catalog.CatalogFixtures;

namespace AgentOps.Tests.Catalog;

[TestClass]
public sealed class IncrementalBuildTests
{
    private static (string A, string B) TwoMarketplaces(TempDir tmp)
    {
        var a = tmp.File("a");
        Plugin(Path.Combine(a, "plugins", "alpha"), "alpha", "Alpha helps with kafka streams", agents: [new("streamer", "Streams events")]);
        Marketplace(a, "mkt-a", new Entry("alpha", "Alpha helps with kafka streams"));
        var b = tmp.File("b");
        Plugin(Path.Combine(b, "plugins", "beta"), "beta", "Beta helps with redis caches");
        Marketplace(b, "mkt-b", new Entry("beta", "Beta helps with redis caches"));
        return (a, b);
    }

    [TestMethod]
    public void An_unchanged_marketplace_is_not_read_again()
    {
        using var tmp = new TempDir();
        var (a, b) = TwoMarketplaces(tmp);
        using var store = Open(tmp.File("catalog.db"));
        var first = BuildCatalog(store, Folder(a), Folder(b));
        Assert.AreEqual(2, first.Read);
        var readAt = store.Marketplaces().ToDictionary(m => m.Location, m => (m.Id, m.ReadAt));

        var second = BuildCatalog(store, Folder(a), Folder(b));
        Assert.AreEqual(0, second.Read);
        Assert.AreEqual(2, second.Unchanged);
        foreach (var m in store.Marketplaces()) Assert.AreEqual(readAt[m.Location], (m.Id, m.ReadAt), "rows were not rewritten");
        Assert.AreEqual(2, second.TotalPlugins);
    }

    [TestMethod]
    public void Only_the_changed_marketplace_is_read_again_and_its_new_text_is_searchable()
    {
        using var tmp = new TempDir();
        var (a, b) = TwoMarketplaces(tmp);
        using var store = Open(tmp.File("catalog.db"));
        BuildCatalog(store, Folder(a), Folder(b));

        var agent = Path.Combine(a, "plugins", "alpha", "agents", "streamer.md");
        File.WriteAllText(agent, "---\nname: streamer\ndescription: Streams events and replays dead letter queues\n---\nBody\n");
        File.SetLastWriteTimeUtc(agent, DateTime.UtcNow.AddMinutes(5));
        var report = BuildCatalog(store, Folder(a), Folder(b));
        Assert.AreEqual(MarketplaceStatus.Read, report.Marketplaces.Single(m => m.Location == Path.GetFullPath(a)).Status);
        Assert.AreEqual(MarketplaceStatus.Unchanged, report.Marketplaces.Single(m => m.Location == Path.GetFullPath(b)).Status);
        var hit = PluginRanker.Rank(store, "dead letter queues", LearnedSignals.None).Results.First();
        Assert.AreEqual("alpha", hit.Plugin.Name);
        Assert.IsTrue(hit.MatchedFields.ContainsKey("components"));
    }

    [TestMethod]
    public void A_marketplace_no_longer_listed_is_removed_and_a_query_time_refresh_sees_local_changes()
    {
        using var tmp = new TempDir();
        var (a, b) = TwoMarketplaces(tmp);
        using var store = Open(tmp.File("catalog.db"));
        BuildCatalog(store, Folder(a), Folder(b));
        var pruned = BuildCatalog(store, Folder(a));
        Assert.AreEqual(MarketplaceStatus.Removed, pruned.Marketplaces.Single(m => m.Location == Path.GetFullPath(b)).Status);
        Assert.AreEqual(0, store.FindByName("beta").Count);
        Assert.AreEqual(1, store.FindByName("alpha").Count);

        Plugin(Path.Combine(a, "plugins", "gamma"), "gamma", "Gamma formats markdown tables");
        Marketplace(a, "mkt-a", new Entry("alpha", "Alpha helps with kafka streams"), new Entry("gamma", "Gamma formats markdown tables"));
        var refresh = CatalogBuilder.Refresh(store);
        Assert.AreEqual(1, refresh.Read);
        Assert.AreEqual(1, store.FindByName("gamma").Count);
    }
}
