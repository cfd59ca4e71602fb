using System.CommandLine;
using AgentOps.Orchestration.Learning;

namespace AgentOps.Cli.Commands;

/// <summary><c>agentops extract</c>: executions -> pattern candidates in discovered/ and validated/, no commit.</summary>
public static class ExtractCommand
{
    public static Command Create()
    {
        var project = LearningCli.ProjectOption();
        var store = LearningCli.StoreOption();
        var json = LearningCli.JsonOption();
        var files = new Argument<string[]>("executions") { Description = "Execution files (transcripts, hook logs, execution.json); default: <project>/.agentops/executions/*.", Arity = ArgumentArity.ZeroOrMore };
        var cmd = new Command("extract", "Group executions into pattern candidates: writes patterns/discovered/ and patterns/validated/ (>= 3 executions, >= 70 % success, valid); no git commit. " + LearningCli.ExitCodeHelp);
        cmd.Options.Add(project); cmd.Options.Add(store); cmd.Options.Add(json);
        cmd.Arguments.Add(files);
        cmd.SetAction(r => LearningCli.Run(() =>
        {
            var given = r.GetValue(files) ?? [];
            var o = new LearnOptions
            {
                Project = LearningCli.Project(r, project),
                Store = r.GetValue(store),
                ExecutionFiles = LearningCli.ExecutionFiles(given),
                Commit = false,
            };
            var report = LearningEngine.Learn(o);
            LearningCli.PrintReport(report, r.GetValue(json), o.StoreRoot);
            return 0;
        }));
        return cmd;
    }
}
