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

    public static Loaded LoadProject(string project) =>
        LoadFiles(Directory.Exists(ExecutionsFolder(project))
            ? Directory.EnumerateFiles(ExecutionsFolder(project)).Where(f => f.EndsWith(".jsonl", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            : []);

    public static Loaded LoadFiles(IEnumerable<string> files)
    {
        var list = new List<Execution>();
        var warnings = new List<string>();
        var redactions = new List<string>();
        var totals = new ParseStats();
        foreach (var file in files)
        {
            try
            {
                var r = LoadFile(file);
                totals.Lines += r.Stats.Lines;
                totals.Malformed += r.Stats.Malformed;
                totals.UnknownTypes += r.Stats.UnknownTypes;
                foreach (var w in r.Warnings) warnings.Add($"{file}: {w}");
                redactions.AddRange(r.Redactions);
                if (r.Execution is not null) list.Add(r.Execution);
            }
            catch (ExecutionRecordReader.ExecutionRecordException ex) { warnings.Add(AgentOps.Core.Security.SecretScanner.Redact(ex.Message, out _)); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { warnings.Add($"{file}: cannot read: {ex.Message}"); }
        }
        return new Loaded(list, warnings, totals) { Redactions = redactions };
    }

    /// <summary>Loads one file by kind: <c>.json</c> = execution record; <c>.jsonl</c> = hook log when its
    /// first line is a hook payload, else a transcript. Every text of the result is already redacted.</summary>
    public static ExecutionParseResult LoadFile(string file) => ExecutionRedactor.Redact(LoadFileUnredacted(file));

    private static ExecutionParseResult LoadFileUnredacted(string file)
    {
        if (file.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            return new ExecutionParseResult(ExecutionRecordReader.ReadFile(file), new ParseStats { Lines = 1 }, []);
        if (IsHookLog(file))
        {
            using var s = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var r = HookLogParser.Parse(new StreamReader(s), Path.GetFileNameWithoutExtension(file), out var info);
            if (info.TranscriptPath is { } tp && File.Exists(tp))
            {
                var t = TranscriptParser.ParseFile(tp);
                if (t.Execution is not null) return t;
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
