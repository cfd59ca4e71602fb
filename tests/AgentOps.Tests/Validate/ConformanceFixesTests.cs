using AgentOps.Core.Diagnostics;
using AgentOps.Core.Validation;
using AgentOps.Tests.Validation;

namespace AgentOps.Tests.Validate;

/// <summary>The false negatives the conformance run against `claude plugin validate` found in the
/// validators, each pinned by a small example (the CLI rejects these; we used to accept them).</summary>
[TestClass]
public sealed class ConformanceFixesTests
{
    private static IReadOnlyList<Diagnostic> Plugin(string pluginJson, Action<TempDir>? setup = null)
    {
        using var dir = new TempDir();
        dir.Write(".claude-plugin/plugin.json", pluginJson);
        setup?.Invoke(dir);
        return PluginFolderValidator.Validate(dir.Path);
    }

    private static IReadOnlyList<Diagnostic> Market(string marketplaceName, string entryName)
    {
        using var dir = new TempDir();
        dir.Write(".claude-plugin/marketplace.json",
            $"{{ \"name\": \"{marketplaceName}\", \"owner\": {{ \"name\": \"o\" }}, \"plugins\": [ {{ \"name\": \"{entryName}\", \"description\": \"A plugin for the tests\", \"source\": {{ \"source\": \"github\", \"repo\": \"x/y\", \"sha\": \"0123456789abcdef0123456789abcdef01234567\" }} }} ] }}");
        return MarketplaceFolderValidator.Validate(dir.Path);
    }

    [TestMethod]
    [DataRow("claude-helper")]
    [DataRow("anthropic-tools")]
    [DataRow("claude")]
    [DataRow("official-claude-kit")]
    public void ReservedPluginNamesAreErrors(string name)
    {
        Assert.IsTrue(Plugin($"{{ \"name\": \"{name}\" }}").Any(d => d.Code == DiagnosticCodes.SchemaInvalidValue && d.Message.Contains("reserved")));
        Assert.IsTrue(Market("my-market", name).Any(d => d.IsError && d.Message.Contains("reserved")));
        Assert.IsFalse(Market("claude-plugins-official", name).Any(d => d.Message.Contains("reserved")), "Anthropic's own marketplaces may use them");
        Assert.IsFalse(Plugin("{ \"name\": \"helper-for-claude-users\" }").Any(d => d.Message.Contains("reserved")));
    }

    [TestMethod]
    [DataRow("{ \"name\": \"p\", }")]
    [DataRow("{ 'name': 'p' }")]
    [DataRow("{ \"name\": NaN }")]
    public void JsonThatJsonParseRefusesIsAop0001(string text) =>
        Expect.Has(Plugin(text), DiagnosticCodes.JsonSyntax, 1);

    [TestMethod]
    public void ByteOrderMarkIsAccepted() => Expect.None(Plugin("\uFEFF{ \"name\": \"p\" }"), DiagnosticCodes.JsonSyntax);

    [TestMethod]
    public void InvalidHookIsAnErrorUnderPreToolUseAndAWarningElsewhere()
    {
        static IReadOnlyList<Diagnostic> Hooks(string evt) => Plugin("{ \"name\": \"p\" }", d => d.Write("hooks/hooks.json",
            $"{{ \"hooks\": {{ \"{evt}\": [ {{ \"hooks\": [ {{ \"type\": \"command\", \"command\": \"echo\", \"timeout\": 0 }} ] }} ] }} }}"));
        Assert.IsTrue(Hooks("PreToolUse").Any(d => d.IsError && d.Message.Contains("timeout")));
        Assert.IsTrue(Hooks("Stop").Any(d => d.Severity == DiagnosticSeverity.Warning && d.Message.Contains("timeout")));
        Assert.IsFalse(Hooks("Stop").Any(d => d.IsError));
    }

    [TestMethod]
    public void McpServerWithUrlButNoTypeIsAnError() =>
        Assert.IsTrue(Plugin("{ \"name\": \"p\", \"mcpServers\": { \"s\": { \"url\": \"https://example.com/mcp\" } } }").Any(d => d.IsError && d.Message.Contains("no \"type\"")));

    [TestMethod]
    public void SkillsEntryThatIsAFileIsAnError() =>
        Assert.IsTrue(Plugin("{ \"name\": \"p\", \"skills\": \"./skills/one/SKILL.md\" }", d => d.Write("skills/one/SKILL.md", "---\nname: one\ndescription: One skill\n---\n"))
            .Any(d => d.IsError && d.Message.Contains("is a file")));

    [TestMethod]
    public void EveryUnknownFieldOfAnEntryIsReported()
    {
        using var dir = new TempDir();
        dir.Write(".claude-plugin/marketplace.json", "{ \"name\": \"m\", \"owner\": { \"name\": \"o\" }, \"plugins\": [ { \"name\": \"a\", \"source\": \"./a\", \"foo\": 1, \"bar\": 2 } ] }");
        var unknown = MarketplaceFolderValidator.Validate(dir.Path).Where(d => d.Code == DiagnosticCodes.SchemaUnknownProperty).ToList();
        Assert.AreEqual(2, unknown.Count, string.Join("\n", unknown));
    }

    [TestMethod]
    public void AgentNameThatYamlReadsAsANumberIsAnError()
    {
        using var dir = new TempDir();
        var file = dir.Write("agents/a.md", "---\nname: 5\ndescription: Reviews\n---\nBody\n");
        Expect.Has(FrontmatterValidator.ValidateFile(file, ComponentKind.Agent), DiagnosticCodes.FrontmatterFieldWrongType, 2);
        var quoted = dir.Write("agents/b.md", "---\nname: \"5\"\ndescription: Reviews\n---\nBody\n");
        Expect.None(FrontmatterValidator.ValidateFile(quoted, ComponentKind.Agent), DiagnosticCodes.FrontmatterFieldWrongType);
    }
}
