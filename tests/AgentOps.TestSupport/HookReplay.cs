using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AgentOps.Tests;

/// <summary>
/// Replays recorded hook payloads through a plugin's own <c>hooks/hooks.json</c> the way Claude Code
/// runs them: for each event, every matching command hook (matcher <c>*</c>, empty, or a regex over the
/// tool name) runs through <c>/bin/sh -c</c> in the project with <c>CLAUDE_PLUGIN_ROOT</c> and
/// <c>CLAUDE_PROJECT_DIR</c> set and the payload on stdin; a synchronous hook is waited for (its wall
/// time is what the session waits), an <c>"async": true</c> one is only started. Shared by the tests and
/// the bench (scenario hooks).
/// </summary>
public sealed class HookReplay(string pluginRoot, string project, IReadOnlyDictionary<string, string>? environment = null)
{
    public sealed record HookRun(string Event, string Command, bool Async, double Milliseconds, int ExitCode, string StdOut);

    private readonly JsonObject _hooks = JsonNode.Parse(File.ReadAllText(Path.Combine(pluginRoot, "hooks", "hooks.json")))!["hooks"]!.AsObject();

    /// <summary>Runs the hooks of one payload; returns what ran.</summary>
    public IReadOnlyList<HookRun> Fire(JsonObject payload)
    {
        var evt = payload["hook_event_name"]?.GetValue<string>() ?? "";
        var tool = payload["tool_name"]?.GetValue<string>() ?? "";
        var runs = new List<HookRun>();
        foreach (var group in Groups(evt, tool))
        {
            foreach (var hook in group?["hooks"] as JsonArray ?? [])
            {
                if (hook?["type"]?.GetValue<string>() != "command") continue;
                var command = hook["command"]!.GetValue<string>();
                var isAsync = hook["async"]?.GetValue<bool>() ?? false;
                runs.Add(Run(evt, command, isAsync, payload.ToJsonString()));
            }
        }
        return runs;
    }

    /// <summary>Whether the plugin hooks this event of this tool (empty for events without a tool).</summary>
    public bool Hooks(string evt, string tool) => Groups(evt, tool).Any();

    private IEnumerable<JsonNode?> Groups(string evt, string tool) =>
        (_hooks[evt] as JsonArray ?? []).Where(group => group?["matcher"]?.GetValue<string>() is null or "" or "*" ||
            Regex.IsMatch(tool, "^(?:" + group["matcher"]!.GetValue<string>() + ")$"));

    /// <summary>Replays a recorded session (lines of <c>{"hook":E,"payload":{...}}</c> or bare payloads) as session
    /// <paramref name="sessionId"/> of this project: ids and paths are rewritten, nothing else. With
    /// <paramref name="recordedTranscript"/>, the session's transcript (and its <c>subagents/</c> folder) is first
    /// written into <paramref name="transcriptFolder"/> under the new id, as Claude Code keeps it beside the session,
    /// and every payload's <c>transcript_path</c> names it; without, the path names no file.</summary>
    public IReadOnlyList<HookRun> ReplaySession(IEnumerable<string> recordedLines, string sessionId, string? recordedTranscript = null, string? transcriptFolder = null)
    {
        var transcript = recordedTranscript is null
            ? Path.Combine(project, ".no-transcript", sessionId + ".jsonl")
            : CopyTranscript(recordedTranscript, transcriptFolder ?? throw new ArgumentNullException(nameof(transcriptFolder)), sessionId);
        var runs = new List<HookRun>();
        foreach (var line in recordedLines.Where(l => l.Trim().Length > 0))
        {
            var node = JsonNode.Parse(line)!.AsObject();
            var payload = (node["payload"] as JsonObject ?? node).DeepClone().AsObject();
            payload["session_id"] = sessionId;
            payload["cwd"] = project;
            payload["transcript_path"] = transcript;
            if (payload["tool_use_id"] is JsonValue id) payload["tool_use_id"] = $"{id.GetValue<string>()}-{sessionId}";
            runs.AddRange(Fire(payload));
        }
        return runs;
    }

