using System.Text.Json.Nodes;

namespace AgentOps.Tests.Build;

/// <summary>The repo's own marketplace, built and packed by `dotnet pack` at the root.</summary>
[TestClass]
[TestCategory("Build")]
public sealed class RepoBuildTests
{
    [TestMethod]
    public void Pack_succeeds_without_any_warning()
    {
        var log = RepoMarketplace.EnsurePacked().All;
        var warnings = log.Split('\n').Where(l => l.Contains(": warning ", StringComparison.Ordinal)).ToList();
        Assert.AreEqual(0, warnings.Count, "warnings in the build:\n" + string.Join('\n', warnings));
        Assert.IsTrue(File.Exists(Path.Combine(RepoMarketplace.Root, "artifacts", "packages", "AgentOps.Marketplace.Sdk.1.0.0.nupkg")), "the SDK package goes to artifacts/packages");
        Assert.IsTrue(File.Exists(Path.Combine(RepoMarketplace.Root, "artifacts", "agentops-marketplace-1.0.0.zip")), "pack writes a zip of the marketplace");
    }

    [TestMethod]
    public void Packed_marketplace_lists_the_four_plugins_and_holds_only_what_users_need()
    {
        RepoMarketplace.EnsurePacked();
        var packed = RepoMarketplace.PackedFolder;
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(packed, ".claude-plugin", "marketplace.json")))!;
        var names = manifest["plugins"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
        CollectionAssert.AreEqual(RepoMarketplace.PluginNames, names, "entries sorted by name");
        Assert.IsFalse(string.IsNullOrWhiteSpace(manifest["description"]?.GetValue<string>()), "Claude Code warns on a marketplace without description");

        foreach (var name in RepoMarketplace.PluginNames)
        {
            var plugin = Path.Combine(packed, "plugins", name);
            var json = JsonNode.Parse(File.ReadAllText(Path.Combine(plugin, ".claude-plugin", "plugin.json")))!;
            Assert.AreEqual(name, json["name"]!.GetValue<string>());
            if (name != "agentops-core")
                CollectionAssert.AreEqual(new[] { "agentops-core" }, json["dependencies"]!.AsArray().Select(d => d!.GetValue<string>()).ToArray());
            var leftovers = Directory.EnumerateFileSystemEntries(plugin, "*", SearchOption.AllDirectories)
                .Where(p => Path.GetFileName(p) == "obj" || p.EndsWith(".agentplugin", StringComparison.Ordinal) || new FileInfo(p).LinkTarget is not null).ToList();
            Assert.AreEqual(0, leftovers.Count, "build leftovers or links in the packed plugin: " + string.Join(", ", leftovers));
        }
        var metadata = JsonNode.Parse(File.ReadAllText(Path.Combine(packed, "plugins", "agentops-meta-orchestrator", ".claude-plugin", "agentops.json")))!;
        Assert.AreEqual("alpha", metadata["stability"]!.GetValue<string>(), "seed metadata is kept beside plugin.json, not in it");
        Assert.IsTrue(File.Exists(Path.Combine(packed, "plugins", "agentops-meta-orchestrator", "tool", "agentops.dll")), "the agentops tool is published into the plugin");
    }

    [TestMethod]
    public void Second_build_with_no_change_regenerates_and_revalidates_nothing()
    {
        RepoMarketplace.EnsurePacked();
        var log = ProcessRunner.Dotnet(RepoMarketplace.Root, "build", "-nologo", "-v:d");
        Assert.AreEqual(0, log.ExitCode, log.All);
        foreach (var target in new[] { "GeneratePluginManifest", "ValidatePlugin" })
            Assert.AreEqual(4, Count(log.StdOut, $"Skipping target \"{target}\" because all output files are up-to-date"), $"{target} should be skipped for the 4 plugins");
        foreach (var target in new[] { "PackSdk", "GenerateMarketplaceManifest", "ValidateMarketplace", "ValidateCoreLinks" })
            Assert.AreEqual(1, Count(log.StdOut, $"Skipping target \"{target}\" because all output files are up-to-date"), $"{target} should be skipped");
        Assert.IsFalse(log.StdOut.Contains("Generated ", StringComparison.Ordinal), "no manifest rewritten");
    }

    private static int Count(string text, string what)
    {
        var count = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
