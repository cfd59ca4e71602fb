using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AgentOps.Tests.EndToEnd;
using AgentOps.Tests.Validation;

namespace AgentOps.Tests.Content;

/// <summary>
/// A real Claude Code session (scripted fake model) with all four plugins installed: a
/// meta-orchestrator command reaches the model with ${CLAUDE_PLUGIN_ROOT} filled in, the model's Bash
/// call runs the launcher, the launcher says plainly that the tool is missing, and the recording and
/// core hooks on every event never break the session.
/// </summary>
[TestClass]
[TestCategory("EndToEnd")]
[TestCategory("ClaudeCli")]
public sealed partial class PluginSessionTests
{
    [TestMethod]
    [Timeout(240_000, CooperativeCancellation = true)]
    public void Meta_stats_command_runs_the_launcher_at_the_installed_path_and_reports_the_missing_tool()
    {
        if (!ClaudeSession.IsInstalled) Assert.Inconclusive($"Claude Code CLI not installed at {ClaudeSession.BinaryPath}: run npm install --ignore-scripts");
        string? launcher = null;
        using var api = new FakeAnthropicApi(r =>
        {
            if (r.IsSideRequest) return ModelTurn.Say("ok");
            if (r.Step == 0)
            {
                launcher = LauncherPath().Match(r.UserText) is { Success: true } m ? m.Groups["path"].Value : null;
                return launcher is null ? ModelTurn.Say("NO_LAUNCHER_PATH") : ModelTurn.Bash($"\"{launcher}\" meta-stats --json", "Learning metrics");
            }
            return ModelTurn.Say("Reported: " + r.ToolResults[^1].Text);
        });
        using var temp = new TempDir();
        var home = Directory.CreateDirectory(temp.File("home")).FullName;
        var work = Directory.CreateDirectory(temp.File("work")).FullName;
        var session = new ClaudeSession(home, api);
        InstallAllPlugins(session, temp, work);

        var result = session.Prompt(work, "/agentops-meta-orchestrator:meta-stats", TimeSpan.FromSeconds(180));

        Assert.AreEqual(0, result.ExitCode, result.StdErr);
        Assert.AreEqual(0, api.Errors.Count, string.Join('\n', api.Errors));
        var first = api.ModelRequests.First(x => !x.Request.IsSideRequest).Request;
        StringAssert.Contains(first.UserText, "meta-stats --json", "the command body reached the model");
        Assert.IsFalse(first.UserText.Contains("${CLAUDE_PLUGIN_ROOT}", StringComparison.Ordinal), "Claude Code fills in the plugin root in command bodies");
        Assert.IsNotNull(launcher, "no absolute launcher path in the expanded command:\n" + first.UserText);
        StringAssert.EndsWith(launcher, "/bin/agentops");
        Assert.IsTrue(File.Exists(launcher), $"{launcher} is the installed copy of the launcher");

        var toolResult = api.ModelRequests.Last().Request.ToolResults.Single().Text;
        StringAssert.Contains(toolResult, "the agentops .NET tool is not installed", "the launcher says so plainly instead of pretending");
        StringAssert.Contains(result.Final?["result"]?.GetValue<string>() ?? "", "not installed");
    }

    [TestMethod]
    [Timeout(240_000, CooperativeCancellation = true)]
    public void With_the_tool_in_the_plugin_hooks_record_the_session_and_the_command_gets_real_metrics()
    {
        if (!ClaudeSession.IsInstalled) Assert.Inconclusive($"Claude Code CLI not installed at {ClaudeSession.BinaryPath}: run npm install --ignore-scripts");
        using var api = new FakeAnthropicApi(r =>
        {
            if (r.IsSideRequest) return ModelTurn.Say("ok");
            if (r.Step == 0 && LauncherPath().Match(r.UserText) is { Success: true } m)
                return ModelTurn.Bash($"\"{m.Groups["path"].Value}\" meta-stats --json", "Learning metrics");
            return ModelTurn.Say(r.Step == 0 ? "NO_LAUNCHER_PATH" : "Reported: " + r.ToolResults[^1].Text);
        });
        using var temp = new TempDir();
        var home = Directory.CreateDirectory(temp.File("home")).FullName;
        var work = Directory.CreateDirectory(temp.File("work")).FullName;
        var session = new ClaudeSession(home, api);
        // `dotnet pack` publishes the tool into the plugin's tool/ folder; the tests' build output stands in for it.
        InstallAllPlugins(session, temp, work, meta => Directory.CreateSymbolicLink(Path.Combine(meta, "tool"), AppContext.BaseDirectory));

        var result = session.Prompt(work, "/agentops-meta-orchestrator:meta-stats", TimeSpan.FromSeconds(180));

        Assert.AreEqual(0, result.ExitCode, result.StdErr);
        Assert.AreEqual(0, api.Errors.Count, string.Join('\n', api.Errors));
        var toolResult = api.ModelRequests.Last().Request.ToolResults.Single().Text;
        StringAssert.Contains(toolResult, "\"total_patterns\"", "the command ran the real tool through the launcher");

        // Hooks spool one file per event; learn (or the background learner at SessionEnd) folds them into the log.
        AgentOps.Orchestration.Learning.SpoolDrain.Drain(work, DateTimeOffset.UtcNow.AddMinutes(10));
        var log = Path.Combine(work, ".agentops", "executions", result.SessionId + ".jsonl");
        Assert.IsTrue(File.Exists(log), $"the record hook wrote no execution log at {log}");
        var events = File.ReadLines(log).Select(l => JsonNode.Parse(l)!["hook"]!.GetValue<string>()).ToHashSet();
        // A command that runs the tool through Bash delegates nothing: the task and the end are recorded, no tool call.
        foreach (var expected in new[] { "UserPromptSubmit", "Stop" })
            Assert.IsTrue(events.Contains(expected), $"{expected} not recorded; recorded: {string.Join(", ", events)}");
        CollectionAssert.IsSubsetOf(events.ToArray(), new[] { "UserPromptSubmit", "Stop", "SessionEnd" }, "no hook on the Bash call: " + string.Join(", ", events));
    }

    private static void InstallAllPlugins(ClaudeSession session, TempDir temp, string work, Action<string>? prepareMeta = null)
    {
        var plugins = new JsonArray();
        foreach (var plugin in ContentRepo.PluginNames)
        {
            var copy = ContentRepo.CopyWithManifest(ContentRepo.PluginDir(plugin), temp.File("mkt/plugins"));
            if (plugin == "agentops-meta-orchestrator") prepareMeta?.Invoke(copy);
            plugins.Add(new JsonObject { ["name"] = plugin, ["source"] = $"./plugins/{plugin}" });
        }
        temp.Write("mkt/.claude-plugin/marketplace.json", new JsonObject
        {
            ["name"] = "agentops-marketplace",
            ["owner"] = new JsonObject { ["name"] = "AgentOps Marketplace" },
            ["plugins"] = plugins,
        }.ToJsonString());
        var add = session.Cli(work, TimeSpan.FromMinutes(1), "plugin", "marketplace", "add", temp.File("mkt"));
        Assert.AreEqual(0, add.ExitCode, add.StdOut + add.StdErr);
        foreach (var plugin in ContentRepo.PluginNames)
        {
            var install = session.Cli(work, TimeSpan.FromMinutes(1), "plugin", "install", $"{plugin}@agentops-marketplace");
            Assert.AreEqual(0, install.ExitCode, install.StdOut + install.StdErr);
        }
    }

    [GeneratedRegex(@"""(?<path>/[^""\s]*/bin/agentops)""")]
    private static partial Regex LauncherPath();
}
