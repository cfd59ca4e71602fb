using AgentOps.Core.Diagnostics;
using AgentOps.Core.Security;

namespace AgentOps.Orchestration.Learning;

/// <summary>
/// Finds and loads executions: hook logs (<c>.agentops/executions/*.jsonl</c>, upgraded to the
/// transcript they reference when it exists, since it has the finer timing), transcripts and
/// execution.json records. Problems are warnings, never fatal.
/// </summary>
public static class ExecutionSources
{
    public sealed record Loaded(IReadOnlyList<Execution> Executions, IReadOnlyList<string> Warnings, ParseStats Totals)
    {
        public IReadOnlyList<string> Redactions { get; init; } = [];
    }

    public static string ExecutionsFolder(string project) => Path.Combine(project, ".agentops", "executions");

    /// <summary>An execution file larger than this is skipped (AOP0914): no real session log comes near it,
    /// and a planted huge file must not stop all learning.</summary>
    public const long MaxExecutionFileBytes = 512L * 1024 * 1024;

    /// <summary>A hook log without Stop/SessionEnd written to within this window is a session still running
    /// (AOP0918): it is learned once it ends, not now as a failure.</summary>
    public static readonly TimeSpan OpenSessionWindow = TimeSpan.FromMinutes(30);

    public static Loaded LoadProject(string project, DateTimeOffset? now = null)
    {
        var folder = ExecutionsFolder(project);
        var warnings = new List<string>();
        var files = new List<string>();
        switch (FileKind.Of(folder))
        {
            case FileType.Missing: break;
            case FileType.Directory:
                try
                {
                    foreach (var f in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
                    {
                        if (!(f.EndsWith(".jsonl", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))) continue;
                        // Inside the project's own folder nothing is followed: a symlink could point at /dev/zero or any file.
                        var type = FileKind.Of(f);
                        if (type == FileType.Regular) files.Add(f);
                        else warnings.Add($"{DiagnosticCodes.ExecutionFileSkipped}: {Printable.Sanitize(f)}: {FileKind.Describe(type)}, not a regular file: skipped");
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    warnings.Add($"{DiagnosticCodes.StoreFolderUnreadable}: {folder}: cannot list the folder: {ex.Message}");
                }
                break;
            case var other:
                warnings.Add($"{DiagnosticCodes.ExecutionFileSkipped}: {folder} is {FileKind.Describe(other)}, not a folder: not read");
                break;
        }
        var loaded = LoadFiles(files, now);
        return loaded with { Warnings = [.. warnings, .. loaded.Warnings] };
    }

    /// <param name="alreadyRead">Files the caller has read with <see cref="LoadFile"/> (learn-from reads its file
    /// before learning): used as read, not parsed a second time (a transcript of 100,000 Agent calls took seconds).</param>
    public static Loaded LoadFiles(IEnumerable<string> files, DateTimeOffset? now = null, IReadOnlyDictionary<string, ExecutionParseResult>? alreadyRead = null)
    {
        var list = new List<Execution>();
        var warnings = new List<string>();
        var redactions = new List<string>();
        var totals = new ParseStats();
        var clock = now ?? DateTimeOffset.UtcNow;
        foreach (var file in files)
        {
            try
            {
                if (NotOpened(file) is { } why)
                {
                    warnings.Add($"{DiagnosticCodes.ExecutionFileSkipped}: {Printable.Sanitize(file)}: {why}: skipped");
                    continue;
                }
                string? transcript = null;
                var r = alreadyRead?.GetValueOrDefault(file) ?? ExecutionRedactor.Redact(Parse(file, out transcript));
                totals.Lines += r.Stats.Lines;
                totals.Malformed += r.Stats.Malformed;
                totals.UnknownTypes += r.Stats.UnknownTypes;
                foreach (var w in r.Warnings) warnings.Add($"{Printable.Sanitize(file)}: {w}");
                redactions.AddRange(r.Redactions);
                if (r.Execution is null) continue;
                if (IsStillOpen(r.Execution, LastWrite(file, transcript), clock))
                {
                    warnings.Add($"{DiagnosticCodes.SessionStillOpen}: {Printable.Sanitize(file)}: session {r.Execution.Id} is still open: learned once it ends");
                    continue;
                }
                list.Add(r.Execution with { File = file });
            }
            catch (ExecutionRecordReader.ExecutionRecordException ex)
            {
                // Skipped, not fatal, in a scan: a warning at the field (AOP0912 is the error of a file named on the command line).
                warnings.Add(SecretScanner.Redact($"{Printable.Sanitize(ex.File)}({ex.Line},{ex.Column}): {ex.Message}", out _));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { warnings.Add($"{DiagnosticCodes.StoreFolderUnreadable}: {Printable.Sanitize(file)}: cannot read: {ex.Message}"); }
        }
        return new Loaded(list, warnings, totals) { Redactions = redactions };
    }

    /// <summary>A session that has not stopped and whose log or transcript was written to recently is still running.</summary>
    public static bool IsStillOpen(Execution e, DateTime lastWriteUtc, DateTimeOffset now) =>
        e.Open && now - lastWriteUtc < OpenSessionWindow;

    /// <summary>When the session last showed activity: the hooks fire only at a prompt and a turn's end, while Claude Code
    /// appends every step to the transcript, so a long turn is still running while its transcript grows.</summary>
    private static DateTime LastWrite(string file, string? transcript)
    {
        var log = File.GetLastWriteTimeUtc(file);
        if (transcript is null) return log;
        var written = File.GetLastWriteTimeUtc(transcript);
        return written > log ? written : log;
    }

    /// <summary>Loads one file by kind: <c>.json</c> = execution record; <c>.jsonl</c> = hook log when its
    /// first line is a hook payload, else a transcript. Every text of the result is already redacted.</summary>
    public static ExecutionParseResult LoadFile(string file) => ExecutionRedactor.Redact(LoadFileUnredacted(file));

    private static ExecutionParseResult LoadFileUnredacted(string file) =>
        NotOpened(file) is { } why ? new ExecutionParseResult(null, new ParseStats(), [$"{DiagnosticCodes.ExecutionFileSkipped}: {why}: not read"]) : Parse(file, out _);

    /// <summary>Why a file is not opened, or null: only regular files are (a FIFO would block the read forever, a
    /// device never ends), and none beyond <see cref="MaxExecutionFileBytes"/>.</summary>
    private static string? NotOpened(string file) =>
        FileKind.OfTarget(file) is var type and not FileType.Regular ? $"{FileKind.Describe(type)}, not a regular file"
        : new FileInfo(file).Length > MaxExecutionFileBytes ? $"larger than {MaxExecutionFileBytes / (1024 * 1024)} MB"
        : null;

    /// <summary>Parses a file that <see cref="NotOpened"/> let through, by its kind; <paramref name="transcript"/> is the
    /// transcript a hook log named and that was read instead, else null.</summary>
    private static ExecutionParseResult Parse(string file, out string? transcript)
    {
        transcript = null;
        if (file.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            return new ExecutionParseResult(ExecutionRecordReader.ReadFile(file), new ParseStats { Lines = 1 }, []);
        if (IsHookLog(file))
        {
            using var s = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var r = HookLogParser.Parse(new StreamReader(s), Path.GetFileNameWithoutExtension(file), out var info);
            // The payload names the transcript: it gets the same guard as a file named here (a FIFO there blocked the read).
            if (info.TranscriptPath is { } tp && NotOpened(tp) is null)
            {
                var t = TranscriptParser.ParseFile(tp);
                // Read instead of the log only when it knows the steps too: a transcript_path naming some other
                // file (a stray transcript, a prompt alone) made a session whose log held its steps one "without steps", not learned.
                if (t.Execution is not null && (t.Execution.Steps.Count > 0 || r.Execution is not { Steps.Count: > 0 }))
                {
                    transcript = tp;
                    return t with { Execution = t.Execution with { Open = r.Execution?.Open ?? false } };
                }
            }
            return r;
        }
        return TranscriptParser.ParseFile(file);
    }

    private static bool IsHookLog(string file)
    {
        using var s = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var r = new StreamReader(s);
        for (var i = 0; i < 5; i++)
        {
            var line = r.ReadLine();
            if (line is null) return false;
            if (line.Length == 0) continue;
            var head = line.Length > 4096 ? line[..4096] : line;
            return head.Contains("\"hook_event_name\"", StringComparison.Ordinal) || head.StartsWith("{\"hook\"", StringComparison.Ordinal);
        }
        return false;
    }
}
