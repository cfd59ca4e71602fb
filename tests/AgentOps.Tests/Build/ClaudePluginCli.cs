using System.Text.Json.Nodes;
using AgentOps.Tests.EndToEnd;

namespace AgentOps.Tests.Build;

/// <summary>
/// The real `claude plugin ...` commands (pinned in package.json) in a throw-away HOME, offline.
/// Tests call <see cref="RequireInstalled"/> first: without `npm install` they are inconclusive, not green.
/// </summary>
internal sealed class ClaudePluginCli : IDisposable
{
    public string Home { get; } = Path.Combine(Path.GetTempPath(), "aop-home-" + Guid.NewGuid().ToString("N")[..10]);

    public ClaudePluginCli() => Directory.CreateDirectory(Home);

    public static void RequireInstalled()
    {
        if (!ClaudeSession.IsInstalled)
            Assert.Inconclusive($"Claude Code CLI not installed at {ClaudeSession.BinaryPath}: the test build installs it when npm is on PATH (dotnet test tests/AgentOps.Tests).");
    }

    public ProcessRunner.Output Run(params string[] args) =>
        ProcessRunner.Run(ClaudeSession.BinaryPath, ClaudeSession.RepoRoot, TimeSpan.FromMinutes(2), new Dictionary<string, string>
        {
            ["HOME"] = Home,
            ["DISABLE_TELEMETRY"] = "1",
            ["DISABLE_ERROR_REPORTING"] = "1",
            ["DISABLE_AUTOUPDATER"] = "1",
            ["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] = "1",
            ["CLAUDE_CONFIG_DIR"] = Path.Combine(Home, ".claude"),
        }, args);

    /// <summary>What `claude plugin validate --strict --json` found: manifest errors and warnings, and the
    /// plugin-directory findings (README, license, icon…) it prints beside them.</summary>
    public sealed record Verdict(bool Success, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings,
        IReadOnlyList<string> DirectoryFindings, string Raw)
    {
        public bool Clean => Success && Errors.Count == 0 && Warnings.Count == 0 && DirectoryFindings.Count == 0;
    }

    public Verdict Validate(string path)
    {
        var output = Run("plugin", "validate", "--strict", "--json", path);
        var json = JsonNode.Parse(output.StdOut) as JsonObject
                   ?? throw new AssertFailedException($"claude plugin validate printed no JSON: {output.All}");
        static IEnumerable<string> Texts(JsonNode? node) =>
            (node as JsonArray ?? []).Select(e => e is JsonObject o ? $"{o["path"] ?? o["field"] ?? o["file"]}: {o["message"]}" : e?.ToString() ?? "");
        var errors = Texts(json["manifest"]?["errors"]).ToList();
        var warnings = Texts(json["manifest"]?["warnings"]).ToList();
        var findings = (json["directory"]?["findings"] as JsonArray ?? []).Select(f => $"{f?["severity"]} {f?["code"]}: {f?["message"]}").ToList();
        return new Verdict(json["success"]?.GetValue<bool>() == true && output.ExitCode == 0, errors, warnings, findings, output.All);
    }

    public void Dispose()
    {
        try { Directory.Delete(Home, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
