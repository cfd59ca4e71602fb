namespace AgentOps.Tests.EndToEnd;

/// <summary>The fake model drives the real Claude Code CLI: a Bash call runs for real and its output
/// comes back to the model as a tool result.</summary>
[TestClass]
[TestCategory("EndToEnd")]
public sealed class FakeAnthropicApiTests
{
    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public void RealCliRunsAScriptedBashCallAndReturnsItsOutputToTheModel()
    {
        if (!ClaudeSession.IsInstalled) Assert.Inconclusive($"Claude Code CLI not installed at {ClaudeSession.BinaryPath}: run npm ci");
        using var api = new FakeAnthropicApi(r => r.Step == 0
            ? ModelTurn.Bash("echo fake-api-marker-$((40+2))", "Print a marker")
            : ModelTurn.Say("Done: " + r.ToolResults[0].Text));
        var temp = Directory.CreateTempSubdirectory("agentops-e2e-");
        try
        {
            var home = Directory.CreateDirectory(Path.Combine(temp.FullName, "home")).FullName;
            var work = Directory.CreateDirectory(Path.Combine(temp.FullName, "work")).FullName;
            var result = new ClaudeSession(home, api).Prompt(work, "Print the marker", TimeSpan.FromSeconds(90));

            Assert.AreEqual(0, result.ExitCode, result.StdErr);
            Assert.AreEqual(0, api.Errors.Count, string.Join('\n', api.Errors));
            var second = api.ModelRequests.Last().Request;
            StringAssert.Contains(second.ToolResults.Single().Text, "fake-api-marker-42");
            StringAssert.Contains(result.Final?["result"]?.GetValue<string>() ?? "", "fake-api-marker-42");
            Assert.IsNotNull(result.SessionId);
            Assert.IsTrue(File.Exists(new ClaudeSession(home, api).TranscriptPath(work, result.SessionId!)), "transcript written");
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }
}
