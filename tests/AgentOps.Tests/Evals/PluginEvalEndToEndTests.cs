using System.Text.Json.Nodes;
using AgentOps.Tests.Build;
using AgentOps.Tests.EndToEnd;

namespace AgentOps.Tests.Evals;

/// <summary>
/// One case of agentops-core's own eval suite run by the real <c>claude plugin eval</c> 2.1.331, offline: the eval's
/// child sessions (and its baseline arm) talk to the scripted <see cref="FakeAnthropicApi"/>. The scripted model does
/// what a model would with each arm's tools: it hands the review to the risk-assessor agent when the session offers
/// one (only with the plugin), else to general-purpose, so the case's tool_used grader passes in the with arm and
/// fails in the baseline arm.
/// </summary>
[TestClass]
[TestCategory("EndToEnd")]
public sealed class PluginEvalEndToEndTests
{
    private const string Case = "risk-review-uses-risk-assessor";

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public void The_risk_review_case_passes_its_agent_grader_with_the_plugin_and_not_without()
    {
        if (!ClaudeSession.IsInstalled) Assert.Inconclusive($"Claude Code CLI not installed at {ClaudeSession.BinaryPath}: run npm ci");
        using var api = new FakeAnthropicApi(Turn);
        var temp = Directory.CreateTempSubdirectory("agentops-eval-e2e-");
        try
        {
            var home = Directory.CreateDirectory(Path.Combine(temp.FullName, "home")).FullName;
            var output = Path.Combine(temp.FullName, "out");
            var json = Path.Combine(output, "result.json");
            // The plugin folder as it is in the repo: the suite is read where the author keeps it.
            var plugin = Path.Combine(ClaudeSession.RepoRoot, "plugins", "agentops-core");
            var (code, stdout, stderr) = new ClaudeSession(home, api).Cli(plugin, TimeSpan.FromSeconds(280),
                "plugin", "eval", ".", "--case", Case, "--runs", "1", "--trust-plugin", "--no-publish", "--mocks", "off",
                "--json", json, "--output-dir", output, "--report", Path.Combine(output, "report.html"));

            Assert.IsTrue(File.Exists(json), $"exit {code}\n{stdout}\n{stderr}");
            var result = JsonNode.Parse(File.ReadAllText(json))!;
            Assert.AreEqual("with-without", (string?)result["suite"]!["ablation"], "a baseline arm ran");
            var evalCase = result["cases"]!.AsArray().Single()!;
            Assert.AreEqual(Case, (string?)evalCase["name"]);
            bool Passed(string arm) => evalCase["arms"]![arm]!.AsArray().Single()!["graders"]!.AsArray()
                .Single(g => (string?)g!["name"] == "uses-risk-assessor")!["passed"]!.GetValue<bool>();
            Assert.IsTrue(Passed("with"), "with the plugin the review goes to risk-assessor:\n" + evalCase.ToJsonString());
            Assert.IsFalse(Passed("without"), "without it there is no such agent:\n" + evalCase.ToJsonString());
            Assert.IsTrue(api.ModelRequests.Any(r => IsSubagent(r.Request)),
                "the risk-assessor subagent ran on the fake model");
            Assert.IsFalse(Directory.Exists(Path.Combine(plugin, "evals", "results")) && Directory.EnumerateFileSystemEntries(Path.Combine(plugin, "evals", "results")).Any(),
                "results went to --output-dir, not into the repo");
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    /// <summary>The delegated review: a session that cannot delegate further, given the main session's Agent prompt.</summary>
    private static bool IsSubagent(ModelRequest request) =>
        !request.ToolNames.Contains("Agent") && request.UserText.Contains("Review this rollout plan", StringComparison.Ordinal);

    /// <summary>The main session delegates the review to the best agent it is offered; the subagent answers; the session reports.</summary>
    private static ModelTurn Turn(ModelRequest request)
    {
        if (IsSubagent(request)) return ModelTurn.Say("Risks: data loss when the column is dropped (back up first); old API instances still read email during the rollout (expand and contract over two releases).");
        // Like a real model, it can only pick an agent the session offers: risk-assessor is listed (in the whole
        // request: tool descriptions, system prompt or reminders) only when the plugin is loaded.
        var agent = request.Body.ToJsonString().Contains("risk-assessor", StringComparison.Ordinal) ? "risk-assessor" : "general-purpose";
        return request.Step == 0
            ? ModelTurn.Agent(agent, "Review this rollout plan for risks: stop writing users.email, drop the column, deploy API and migration together.", "Review rollout risks")
            : ModelTurn.Say("Review done: " + request.ToolResults[^1].Text);
    }
}
