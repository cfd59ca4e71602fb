using System.Text.Json.Nodes;
using AgentOps.Tests.Validation;

namespace AgentOps.Tests.Build;

/// <summary>
/// `agentops import` as its output says: import a hand-written marketplace into a folder outside this repository,
/// then `dotnet build` there. The projects name the SDK with its version and a nuget.config names its package
/// source, so the build finds the SDK (no MSB4236) and regenerates the manifests.
/// </summary>
[TestClass]
[TestCategory("Build")]
public sealed class ImportBuildsTests
{
    [TestMethod]
    public void An_imported_marketplace_builds_where_it_was_written()
    {
        RepoMarketplace.EnsurePacked();
        using var source = new TempDir();
        source.Write(".claude-plugin/marketplace.json", """
            { "name": "handmade", "owner": { "name": "Dev Team" }, "description": "A hand-written marketplace to import",
              "plugins": [ { "name": "tidy", "source": "./plugins/tidy", "description": "Tidies the workspace", "version": "1.0.0" } ] }
            """);
        source.Write("plugins/tidy/.claude-plugin/plugin.json", """{ "name": "tidy", "version": "1.0.0", "description": "Tidies the workspace", "author": { "name": "Dev" } }""");
        source.Write("plugins/tidy/commands/tidy.md", "---\ndescription: Tidy the workspace\n---\nTidy $ARGUMENTS.\n");
        using var output = new TempDir();

        // The tool built with the tests lives under this repo's tests/…/bin: its default SDK source is artifacts/packages.
        var tool = Path.Combine(AppContext.BaseDirectory, "agentops.dll");
        var import = ProcessRunner.Dotnet(output.Path, tool, "import", source.Path, "--output", output.Path);
        Assert.AreEqual(0, import.ExitCode, import.All);
        StringAssert.Contains(import.StdOut, "build with `dotnet build marketplace.agentmarketplace`");
        StringAssert.Contains(File.ReadAllText(output.File("plugins/tidy/tidy.agentplugin")), "Sdk=\"AgentOps.Marketplace.Sdk/1.0.0\"");
        StringAssert.Contains(File.ReadAllText(output.File("nuget.config")), Path.Combine(RepoMarketplace.Root, "artifacts", "packages"));

        // The build the tool suggests, with the SDK extracted into the repo's package folder (not the user's cache).
        var build = ProcessRunner.Run("dotnet", output.Path, TimeSpan.FromMinutes(5), new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = RepoMarketplace.PackageFolder, ["MSBUILDDISABLENODEREUSE"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        }, "build", "marketplace.agentmarketplace", "-nologo");
        Assert.AreEqual(0, build.ExitCode, build.All);
        var manifest = JsonNode.Parse(File.ReadAllText(output.File(".claude-plugin/marketplace.json")))!;
        Assert.AreEqual("tidy", manifest["plugins"]![0]!["name"]!.GetValue<string>());
        Assert.IsTrue(File.Exists(output.File("plugins/tidy/.claude-plugin/plugin.json")), "the build regenerated plugin.json");
    }

    [TestMethod]
    public void An_existing_nuget_config_is_kept_and_named_in_a_note()
    {
        using var source = new TempDir();
        source.Write(".claude-plugin/marketplace.json", """{ "name": "m", "owner": { "name": "o" }, "plugins": [] }""");
        source.Write("nuget.config", "<configuration />\n");
        var tool = Path.Combine(AppContext.BaseDirectory, "agentops.dll");
        var import = ProcessRunner.Dotnet(source.Path, tool, "import", source.Path, "--sdk-source", "https://example.com/feed/index.json");
        Assert.AreEqual(0, import.ExitCode, import.All);
        Assert.AreEqual("<configuration />\n", File.ReadAllText(source.File("nuget.config")));
        StringAssert.Contains(import.StdOut, "note: kept the existing nuget.config");
    }
}
