using AgentOps.Core.Import;
using AgentOps.Core.Validation;
using AgentOps.Tests.Build;
using AgentOps.Tests.Learning;

namespace AgentOps.Tests.Hostile;

/// <summary>A plugin holding folders nested past the longest path Linux takes (4,096 bytes): the runtime lists
/// such an entry with an empty FullName. Validate ended with "The value cannot be an empty string (Parameter
/// 'path')" as a usage error (exit 2, no file named) and import with a stack trace (exit 134); now validate
/// reports AOP0409 at the long path and import copies the rest with a note.</summary>
[TestClass]
[TestCategory("Hostile")]
public sealed class LongPathTests
{
    private static readonly string Deep = string.Join('/', Enumerable.Repeat("dddddddddddd", 350)); // 4,549 characters

    private static (string Root, string Market) MarketWithADeepFolder()
    {
        var root = LearningFixtures.TempDir();
        var market = Path.Combine(root, "market");
        var plugin = HostileFiles.Plugin(Path.Combine(market, "plugins"), "p");
        Directory.CreateDirectory(Path.Combine(market, ".claude-plugin"));
        File.WriteAllText(Path.Combine(market, ".claude-plugin", "marketplace.json"),
            "{ \"name\": \"m\", \"owner\": { \"name\": \"o\" }, \"description\": \"A marketplace for tests\", \"plugins\": [ { \"name\": \"p\", \"source\": \"./plugins/p\", \"description\": \"The p plugin for tests\" } ] }");
        // mkdir -p goes one folder at a time, so it makes what one path of 4,549 characters cannot name.
        Assert.AreEqual(0, ProcessRunner.Run("mkdir", plugin, TimeSpan.FromSeconds(30), null, "-p", Deep).ExitCode, "mkdir -p");
        return (root, market);
    }

    private static void Remove(string root) => ProcessRunner.Run("rm", Path.GetTempPath(), TimeSpan.FromSeconds(60), null, "-rf", root);

    [TestMethod]
    public void AFolderPastThePathLimitIsAnAop0409AtItsPathNotAUsageError()
    {
        var (root, market) = MarketWithADeepFolder();
        try
        {
            var result = FolderValidation.Validate(market);

            var tooLong = result.Diagnostics.Single(d => d.Code == "AOP0409");
            Assert.IsTrue(tooLong.File.StartsWith(Path.Combine(market, "plugins", "p", "dddddddddddd"), StringComparison.Ordinal), tooLong.File);
            Assert.IsGreaterThan(4096, tooLong.File.Length);
            StringAssert.Contains(tooLong.Message, "longer than the file system takes");
        }
        finally { Remove(root); }
    }

    [TestMethod]
    public void ImportCopiesThePluginAndNotesThePathItCannotCopy()
    {
        var (root, market) = MarketWithADeepFolder();
        try
        {
            var output = Path.Combine(root, "out");
            var result = MarketplaceImporter.Import(market, output);

            Assert.AreEqual("p.agentplugin", Path.GetFileName(result.PluginProjects.Single()));
            Assert.IsTrue(File.Exists(Path.Combine(output, "plugins", "p", "commands", "ok.md")), "the rest of the plugin is copied");
            Assert.IsTrue(result.Notes.Any(n => n.Message.Contains("longer than the file system takes", StringComparison.Ordinal) && n.File.Length > 4096),
                string.Join("\n", result.Notes.Select(n => n.Message)));
        }
        finally { Remove(root); }
    }
}
