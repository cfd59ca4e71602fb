using System.Globalization;
using System.Text.Json;
using AgentOps.Orchestration.Learning;
using LibGit2Sharp;

namespace AgentOps.Tests.Learning;

/// <summary>
/// Test input in the real Claude Code 2.1.331 formats (see Fixtures/claude-code-samples): session
/// transcripts (user prompt, assistant tool_use Agent/Task, user tool_result with toolUseResult, final
/// end_turn text, plus attachment/last-prompt lines) and hook payloads (SessionStart, UserPromptSubmit,
/// PreToolUse, SubagentStart, SubagentStop, PostToolUse(Failure), Stop, SessionEnd).
/// </summary>
internal static class LearningFixtures
{
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "global.json"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("global.json not found above " + AppContext.BaseDirectory);
    }

    public static string Samples => TestFixtures.ClaudeCodeSamples;

    public static string TempDir()
    {
        var d = Path.Combine(Path.GetTempPath(), "agentops-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(d);
        return d;
    }

    /// <summary>When the recorded sessions of the git learning tests start (each later one some hours on).</summary>
    public static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-11-20T09:00:00Z", CultureInfo.InvariantCulture);

    /// <summary>A fresh git repository <c>&lt;temp&gt;/project</c> (one commit), and <c>&lt;temp&gt;/home</c> beside it
    /// for the user's Claude Code files.</summary>
    public static (string Project, string Home) NewProject()
    {
        var root = TempDir();
        return (InitRepo(Path.Combine(root, "project")), Path.Combine(root, "home"));
    }

    public static string InitRepo(string path)
    {
        Directory.CreateDirectory(path);
        Repository.Init(path);
        using var repo = new Repository(path);
        File.WriteAllText(Path.Combine(path, "README.md"), "project\n");
        Commands.Stage(repo, "README.md");
        var sig = new Signature("dev", "dev@users.noreply.github.com", DateTimeOffset.Parse("2026-11-01T10:00:00Z", CultureInfo.InvariantCulture));
        repo.Commit("init", sig, sig);
        return path;
    }

    public sealed record AgentCall(string SubagentType, bool Success = true, double Seconds = 30, string Tool = "Agent");

    private static string Ts(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    /// <summary>Writes <c>&lt;dir&gt;/&lt;session&gt;.jsonl</c> in the real transcript format; returns its path.</summary>
    public static string WriteTranscript(string dir, string session, string prompt, DateTimeOffset start, IReadOnlyList<AgentCall> calls, string cwd = "/home/dev/project")
    {
        Directory.CreateDirectory(dir);
        var lines = new List<object>();
        var t = start;
        string? parent = null;
        string Uuid() => Guid.NewGuid().ToString();
        object Common(string type, string uuid, DateTimeOffset ts) => new { };
        lines.Add(new Dictionary<string, object?> { ["type"] = "queue-operation", ["operation"] = "enqueue", ["timestamp"] = Ts(t), ["sessionId"] = session, ["content"] = prompt });
        var u = Uuid();
        lines.Add(new Dictionary<string, object?>
        {
            ["parentUuid"] = null, ["isSidechain"] = false, ["promptId"] = Uuid(), ["type"] = "user",
            ["message"] = new { role = "user", content = prompt }, ["uuid"] = u, ["timestamp"] = Ts(t),
            ["permissionMode"] = "bypassPermissions", ["userType"] = "external", ["entrypoint"] = "sdk-cli", ["cwd"] = cwd, ["sessionId"] = session, ["version"] = "2.1.331", ["gitBranch"] = "master",
        });
        parent = u;
        lines.Add(new Dictionary<string, object?> { ["parentUuid"] = parent, ["isSidechain"] = false, ["attachment"] = new { type = "date", date = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, ["type"] = "attachment", ["uuid"] = Uuid(), ["timestamp"] = Ts(t), ["sessionId"] = session });
        var i = 0;
        foreach (var c in calls)
        {
            i++;
            t = t.AddSeconds(1);
            var toolId = $"toolu_{session[..8]}{i:D4}";
            var a = Uuid();
            lines.Add(new Dictionary<string, object?>
            {
                ["parentUuid"] = parent, ["isSidechain"] = false,
                ["message"] = new Dictionary<string, object?>
                {
                    ["id"] = $"msg_{Guid.NewGuid():N}", ["type"] = "message", ["role"] = "assistant", ["model"] = "claude-opus-5-5",
                    ["content"] = new object[] { new { type = "tool_use", id = toolId, name = c.Tool, input = new { description = $"Run {c.SubagentType}", prompt = "SUBTASK", subagent_type = c.SubagentType, run_in_background = false } } },
                    ["stop_reason"] = "tool_use", ["stop_sequence"] = null,
                },
                ["type"] = "assistant", ["uuid"] = a, ["timestamp"] = Ts(t), ["cwd"] = cwd, ["sessionId"] = session, ["version"] = "2.1.331", ["gitBranch"] = "master",
            });
            t = t.AddSeconds(c.Seconds);
            var r = Uuid();
            lines.Add(new Dictionary<string, object?>
            {
                ["parentUuid"] = a, ["isSidechain"] = false, ["type"] = "user",
                ["message"] = new { role = "user", content = new object[] { new { tool_use_id = toolId, type = "tool_result", content = new object[] { new { type = "text", text = c.Success ? "Subagent finished." : "Subagent failed: tests do not pass." } }, is_error = !c.Success } } },
                ["uuid"] = r, ["timestamp"] = Ts(t),
                ["toolUseResult"] = new Dictionary<string, object?> { ["status"] = c.Success ? "completed" : "failed", ["agentId"] = $"a{i:D16}", ["agentType"] = c.SubagentType, ["totalDurationMs"] = (int)(c.Seconds * 1000) },
                ["sourceToolAssistantUUID"] = a, ["cwd"] = cwd, ["sessionId"] = session, ["version"] = "2.1.331", ["gitBranch"] = "master",
            });
            parent = r;
        }
        t = t.AddSeconds(1);
        lines.Add(new Dictionary<string, object?>
        {
            ["parentUuid"] = parent, ["isSidechain"] = false,
            ["message"] = new Dictionary<string, object?> { ["id"] = $"msg_{Guid.NewGuid():N}", ["type"] = "message", ["role"] = "assistant", ["model"] = "claude-opus-5-5", ["content"] = new object[] { new { type = "text", text = "All done." } }, ["stop_reason"] = "end_turn", ["stop_sequence"] = null },
            ["type"] = "assistant", ["uuid"] = Uuid(), ["timestamp"] = Ts(t), ["cwd"] = cwd, ["sessionId"] = session, ["version"] = "2.1.331", ["gitBranch"] = "master",
        });
        lines.Add(new Dictionary<string, object?> { ["type"] = "last-prompt", ["lastPrompt"] = prompt, ["leafUuid"] = parent, ["sessionId"] = session });
        var path = Path.Combine(dir, session + ".jsonl");
        File.WriteAllLines(path, lines.Select(l => JsonSerializer.Serialize(l)));
        _ = Common("", "", t);
        return path;
    }

    /// <summary>Hook payloads (as Claude Code sends them on stdin) for a session whose transcript is at <paramref name="transcriptPath"/>.</summary>
    public static IReadOnlyList<string> HookPayloads(string session, string transcriptPath, string cwd, string prompt, IReadOnlyList<AgentCall> calls)
    {
        var list = new List<object>();
        var common = new Dictionary<string, object?> { ["session_id"] = session, ["transcript_path"] = transcriptPath, ["cwd"] = cwd };
        Dictionary<string, object?> P(string evt, params (string K, object? V)[] kv)
        {
            var d = new Dictionary<string, object?>(common) { ["hook_event_name"] = evt };
            foreach (var (k, v) in kv) d[k] = v;
            return d;
        }
        list.Add(P("SessionStart", ("source", "startup")));
        list.Add(P("UserPromptSubmit", ("prompt_id", "p1"), ("permission_mode", "bypassPermissions"), ("prompt", prompt)));
        var i = 0;
        foreach (var c in calls)
        {
            i++;
            var toolId = $"toolu_{session[..8]}{i:D4}";
            var input = new { description = $"Run {c.SubagentType}", prompt = "SUBTASK", subagent_type = c.SubagentType, run_in_background = false };
            list.Add(P("PreToolUse", ("tool_name", c.Tool), ("tool_input", input), ("tool_use_id", toolId)));
            list.Add(P("SubagentStart", ("agent_id", $"a{i:D16}"), ("agent_type", c.SubagentType)));
            list.Add(P("SubagentStop", ("agent_id", $"a{i:D16}"), ("agent_type", c.SubagentType), ("stop_hook_active", false), ("last_assistant_message", "done")));
            list.Add(c.Success
                ? P("PostToolUse", ("tool_name", c.Tool), ("tool_input", input), ("tool_response", new { status = "completed", agentType = c.SubagentType }), ("tool_use_id", toolId), ("duration_ms", (int)(c.Seconds * 1000)))
                : P("PostToolUseFailure", ("tool_name", c.Tool), ("tool_input", input), ("tool_use_id", toolId), ("error", "failed"), ("is_interrupt", false)));
        }
        list.Add(P("Stop", ("stop_hook_active", false), ("last_assistant_message", "All done.")));
        list.Add(P("SessionEnd", ("reason", "other")));
        return list.Select(o => JsonSerializer.Serialize(o)).ToList();
    }

    /// <summary>Simulates a session: writes its transcript under <c>&lt;home&gt;/transcripts</c> and records its
    /// hook payloads into the project through <see cref="HookRecorder"/>, as the plugin's hooks would.</summary>
    public static string Session(string project, string home, string session, string prompt, DateTimeOffset start, IReadOnlyList<AgentCall> calls)
    {
        var tp = WriteTranscript(Path.Combine(home, "transcripts"), session, prompt, start, calls, project);
        var t = start;
        foreach (var payload in HookPayloads(session, tp, project, prompt, calls))
        {
            var r = HookRecorder.Record(System.Text.Encoding.UTF8.GetBytes(payload), null, t);
            if (!r.Recorded) throw new InvalidOperationException(r.Error);
            t = t.AddSeconds(1);
        }
        return tp;
    }

    public static readonly AgentCall[] AuthWorkflow =
    [
        new("agentops-core:code-explorer", true, 40),
        new("agentops-core:spec-architect", true, 60),
        new("agentops-product-dev:backend-engineer", true, 300),
        new("agentops-core:test-engineer", true, 120),
    ];

    public static string Sid(int n) => $"{n:D8}-aaaa-4bbb-8ccc-{n:D12}";
}
