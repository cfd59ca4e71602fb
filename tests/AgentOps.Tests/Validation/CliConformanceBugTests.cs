using AgentOps.Core.Diagnostics;
using AgentOps.Core.Validation;

namespace AgentOps.Tests.Validation;

/// <summary>Issue 18, first part: places where we rejected or missed what Claude Code 2.1.331 does.</summary>
[TestClass]
public sealed class CliConformanceBugTests
{
    private static IReadOnlyList<Diagnostic> Marketplace(TempDir dir, string manifest)
    {
        dir.Write(".claude-plugin/marketplace.json", manifest);
        return MarketplaceFolderValidator.Validate(dir.Path);
    }

    private const string Sha256 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [TestMethod]
    public void ArchiveSourceIsAccepted()
    {
        using var dir = new TempDir();
        var d = Marketplace(dir, $$$"""
            {"name": "m", "owner": {"name": "o"}, "description": "A marketplace", "plugins": [
              {"name": "a", "description": "An archived plugin", "source": {"source": "archive", "url": "https://example.com/a.zip", "sha256": "{{{Sha256}}}"}}
            ]}
            """);
        Assert.IsFalse(d.Any(x => x.IsError), string.Join("\n", d));
        Expect.None(d, DiagnosticCodes.SourceNotPinned);
    }

    [TestMethod]
    [DataRow("http://example.com/a.zip", "\"sha256\": \"" + Sha256 + "\"")]
    [DataRow("https://127.0.0.1/a.zip", "\"sha256\": \"" + Sha256 + "\"")]
    [DataRow("https://example.com/a.zip", "\"sha256\": \"abc\"")]
    public void ArchiveSourceRulesOfTheCliAreErrors(string url, string sha)
    {
        using var dir = new TempDir();
        var d = Marketplace(dir, $$$"""
            {"name": "m", "owner": {"name": "o"}, "plugins": [
              {"name": "a", "source": {"source": "archive", "url": "{{{url}}}", {{{sha}}}}}
            ]}
            """);
        Expect.Has(d, DiagnosticCodes.SchemaInvalidValue, 2);
    }

    [TestMethod]
    public void ArchiveWithoutDigestIsNotPinned()
    {
        using var dir = new TempDir();
        var d = Marketplace(dir, """{"name": "m", "owner": {"name": "o"}, "plugins": [{"name": "a", "source": {"source": "archive", "url": "https://example.com/a.zip"}}]}""");
        Assert.IsFalse(d.Any(x => x.IsError), string.Join("\n", d));
        Expect.Has(d, DiagnosticCodes.SourceNotPinned, 1);
    }

    [TestMethod]
    [DataRow("./plugins")]
    [DataRow("plugins")]
    [DataRow("./plugins/")]
    public void BareSourceResolvesUnderPluginRoot(string pluginRoot)
    {
        using var dir = new TempDir();
        dir.Write("plugins/alpha/.claude-plugin/plugin.json", "{\"name\": \"alpha\"}");
        var d = Marketplace(dir, $$$"""{"name": "m", "owner": {"name": "o"}, "metadata": {"pluginRoot": "{{{pluginRoot}}}"}, "plugins": [{"name": "alpha", "source": "alpha"}]}""");
        Assert.IsFalse(d.Any(x => x.IsError), string.Join("\n", d));
    }

    [TestMethod]
    public void DotSlashSourceIsNotUnderPluginRootAsInClaudeCode()
    {
        // Claude Code installs "./alpha" from <root>/alpha even with pluginRoot set (checked with 2.1.331).
        using var dir = new TempDir();
        dir.Write("plugins/alpha/.claude-plugin/plugin.json", "{\"name\": \"alpha\"}");
        var d = Marketplace(dir, """{"name": "m", "owner": {"name": "o"}, "metadata": {"pluginRoot": "./plugins"}, "plugins": [{"name": "alpha", "source": "./alpha"}]}""");
        var missing = Expect.Has(d, DiagnosticCodes.SourceFolderMissing, 1);
        StringAssert.Contains(missing.Message, "write \"alpha\"");
    }

    [TestMethod]
    public void PluginRootThatLeavesTheMarketplaceIsIgnoredLikeTheCli()
    {
        Assert.IsNull(LocalPluginSource.NormalizeRoot("../x"));
        Assert.IsNull(LocalPluginSource.NormalizeRoot("/abs"));
        Assert.AreEqual(".", LocalPluginSource.NormalizeRoot("./"));
        Assert.AreEqual("./p/a", LocalPluginSource.Effective("a", "p"));
        Assert.AreEqual("team/a", LocalPluginSource.Effective("team/a", "p"), "a path with '/' is not a bare name");
    }

