using System.Diagnostics;
using System.Text.Json.Nodes;

namespace AgentOps.Tests.EndToEnd;

/// <summary>
/// Runs the real Claude Code CLI (pinned in package.json) in an isolated HOME against a
/// <see cref="FakeAnthropicApi"/>: `claude -p "prompt" --output-format stream-json --verbose`.
/// Nothing reaches the network or the user's own settings.
/// </summary>
public sealed class ClaudeSession(string home, FakeAnthropicApi api)
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string BinaryPath { get; } =
        Path.Combine(RepoRoot, "node_modules", "@anthropic-ai", "claude-code-linux-x64", "claude");

    public static bool IsInstalled => File.Exists(BinaryPath);

    public string Home { get; } = home;

    public sealed record Result(int ExitCode, IReadOnlyList<JsonObject> Events, string StdErr)
    {
        public string? SessionId => Events.Select(e => e["session_id"]?.GetValue<string>()).FirstOrDefault(s => s is not null);
        public JsonObject? Final => Events.LastOrDefault(e => e["type"]?.GetValue<string>() == "result");
    }

    /// <summary>Runs one CLI command (e.g. plugin install) with the session's environment.</summary>
    public (int ExitCode, string StdOut, string StdErr) Cli(string workingDirectory, TimeSpan timeout, params string[] args)
    {
        var psi = StartInfo(workingDirectory, args);
        using var process = Process.Start(psi)!;
        process.StandardInput.Close(); // -p reads stdin too; an open pipe costs a 3 s wait
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"claude {string.Join(' ', args)} did not finish in {timeout}");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    public Result Prompt(string workingDirectory, string prompt, TimeSpan timeout)
    {
        var (code, stdout, stderr) = Cli(workingDirectory, timeout,
            "-p", prompt, "--output-format", "stream-json", "--verbose", "--dangerously-skip-permissions");
        var events = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => { try { return JsonNode.Parse(line) as JsonObject; } catch (System.Text.Json.JsonException) { return null; } })
            .OfType<JsonObject>()
            .ToList();
        return new Result(code, events, stderr);
    }

    /// <summary>Where Claude Code writes the transcript of a session run in <paramref name="cwd"/>.</summary>
    public string TranscriptPath(string cwd, string sessionId)
    {
        var project = new string(Path.GetFullPath(cwd).Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        return Path.Combine(Home, ".claude", "projects", project, sessionId + ".jsonl");
    }

    private ProcessStartInfo StartInfo(string workingDirectory, string[] args)
    {
        var psi = Build.ProcessRunner.StartInfo(BinaryPath, workingDirectory, args);
        var env = psi.Environment;
        foreach (var key in env.Keys.Where(k => k.StartsWith("CLAUDE", StringComparison.Ordinal) || k.StartsWith("ANTHROPIC", StringComparison.Ordinal)).ToList())
            env.Remove(key);
        env["HOME"] = Home;
        env["ANTHROPIC_BASE_URL"] = api.BaseUrl;
        env["ANTHROPIC_API_KEY"] = "sk-test-dummy";
        env["DISABLE_TELEMETRY"] = "1";
        env["DISABLE_ERROR_REPORTING"] = "1";
        env["DISABLE_AUTOUPDATER"] = "1";
        env["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] = "1";
        env["IS_SANDBOX"] = "1";
        return psi;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "global.json"))) return dir.FullName;
        throw new InvalidOperationException("repo root (global.json) not found above " + AppContext.BaseDirectory);
    }
}