    /// <summary>Waits (bounded, polling every <paramref name="poll"/>) until this many background learners have written
    /// their summary line to the project's auto-learn.log: each SessionEnd starts one, and each writes exactly one line
    /// when it ends. Returns whether they had.</summary>
    public static bool WaitForBackgroundLearners(string project, int finished, TimeSpan timeout, TimeSpan poll)
    {
        var log = AutoLearnLog(project);
        int Lines() => File.Exists(log) ? File.ReadAllLines(log).Length : 0;
        for (var deadline = DateTime.UtcNow + timeout; DateTime.UtcNow < deadline && Lines() < finished; Thread.Sleep(poll)) { }
        return Lines() >= finished;
    }

    /// <summary>Where the learner the SessionEnd hook starts writes its one line per run.</summary>
    public static string AutoLearnLog(string project) => Path.Combine(project, ".agentops", "logs", "auto-learn.log");

    /// <summary>The transcript recorded beside a sample's <c>hooks.jsonl</c>: <c>&lt;sample&gt;/transcript/&lt;session&gt;.jsonl</c>.</summary>
    public static string RecordedTranscript(string sampleFolder) =>
        Directory.EnumerateFiles(Path.Combine(sampleFolder, "transcript"), "*.jsonl").Single();

    /// <summary>Writes a recorded transcript as session <paramref name="sessionId"/>'s: its lines' <c>sessionId</c>
    /// rewritten, its <c>&lt;stem&gt;/subagents/</c> files copied likewise. Returns the new transcript's path.</summary>
    public static string CopyTranscript(string recordedTranscript, string folder, string sessionId)
    {
        var target = Path.Combine(folder, sessionId + ".jsonl");
        Directory.CreateDirectory(folder);
        File.WriteAllLines(target, File.ReadLines(recordedTranscript).Select(l => WithSessionId(l, sessionId)));
        var subagents = Path.Combine(Path.ChangeExtension(recordedTranscript, null), "subagents");
        if (Directory.Exists(subagents))
        {
            var into = Directory.CreateDirectory(Path.Combine(folder, sessionId, "subagents")).FullName;
            foreach (var f in Directory.EnumerateFiles(subagents))
            {
                var to = Path.Combine(into, Path.GetFileName(f));
                if (f.EndsWith(".jsonl", StringComparison.Ordinal)) File.WriteAllLines(to, File.ReadLines(f).Select(l => WithSessionId(l, sessionId)));
                else File.Copy(f, to);
            }
        }
        return target;
    }

    private static string WithSessionId(string line, string sessionId)
    {
        if (line.Trim().Length == 0 || JsonNode.Parse(line) is not JsonObject o || !o.ContainsKey("sessionId")) return line;
        o["sessionId"] = sessionId;
        return o.ToJsonString();
    }

    private HookRun Run(string evt, string command, bool isAsync, string stdin)
    {
        var psi = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = project,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(command);
        psi.Environment["CLAUDE_PLUGIN_ROOT"] = pluginRoot;
        psi.Environment["CLAUDE_PROJECT_DIR"] = project;
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        if (isAsync) return new HookRun(evt, command, true, sw.Elapsed.TotalMilliseconds, 0, "");
        var stdout = p.StandardOutput.ReadToEndAsync();
        _ = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromSeconds(60))) { p.Kill(entireProcessTree: true); }
        sw.Stop();
        return new HookRun(evt, command, false, sw.Elapsed.TotalMilliseconds, p.HasExited ? p.ExitCode : -1, stdout.Result);
    }

    /// <summary>Median of the synchronous hooks' wall times, in milliseconds.</summary>
    public static double SyncP50(IEnumerable<HookRun> runs)
    {
        var times = runs.Where(r => !r.Async).Select(r => r.Milliseconds).Order().ToList();
        return times.Count == 0 ? 0 : times.Count % 2 == 1 ? times[times.Count / 2] : (times[times.Count / 2 - 1] + times[times.Count / 2]) / 2;
    }
}