    [TestMethod]
    public void ImportAndValidationResolveTheSameFolder()
    {
        using var dir = new TempDir();
        dir.Write("plugins/alpha/.claude-plugin/plugin.json", "{\"name\": \"alpha\", \"description\": \"Alpha does things\"}");
        dir.Write(".claude-plugin/marketplace.json", """{"name": "m", "owner": {"name": "o"}, "metadata": {"pluginRoot": "plugins"}, "plugins": [{"name": "alpha", "source": "alpha"}]}""");
        var entries = AgentOps.Orchestration.Catalog.MarketplaceManifestReader.Read(Path.Combine(dir.Path, ".claude-plugin", "marketplace.json"), dir.Path, "m");
        Assert.AreEqual("Alpha does things", entries.Plugins.Single().Description);
    }

    [TestMethod]
    [DataRow("DirectoryAdded")]
    [DataRow("MessageDisplay")]
    [DataRow("PreModelSwitch")]
    [DataRow("PostModelSwitch")]
    public void HookEventsOfTheCliAreKnown(string evt)
    {
        using var dir = new TempDir();
        dir.Write(".claude-plugin/plugin.json", "{ \"name\": \"p\" }");
        dir.Write("hooks/hooks.json", $$$"""{"hooks": {"{{{evt}}}": [{"hooks": [{"type": "command", "command": "echo hi"}]}]}}""");
        Expect.None(PluginFolderValidator.Validate(dir.Path), DiagnosticCodes.HookUnknownEvent);
    }

    [TestMethod]
    [DataRow("\\\"${CLAUDE_PLUGIN_ROOT}\\\"/hooks/x.sh")]
    [DataRow("\\\"${CLAUDE_PLUGIN_ROOT}\\\"/hooks/x.sh --flag")]
    [DataRow("$CLAUDE_PLUGIN_ROOT/hooks/x.sh")]
    public void ScriptChecksSeeTheRecommendedQuotingForm(string command)
    {
        using var dir = new TempDir();
        dir.Write(".claude-plugin/plugin.json", "{ \"name\": \"p\" }");
        dir.Write("hooks/hooks.json", $$$"""
            {"hooks": {"Stop": [{"hooks": [
              {"type": "command", "command": "{{{command}}}"}
            ]}]}}
            """);
        Expect.Has(PluginFolderValidator.Validate(dir.Path), DiagnosticCodes.HookScriptMissing, 2);
        var script = dir.Write("hooks/x.sh", "#!/bin/sh\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var d = PluginFolderValidator.Validate(dir.Path);
        Expect.None(d, DiagnosticCodes.HookScriptMissing);
        Expect.Has(d, DiagnosticCodes.HookScriptNotExecutable, 2);
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Expect.None(PluginFolderValidator.Validate(dir.Path), DiagnosticCodes.HookScriptNotExecutable);
    }

    [TestMethod]
    public void MarketplaceWithoutDescriptionIsWarnedLikeTheCli()
    {
        using var dir = new TempDir();
        var none = Marketplace(dir, "{\"name\": \"m\", \"owner\": {\"name\": \"o\"}, \"plugins\": []}");
        Assert.AreEqual(DiagnosticSeverity.Warning, Expect.Has(none, DiagnosticCodes.MarketplaceDescriptionMissing, 1).Severity);
        Expect.None(Marketplace(dir, "{\"name\": \"m\", \"owner\": {\"name\": \"o\"}, \"metadata\": {\"description\": \"Tools\"}, \"plugins\": []}"), DiagnosticCodes.MarketplaceDescriptionMissing);
    }

    [TestMethod]
    public void HeadersHelperOnAnArchiveNeedsStrictFalse()
    {
        using var dir = new TempDir();
        const string entry = "{\"name\": \"a\", \"headersHelper\": \"./bin/token\", \"source\": {\"source\": \"archive\", \"url\": \"https://example.com/a.zip\"}";
        var strict = Marketplace(dir, $"{{\"name\": \"m\", \"owner\": {{\"name\": \"o\"}}, \"plugins\": [\n{entry}}}]}}");
        Assert.IsTrue(Expect.Has(strict, DiagnosticCodes.SchemaInvalidValue, 2).IsError);
        var loose = Marketplace(dir, $"{{\"name\": \"m\", \"owner\": {{\"name\": \"o\"}}, \"plugins\": [\n{entry}, \"strict\": false}}]}}");
        Assert.IsFalse(loose.Any(x => x.IsError), string.Join("\n", loose));
    }

    [TestMethod]
    public void ProjectsCanDeclareArchiveSources()
    {
        var manifest = AgentOps.Core.Manifests.MarketplaceManifestBuilder.Build(
            new AgentOps.Core.Manifests.MarketplaceDescription { Name = "m", OwnerName = "o", Description = "A marketplace" }, [],
            [new AgentOps.Core.Manifests.RemotePluginDescription { Name = "a", Kind = "archive", Url = "https://example.com/a.zip", Sha256 = Sha256, Description = "An archived plugin" }]);
        Assert.AreEqual(Sha256, (string)manifest["plugins"]![0]!["source"]!["sha256"]!);
        using var dir = new TempDir();
        var d = Marketplace(dir, manifest.ToString());
        Assert.IsFalse(d.Any(x => x.IsError), string.Join("\n", d));
    }
}
