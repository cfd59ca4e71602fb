using System.CommandLine;
using AgentOps.Orchestration.Learning;

namespace AgentOps.Cli.Commands;

/// <summary><c>agentops learn</c>: executions -> patterns -> validate -> redact -> write -> git commit.</summary>
public static class LearnCommand
{
    public static Command Create()
    {
        var project = LearningCli.ProjectOption();
        var store = LearningCli.StoreOption();
        var json = LearningCli.JsonOption();
        var timeout = new Option<int>("--lock-timeout") { Description = "Seconds to wait for another agentops learn on the same repo.", DefaultValueFactory = _ => 60 };
        var auto = new Option<bool>("--auto") { Description = "Run as the SessionEnd hook does: in the background, exit 0 whatever happens, summary in <project>/.agentops/logs/auto-learn.log." };
        var deadline = new Option<int>("--deadline") { Description = "With --auto: seconds after which the run stops itself.", DefaultValueFactory = _ => 300 };
        var files = new Argument<string[]>("executions") { Description = "Execution files (transcripts, hook logs, execution.json); default: <project>/.agentops/executions/*.", Arity = ArgumentArity.ZeroOrMore };
        var cmd = new Command("learn", "Learn patterns from recorded executions and commit them (message 'Learn pattern: <id>') with LibGit2Sharp. " + LearningCli.ExitCodeHelp);
        cmd.Options.Add(project); cmd.Options.Add(store); cmd.Options.Add(json); cmd.Options.Add(timeout); cmd.Options.Add(auto); cmd.Options.Add(deadline);
        cmd.Arguments.Add(files);
        cmd.SetAction(r => LearningCli.Run(() =>
        {
            var given = r.GetValue(files) ?? [];
            // A file named on the command line is what the user asked to learn from: a bad execution.json fails
            // the run (AOP0912, exit 1, nothing learned) rather than being skipped with a warning as in a folder scan.
            foreach (var record in given.Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && Core.Security.FileKind.OfTarget(f) == Core.Security.FileType.Regular))
                ExecutionRecordReader.ReadFile(Path.GetFullPath(record));
            var o = new LearnOptions
            {
                Project = LearningCli.Project(r, project),
                Store = r.GetValue(store),
                ExecutionFiles = LearningCli.ExecutionFiles(given),
                LockTimeout = TimeSpan.FromSeconds(Math.Max(0, r.GetValue(timeout))),
            };
            if (r.GetValue(auto)) return AutoLearn.Run(o, TimeSpan.FromSeconds(Math.Clamp(r.GetValue(deadline), 1, 3600)));
            var report = LearningEngine.Learn(o);
            LearningCli.PrintReport(report, r.GetValue(json), o.StoreRoot);
            return report.Diagnostics.Any(d => d.IsError) && report.Patterns.Count == 0 ? 1 : 0;
        }));
        return cmd;
    }
}
