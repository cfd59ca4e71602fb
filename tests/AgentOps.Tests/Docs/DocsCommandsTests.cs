using System.Text.RegularExpressions;
using AgentOps.Tests.Build;
using AgentOps.Tests.EndToEnd;

namespace AgentOps.Tests.Docs;

/// <summary>
/// What the docs say is what happens: every shell block of README.md and docs/ that a user would run is run,
/// in document order, in a temp clone of this repository (each document with its own HOME, so Claude Code's
/// marketplace and plugin state starts empty), or it is marked <c>&lt;!-- not runnable here: why --&gt;</c>.
/// </summary>
[TestClass]
public sealed partial class DocsCommandsTests
{
    // The test suite this test belongs to is not started again from inside it; every other line of such a block runs.
    private const string SelfTestCommand = "dotnet test tests/AgentOps.Tests";

    private static IEnumerable<string> Documents() =>
        new[] { Path.Combine(ClaudeSession.RepoRoot, "README.md") }
            .Concat(Directory.GetFiles(Path.Combine(ClaudeSession.RepoRoot, "docs"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal));

    [TestMethod]
    public void Every_shell_block_in_the_docs_is_run_or_says_why_not()
    {
        var blocks = Documents().SelectMany(ShellBlocks.In).ToList();
        Assert.IsTrue(blocks.Count >= 20, $"only {blocks.Count} shell blocks found in README.md and docs/; is the finder right?");
        Assert.IsTrue(blocks.Count(b => b.NotRunnableBecause is null) >= 10, "most blocks must run");
        var problems = new List<string>();
        foreach (var b in blocks)
        {
            var at = $"{Path.GetRelativePath(ClaudeSession.RepoRoot, b.File)}({b.Line})";
            if (b.NotRunnableBecause is { } why)
            {
                if (why.Length < 15) problems.Add($"{at}: say why it cannot run here ('{why}')");
                continue;
            }
            if (Placeholder().Match(b.Text) is { Success: true } p) problems.Add($"{at}: runs with a placeholder {p.Value}; mark it not runnable or write a real value");
            if (b.Text.Split('\n').Any(l => l.Trim() == "claude")) problems.Add($"{at}: starts an interactive session; mark it not runnable");
        }
        foreach (var file in Documents())
        {
            var markers = Regex.Matches(File.ReadAllText(file), "^\\s*<!--\\s*not runnable here:", RegexOptions.Multiline).Count;
            var marked = ShellBlocks.In(file).Count(b => b.NotRunnableBecause is not null);
            if (markers != marked) problems.Add($"{Path.GetRelativePath(ClaudeSession.RepoRoot, file)}: {markers} 'not runnable' markers but {marked} marked shell blocks (a marker must sit right above its block)");
        }
        Assert.AreEqual(0, problems.Count, string.Join("\n", problems));
    }

    [TestMethod]
    public void The_block_finder_sees_fenced_indented_and_marked_blocks()
    {
        var file = Path.Combine(Path.GetTempPath(), "aop-blocks-" + Guid.NewGuid().ToString("N")[..8] + ".md");
        File.WriteAllText(file, """
            Text.

                dotnet pack

            - a list item

                  not code
            ```
            claude plugin list
            ```
            <!-- not runnable here: needs your own repository URL -->
            ```bash
            git clone <url>
            ```
            ```
            /plugin install x@y
            ```
            ```xml
            <Project />
            ```
            """);
        try
        {
            var blocks = ShellBlocks.In(file);
            CollectionAssert.AreEqual(new[] { "dotnet pack", "claude plugin list", "git clone <url>" }, blocks.Select(b => b.Text).ToArray());
            CollectionAssert.AreEqual(new[] { 3, 8, 12 }, blocks.Select(b => b.Line).ToArray());
            CollectionAssert.AreEqual(new[] { null, null, "needs your own repository URL" }, blocks.Select(b => b.NotRunnableBecause).ToArray());
        }
        finally { File.Delete(file); }
    }

    [TestMethod]
    [TestCategory("Build")]
    [TestCategory("ClaudeCli")]
    public void Every_runnable_shell_block_runs_in_a_temp_clone()
    {
        if (OperatingSystem.IsWindows()) Assert.Inconclusive("the docs' commands are bash");
        ClaudePluginCli.RequireInstalled();
        RepoMarketplace.EnsurePacked(); // fills the package folder the clone's is seeded from
        var root = Path.Combine(Path.GetTempPath(), "aop-docs-" + Guid.NewGuid().ToString("N")[..10]);
        var clone = Path.Combine(root, "agentops-marketplace");
        try
        {
            Directory.CreateDirectory(root);
            Must(ProcessRunner.Run("git", root, TimeSpan.FromMinutes(2), null, "clone", "--quiet", ClaudeSession.RepoRoot, clone));
            SeedPackages(Path.Combine(clone, ".packages"));
            var tools = Path.Combine(root, "tools");
            Directory.CreateDirectory(tools);
            // `agentops` as a user has it after `dotnet tool install`: the tool built with these tests.
            File.WriteAllText(Path.Combine(tools, "agentops"), $"#!/bin/sh\nexec dotnet \"{Path.Combine(AppContext.BaseDirectory, "agentops.dll")}\" \"$@\"\n");
            File.SetUnixFileMode(Path.Combine(tools, "agentops"), (UnixFileMode)0b111_101_101);

            var failures = new List<string>();
            var ran = 0;
            foreach (var (document, index) in Documents().Select((d, i) => (d, i)))
            {
                var home = Path.Combine(root, $"home-{index}");
                Directory.CreateDirectory(home);
                foreach (var block in ShellBlocks.In(document).Where(b => b.NotRunnableBecause is null))
                {
                    var script = string.Join('\n', block.Text.Split('\n').Where(l => !l.TrimStart().StartsWith(SelfTestCommand, StringComparison.Ordinal)));
                    // The first `dotnet pack` builds the whole clone: minutes on a busy machine.
                    var result = ProcessRunner.Run("bash", clone, TimeSpan.FromMinutes(20), Environment(home, tools, clone), "-euo", "pipefail", "-c", script);
                    ran++;
                    if (result.ExitCode != 0)
                        failures.Add($"{Path.GetRelativePath(ClaudeSession.RepoRoot, document)}({block.Line}) exit {result.ExitCode}:\n{block.Text}\n--- output (end) ---\n{Tail(result.All)}");
                }
            }
            Assert.IsTrue(ran >= 10, $"only {ran} blocks ran");
            Assert.AreEqual(0, failures.Count, string.Join("\n\n", failures));
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static Dictionary<string, string> Environment(string home, string tools, string clone) => new()
    {
        ["HOME"] = home,
        ["PATH"] = string.Join(':', tools, Path.GetDirectoryName(ClaudeSession.BinaryPath)!, Path.GetDirectoryName(Content.ScriptRunner.DotnetHost())!, Content.ScriptRunner.SystemPath),
        ["NUGET_PACKAGES"] = Path.Combine(clone, ".packages"),
        ["DISABLE_TELEMETRY"] = "1", ["DISABLE_AUTOUPDATER"] = "1", ["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] = "1",
        ["MSBUILDDISABLENODEREUSE"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1",
    };

    // The clone gets its own package folder (its build replaces the SDK package there), linked from the repo's
    // so the C# packages are not downloaded again.
    private static void SeedPackages(string target)
    {
        Directory.CreateDirectory(target);
        Must(ProcessRunner.Run("cp", RepoMarketplace.Root, TimeSpan.FromMinutes(2), null, "-al", RepoMarketplace.PackageFolder + "/.", target));
        foreach (var own in Directory.GetDirectories(target, "agentops.*")) Directory.Delete(own, recursive: true);
    }

    private static void Must(ProcessRunner.Output output) => Assert.AreEqual(0, output.ExitCode, output.All);

    private static string Tail(string text) => text.Length <= 3000 ? text : text[^3000..];

    [GeneratedRegex(@"<[a-z][a-z0-9 _.|-]*>")]
    private static partial Regex Placeholder();
}
