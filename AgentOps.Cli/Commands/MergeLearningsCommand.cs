using AgentOps.Core.Diagnostics;
using System.CommandLine;
using AgentOps.Orchestration.Git;
using AgentOps.Orchestration.Learning;
using Spectre.Console;

namespace AgentOps.Cli.Commands;

/// <summary><c>agentops merge-learnings &lt;branch|path|remote&gt;</c>.</summary>
public static class MergeLearningsCommand
{
    public static Command Create()
    {
        var project = LearningCli.ProjectOption();
        var store = LearningCli.StoreOption();
        var json = LearningCli.JsonOption();
        var source = new Argument<string>("source") { Description = "A branch of this repo, a folder (another clone or store), or a remote name/URL." };
        var cmd = new Command("merge-learnings", "Merge another clone's or branch's learned patterns: same id and workflow -> execution ledgers unioned and rates recomputed; same id, different workflow -> conflict reported, ours kept. " + LearningCli.ExitCodeHelp);
        cmd.Options.Add(project); cmd.Options.Add(store); cmd.Options.Add(json);
        cmd.Arguments.Add(source);
        cmd.SetAction(r => LearningCli.Run(() =>
        {
            var report = MergeEngine.Merge(LearningCli.Store(r, project, store), r.GetValue(source)!);
            if (r.GetValue(json))
                LearningCli.WriteJson(w =>
                {
                    w.WriteStartObject();
                    void Arr(string name, IEnumerable<string> items) { w.WriteStartArray(name); foreach (var i in items) w.WriteStringValue(i); w.WriteEndArray(); }
                    Arr("added", report.Added); Arr("merged", report.Merged); Arr("unchanged", report.Unchanged);
                    Arr("conflicts", report.Conflicts); Arr("warnings", report.Warnings); Arr("redactions", report.Redactions);
                    if (report.CommitSha is { } sha) w.WriteString("commit", sha); else w.WriteNull("commit");
                    w.WriteEndObject();
                });
            else
            {
                foreach (var a in report.Added) TerminalOutput.Current.MarkupLine($"[green]added[/] {Markup.Escape(a)}");
                foreach (var m in report.Merged) TerminalOutput.Current.MarkupLine($"[green]merged[/] {Markup.Escape(m)}");
                foreach (var u in report.Unchanged) TerminalOutput.Current.MarkupLine($"unchanged {Markup.Escape(u)}");
                foreach (var c in report.Conflicts) TerminalOutput.Current.MarkupLine($"[red]conflict[/] {Markup.Escape(c)}");
                foreach (var wn in report.Warnings) Console.Error.WriteLine("warning: " + wn);
                if (report.CommitSha is { } sha) TerminalOutput.Current.MarkupLine($"commit {sha[..10]}");
            }
            return report.Conflicts.Count > 0 ? ExitCodes.MergeConflict : 0;
        }));
        return cmd;
    }
}
