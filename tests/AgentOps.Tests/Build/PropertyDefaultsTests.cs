using System.Text.Json.Nodes;

namespace AgentOps.Tests.Build;

/// <summary>
/// The SDK's property defaults as the README's table documents them: each manifest field falls back to its
/// MSBuild-standard property (Version, Description, Authors, PackageTags…) or to the project's name, a value set
/// in Directory.Build.props applies, and a value in the project wins over both (every default is guarded).
/// </summary>
[TestClass]
[TestCategory("Build")]
public sealed class PropertyDefaultsTests
{
    [TestMethod]
    public void Manifest_fields_fall_back_to_standard_properties_and_the_project_wins()
    {
        RepoMarketplace.EnsurePacked();
        using var mkt = new TempMarketplace("defaults");
        mkt.Write(mkt.ProjectFile, """
            <Project Sdk="AgentOps.Marketplace.Sdk/1.0.0">
              <PropertyGroup>
                <Description>A marketplace whose name, owner and version come from defaults.</Description>
                <Version>2.3.4</Version>
              </PropertyGroup>
            </Project>
            """);
        mkt.Write("Directory.Build.props", """
            <Project>
              <PropertyGroup>
                <Authors>Shared Author</Authors>
                <PackageLicenseExpression>Apache-2.0</PackageLicenseExpression>
                <PackageProjectUrl>https://example.com/home</PackageProjectUrl>
              </PropertyGroup>
            </Project>
            """);
        mkt.Write("plugins/plain/plain.agentplugin", """
            <Project Sdk="AgentOps.Marketplace.Sdk/1.0.0">
              <PropertyGroup>
                <Version>1.2.0</Version>
                <Description>Everything else from the defaults.</Description>
                <PackageTags>one;two</PackageTags>
                <PluginNetworkHosts>none</PluginNetworkHosts>
                <RepositoryUrl>https://example.com/repo</RepositoryUrl>
              </PropertyGroup>
            </Project>
            """);
        mkt.Write("plugins/plain/commands/hello.md", "---\ndescription: Say hello\n---\nHello.\n");
        mkt.Write("plugins/custom/custom.agentplugin", """
            <Project Sdk="AgentOps.Marketplace.Sdk/1.0.0">
              <PropertyGroup>
                <Version>1.0.0</Version>
                <PluginVersion>3.0.0</PluginVersion>
                <Description>Ignored: PluginDescription wins.</Description>
                <PluginDescription>Every value set in the project itself.</PluginDescription>
                <PluginAuthor>Own Author</PluginAuthor>
                <PluginLicense>MIT</PluginLicense>
                <PluginKeywords>mine</PluginKeywords>
                <PluginNetworkHosts>api.example.com;*.example.org:8443</PluginNetworkHosts>
              </PropertyGroup>
            </Project>
            """);
        mkt.Write("plugins/custom/commands/hello.md", "---\ndescription: Say hello\n---\nHello.\n");

        var build = mkt.Build();
        Assert.AreEqual(0, build.ExitCode, build.All);

        var plain = Manifest(mkt, "plugins/plain/.claude-plugin/plugin.json");
        Assert.AreEqual("plain", Text(plain["name"]), "PluginName defaults to the project file's name");
        Assert.AreEqual("1.2.0", Text(plain["version"]), "PluginVersion <- Version");
        Assert.AreEqual("Everything else from the defaults.", Text(plain["description"]), "PluginDescription <- Description");
        Assert.AreEqual("Shared Author", Text(plain["author"]!["name"]), "PluginAuthor <- Authors from Directory.Build.props");
        Assert.AreEqual("Apache-2.0", Text(plain["license"]), "PluginLicense <- PackageLicenseExpression");
        Assert.AreEqual("https://example.com/home", Text(plain["homepage"]), "PluginHomepage <- PackageProjectUrl");
        Assert.AreEqual("https://example.com/repo", Text(plain["repository"]), "PluginRepository <- RepositoryUrl");
        CollectionAssert.AreEqual(new[] { "one", "two" }, plain["keywords"]!.AsArray().Select(Text).ToArray(), "PluginKeywords <- PackageTags");

        var custom = Manifest(mkt, "plugins/custom/.claude-plugin/plugin.json");
        Assert.AreEqual("3.0.0", Text(custom["version"]));
        Assert.AreEqual("Every value set in the project itself.", Text(custom["description"]));
        Assert.AreEqual("Own Author", Text(custom["author"]!["name"]), "the project wins over Directory.Build.props");
        Assert.AreEqual("MIT", Text(custom["license"]));
        CollectionAssert.AreEqual(new[] { "mine" }, custom["keywords"]!.AsArray().Select(Text).ToArray());
        CollectionAssert.AreEqual(new[] { "api.example.com", "*.example.org:8443" }, custom["network"]!["hosts"]!.AsArray().Select(Text).ToArray(),
            "PluginNetworkHosts -> network.hosts (Claude Code 2.1.331)");
        Assert.AreEqual(0, plain["network"]!["hosts"]!.AsArray().Count, "PluginNetworkHosts 'none' declares that the plugin reaches no host");

        var marketplace = Manifest(mkt, ".claude-plugin/marketplace.json");
        Assert.AreEqual("defaults", Text(marketplace["name"]), "MarketplaceName defaults to the project file's name");
        Assert.AreEqual("Shared Author", Text(marketplace["owner"]!["name"]), "MarketplaceOwnerName <- Authors");
        Assert.AreEqual("2.3.4", Text(marketplace["metadata"]?["version"] ?? marketplace["version"]), "MarketplaceVersion <- Version");
        Assert.AreEqual("A marketplace whose name, owner and version come from defaults.",
            Text(marketplace["metadata"]?["description"] ?? marketplace["description"]), "MarketplaceDescription <- Description");
        CollectionAssert.AreEqual(new[] { "custom", "plain" }, marketplace["plugins"]!.AsArray().Select(p => Text(p!["name"])).ToArray(),
            "AgentPlugin defaults to plugins/*/*.agentplugin");
    }

    private static JsonNode Manifest(TempMarketplace mkt, string relative) => JsonNode.Parse(File.ReadAllText(Path.Combine(mkt.Root, relative)))!;

    private static string Text(JsonNode? node) => node!.GetValue<string>();
}
