using System.Security.Cryptography;
using AgentOps.Tests.Build;

namespace AgentOps.Tests.Release;

/// <summary>
/// eng/ship/release.sh against a local bare repository as origin (<see cref="ReleasedRepo"/>): the marketplace
/// branch, the tags, the release assets with checksums, the NuGet packages, and the real Claude Code CLI
/// installing from the branch.
/// </summary>
[TestClass]
[TestCategory("Release")]
public sealed class ReleaseScriptTests
{
    private const string Meta = "plugins/agentops-meta-orchestrator";

    [TestMethod]
    public void The_marketplace_branch_holds_the_packed_marketplace_with_a_native_tool_and_no_portable_dll()
    {
        var released = ReleasedRepo.Get();
        var tree = ReleasedRepo.Git(released.Origin, "ls-tree", "-r", "--full-tree", "marketplace").StdOut.Split('\n');
        string? Mode(string path) => tree.FirstOrDefault(l => l.EndsWith("\t" + path, StringComparison.Ordinal))?.Split(' ')[0];

        Assert.IsNotNull(Mode(".claude-plugin/marketplace.json"), "marketplace.json at the branch root");
        Assert.IsNotNull(Mode($"{Meta}/tool/{ReleasedRepo.HostRid}.tar.gz"), "the native tool ships packed, unpacked by the launcher on first use");
        Assert.AreEqual("100755", Mode($"{Meta}/bin/agentops"), "the launcher is committed executable");
        Assert.IsNotNull(Mode($"{Meta}/bin/agentops.cmd"), "the Windows launcher ships too");
        Assert.IsNull(Mode($"{Meta}/tool/agentops.dll"), "a release ships native builds only: users need no .NET");
        Assert.IsFalse(tree.Any(l => l.Contains($"{Meta}/tool/{ReleasedRepo.HostRid}/", StringComparison.Ordinal)), "no unpacked folder (the smoke test runs on a copy)");

        var archive = Path.Combine(released.Packed, Meta, "tool", ReleasedRepo.HostRid + ".tar.gz");
        var listing = ProcessRunner.Run("tar", released.Root, TimeSpan.FromMinutes(1), null, "-tvzf", archive).StdOut.Split('\n');
        Assert.IsTrue(listing.Any(l => l.StartsWith("-rwx", StringComparison.Ordinal) && l.EndsWith("./agentops", StringComparison.Ordinal)), "an executable agentops inside:\n" + string.Join('\n', listing));
        Assert.IsFalse(listing.Any(l => l.EndsWith(".dbg", StringComparison.Ordinal) || l.EndsWith(".pdb", StringComparison.Ordinal) || l.Contains("SentenceTransformers", StringComparison.Ordinal) || l.Contains("onnxruntime", StringComparison.Ordinal)),
            "symbols and the embedding model are left out (eng/ship/marketplace-exclude.txt):\n" + string.Join('\n', listing));
        StringAssert.Contains(released.Release.StdOut, "packed marketplace: ");
        var bytes = new DirectoryInfo(released.Packed).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        Assert.IsTrue(bytes <= 60L * 1024 * 1024, $"the packed marketplace is {bytes / 1048576.0:0.0} MB, over 60 MB");

        var log = ReleasedRepo.Git(released.Origin, "log", "--format=%s", "marketplace").StdOut;
        StringAssert.StartsWith(log, "agentops-marketplace ");
    }

    [TestMethod]
    public void Tags_name_the_release_and_each_plugin_version_in_claude_codes_form()
    {
        var released = ReleasedRepo.Get();
        var marketplace = ReleasedRepo.Git(released.Origin, "rev-parse", "marketplace").StdOut.Trim();
        var version = ReleasedRepo.Git(released.Work, "describe", "--tags", "--exact-match", "HEAD").StdOut.Trim();
        StringAssert.StartsWith(version, "v");
        ReleasedRepo.Git(released.Origin, "rev-parse", "--verify", $"refs/tags/{version}");
        foreach (var (name, pluginVersion) in new[] { ("agentops-core", "1.0.0"), ("agentops-meta-orchestrator", PluginVersion(released, "agentops-meta-orchestrator")) })
        {
            var tag = $"{name}--v{pluginVersion}";
            var target = ReleasedRepo.Git(released.Origin, "rev-parse", $"refs/tags/{tag}^{{commit}}").StdOut.Trim();
            Assert.AreEqual(marketplace, target, $"{tag} marks the marketplace commit that ships that version");
        }
    }

    [TestMethod]
    public void The_release_assets_have_checksums_and_the_packages_reach_the_feed()
    {
        var released = ReleasedRepo.Get();
        var sums = File.ReadAllLines(Path.Combine(released.Assets, "SHA256SUMS"));
        var names = sums.Select(l => l.Split("  ", 2)[1]).ToList();
        CollectionAssert.Contains(names, $"agentops-{released.Version}-{ReleasedRepo.HostRid}.tar.gz");
        CollectionAssert.Contains(names, $"agentops-marketplace-{released.Version}.zip");
        foreach (var line in sums)
        {
            var parts = line.Split("  ", 2);
            using var stream = File.OpenRead(Path.Combine(released.Assets, parts[1]));
            Assert.AreEqual(parts[0], Convert.ToHexStringLower(SHA256.HashData(stream)), parts[1]);
        }
        foreach (var id in new[] { "AgentOps.Marketplace.Sdk", "AgentOps.Cli", "AgentOps.Templates" })
        {
            var pushed = Directory.EnumerateFiles(released.Feed, $"{id}.{released.Version}.nupkg", SearchOption.AllDirectories)
                .Concat(Directory.EnumerateFiles(released.Feed, $"{id.ToLowerInvariant()}.{released.Version}.nupkg", SearchOption.AllDirectories));
            Assert.IsTrue(pushed.Any(), $"{id} {released.Version} was not pushed to the feed {released.Feed}");
        }
    }

    [TestMethod]
    public void Claude_code_adds_the_marketplace_branch_and_installs_the_meta_orchestrator_with_its_native_tool()
    {
        Build.ClaudePluginCli.RequireInstalled();
        var released = ReleasedRepo.Get();
        Assert.AreEqual(0, released.Add!.ExitCode, released.Add.All);
        Assert.AreEqual(0, released.Install!.ExitCode, released.Install.All);
        Assert.IsNotNull(released.InstalledPlugin, "the plugin is in Claude Code's cache");
        var archive = Path.Combine(released.InstalledPlugin, "tool", ReleasedRepo.HostRid + ".tar.gz");
        Assert.IsTrue(File.Exists(archive), archive);
        Assert.IsTrue(File.GetUnixFileMode(Path.Combine(released.InstalledPlugin, "bin", "agentops")).HasFlag(UnixFileMode.UserExecute), "installed launcher executable");
        var list = released.Claude.Run("plugin", "list");
        StringAssert.Contains(list.StdOut, "agentops-meta-orchestrator@agentops-marketplace");
    }

    private static string PluginVersion(ReleasedRepo released, string plugin)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(released.Packed, "plugins", plugin, ".claude-plugin", "plugin.json")))!;
        return json["version"]!.GetValue<string>();
    }
}
