using AgentOps.Tests.Content;
using AgentOps.Tests.Validation;

namespace AgentOps.Tests.Build;

/// <summary>
/// The `dotnet tool install` line the launcher prints when the agentops tool is missing (and the READMEs give)
/// works as written, at the repo root, where nuget.config maps AgentOps.* to artifacts/packages and so refuses
/// --add-source, and from any other folder. Installed into a tool path, not globally, to leave the machine as it was.
/// </summary>
[TestClass]
[TestCategory("Build")]
public sealed class ToolInstallTests
{
    [TestMethod]
    public void The_install_line_the_launcher_prints_works_at_the_repo_root_and_elsewhere()
    {
        if (OperatingSystem.IsWindows()) Assert.Inconclusive("the launcher is a bash script");
        RepoMarketplace.EnsurePacked();
        var line = InstallLineOfTheLauncher();
        foreach (var readme in new[] { "README.md", "plugins/agentops-meta-orchestrator/README.md" })
            StringAssert.Contains(File.ReadAllText(Path.Combine(RepoMarketplace.Root, readme)).ReplaceLineEndings(" "), "--configfile",
                $"{readme} gives the same form of the install line");

        using var elsewhere = new TempDir();
        foreach (var folder in new[] { RepoMarketplace.Root, elsewhere.Path })
        {
            using var tools = new TempDir();
            var args = line.Replace("<repository>", RepoMarketplace.Root, StringComparison.Ordinal)
                .Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1) // "dotnet"
                .Select(a => a == "--global" ? "--tool-path" : a).ToList();
            args.Insert(args.IndexOf("--tool-path") + 1, tools.Path);
            var install = ProcessRunner.Dotnet(folder, [.. args]);
            Assert.AreEqual(0, install.ExitCode, $"`{line}` in {folder}:\n{install.All}");
            var help = ProcessRunner.Run(Path.Combine(tools.Path, "agentops"), folder, TimeSpan.FromMinutes(1), null, "--help");
            Assert.AreEqual(0, help.ExitCode, help.All);
            StringAssert.Contains(help.StdOut, "record", "the installed tool is the agentops CLI");
        }
    }

    private static string InstallLineOfTheLauncher()
    {
        using var temp = new TempDir();
        var launcher = temp.File("plugin/bin/agentops");
        Directory.CreateDirectory(Path.GetDirectoryName(launcher)!);
        var source = Path.Combine(RepoMarketplace.Root, "plugins", "agentops-meta-orchestrator", "bin", "agentops");
        File.Copy(source, launcher);
        File.SetUnixFileMode(launcher, File.GetUnixFileMode(source));
        var result = ScriptRunner.Bash(launcher, temp.Path, null, null, "meta-stats");
        Assert.AreEqual(127, result.ExitCode, result.All);
        // "dotnet tool install --global AgentOps.Cli", then how to take it from a repository's build: "--configfile <repository>/nuget.config".
        const string command = "dotnet tool install";
        var install = result.StdErr.Split('\n').Where(l => l.Contains(command, StringComparison.Ordinal))
            .Select(l => l[l.IndexOf(command, StringComparison.Ordinal)..].Trim()).Single();
        var configFile = System.Text.RegularExpressions.Regex.Match(result.StdErr, @"--configfile <repository>/nuget\.config");
        Assert.IsTrue(configFile.Success, result.StdErr);
        return install + " " + configFile.Value;
    }
}
