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

    // Claude Code splits a plugin name into words at every run of characters other than ASCII letters and
    // digits: underscores, dots and a hyphen inside the mark are separators like the leading hyphen.
    [TestMethod]
    [DataRow("claude_code", true)]
    [DataRow("claude.tools", true)]
    [DataRow("anthropic_tools", true)]
    [DataRow("cla-ude", true)]
    [DataRow("claudemods", true)]
    [DataRow("ccplugin-x", true)]
    [DataRow("Claude-Tools", true)]
    [DataRow("x-claude-official", true)]
    [DataRow("tools-for-claude", false)]
    [DataRow("claudetools", false)]
    [DataRow("claude2", false)]
    [DataRow("claudecode-x", false)]
    public void PluginNamesThatPassAsAnthropicsAreRefusedAsTheCliSplitsThem(string name, bool refused)
    {
        using var dir = new TempDir();
        var d = Marketplace(dir, $$$"""
            {"name": "m", "owner": {"name": "o"}, "description": "A marketplace", "plugins": [
              {"name": "{{{name}}}", "description": "A plugin of some sort", "source": {"source": "github", "repo": "o/r"}}
            ]}
            """);
        Assert.AreEqual(refused, d.Any(x => x.IsError && x.Code == DiagnosticCodes.SchemaInvalidValue && x.Message.Contains("is reserved", StringComparison.Ordinal)),
            string.Join("\n", d));
        Assert.AreEqual(2, d.FirstOrDefault(x => x.Message.Contains("is reserved", StringComparison.Ordinal))?.Line ?? 2, "at the entry's name line");
    }

    [TestMethod]
    public void PluginNamesWithAnAnthropicMarkAsAWordAreWarnedLikeTheCli()
    {
        using var dir = new TempDir();
        var d = Marketplace(dir, """
            {"name": "m", "owner": {"name": "o"}, "description": "A marketplace", "plugins": [
              {"name": "tools-for-claude", "description": "A plugin of some sort", "source": {"source": "github", "repo": "o/r"}},
              {"name": "superclaude", "description": "A plugin of some sort", "source": {"source": "github", "repo": "o/s"}}
            ]}
            """);
        var warned = d.Where(x => x.Code == DiagnosticCodes.PluginNameReadsAsAnthropic).ToList();
        Assert.AreEqual(1, warned.Count, string.Join("\n", d));
        Assert.AreEqual(DiagnosticSeverity.Warning, warned[0].Severity);
        Assert.AreEqual(2, warned[0].Line);
        StringAssert.Contains(warned[0].Message, "tools-for-claude");

        using var plugin = new TempDir();
        plugin.Write(".claude-plugin/plugin.json", """{ "name": "helper-for-anthropic", "description": "A plugin" }""");
        var own = PluginManifestValidator.Validate(plugin.Path, Path.Combine(plugin.Path, ".claude-plugin", "plugin.json"),
            Newtonsoft.Json.Linq.JToken.Parse(File.ReadAllText(Path.Combine(plugin.Path, ".claude-plugin", "plugin.json"))));
        Assert.AreEqual(1, own.Count(x => x.Code == DiagnosticCodes.PluginNameReadsAsAnthropic), string.Join("\n", own));
    }

    // renames maps old plugin names to new ones, or to null for a plugin removed on purpose; Claude Code
    // follows each chain and rejects one that ends nowhere or loops.
    [TestMethod]
    public void RenamesToNullAreAcceptedAndChainsThatEndNowhereAreErrorsLikeTheCli()
    {
        using var dir = new TempDir();
        var d = Marketplace(dir, """
            {"name": "m", "owner": {"name": "o"}, "description": "A marketplace",
             "renames": {
               "gone": null,
               "old": "mid",
               "mid": "kept",
               "lost": "nowhere",
               "ping": "pong",
               "pong": "ping"
             },
             "plugins": [
              {"name": "kept", "description": "A plugin of some sort", "source": {"source": "github", "repo": "o/r"}}
            ]}
            """);
        var errors = d.Where(x => x.IsError).ToList();
        Assert.IsFalse(errors.Any(x => x.Message.Contains("renames.gone", StringComparison.Ordinal)), "null is a removal: " + string.Join("\n", d));
        Assert.IsFalse(errors.Any(x => x.Message.Contains("renames.old", StringComparison.Ordinal) || x.Message.Contains("renames.mid", StringComparison.Ordinal)));
        Expect.Has(errors, DiagnosticCodes.SchemaInvalidValue, 6);
        StringAssert.Contains(errors.Single(x => x.Line == 6).Message, "'nowhere'");
        Assert.AreEqual(2, errors.Count(x => x.Message.Contains("cycle", StringComparison.Ordinal)), string.Join("\n", d));
        Assert.AreEqual(3, errors.Count, string.Join("\n", d));
    }
}
