using AgentOps.Tests.Validation;

namespace AgentOps.Tests.Content;

/// <summary>
/// agentops-meta-orchestrator's bin/agentops: finds the agentops tool ($AGENTOPS_TOOL, the shipped
/// tool/agentops.dll, PATH), says plainly when there is none, and never fails or blocks `record`.
/// Each test runs a copy of the launcher in its own plugin folder so nothing else is found by accident.
/// </summary>
[TestClass]
public sealed class LauncherTests
{
    private const string NotInstalled = "the agentops .NET tool is not installed";
    private const string Payload = """{"session_id":"launcher-test","hook_event_name":"UserPromptSubmit","prompt":"Fix the login bug"}""";

    private static string Launcher => Path.Combine(ContentRepo.PluginDir("agentops-meta-orchestrator"), "bin", "agentops");

    /// <summary>The agentops.dll built with the tests (the test project references AgentOps.Cli).</summary>
    private static string ToolDll => Path.Combine(AppContext.BaseDirectory, "agentops.dll");

    private static string CopyLauncher(TempDir temp, string plugin = "plugin")
    {
        var target = temp.File($"{plugin}/bin/agentops");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(Launcher, target);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(target, File.GetUnixFileMode(Launcher));
        return target;
    }

    [TestInitialize]
    public void RequireBash()
    {
        if (OperatingSystem.IsWindows()) Assert.Inconclusive("the launcher is a bash script; run on Linux or macOS");
    }

    [TestMethod]
    public void Without_a_tool_a_verb_prints_the_plain_message_and_exits_127()
    {
        using var temp = new TempDir();
        var launcher = CopyLauncher(temp);
        var result = ScriptRunner.Bash(launcher, temp.Path, null, null, "meta-stats", "--json");
        Assert.AreEqual(127, result.ExitCode, result.All);
        Assert.AreEqual("", result.StdOut, "nothing that looks like output on stdout");
        StringAssert.Contains(result.StdErr, NotInstalled);
        StringAssert.Contains(result.StdErr, "'meta-stats' did not run");
        StringAssert.Contains(result.StdErr, "AGENTOPS_TOOL");
        StringAssert.Contains(result.StdErr, "dotnet tool install --global AgentOps.Cli");
        StringAssert.Contains(result.StdErr, "--configfile <repository>/nuget.config",
            "the install option that works with the repository's package source mapping (ToolInstallTests runs it)");
    }

    [TestMethod]
    public void Without_a_tool_record_exits_0_with_nothing_on_stdout()
    {
        using var temp = new TempDir();
        var launcher = CopyLauncher(temp);
        var result = ScriptRunner.Bash(launcher, temp.Path, null, Payload, "record");
        Assert.AreEqual(0, result.ExitCode, result.All);
        Assert.AreEqual("", result.StdOut, "hook stdout can become session context; record prints nothing there");
        StringAssert.Contains(result.StdErr, NotInstalled);
        Assert.IsFalse(Directory.Exists(temp.File(".agentops")), "nothing recorded without the tool");
    }

    [TestMethod]
    public void A_wrong_AGENTOPS_TOOL_is_named_in_the_message()
    {
        using var temp = new TempDir();
        var launcher = CopyLauncher(temp);
        var result = ScriptRunner.Bash(launcher, temp.Path, new Dictionary<string, string?> { ["AGENTOPS_TOOL"] = temp.File("missing/agentops.dll") }, null, "show-patterns");
        Assert.AreEqual(127, result.ExitCode, result.All);
        StringAssert.Contains(result.StdErr, "AGENTOPS_TOOL=" + temp.File("missing/agentops.dll"));
    }

    [TestMethod]
    public void With_AGENTOPS_TOOL_it_runs_meta_stats_of_the_real_tool()
    {
        Assert.IsTrue(File.Exists(ToolDll), $"agentops.dll not built next to the tests: {ToolDll}");
        using var temp = new TempDir();
        var launcher = CopyLauncher(temp);
        var result = ScriptRunner.Bash(launcher, temp.Path, new Dictionary<string, string?> { ["AGENTOPS_TOOL"] = ToolDll }, null, "meta-stats", "--json");
        Assert.AreEqual(0, result.ExitCode, result.All);
        var json = System.Text.Json.Nodes.JsonNode.Parse(result.StdOut)!;
        Assert.AreEqual(0, json["total_patterns"]!.GetValue<int>(), "an empty project has no patterns");
        Assert.IsNotNull(json["learning_velocity_patterns_per_week"]);
    }

    [TestMethod]
    public void With_AGENTOPS_TOOL_record_appends_the_hook_payload_and_exits_0()
    {
        using var temp = new TempDir();
        var launcher = CopyLauncher(temp);
        var env = new Dictionary<string, string?> { ["AGENTOPS_TOOL"] = ToolDll };
        var result = ScriptRunner.Bash(launcher, temp.Path, env, Payload, "record", "--project", temp.Path);
        Assert.AreEqual(0, result.ExitCode, result.All);
        Assert.AreEqual("", result.StdOut);
        var log = temp.File(".agentops/executions/launcher-test.jsonl");
        Assert.IsTrue(File.Exists(log), result.All);
        StringAssert.Contains(File.ReadAllText(log), "Fix the login bug");

        var bad = ScriptRunner.Bash(launcher, temp.Path, env, "not json", "record", "--project", temp.Path);
        Assert.AreEqual(0, bad.ExitCode, "bad hook input never fails the session");
    }

    [TestMethod]
    public void The_shipped_tool_folder_is_found_from_the_launchers_own_path_through_a_symlink()
    {
        Assert.IsTrue(File.Exists(ToolDll), ToolDll);
        using var temp = new TempDir();
        CopyLauncher(temp);
        // tool/ is where `dotnet pack` publishes the tool inside the plugin; a link to the build output stands in for it.
        Directory.CreateSymbolicLink(temp.File("plugin/tool"), AppContext.BaseDirectory);
        var elsewhere = temp.Link("elsewhere/agentops", temp.File("plugin/bin/agentops"));
        var result = ScriptRunner.Bash(elsewhere, temp.Path, null, null, "meta-stats", "--json");
        Assert.AreEqual(0, result.ExitCode, result.All);
        StringAssert.Contains(result.StdOut, "\"total_patterns\"");
    }

    [TestMethod]
    public void CLAUDE_PLUGIN_ROOT_wins_over_the_launchers_own_path()
    {
        using var temp = new TempDir();
        var launcher = CopyLauncher(temp, "copy-without-tool");
        Directory.CreateDirectory(temp.File("installed"));
        Directory.CreateSymbolicLink(temp.File("installed/tool"), AppContext.BaseDirectory);
        var result = ScriptRunner.Bash(launcher, temp.Path, new Dictionary<string, string?> { ["CLAUDE_PLUGIN_ROOT"] = temp.File("installed") }, null, "meta-stats", "--json");
        Assert.AreEqual(0, result.ExitCode, result.All);
    }

    [TestMethod]
    public void An_agentops_on_PATH_that_is_the_launcher_itself_does_not_loop()
    {
        using var temp = new TempDir();
        var launcher = CopyLauncher(temp);
        temp.Link("path-dir/agentops", launcher); // e.g. Claude Code putting the plugin's bin/ on PATH
        var path = temp.File("path-dir") + ":" + ScriptRunner.SystemPath;
        var result = ScriptRunner.Bash(launcher, temp.Path, new Dictionary<string, string?> { ["PATH"] = path }, null, "meta-stats");
        Assert.AreEqual(127, result.ExitCode, result.All);
        StringAssert.Contains(result.StdErr, NotInstalled);
    }
}
