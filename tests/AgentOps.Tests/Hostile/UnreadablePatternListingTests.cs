using AgentOps.Tests.Learning;

namespace AgentOps.Tests.Hostile;

/// <summary>A pattern file in the store that does not parse (a binary file, a hand edit gone wrong): `agentops
/// show-patterns` and `meta-stats` left it out without a word (exit 0, the listing looked complete). Now each
/// says on stderr which file was ignored and why (AOP1052), and the output stays what it was.</summary>
[TestClass]
[TestCategory("Hostile")]
public sealed class UnreadablePatternListingTests
{
    [TestMethod]
    [DataRow("show-patterns", "--json", null)]
    [DataRow("show-patterns", "--category", "x")]
    [DataRow("meta-stats", "--json", null)]
    [DataRow("meta-stats", null, null)]
    public void AnUnreadablePatternIsNamedNotSilentlyLeftOut(string command, string? option, string? value)
    {
        var project = LearningFixtures.NewProject().Project;
        var discovered = Path.Combine(project, ".agentops", "patterns", "discovered");
        Directory.CreateDirectory(discovered);
        var bad = Path.Combine(discovered, "auth-0000beef.md");
        File.WriteAllText(bad, "---\npattern_id: auth-0000beef\ncategory: [unclosed\n---\n");

        var args = new[] { command, option, value }.OfType<string>().ToArray();
        var (exit, stdout, stderr) = HostileFiles.Agentops(project, TimeSpan.FromSeconds(120), args);

        Assert.AreEqual(0, exit, stderr);
        StringAssert.Contains(stderr, $"{bad}(");
        StringAssert.Contains(stderr, "warning AOP1052: learned pattern ignored");
        if (option == "--json") System.Text.Json.JsonDocument.Parse(stdout).Dispose(); // stdout is still the JSON alone
    }
}
