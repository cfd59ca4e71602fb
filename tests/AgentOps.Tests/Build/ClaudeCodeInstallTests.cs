namespace AgentOps.Tests.Build;

/// <summary>
/// Plain `dotnet test` installs the pinned Claude Code CLI itself: the test project's InstallClaudeCodeCli target
/// runs `npm ci` from package-lock.json into a folder that has none, and skips it once that install is current.
/// </summary>
[TestClass]
[TestCategory("Build")]
public sealed class ClaudeCodeInstallTests
{
    [TestMethod]
    public void The_test_build_installs_the_pinned_cli_once_and_then_skips()
    {
        var root = Path.Combine(Path.GetTempPath(), "aop-npm-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(root);
        try
        {
            foreach (var file in new[] { "package.json", "package-lock.json" })
                File.Copy(Path.Combine(RepoMarketplace.Root, file), Path.Combine(root, file));
            var fresh = Install(root);
            if (fresh.StdOut.Contains("npm not found", StringComparison.Ordinal)) Assert.Inconclusive("no npm on this machine");
            Assert.IsTrue(File.Exists(Path.Combine(root, "node_modules", "@anthropic-ai", "claude-code-linux-x64", "claude"))
                          || File.Exists(Path.Combine(root, "node_modules", "@anthropic-ai", "claude-code", "package.json")), fresh.All);
            var again = Install(root);
            StringAssert.Contains(again.StdOut, "Skipping target \"InstallClaudeCodeCli\" because all output files are up-to-date", again.All);
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    private static ProcessRunner.Output Install(string root)
    {
        var project = Path.Combine(RepoMarketplace.Root, "tests", "AgentOps.Tests", "AgentOps.Tests.csproj");
        var output = ProcessRunner.Dotnet(RepoMarketplace.Root, "msbuild", project, "-t:InstallClaudeCodeCli", "-nologo", "-v:d",
            $"-p:ClaudeCodeInstallRoot={root}/");
        Assert.AreEqual(0, output.ExitCode, output.All);
        return output;
    }
}
