using AgentOps.Core.Diagnostics;
using AgentOps.Core.Validation;

namespace AgentOps.Tests.Validation;

[TestClass]
public sealed class ManifestSchemaTests
{
    private const string Good = """
        {
          "name": "good-plugin",
          "version": "1.0.0",
          "description": "A plugin",
          "author": { "name": "me" }
        }
        """;

    private static IReadOnlyList<Diagnostic> Plugin(string json, Action<TempDir>? setup = null)
    {
        using var dir = new TempDir();
        dir.Write(".claude-plugin/plugin.json", json);
        dir.Write("README.md", "# p\n");
        setup?.Invoke(dir);
        return PluginFolderValidator.Validate(dir.Path);
    }

    [TestMethod] public void ValidManifestIsClean() => Expect.Clean(Plugin(Good));

    [TestMethod]
    public void MalformedJsonIsAop0001AtTheLine()
    {
        var d = Expect.Has(Plugin("{\n  \"name\": \"p\",\n  \"version\": \n}"), DiagnosticCodes.JsonSyntax, 4);
        Assert.IsTrue(d.IsError);
        StringAssert.EndsWith(d.File, "plugin.json");
    }

    [TestMethod]
    public void WrongTypeIsAop0002AtTheField()
    {
        var d = Expect.Has(Plugin("{\n  \"name\": \"p\",\n  \"version\": 1\n}"), DiagnosticCodes.SchemaWrongType, 3);
        StringAssert.Contains(d.Message, "version");
        Expect.None(Plugin(Good), DiagnosticCodes.SchemaWrongType);
    }

    [TestMethod]
    public void DependenciesAsObjectIsAnError()
    {
        var d = Expect.Has(Plugin("{\n  \"name\": \"p\",\n  \"dependencies\": { \"a\": \"^1.0.0\" }\n}"), DiagnosticCodes.SchemaWrongType, 3);
        StringAssert.Contains(d.Message, "array");
        Expect.None(Plugin("{\n  \"name\": \"p\",\n  \"dependencies\": [\"a\", {\"name\": \"b\", \"version\": \"^1.0.0\"}]\n}"), DiagnosticCodes.SchemaWrongType);
    }

    [TestMethod]
    public void MissingNameIsAop0003()
    {
        var d = Expect.Has(Plugin("{\n  \"version\": \"1.0.0\"\n}"), DiagnosticCodes.SchemaRequiredMissing, 1);
        StringAssert.Contains(d.Message, "'name'");
    }

    [TestMethod]
    public void UnknownFieldIsAop0004Warning()
    {
        var d = Expect.Has(Plugin("{\n  \"name\": \"p\",\n  \"stability\": \"alpha\"\n}"), DiagnosticCodes.SchemaUnknownProperty, 3);
        Assert.AreEqual(DiagnosticSeverity.Warning, d.Severity);
        StringAssert.Contains(d.Message, "stability");
        Expect.None(Plugin(Good), DiagnosticCodes.SchemaUnknownProperty);
    }

    [TestMethod]
    public void BareCommandNameIsAop0005AtTheItem()
    {
        var d = Expect.Has(Plugin("{\n  \"name\": \"p\",\n  \"commands\": [\n    \"foo\"\n  ]\n}"), DiagnosticCodes.SchemaInvalidValue, 4);
        StringAssert.Contains(d.Message, "./");
        Expect.None(Plugin("{\n  \"name\": \"p\",\n  \"commands\": [\"./commands/foo.md\"]\n}", dir => dir.Write("commands/foo.md", "---\ndescription: x\n---\n")),
            DiagnosticCodes.SchemaInvalidValue);
    }

    [TestMethod]
    public void NameWithSpaceIsAop0005AndUnderscoreNameIsAop0006Warning()
    {
        Expect.Has(Plugin("{\n  \"name\": \"my plugin\"\n}"), DiagnosticCodes.SchemaInvalidValue, 2);
        var w = Expect.Has(Plugin("{\n  \"name\": \"My_Plugin\"\n}"), DiagnosticCodes.NameNotKebabCase, 2);
        Assert.AreEqual(DiagnosticSeverity.Warning, w.Severity);
        Expect.None(Plugin(Good), DiagnosticCodes.NameNotKebabCase);
    }

    [TestMethod]
    public void ListedComponentPathMissingIsAop0007()
    {
        Expect.Has(Plugin("{\n  \"name\": \"p\",\n  \"agents\": \"./agents/missing.md\"\n}"), DiagnosticCodes.ComponentPathMissing, 3);
        Expect.None(Plugin("{\n  \"name\": \"p\",\n  \"agents\": \"./agents/a.md\"\n}", dir => dir.Write("agents/a.md", "---\nname: a\ndescription: d\n---\n")),
            DiagnosticCodes.ComponentPathMissing);
    }

    [TestMethod]
    public void GithubSourceWithShortShaIsAop0005()
    {
        using var dir = new TempDir();
        dir.Write(".claude-plugin/marketplace.json", """
            {
              "name": "m", "owner": { "name": "o" },
              "plugins": [
                { "name": "a", "source": { "source": "github", "repo": "o/r", "sha": "abc" } },
                { "name": "b", "source": { "source": "github", "repo": "o/r", "sha": "0123456789abcdef0123456789abcdef01234567" } }
              ]
            }
            """);
        var d = MarketplaceFolderValidator.Validate(dir.Path);
        var e = Expect.Has(d, DiagnosticCodes.SchemaInvalidValue, 4);
        StringAssert.Contains(e.Message, "sha");
        Assert.AreEqual(1, d.Count(x => x.Code == DiagnosticCodes.SchemaInvalidValue), string.Join("\n", d));
    }

    [TestMethod]
    public void MissingPluginManifestIsAop0008Warning()
    {
        using var dir = new TempDir();
        dir.Write("commands/a.md", "---\ndescription: x\n---\n");
        var d = PluginFolderValidator.Validate(dir.Path).Single(x => x.Code == DiagnosticCodes.PluginManifestMissing);
        Assert.AreEqual(0, d.Line);
        Expect.None(Plugin(Good), DiagnosticCodes.PluginManifestMissing);
    }

    [TestMethod]
    public void MissingMarketplaceManifestIsAop0009()
    {
        using var dir = new TempDir();
        var d = MarketplaceFolderValidator.Validate(dir.Path).Single();
        Assert.AreEqual(DiagnosticCodes.MarketplaceManifestMissing, d.Code);
        Assert.AreEqual(0, d.Line);
        dir.Write(".claude-plugin/marketplace.json", "{ \"name\": \"m\", \"description\": \"Marketplace for the tests\", \"owner\": { \"name\": \"o\" }, \"plugins\": [] }");
        Expect.Clean(MarketplaceFolderValidator.Validate(dir.Path));
    }
}
