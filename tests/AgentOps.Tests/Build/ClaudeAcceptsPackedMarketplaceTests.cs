namespace AgentOps.Tests.Build;

/// <summary>The judge: the real Claude Code CLI validates and installs what `dotnet pack` produced.</summary>
[TestClass]
[TestCategory("ClaudeCli")]
public sealed class ClaudeAcceptsPackedMarketplaceTests
{
    [TestMethod]
    public void Packed_marketplace_and_each_plugin_validate_with_no_error_and_no_warning()
    {
        ClaudePluginCli.RequireInstalled();
        RepoMarketplace.EnsurePacked();
        using var cli = new ClaudePluginCli();
        var targets = new[] { RepoMarketplace.PackedFolder }
            .Concat(RepoMarketplace.PluginNames.Select(n => Path.Combine(RepoMarketplace.PackedFolder, "plugins", n)));
        foreach (var target in targets)
        {
            var verdict = cli.Validate(target);
            Assert.IsTrue(verdict.Success, $"{target} rejected:\n{verdict.Raw}");
            Assert.AreEqual(0, verdict.Errors.Count, $"{target}: {string.Join("; ", verdict.Errors)}");
            Assert.AreEqual(0, verdict.Warnings.Count, $"{target}: {string.Join("; ", verdict.Warnings)}");
            Assert.AreEqual(0, verdict.DirectoryFindings.Count, $"{target}: {string.Join("; ", verdict.DirectoryFindings)}");
        }
    }

    [TestMethod]
    public void Installing_the_meta_orchestrator_brings_core_as_a_dependency_and_all_four_install()
    {
        ClaudePluginCli.RequireInstalled();
        RepoMarketplace.EnsurePacked();
        using var cli = new ClaudePluginCli();
        var add = cli.Run("plugin", "marketplace", "add", RepoMarketplace.PackedFolder);
        Assert.AreEqual(0, add.ExitCode, add.All);

        var install = cli.Run("plugin", "install", "agentops-meta-orchestrator@agentops-marketplace");
        Assert.AreEqual(0, install.ExitCode, install.All);
        StringAssert.Contains(install.All, "agentops-core", "core is installed as a dependency");
        StringAssert.Contains(cli.Run("plugin", "list").StdOut, "agentops-core@agentops-marketplace");

        foreach (var name in new[] { "agentops-devops", "agentops-product-dev" })
        {
            var result = cli.Run("plugin", "install", $"{name}@agentops-marketplace");
            Assert.AreEqual(0, result.ExitCode, result.All);
        }
        var list = cli.Run("plugin", "list").StdOut;
        foreach (var name in RepoMarketplace.PluginNames)
            StringAssert.Contains(list, $"{name}@agentops-marketplace");
    }
}
