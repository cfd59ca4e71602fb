namespace AgentOps.Tests;

/// <summary>The vendored real-world data under tests/AgentOps.Tests/Fixtures (see its README): the tests read
/// nothing from beside the repository.</summary>
internal static class TestFixtures
{
    public static string Root => Path.Combine(EndToEnd.ClaudeSession.RepoRoot, "tests", "AgentOps.Tests", "Fixtures");

    /// <summary>Real marketplace.json files of public marketplaces.</summary>
    public static string Marketplaces => Path.Combine(Root, "marketplaces");

    /// <summary>Real Claude Code 2.1.331 transcripts and hook payloads, one folder per scenario.</summary>
    public static string ClaudeCodeSamples => Path.Combine(Root, "claude-code-samples");

    /// <summary>The transcript of one scenario of <see cref="ClaudeCodeSamples"/>.</summary>
    public static string SampleTranscript(string scenario) => HookReplay.RecordedTranscript(Path.Combine(ClaudeCodeSamples, scenario));

    public static IReadOnlyList<string> MarketplaceFiles()
    {
        var files = Directory.GetFiles(Marketplaces, "*.json").Order(StringComparer.Ordinal).ToList();
        Assert.AreEqual(11, files.Count, $"the vendored marketplaces in {Marketplaces}");
        return files;
    }
}
