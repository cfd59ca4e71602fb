using AgentOps.Core.Diagnostics;
using AgentOps.Core.Validation;
using AgentOps.RepoChecks;

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
        Expect.Clean(CoreLinksValidator.Validate(dir.Path));
    }

    [TestMethod]
    public void MissingLinkIsAop0420()
    {
        using var dir = CoreMarketplace();
        File.Delete(dir.File("core/skills"));
        var d = CoreLinksValidator.Validate(dir.Path).Single();
        Assert.AreEqual((DiagnosticCodes.CoreLinkMissing, 0), (d.Code, d.Line));
        StringAssert.Contains(d.Message, "core/skills");
    }

    [TestMethod]
    public void BrokenLinkIsAop0421()
    {
        using var dir = CoreMarketplace();
        Directory.Delete(dir.File("plugins/agentops-core/workflows"));
        var d = CoreLinksValidator.Validate(dir.Path).Single();
        Assert.AreEqual((DiagnosticCodes.CoreLinkBroken, 1, 1), (d.Code, d.Line, d.Column), "the link is there: the IDE opens it");
    }

    [TestMethod]
    public void LinkElsewhereOrRealFolderIsAop0422()
    {
        using var dir = CoreMarketplace();
        File.Delete(dir.File("core/agents"));
        File.CreateSymbolicLink(dir.File("core/agents"), "../plugins/agentops-core/commands");
        File.Delete(dir.File("core/commands"));
        Directory.CreateDirectory(dir.File("core/commands"));
        File.Delete(dir.File("core/skills"));
        File.WriteAllText(dir.File("core/skills"), "../plugins/agentops-core/skills"); // a checkout without symlinks
        var d = CoreLinksValidator.Validate(dir.Path);
        Assert.AreEqual(3, d.Count(x => x.Code == DiagnosticCodes.CoreLinkWrongTarget && (x.Line, x.Column) == (1, 1)), string.Join("\n", d));
    }

    [TestMethod]
    public void ExpectedLinksAreConfigurable()
    {
        using var dir = CoreMarketplace();
        var custom = new[] { new ExpectedLink("core/commands", "../plugins/agentops-core/commands") };
        File.Delete(dir.File("core/skills"));
        Expect.Clean(CoreLinksValidator.Validate(dir.Path, custom));
    }

    [TestMethod]
    public void TheSdkNoLongerAsksAnyMarketplaceForCoreLinks()
    {
        // core/ is this repository's own layout: its build checks the links (eng/RepoChecks.targets), the SDK does not.
        using var dir = new TempDir();
        dir.Write("plugins/agentops-core/.claude-plugin/plugin.json", "{ \"name\": \"agentops-core\", \"version\": \"1.0.0\", \"description\": \"d\", \"author\": { \"name\": \"a\" } }");
        dir.Write(".claude-plugin/marketplace.json", "{ \"name\": \"m\", \"owner\": { \"name\": \"o\" }, \"plugins\": [ { \"name\": \"agentops-core\", \"source\": \"./plugins/agentops-core\" } ] }");
        Directory.CreateDirectory(dir.File("core"));
        var d = MarketplaceFolderValidator.Validate(dir.Path);
        Assert.AreEqual(0, d.Count(x => x.Code is DiagnosticCodes.CoreLinkMissing or DiagnosticCodes.CoreLinkBroken or DiagnosticCodes.CoreLinkWrongTarget), string.Join("\n", d));
    }

    [TestMethod]
    public void StateLineChangesWithEveryKindOfChange()
    {
        using var dir = CoreMarketplace();
        var link = dir.File("core/skills");
        var states = new List<string> { CoreLinkState.Read(link).Describe("core/skills") };
        File.Delete(link);
        File.CreateSymbolicLink(link, "../plugins/agentops-core/agents");
        states.Add(CoreLinkState.Read(link).Describe("core/skills"));
        File.Delete(link);
        File.WriteAllText(link, "not a link");
        states.Add(CoreLinkState.Read(link).Describe("core/skills"));
        File.Delete(link);
        Directory.CreateDirectory(link);
        states.Add(CoreLinkState.Read(link).Describe("core/skills"));
        Directory.Delete(link);
        states.Add(CoreLinkState.Read(link).Describe("core/skills"));
        File.CreateSymbolicLink(link, "../plugins/agentops-core/skills");
        Directory.Delete(dir.File("plugins/agentops-core/skills"));
        states.Add(CoreLinkState.Read(link).Describe("core/skills"));
        Assert.AreEqual(states.Count, states.Distinct().Count(), string.Join("\n", states));
    }
}
