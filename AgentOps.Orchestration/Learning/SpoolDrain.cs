using System.Globalization;
using System.Text.Json;

namespace AgentOps.Orchestration.Learning;

/// <summary>
/// Folds the hook spool into the per-session hook logs. The plugin's hooks keep Claude Code waiting only
/// for one <c>cat</c>: each event becomes its own file <c>.agentops/executions/spool/&lt;pid&gt;-&lt;event&gt;.json</c>
/// (or <c>&lt;microseconds&gt;-&lt;pid&gt;-&lt;event&gt;.json</c> from <c>hooks/record-event.sh</c>), so hooks of parallel
/// subagents never interleave. Here, off the critical path and under the learn lock (one drain at a
/// time), the files are read in firing order (the name's microseconds, else the file's time), appended through
/// <see cref="HookRecorder"/> to <c>&lt;session&gt;.jsonl</c> with their <c>seq</c> (the file name), and
/// deleted. A file that does not parse yet and is younger than <see cref="InProgressAge"/> is still
/// being written and waits for the next drain; older bad files go to record-errors.log like any bad payload.
/// </summary>
public static class SpoolDrain
{
    public static readonly TimeSpan InProgressAge = TimeSpan.FromMinutes(2);

    public sealed record Result(int Drained, int Pending, int Rejected);

    public static string SpoolFolder(string project) => Path.Combine(ExecutionSources.ExecutionsFolder(project), "spool");

    public static Result Drain(string project, DateTimeOffset now)
    {
        var spool = SpoolFolder(project);
        if (!Directory.Exists(spool) || IsLink(spool) || IsLink(ExecutionSources.ExecutionsFolder(project))) return new(0, 0, 0);
        int drained = 0, pending = 0, rejected = 0;
        // Firing order: the microseconds in the name (record-event.sh), else the time the file was written
        // (the plain-sh hook names files by pid); a hook's file is complete before its event's next hook starts.
        var files = Directory.EnumerateFiles(spool, "*.json").Select(f => new FileInfo(f))
            .Select(f => (Info: f, Name: Path.GetFileNameWithoutExtension(f.Name), At: FiredAt(Path.GetFileNameWithoutExtension(f.Name)) ?? new DateTimeOffset(f.LastWriteTimeUtc)))
            .OrderBy(f => f.At).ThenBy(f => Rank(f.Name)).ThenBy(f => f.Name.Length).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();
        foreach (var (info, name, at) in files)
        {
            var file = info.FullName;
            try
            {
                // Never read through a planted link, nor open a FIFO (blocks) or a device (never ends).
                if (info.LinkTarget is not null || AgentOps.Core.Security.FileKind.Of(file) != AgentOps.Core.Security.FileType.Regular) { File.Delete(file); rejected++; continue; }
                if (info.Length > HookRecorder.MaxPayloadBytes)
                {
                    HookRecorder.Record("{}"u8, project, at, name); // logged as a bad payload, nothing appended
                    File.Delete(file);
                    rejected++;
                    continue;
                }
                var bytes = File.ReadAllBytes(file);
                if (!IsCompleteJson(bytes) && now - new DateTimeOffset(info.LastWriteTimeUtc) < InProgressAge) { pending++; continue; }
                var r = HookRecorder.Record(bytes, project, at, name);
                File.Delete(file);
                if (r.Recorded) drained++; else rejected++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { pending++; }
        }
        return new(drained, pending, rejected);
    }

    /// <summary>File times are coarse (a few ms): events with the same time are put in the order one tool call's
    /// events happen in.</summary>
    private static int Rank(string name)
    {
        var evt = name[(name.LastIndexOf('-') + 1)..];
        var i = Array.IndexOf(EventOrder, evt);
        return i < 0 ? EventOrder.Length : i;
    }

    private static readonly string[] EventOrder =
        ["SessionStart", "UserPromptSubmit", "PreToolUse", "SubagentStart", "SubagentStop", "PostToolUse", "PostToolUseFailure", "Stop", "SessionEnd"];

    /// <summary>The microsecond timestamp that starts a spool file name, when there is one.</summary>
    internal static DateTimeOffset? FiredAt(string name)
    {
        var dash = name.IndexOf('-');
        var digits = dash > 0 ? name[..dash] : name;
        if (digits.Length is < 13 or > 18 || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var micros)) return null;
        try { return DateTimeOffset.UnixEpoch.AddTicks(micros * 10); }
        catch (ArgumentOutOfRangeException) { return null; }
    }

    private static bool IsCompleteJson(byte[] bytes)
    {
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = HookRecorder.MaxPayloadDepth });
            while (reader.Read()) { }
            return reader.BytesConsumed > 0;
        }
        catch (JsonException) { return false; }
    }

    private static bool IsLink(string path) => new DirectoryInfo(path).LinkTarget is not null;
}
