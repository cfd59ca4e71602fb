using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using AgentOps.Tests.Build;

namespace AgentOps.Tests.Release;

/// <summary>
/// A Claude Code user without .NET: the meta-orchestrator installed from the released marketplace branch
/// (<see cref="ReleasedRepo"/>) runs its launcher with the .NET install folder hidden by a tmpfs mounted over it
/// in a private mount namespace (<c>unshare -m</c>, as root), and validate, record, learn and analyze-plugins work.
/// </summary>
[TestClass]
[TestCategory("Release")]
public sealed class WithoutDotnetTests
{
    private static string DotnetRoot => Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    private static void RequireUnshare()
    {
        if (!OperatingSystem.IsLinux()) Assert.Inconclusive("hiding dotnet uses a Linux mount namespace (unshare -m)");
        var probe = ProcessRunner.Run("unshare", "/", TimeSpan.FromSeconds(30), null, "-m", "bash", "-c", $"mount -t tmpfs tmpfs '{DotnetRoot}'");
        if (probe.ExitCode != 0)
            Assert.Inconclusive($"unshare -m with a mount over {DotnetRoot} is not permitted here (needs root or user namespaces): {probe.All.Trim()}");
    }

    /// <summary>Runs the installed launcher in a mount namespace where the .NET folder is an empty tmpfs.</summary>
    private static ProcessRunner.Output Hidden(ReleasedRepo released, string cwd, string? stdin, params string[] args)
    {
        var launcher = Path.Combine(released.InstalledPlugin!, "bin", "agentops");
        var env = new Dictionary<string, string>
        {
            ["HOME"] = released.Claude.Home, ["DOTNET_ROOT"] = "", ["AGENTOPS_TOOL"] = "", ["AGENTOPS_EMBEDDINGS"] = "off",
            ["CLAUDE_PLUGIN_ROOT"] = released.InstalledPlugin!,
        };
        string[] wrapped = ["-m", "bash", "-c", "mount -t tmpfs tmpfs \"$1\" && shift && if command -v dotnet >/dev/null; then echo 'dotnet still visible' >&2; exit 99; fi; exec \"$@\"", "_", DotnetRoot, launcher, .. args];
        return ProcessRunner.RunWithInput("unshare", cwd, TimeSpan.FromMinutes(2), env, stdin, wrapped);
    }

    [TestMethod]
    public void The_installed_launcher_runs_validate_record_learn_and_analyze_plugins_with_dotnet_hidden()
    {
        RequireUnshare();
        ClaudePluginCli.RequireInstalled();
        var released = ReleasedRepo.Get();
        Assert.IsNotNull(released.InstalledPlugin, "install failed:\n" + released.Install?.All);
        using var project = new Validation.TempDir();

        var version = Hidden(released, project.Path, null, "--version");
        Assert.AreEqual(0, version.ExitCode, version.All);
        StringAssert.StartsWith(version.StdOut.Trim(), released.Version);

        // validate: the marketplace Claude Code cloned from the branch.
        var marketplace = Path.Combine(released.Claude.Home, ".claude", "plugins", "marketplaces", "agentops-marketplace");
        var validate = Hidden(released, project.Path, null, "validate", marketplace);
        Assert.AreEqual(0, validate.ExitCode, validate.All);
        StringAssert.Contains(validate.StdOut, "0 error(s)");

        // record: hook payloads of one session, as Claude Code sends them on stdin.
        var session = "nodotnet-session";
        string[] payloads =
        [
            $$"""{"session_id":"{{session}}","hook_event_name":"SessionStart","source":"startup","cwd":"{{project.Path}}"}""",
            $$"""{"session_id":"{{session}}","hook_event_name":"UserPromptSubmit","prompt":"Review the login handler for security problems","cwd":"{{project.Path}}"}""",
            $$"""{"session_id":"{{session}}","hook_event_name":"PreToolUse","tool_name":"Task","tool_input":{"subagent_type":"code-reviewer","description":"review","prompt":"review the login handler"},"cwd":"{{project.Path}}"}""",
            $$"""{"session_id":"{{session}}","hook_event_name":"PostToolUse","tool_name":"Task","tool_input":{"subagent_type":"code-reviewer"},"tool_response":{"content":"no issues"},"cwd":"{{project.Path}}"}""",
            $$"""{"session_id":"{{session}}","hook_event_name":"Stop","cwd":"{{project.Path}}"}""",
        ];
        foreach (var payload in payloads)
        {
            var record = Hidden(released, project.Path, payload, "record", "--project", project.Path);
            Assert.AreEqual(0, record.ExitCode, record.All);
            Assert.AreEqual("", record.StdOut);
            Assert.IsFalse(record.StdErr.Contains("not installed", StringComparison.Ordinal), record.StdErr);
        }
        var log = project.File($".agentops/executions/{session}.jsonl");
        Assert.IsTrue(File.Exists(log), "record wrote the session log");
        Assert.AreEqual(payloads.Length, File.ReadAllLines(log).Count(l => l.Trim().Length > 0), File.ReadAllText(log));

        // learn: reads the recorded session and commits what it learned with libgit2 (native library beside the tool).
        var learn = Hidden(released, project.Path, null, "learn", "--project", project.Path, "--json");
        Assert.AreEqual(0, learn.ExitCode, learn.All);
        Assert.IsNotNull(JsonNode.Parse(learn.StdOut), learn.All);

        // analyze-plugins: the catalog (SQLite, native library beside the tool) over the marketplaces Claude Code knows.
        var analyze = Hidden(released, project.Path, null, "analyze-plugins", "review code for security problems", "--json", "--store", project.File(".agentops"));
        Assert.AreEqual(0, analyze.ExitCode, analyze.All);
        StringAssert.Contains(analyze.StdOut, "agentops-", "plugins of the installed marketplace are ranked");
    }

    [TestMethod]
    public void Without_a_build_for_the_machine_the_launcher_names_what_is_missing()
    {
        RequireUnshare();
        ClaudePluginCli.RequireInstalled();
        var released = ReleasedRepo.Get();
        using var project = new Validation.TempDir();
        var launcher = Path.Combine(released.InstalledPlugin!, "bin", "agentops");
        var env = new Dictionary<string, string> { ["AGENTOPS_RID"] = "linux-riscv64", ["AGENTOPS_TOOL"] = "" };
        var result = ProcessRunner.Run("unshare", project.Path, TimeSpan.FromMinutes(1), env,
            "-m", "bash", "-c", "mount -t tmpfs tmpfs \"$1\" && shift && exec \"$@\"", "_", DotnetRoot, launcher, "meta-stats");
        Assert.AreEqual(127, result.ExitCode, result.All);
        StringAssert.Contains(result.StdErr, "not installed for this machine (linux-riscv64)");
        StringAssert.Contains(result.StdErr, $"ships native builds for: {ReleasedRepo.HostRid}");
        StringAssert.Contains(result.StdErr, "No native build for linux-riscv64");
    }
}
