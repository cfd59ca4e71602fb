using AgentOps.Core.Validation;
using AgentOps.Tests.Learning;

namespace AgentOps.Tests.Hostile;

/// <summary>Plugin content that is legal but huge in one dimension (one 1 MB word, a run of millions of
/// one character): every rule that reads it finishes in bounded time and memory.</summary>
[TestClass]
[TestCategory("Hostile")]
public sealed class ContentScaleTests
{
    [TestMethod]
    [DataRow('a')]
    [DataRow('[')]
    [DataRow('\n')]
    public void ALongRunOfOneCharacterIsCountedQuickly(char c)
    {
        // cl100k's BPE is quadratic in one pre-token: a 1 MB run took about an hour before the count was cut.
        var text = new string(c, 1_000_000);
        var count = Task.Run(() => TokenCounter.Count(text));
        Assert.IsTrue(count.Wait(TimeSpan.FromSeconds(30)), "counting tokens of a 1 MB run did not finish");
        Assert.IsTrue(count.Result > ContextBudgetRule.Budget, $"{count.Result} tokens");
    }

    [TestMethod]
    public void CuttingLongTextKeepsTheCountOfOrdinaryProse()
    {
        var prose = string.Concat(Enumerable.Repeat("The quick brown fox jumps over the lazy dog, twice. ", 200));
        var whole = Microsoft.ML.Tokenizers.TiktokenTokenizer.CreateForEncoding("cl100k_base").CountTokens(prose);
        Assert.AreEqual(whole, TokenCounter.Count(prose), 2);
    }

    [TestMethod]
    public void AnAgentWithAOneMegabyteNameIsValidatedInBoundedTime()
    {
        var root = LearningFixtures.TempDir();
        var plugin = HostileFiles.Plugin(root);
        Directory.CreateDirectory(Path.Combine(plugin, "agents"));
        File.WriteAllText(Path.Combine(plugin, "agents", "big.md"),
            HostileFiles.Command("name: " + new string('a', 1_000_000) + "\ndescription: Use when testing hostile input\n"));
        var (exit, stdout, stderr) = HostileFiles.Agentops(root, TimeSpan.FromSeconds(90), "validate", plugin);
        Assert.AreEqual(1, exit, stdout + stderr);
        StringAssert.Contains(stdout, "big.md(1,1): warning AOP1152");
        Assert.IsFalse((stdout + stderr).Contains("   at ", StringComparison.Ordinal), stderr);
    }
}
