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
        return null;
    }
}
