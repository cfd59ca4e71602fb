namespace AgentOps.Tests.Build;

/// <summary>samples/acme-marketplace consumes the SDK as a NuGet package (Sdk="AgentOps.Marketplace.Sdk/1.0.0").</summary>
[TestClass]
[TestCategory("Build")]
public sealed class SampleMarketplaceTests
{
    private static string Sample => Path.Combine(RepoMarketplace.Root, "samples", "acme-marketplace");

    [TestMethod]
    public void Sample_packs_and_claude_installs_it_with_its_dependency()
    {
        RepoMarketplace.EnsurePacked();
        var pack = ProcessRunner.Dotnet(Sample, "pack", "acme-marketplace.agentmarketplace", "-nologo");
        Assert.AreEqual(0, pack.ExitCode, pack.All);
        Assert.IsFalse(pack.All.Contains(": warning ", StringComparison.Ordinal), pack.All);
        var packed = Path.Combine(Sample, "artifacts", "marketplace");
        Assert.IsTrue(File.Exists(Path.Combine(packed, "plugins", "acme-release", ".claude-plugin", "plugin.json")));

        ClaudePluginCli.RequireInstalled();
        using var cli = new ClaudePluginCli();
        foreach (var target in new[] { packed, Path.Combine(packed, "plugins", "acme-lint"), Path.Combine(packed, "plugins", "acme-release") })
        {
            var verdict = cli.Validate(target);
            Assert.IsTrue(verdict.Clean, verdict.Raw);
        }
        Assert.AreEqual(0, cli.Run("plugin", "marketplace", "add", packed).ExitCode);
        var install = cli.Run("plugin", "install", "acme-release@acme-marketplace");
        Assert.AreEqual(0, install.ExitCode, install.All);
        StringAssert.Contains(cli.Run("plugin", "list").StdOut, "acme-lint@acme-marketplace", "the dependency is installed with it");
    }
}
