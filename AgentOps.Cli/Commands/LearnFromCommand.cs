using AgentOps.Core.Diagnostics;
using System.CommandLine;
using AgentOps.Orchestration.Git;
using AgentOps.Orchestration.Learning;
using AgentOps.Core.Patterns;

namespace AgentOps.Cli.Commands;

/// <summary><c>agentops learn-from &lt;execution.json|id&gt; [--force] [--interactive]</c>.</summary>
public static class LearnFromCommand
{
    public static Command Create()
    {
        var project = LearningCli.ProjectOption();
        var store = LearningCli.StoreOption();
        var json = LearningCli.JsonOption();
        var force = new Option<bool>("--force") { Description = "Promote to learned/ even below 3 executions or 70 % success." };
        var interactive = new Option<bool>("--interactive") { Description = "Show the pattern that would be learned and ask before committing." };
        var execution = new Argument<string>("execution") { Description = "An execution.json file, a transcript/hook log, or an execution id in <project>/.agentops/executions/." };
        var cmd = new Command("learn-from", "Learn from one execution (the seed's execution.json, a transcript or a hook log), merged with what the store already knows. " + LearningCli.ExitCodeHelp);
        cmd.Options.Add(project); cmd.Options.Add(store); cmd.Options.Add(json); cmd.Options.Add(force); cmd.Options.Add(interactive);
        cmd.Arguments.Add(execution);
        cmd.SetAction(r => LearningCli.Run(() =>
        {
            var proj = LearningCli.Project(r, project);
            var arg = r.GetValue(execution)!;
            var file = Resolve(arg, proj) ?? throw new LearningException(DiagnosticCodes.ExecutionNotFound, $"execution '{arg}' not found (a file, or an id in {ExecutionSources.ExecutionsFolder(proj)})", ExitCodes.NotFound);
            var parsed = ExecutionSources.LoadFile(file);
            if (parsed.Execution is null) throw new LearningException(DiagnosticCodes.ExecutionJsonInvalid, $"{file}: no execution in it ({Summarize(parsed.Warnings)})", ExitCodes.InvalidInput);
            var o = new LearnOptions { Project = proj, Store = r.GetValue(store), ExecutionFiles = [file], AlreadyRead = new Dictionary<string, ExecutionParseResult> { [file] = parsed }, Force = r.GetValue(force) };
            if (r.GetValue(interactive))
            {
                var preview = PatternExtractor.Extract([parsed.Execution], PatternMemory.List(o.StoreRoot).Where(p => p.Stored.Pattern is not null && p.Stored.Lifecycle != PatternLifecycle.Meta).Select(p => p.Stored.Pattern!));
                foreach (var p in preview.Candidates) Console.WriteLine(PatternWriter.Render(p));
                Console.Write("Learn and commit this? [y/N] ");
                var answer = Console.ReadLine()?.Trim().ToLowerInvariant();
                if (answer is not ("y" or "yes")) { Console.WriteLine("Nothing learned."); return 0; }
            }
            var report = LearningEngine.Learn(o);
            LearningCli.PrintReport(report, r.GetValue(json), o.StoreRoot);
            return 0;
        }));
        return cmd;
    }

    /// <summary>The first two warnings, a count and the last (the verdict): a binary file has one warning per line.</summary>
    private static string Summarize(IReadOnlyList<string> warnings) => warnings.Count <= 4
        ? string.Join("; ", warnings)
        : $"{warnings[0]}; {warnings[1]}; … {warnings.Count - 3} more; {warnings[^1]}";

    private static string? Resolve(string arg, string project)
    {
        if (File.Exists(arg)) return Path.GetFullPath(arg);
        if (!PatternIds.IsValid(arg.ToLowerInvariant()) && arg.IndexOfAny(['/', '\\']) >= 0) return null;
        foreach (var ext in new[] { ".json", ".jsonl" })
        {
            var p = Path.Combine(ExecutionSources.ExecutionsFolder(project), Path.GetFileName(arg) + ext);
            if (File.Exists(p)) return p;
        }
        return FindByExecutionId(arg, ExecutionSources.ExecutionsFolder(project));
    }

    /// <summary>The seed's <c>/learn-from exec_2025-11-07_1234</c>: an execution id is the <c>execution_id</c> inside a
    /// seed execution record, whatever the file is called (the seed names them all <c>execution.json</c>). The
    /// records in <paramref name="folder"/> (its <c>*.json</c>, in name order) are looked through; a file that is
    /// not JSON, too big or unreadable is passed over.</summary>
    internal static string? FindByExecutionId(string id, string folder)
    {
        if (!Directory.Exists(folder)) return null;
        string[] files;
        try { files = Directory.GetFiles(folder, "*.json", SearchOption.TopDirectoryOnly); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return null; }
        Array.Sort(files, StringComparer.Ordinal);
        foreach (var f in files)
        {
            try
            {
                var info = new FileInfo(f);
                if ((info.Attributes & FileAttributes.ReparsePoint) != 0 || info.Length > MaxRecordBytes) continue;
                using var stream = File.OpenRead(f);
                using var doc = System.Text.Json.JsonDocument.Parse(stream);
                if (doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                    && doc.RootElement.TryGetProperty("execution_id", out var eid)
                    && eid.ValueKind == System.Text.Json.JsonValueKind.String
                    && string.Equals(eid.GetString(), id, StringComparison.Ordinal))
                    return Path.GetFullPath(f);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.Json.JsonException) { }
        }
        return null;
    }

    private const long MaxRecordBytes = 64L * 1024 * 1024;
}
