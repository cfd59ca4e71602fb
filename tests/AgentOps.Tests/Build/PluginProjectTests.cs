using System.Text.Json.Nodes;

namespace AgentOps.Tests.Build;

/// <summary>What a plugin project's properties and items become in the generated manifests.</summary>
[TestClass]
[TestCategory("Build")]
public sealed class PluginProjectTests
{
    [TestMethod]
    public void Components_outside_the_default_folders_are_listed_and_claude_accepts_them()
    {
        RepoMarketplace.EnsurePacked();
        using var mkt = new TempMarketplace();
        mkt.Plugin("extras", """
            <PropertyGroup><PackageTags>one;two</PackageTags><PluginStability>beta</PluginStability></PropertyGroup>
            <ItemGroup>
              <PluginCommand Include="extra/deploy.md" />
              <PluginHooks Include="config/more-hooks.json" />
            </ItemGroup>
            """);
        mkt.Write("plugins/extras/extra/deploy.md", "---\ndescription: Deploy the thing\n---\nDeploy $ARGUMENTS.\n");
        mkt.Write("plugins/extras/config/more-hooks.json", """{ "hooks": { "Stop": [ { "hooks": [ { "type": "command", "command": "true" } ] } ] } }""");

        var build = mkt.Build();
        Assert.AreEqual(0, build.ExitCode, build.All);
        var folder = Path.Combine(mkt.Root, "plugins", "extras");
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, ".claude-plugin", "plugin.json")))!;
        CollectionAssert.AreEqual(new[] { "./extra/deploy.md" }, manifest["commands"]!.AsArray().Select(c => c!.GetValue<string>()).ToArray(),
            "commands/hello.md is found by Claude Code itself; only the extra one is listed");
        Assert.AreEqual("./config/more-hooks.json", manifest["hooks"]!.GetValue<string>());
        CollectionAssert.AreEqual(new[] { "one", "two" }, manifest["keywords"]!.AsArray().Select(c => c!.GetValue<string>()).ToArray());
        Assert.IsNull(manifest["stability"], "Claude Code warns on stability in plugin.json");
        Assert.AreEqual("beta", JsonNode.Parse(File.ReadAllText(Path.Combine(folder, ".claude-plugin", "agentops.json")))!["stability"]!.GetValue<string>());

        ClaudePluginCli.RequireInstalled();
        using var cli = new ClaudePluginCli();
        var verdict = cli.Validate(folder);
        Assert.IsTrue(verdict.Success && verdict.Errors.Count == 0, verdict.Raw);
        StringAssert.Contains(verdict.Raw, "extras:deploy", "Claude Code sees the listed command");
    }
}
