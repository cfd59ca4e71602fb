using System.CommandLine;
using System.Globalization;
using AgentOps.Orchestration.Git;
using AgentOps.Orchestration.Learning;
using AgentOps.Core.Patterns;
using Spectre.Console;

namespace AgentOps.Cli.Commands;

/// <summary><c>agentops meta-stats [--json]</c>: learning metrics (same fields as metrics/learning_metrics.json).</summary>
public static class MetaStatsCommand
{
    public static Command Create()
    {
        var project = LearningCli.ProjectOption();
        var store = LearningCli.StoreOption();
        var json = LearningCli.JsonOption();
        var cmd = new Command("meta-stats", "Learning metrics: total/validated patterns, average success rate, executions, categories, learning velocity (patterns per week from git history), meta patterns. " + LearningCli.ExitCodeHelp);
        cmd.Options.Add(project); cmd.Options.Add(store); cmd.Options.Add(json);
        cmd.SetAction(r => LearningCli.Run(() =>
        {
            var root = LearningCli.Store(r, project, store);
            var s = new PatternStore(root);
            IReadOnlyList<(DateTimeOffset, string)> commits = [];
            if (LibGit2Sharp.Repository.Discover(root) is not null)
            {
                using var git = GitMemory.Open(root, initIfMissing: false);
                commits = git.LearnCommits();
            }
            var summary = LearningMetrics.Compute(s, commits);
            if (r.GetValue(json)) { Console.Write(LearningMetrics.ToJson(summary, DateTimeOffset.UtcNow)); return 0; }
            var t = new Table().Border(TableBorder.Rounded).AddColumns("Metric", "Value");
            var inv = CultureInfo.InvariantCulture;
            t.AddRow("Patterns (total)", summary.TotalPatterns.ToString(inv));
            t.AddRow("Validated", summary.ValidatedPatterns.ToString(inv));
            t.AddRow("Learned (committed)", summary.LearnedPatterns.ToString(inv));
            t.AddRow("Discovered", summary.DiscoveredPatterns.ToString(inv));
            t.AddRow("Meta patterns", summary.MetaPatterns.ToString(inv));
            t.AddRow("Average success rate", summary.AverageSuccessRate.ToString("0.00", inv));
            t.AddRow("Executions", summary.Executions.ToString(inv));
            t.AddRow("Categories", Markup.Escape(string.Join(", ", summary.Categories.Select(kv => $"{kv.Key} ({kv.Value})"))));
            t.AddRow("Learning velocity", summary.LearningVelocityPerWeek.ToString("0.##", inv) + " patterns/week");
            AnsiConsole.Write(t);
            foreach (var m in s.List(PatternLifecycle.Meta).Where(m => m.Pattern is not null))
                AnsiConsole.MarkupLine($"[blue]{Markup.Escape(m.Pattern!.Id)}[/]: {Markup.Escape(m.Pattern.SuccessFactors.FirstOrDefault() ?? m.Pattern.Title)}");
            return 0;
        }));
        return cmd;
    }
}
