using AgentOps.Core.Diagnostics;
using AgentOps.Core.Validation;
using AgentOps.Tests.Validation;

namespace AgentOps.Tests.Validate;

/// <summary>The public-marketplace CI rules AOP0800–0807: each with a failing and a passing example.</summary>
[TestClass]
public sealed class CiRulesTests
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";

    private static IReadOnlyList<Diagnostic> Market(string entriesJson, string name = "good-market")
    {
        using var dir = new TempDir();
        dir.Write(".claude-plugin/marketplace.json", $"{{\n  \"name\": \"{name}\",\n  \"owner\": {{ \"name\": \"o\" }},\n  \"plugins\": [\n{entriesJson}\n  ]\n}}");
        return MarketplaceFolderValidator.Validate(dir.Path);
    }

    private static string Remote(string name, string source, string description = "A plugin for the tests") =>
        $"    {{ \"name\": \"{name}\", \"description\": \"{description}\", \"source\": {source} }}";

    private static string Github(string repo = "example/x") => $"{{ \"source\": \"github\", \"repo\": \"{repo}\", \"sha\": \"{Sha}\" }}";

    [TestMethod]
    public void NothingToValidateIsAop0800()
    {
        using var dir = new TempDir();
        dir.Write("README.md", "x");
        var result = FolderValidation.Validate(dir.Path);
        Assert.AreEqual(ValidationTargetKind.Nothing, result.Kind);
        Assert.AreEqual(DiagnosticCodes.NothingToValidate, result.Diagnostics.Single().Code);
        Assert.IsTrue(result.Diagnostics.Single().IsError);

        dir.Write("skills/one/SKILL.md", "---\nname: one\ndescription: Does one thing\n---\nBody\n");
        var skills = FolderValidation.Validate(dir.Path);
        Assert.AreEqual(ValidationTargetKind.Plugin, skills.Kind, "a bare skills/ tree is a plugin, as for Claude Code");
        Expect.None(skills.Diagnostics, DiagnosticCodes.NothingToValidate);
    }

    [TestMethod]
    public void ValidateNeverAsksForCoreLinks()
    {
        // core/ links are this repository's own rule, checked by its build (eng/RepoChecks.targets), not by the general tool.
        using var dir = new TempDir();
        dir.Write(".claude-plugin/marketplace.json", "{ \"name\": \"m\", \"owner\": { \"name\": \"o\" }, \"plugins\": [ { \"name\": \"agentops-core\", \"source\": \"./plugins/agentops-core\", \"description\": \"The core plugin of the tests\" } ] }");
        dir.Write("plugins/agentops-core/.claude-plugin/plugin.json", "{ \"name\": \"agentops-core\" }");
        Directory.CreateDirectory(dir.File("core"));
        Expect.None(FolderValidation.Validate(dir.Path).Diagnostics, DiagnosticCodes.CoreLinkMissing);
    }

    [TestMethod]
    public void UnsortedEntriesAreAop0801Warning()
    {
        var d = Market(Remote("beta", Github()) + ",\n" + Remote("alpha", Github()));
        var found = Expect.Has(d, DiagnosticCodes.EntriesNotSorted, 6);
        Assert.AreEqual(DiagnosticSeverity.Warning, found.Severity);
        Expect.None(Market(Remote("alpha", Github()) + ",\n" + Remote("beta", Github())), DiagnosticCodes.EntriesNotSorted);
    }

    [TestMethod]
    [DataRow("short")]
    [DataRow("")]
    public void DescriptionOutsideTenToTwoThousandIsAop0802(string description)
    {
        Expect.Has(Market(Remote("alpha", Github(), description)), DiagnosticCodes.DescriptionLength, 5);
        Expect.Has(Market(Remote("alpha", Github(), new string('x', 2001))), DiagnosticCodes.DescriptionLength, 5);
        Expect.None(Market(Remote("alpha", Github(), "Exactly ten")), DiagnosticCodes.DescriptionLength);
    }

    [TestMethod]
    public void MissingDescriptionIsAop0802()
    {
        Expect.Has(Market($"    {{ \"name\": \"alpha\", \"source\": {Github()} }}"), DiagnosticCodes.DescriptionLength, 5);
    }

    [TestMethod]
    [DataRow("Alpha")]
    [DataRow("alpha_beta")]
    [DataRow("alpha.beta")]
    public void NameNotKebabCaseIsAop0803(string name)
    {
        Expect.Has(Market(Remote(name, Github())), DiagnosticCodes.NamePattern, 5);
        Expect.Has(Market(Remote("alpha", Github()), name: name), DiagnosticCodes.NamePattern, 2);
        Expect.None(Market(Remote("alpha-beta-2", Github())), DiagnosticCodes.NamePattern);
        Expect.Has(Market(Remote(new string('a', 65), Github())), DiagnosticCodes.NamePattern, 5);
    }

    [TestMethod]
    [DataRow("http://example.com/x.git")]
    [DataRow("git://example.com/x.git")]
    [DataRow("git@github.com:example/x.git")]
    public void NonHttpsSourceIsAop0804(string url)
    {
        Expect.Has(Market(Remote("alpha", $"{{ \"source\": \"url\", \"url\": \"{url}\", \"sha\": \"{Sha}\" }}")), DiagnosticCodes.SourceNotHttps, 5);
        Expect.None(Market(Remote("alpha", $"{{ \"source\": \"url\", \"url\": \"https://example.com/x.git\", \"sha\": \"{Sha}\" }}")), DiagnosticCodes.SourceNotHttps);
    }

    [TestMethod]
    public void UnpinnedRemoteSourceIsAop0805()
    {
        var d = Market(Remote("alpha", "{ \"source\": \"github\", \"repo\": \"example/x\", \"ref\": \"v1\" }"));
        Assert.AreEqual(DiagnosticSeverity.Warning, Expect.Has(d, DiagnosticCodes.SourceNotPinned, 5).Severity);
        Expect.None(Market(Remote("alpha", Github())), DiagnosticCodes.SourceNotPinned);
        Expect.None(Market(Remote("alpha", "{ \"source\": \"npm\", \"package\": \"@example/x\", \"version\": \"1.0.0\" }")), DiagnosticCodes.SourceNotPinned);
    }

    [TestMethod]
    public void ShellMetacharacterInNamesIsAop0806()
    {
        using var dir = new TempDir();
        dir.Write(".claude-plugin/plugin.json", "{\n  \"name\": \"alpha$(id)\"\n}");
        dir.Write("commands/run;rm.md", "---\ndescription: Runs\n---\nx\n");
        dir.Write("agents/a.md", "---\nname: code reviewer\ndescription: Reviews\n---\nx\n");
        var d = PluginFolderValidator.Validate(dir.Path);
        Expect.Has(d, DiagnosticCodes.ShellMetacharacter, 2);
        Assert.IsTrue(d.Any(x => x.Code == DiagnosticCodes.ShellMetacharacter && x.File.EndsWith("run;rm.md", StringComparison.Ordinal)));
        Assert.IsTrue(d.Any(x => x.Code == DiagnosticCodes.ShellMetacharacter && x.File.EndsWith("a.md", StringComparison.Ordinal) && x.Line == 2));

        using var good = new TempDir();
        good.Write(".claude-plugin/plugin.json", "{ \"name\": \"alpha\" }");
        good.Write("commands/run-tests.md", "---\ndescription: Runs\n---\nx\n");
        Expect.None(PluginFolderValidator.Validate(good.Path), DiagnosticCodes.ShellMetacharacter);
    }

    [TestMethod]
    public void HiddenUnicodeInNamesAndCommandsIsAop0807()
    {
        using var dir = new TempDir();
        dir.Write(".claude-plugin/plugin.json", "{\n  \"name\": \"al\u200Bpha\"\n}");
        dir.Write("hooks/hooks.json", "{\n  \"hooks\": {\n    \"Stop\": [ { \"hooks\": [ { \"type\": \"command\", \"command\": \"echo \u202Edone\" } ] } ]\n  }\n}");
        dir.Write(".mcp.json", "{ \"mcpServers\": { \"s\": { \"command\": \"node\", \"args\": [\"x\u2066.js\"] } } }");
        var d = PluginFolderValidator.Validate(dir.Path);
        Expect.Has(d, DiagnosticCodes.HiddenUnicode, 2);
        Assert.IsTrue(d.Any(x => x.Code == DiagnosticCodes.HiddenUnicode && x.File.EndsWith("hooks.json", StringComparison.Ordinal)), string.Join("\n", d));
        Assert.IsTrue(d.Any(x => x.Code == DiagnosticCodes.HiddenUnicode && x.File.EndsWith(".mcp.json", StringComparison.Ordinal)), string.Join("\n", d));
        Expect.Has(Market(Remote("alpha", Github()), name: "mar\u202Eket"), DiagnosticCodes.HiddenUnicode, 2);

        using var good = new TempDir();
        good.Write(".claude-plugin/plugin.json", "{ \"name\": \"alpha\", \"description\": \"caf\u00e9 \u2014 na\u00efve\" }");
        Expect.None(PluginFolderValidator.Validate(good.Path), DiagnosticCodes.HiddenUnicode);
    }

    [TestMethod]
    public void ExistingRulesCoverTheOtherCiInvariants()
    {
        // Covered before this range, reused rather than duplicated: duplicate names, "./" sources, hooks wrapper,
        // unquoted ${CLAUDE_PLUGIN_ROOT}, missing component paths, agents/skills without name or description.
        Expect.Has(Market(Remote("alpha", Github()) + ",\n" + Remote("alpha", Github("example/y"))), DiagnosticCodes.DuplicatePluginName, 6);
        Expect.Has(Market("    { \"name\": \"alpha\", \"description\": \"A plugin for the tests\", \"source\": \"plugins/alpha\" }"), DiagnosticCodes.SchemaInvalidValue, 5);
    }
}
