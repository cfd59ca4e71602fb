using AgentOps.Core.Diagnostics;
using AgentOps.Core.Validation;

namespace AgentOps.Tests.Validation;

[TestClass]
public sealed class MarketplaceRulesTests
{
    private static string Market(params string[] entries) =>
        "{\n  \"name\": \"m\", \"description\": \"Marketplace for the tests\",\n  \"owner\": { \"name\": \"o\" },\n  \"plugins\": [\n" + string.Join(",\n", entries) + "\n  ]\n}";

    // Entry i (0-based) of Market(...) sits on line 5 + i.
    private static string Entry(string name, string source) => $"    {{ \"name\": \"{name}\", \"source\": \"{source}\", \"description\": \"Plugin {name} for the tests\" }}";

    private static TempDir WithPlugin(string name)
    {
        var dir = new TempDir();
        dir.Write("README.md", "# Marketplace for the tests\n");
        dir.Write($"plugins/{name}/.claude-plugin/plugin.json", $"{{ \"name\": \"{name}\", \"version\": \"1.0.0\", \"description\": \"d\", \"author\": {{ \"name\": \"a\" }} }}");
        return dir;
    }

    [TestMethod]
    public void LocalPluginMarketplaceIsClean()
    {
        using var dir = WithPlugin("a");
        dir.Write(".claude-plugin/marketplace.json", Market(Entry("a", "./plugins/a")));
        Expect.Clean(MarketplaceFolderValidator.Validate(dir.Path));
    }

    [TestMethod]
    [DataRow("../../elsewhere")]
    [DataRow("./plugins/../../x")]
    [DataRow("/etc")]
    public void SourceEscapingTheRootIsAop0410(string source)
    {
        using var dir = WithPlugin("a");
        dir.Write(".claude-plugin/marketplace.json", Market(Entry("a", "./plugins/a"), Entry("b", source)));
        Expect.Has(MarketplaceFolderValidator.Validate(dir.Path), DiagnosticCodes.SourceEscapesRoot, 6);
    }

    [TestMethod]
    public void SourceSymlinkResolvingOutsideIsAop0410()
    {
        using var outside = WithPlugin("b");
        using var dir = WithPlugin("a");
        dir.Link("plugins/b", outside.File("plugins/b"));
        dir.Write(".claude-plugin/marketplace.json", Market(Entry("a", "./plugins/a"), Entry("b", "./plugins/b")));
        Expect.Has(MarketplaceFolderValidator.Validate(dir.Path), DiagnosticCodes.SourceEscapesRoot, 6);
    }

    [TestMethod]
    public void MissingSourceFolderIsAop0411()
    {
        using var dir = WithPlugin("a");
        dir.Write(".claude-plugin/marketplace.json", Market(Entry("a", "./plugins/a"), Entry("b", "./plugins/b")));
        var d = MarketplaceFolderValidator.Validate(dir.Path);
        Expect.Has(d, DiagnosticCodes.SourceFolderMissing, 6);
        Assert.AreEqual(1, d.Count, string.Join("\n", d));
    }

    [TestMethod]
    public void DuplicateNameIsAop0412AtTheSecondEntry()
    {
        using var dir = WithPlugin("a");
        dir.Write(".claude-plugin/marketplace.json", Market(Entry("a", "./plugins/a"), Entry("b", "./plugins/a"), Entry("a", "./plugins/a")));
        var d = MarketplaceFolderValidator.Validate(dir.Path);
        var dup = Expect.Has(d, DiagnosticCodes.DuplicatePluginName, 7);
        StringAssert.Contains(dup.Message, "line 5");
        Assert.AreEqual(1, d.Count(x => x.Code == DiagnosticCodes.DuplicatePluginName));
    }

    [TestMethod]
    public void UnknownMetadataFieldIsAWarningAtItsLine()
    {
        using var dir = new TempDir();
        dir.Write(".claude-plugin/marketplace.json", "{\n  \"name\": \"m\",\n  \"owner\": { \"name\": \"o\" },\n  \"metadata\": {\n    \"version\": \"1.0.0\", \"description\": \"Marketplace for the tests\",\n    \"homepage\": \"https://x\"\n  },\n  \"renames\": {},\n  \"plugins\": []\n}");
        var d = MarketplaceFolderValidator.Validate(dir.Path);
        Expect.Has(d, DiagnosticCodes.SchemaUnknownProperty, 6);
        Assert.AreEqual(1, d.Count, string.Join("\n", d));
    }

    [TestMethod]
    public void UnknownMarketplaceFieldIsAWarning()
    {
        using var dir = WithPlugin("a");
        dir.Write(".claude-plugin/marketplace.json", "{\n  \"name\": \"m\",\n  \"owner\": { \"name\": \"o\" },\n  \"keywords\": [\"x\"],\n  \"plugins\": []\n}");
        var d = Expect.Has(MarketplaceFolderValidator.Validate(dir.Path), DiagnosticCodes.SchemaUnknownProperty, 4);
        Assert.AreEqual(DiagnosticSeverity.Warning, d.Severity);
    }
}
