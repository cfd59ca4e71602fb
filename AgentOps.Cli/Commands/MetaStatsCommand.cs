using System.CommandLine;
using System.Globalization;
using AgentOps.Orchestration.Git;
using AgentOps.Orchestration.Learning;
using AgentOps.Core.Patterns;
using Spectre.Console;

namespace AgentOps.Cli.Commands;

/// <summary><c>agentops meta-stats [--json]</c>: the project's learning metrics (the fields of
/// metrics/learning_metrics.json) with success per category, plugin and agent usage and optimization
/// impact, and the same breakdown of the patterns shipped with the meta-orchestrator, labelled as shipped.</summary>
public static class MetaStatsCommand
{
    public static Command Create()
    {
        var project = LearningCli.ProjectOption();
        var store = LearningCli.StoreOption();
        var json = LearningCli.JsonOption();
        var cmd = new Command("meta-stats", "Learning metrics of this project (its agentops/learnings branch and local candidates): patterns, success rate, executions, categories, " +
            "learning velocity, success per category, plugin and agent usage, optimization impact (executions once a learned pattern existed vs before); " +
            "then the patterns shipped with the meta-orchestrator, labelled as shipped. " + LearningCli.ExitCodeHelp);
        cmd.Options.Add(project); cmd.Options.Add(store); cmd.Options.Add(json);
        cmd.SetAction(r => LearningCli.Run(() =>
        {
            var root = LearningCli.Store(r, project, store);
            var all = LearningCli.AllPatterns(root);
            LearningCli.WarnUnreadable(all);
            var own = all.Where(p => p.Origin != PatternOrigins.Shipped).Select(p => p.Stored).ToList();
            var shipped = all.Where(p => p.Origin == PatternOrigins.Shipped).Select(p => p.Stored).ToList();
            IReadOnlyList<(DateTimeOffset, string)> commits = [];
            using (var repo = LearningsBranch.OpenForReading(root)) if (repo is not null) commits = LearningsBranch.LearnCommits(repo);
            var summary = LearningMetrics.Compute(own, commits);
            var mine = MetaStatistics.Compute(own);
            var theirs = MetaStatistics.Compute(shipped);
            if (r.GetValue(json))
            {
                LearningCli.WriteJson(w =>
                {
                    w.WriteStartObject();
                    LearningMetrics.WriteFields(w, summary, DateTimeOffset.UtcNow);
                    MetaStatistics.Write(w, mine);
                    w.WriteStartObject("shipped");
                    MetaStatistics.Write(w, theirs);
                    w.WriteEndObject();
                    w.WriteEndObject();
                });
                return 0;
            }
            var inv = CultureInfo.InvariantCulture;
            var t = new Table().Border(TableBorder.Rounded).AddColumns("Metric", "This project", "Shipped");
            t.AddRow("Patterns", summary.TotalPatterns.ToString(inv), theirs.Patterns.ToString(inv));
            t.AddRow("Learned (on the agentops/learnings branch)", summary.LearnedPatterns.ToString(inv), "");
            t.AddRow("Validated / discovered (local)", $"{summary.ValidatedPatterns} / {summary.DiscoveredPatterns}", "");
            t.AddRow("Meta patterns", summary.MetaPatterns.ToString(inv), "");
            t.AddRow("Average success rate", summary.AverageSuccessRate.ToString("0.00", inv), "");
            t.AddRow("Executions", summary.Executions.ToString(inv), theirs.ByCategory.Values.Sum(c => c.Executions).ToString(inv));
            t.AddRow("Learning velocity", summary.LearningVelocityPerWeek.ToString("0.##", inv) + " patterns/week", "");
            foreach (var cat in mine.ByCategory.Keys.Union(theirs.ByCategory.Keys).Order(StringComparer.Ordinal))
                t.AddRow($"Success: {Markup.Escape(cat)}", RateText(mine.ByCategory.GetValueOrDefault(cat)), RateText(theirs.ByCategory.GetValueOrDefault(cat)));
            foreach (var (name, u) in mine.Plugins.OrderByDescending(kv => kv.Value.Executions).Take(8))
                t.AddRow($"Plugin: {Markup.Escape(name)}", $"{u.Executions} runs, {u.RawSuccessRate:0.00}", "");
            foreach (var (name, u) in mine.Agents.OrderByDescending(kv => kv.Value.Executions).Take(8))
                t.AddRow($"Agent: {Markup.Escape(name)}", $"{u.Executions} runs, {u.RawSuccessRate:0.00}", "");
            var i = mine.Impact;
            t.AddRow("Impact: composed plans", SideText(i.Composed), "");
            t.AddRow("Impact: from learned patterns", SideText(i.FromLearned), "");
            TerminalOutput.Current.Write(t);
            foreach (var m in own.Where(m => m.Lifecycle == PatternLifecycle.Meta && m.Pattern is not null))
                TerminalOutput.Current.MarkupLine($"[blue]{Markup.Escape(m.Pattern!.Id)}[/]: {Markup.Escape(m.Pattern.SuccessFactors.FirstOrDefault() ?? m.Pattern.Title)}");
            return 0;
        }));
        return cmd;
    }

    private static string RateText(MetaStatistics.Rate? r) => r is null ? "" : string.Create(CultureInfo.InvariantCulture, $"{r.SuccessRate:0.00} ({r.Executions} runs)");

    private static string SideText(MetaStatistics.Side s) =>
        s.Executions == 0 ? "no runs yet" : string.Create(CultureInfo.InvariantCulture, $"{s.Executions} runs, success {s.SuccessRate:0.00}, mean {s.MeanDurationSeconds:0.0} s");
}
