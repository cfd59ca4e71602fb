using AgentOps.Core.Diagnostics;
using AgentOps.Core.Validation;

namespace AgentOps.Tests.Validation;

[TestClass]
public sealed class CoreLinksValidatorTests
{
    private static TempDir CoreMarketplace()
    {
        var dir = new TempDir();
        foreach (var n in new[] { "commands", "agents", "workflows", "skills" })
        {
            Directory.CreateDirectory(dir.File($"plugins/agentops-core/{n}"));
            Directory.CreateDirectory(dir.File("core"));
            File.CreateSymbolicLink(dir.File($"core/{n}"), $"../plugins/agentops-core/{n}");
        }
        return dir;
    }

    [TestMethod]
    public void AllLinksInPlaceIsClean()
    {
        using var dir = CoreMarketplace();
        Expect.Clean(CoreLinksValidator.Validate(dir.Path, hasCorePlugin: true));
    }

    [TestMethod]
    public void NoCorePluginAndNoCoreFolderChecksNothing()
    {
        using var dir = new TempDir();
        Expect.Clean(CoreLinksValidator.Validate(dir.Path, hasCorePlugin: false));
    }

    [TestMethod]
    public void MissingLinkIsAop0420()
    {
        using var dir = CoreMarketplace();
        File.Delete(dir.File("core/skills"));
        var d = CoreLinksValidator.Validate(dir.Path, true).Single();
        Assert.AreEqual((DiagnosticCodes.CoreLinkMissing, 0), (d.Code, d.Line));
        StringAssert.Contains(d.Message, "core/skills");
    }

    [TestMethod]
    public void BrokenLinkIsAop0421()
    {
        using var dir = CoreMarketplace();
        Directory.Delete(dir.File("plugins/agentops-core/workflows"));
        var d = CoreLinksValidator.Validate(dir.Path, true).Single();
        Assert.AreEqual((DiagnosticCodes.CoreLinkBroken, 0), (d.Code, d.Line));
    }

    [TestMethod]
    public void LinkElsewhereOrRealFolderIsAop0422()
    {
        using var dir = CoreMarketplace();
        File.Delete(dir.File("core/agents"));
        File.CreateSymbolicLink(dir.File("core/agents"), "../plugins/agentops-core/commands");
        File.Delete(dir.File("core/commands"));
        Directory.CreateDirectory(dir.File("core/commands"));
        var d = CoreLinksValidator.Validate(dir.Path, true);
        Assert.AreEqual(2, d.Count(x => x.Code == DiagnosticCodes.CoreLinkWrongTarget && x.Line == 0), string.Join("\n", d));
    }

    [TestMethod]
    public void ExpectedLinksAreConfigurable()
    {
        using var dir = CoreMarketplace();
        var custom = new[] { new ExpectedLink("core/commands", "../plugins/agentops-core/commands") };
        File.Delete(dir.File("core/skills"));
        Expect.Clean(CoreLinksValidator.Validate(dir.Path, true, custom));
    }

    [TestMethod]
    public void MarketplaceWithCorePluginRunsTheCheck()
    {
        using var dir = new TempDir();
        dir.Write("plugins/agentops-core/.claude-plugin/plugin.json", "{ \"name\": \"agentops-core\", \"version\": \"1.0.0\", \"description\": \"d\", \"author\": { \"name\": \"a\" } }");
        dir.Write(".claude-plugin/marketplace.json", "{ \"name\": \"m\", \"owner\": { \"name\": \"o\" }, \"plugins\": [ { \"name\": \"agentops-core\", \"source\": \"./plugins/agentops-core\" } ] }");
        var d = MarketplaceFolderValidator.Validate(dir.Path);
        Assert.AreEqual(4, d.Count(x => x.Code == DiagnosticCodes.CoreLinkMissing), string.Join("\n", d));
    }
}
