using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using AgentOps.Core.Patterns;
using AgentOps.Orchestration.Git;
using AgentOps.Orchestration.Learning;
using Spectre.Console;

namespace AgentOps.Cli.Commands;

/// <summary><c>agentops show-patterns [category] [--category C] [--success-rate "&gt;0.9"] [--recent N] [--json]</c>.</summary>
public static partial class ShowPatternsCommand
{
    public static Command Create()
    {
        var project = LearningCli.ProjectOption();
        var store = LearningCli.StoreOption();
        var json = LearningCli.JsonOption();
        var category = new Option<string?>("--category") { Description = "Only this category (\"api\" also matches api-development)." };
        // The seed's form: `/show-patterns [category]`, the category as a plain argument.
        var categoryArg = new Argument<string?>("category") { Arity = ArgumentArity.ZeroOrOne, Description = "Only this category, like --category." };
        var rate = new Option<string?>("--success-rate") { Description = "Filter like \">0.9\", \">=0.7\", \"<0.5\" or \"0.8\" (= >=)." };
        var recent = new Option<int?>("--recent") { Description = "Only the N most recently updated patterns." };
        var lifecycle = new Option<string?>("--lifecycle") { Description = "discovered, validated, learned or meta (default: all)." };
        var cmd = new Command("show-patterns", "List the patterns plans use: this project's (the agentops/learnings branch and local candidates) and those shipped with the meta-orchestrator, each with its source (branch, local, shipped); a table or --json (stable array of objects). " + LearningCli.ExitCodeHelp);
        foreach (var o in new Option[] { project, store, json, category, rate, recent, lifecycle }) cmd.Options.Add(o);
        cmd.Arguments.Add(categoryArg);
        cmd.SetAction(r => LearningCli.Run(() =>
        {
            PatternLifecycle? lc = null;
            if (r.GetValue(lifecycle) is { } l)
            {
                if (!PatternStore.TryParseLifecycle(l, out var parsed)) throw new ArgumentException($"--lifecycle must be discovered, validated, learned or meta, got '{l}'");
                lc = parsed;
            }
            Func<double, bool> rateFilter = _ => true;
            if (r.GetValue(rate) is { } rf)
            {
                var m = RateFilter().Match(rf.Trim());
                if (!m.Success) throw new ArgumentException($"--success-rate must look like \">0.9\", got '{rf}'");
                var v = double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
                rateFilter = m.Groups[1].Value switch
                {
                    ">" => x => x > v, "<" => x => x < v, "<=" => x => x <= v, "=" or "==" => x => Math.Abs(x - v) < 1e-9, _ => x => x >= v,
                };
            }
            var categoryFilter = r.GetValue(category) ?? r.GetValue(categoryArg);
            if (r.GetValue(category) is { } co && r.GetValue(categoryArg) is { } ca && !string.Equals(co, ca, StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException($"two categories given: '{ca}' and --category '{co}'");
            var root = LearningCli.Store(r, project, store);
            var all = LearningCli.AllPatterns(root, lc);
            LearningCli.WarnUnreadable(all);
            var sourced = all.Where(p => p.Stored.Pattern is not null).ToList();
            var origin = sourced.ToDictionary(p => p.Stored, p => p.Origin);
            var items = sourced.Select(p => p.Stored)
                .Where(p => categoryFilter is not { } c || CategoryMatches(p.Pattern!.Category, c))
                .Where(p => rateFilter(p.Pattern!.SuccessRate))
                .OrderByDescending(p => p.Pattern!.Updated ?? p.Pattern.Created).ThenBy(p => p.Pattern!.Id, StringComparer.Ordinal).ToList();
            if (r.GetValue(recent) is { } n) items = items.Take(Math.Max(0, n)).ToList();
            items = items.OrderBy(p => p.Lifecycle).ThenBy(p => p.Pattern!.Id, StringComparer.Ordinal).ToList();
            if (r.GetValue(json))
            {
                LearningCli.WriteJson(w =>
                {
                    w.WriteStartArray();
                    foreach (var sp in items)
                    {
                        var p = sp.Pattern!;
                        w.WriteStartObject();
                        w.WriteString("id", p.Id);
                        w.WriteString("title", p.Title);
                        w.WriteString("category", p.Category);
                        w.WriteString("lifecycle", PatternStore.FolderName(sp.Lifecycle));
                        w.WriteString("source", origin[sp]);
                        w.WriteNumber("success_rate", p.SuccessRate);
                        w.WriteNumber("executions", p.Executions);
                        w.WriteBoolean("validated", p.Validated);
                        w.WriteString("created", p.Created.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                        if (p.Updated is { } u) w.WriteString("updated", u.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); else w.WriteNull("updated");
                        w.WriteStartArray("workflow");
                        foreach (var st in p.Steps)
                        {
                            w.WriteStartObject();
                            w.WriteNumber("order", st.Order); w.WriteString("name", st.Name); w.WriteString("kind", st.Kind); w.WriteString("phase", st.Phase);
                            w.WriteNumber("mean_duration_s", Math.Round(st.MeanDurationSeconds, 3)); w.WriteNumber("success_rate", Math.Round(st.SuccessRate, 4));
                            w.WriteEndObject();
                        }
                        w.WriteEndArray();
                        w.WriteStartObject("durations");
                        w.WriteNumber("mean_s", Math.Round(p.Durations.MeanSeconds, 3)); w.WriteNumber("p50_s", Math.Round(p.Durations.P50Seconds, 3)); w.WriteNumber("p90_s", Math.Round(p.Durations.P90Seconds, 3));
                        w.WriteEndObject();
                        w.WriteNumber("rollback_rate", Math.Round(p.RollbackRate, 4));
                        w.WriteStartArray("tags"); foreach (var t in p.Tags) w.WriteStringValue(t); w.WriteEndArray();
                        w.WriteString("path", sp.Path);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                });
                return 0;
            }
            var table = new Table().Border(TableBorder.Rounded).AddColumns("Pattern", "Category", "Lifecycle", "Source", "Success", "Runs", "p50 s", "Workflow");
            foreach (var sp in items)
            {
                var p = sp.Pattern!;
                table.AddRow(Markup.Escape(p.Id), Markup.Escape(p.Category), PatternStore.FolderName(sp.Lifecycle), origin[sp], LearningCli.Rate(p.SuccessRate),
                    p.Executions.ToString(CultureInfo.InvariantCulture), p.Durations.P50Seconds.ToString("0.0", CultureInfo.InvariantCulture),
                    Markup.Escape(string.Join(" → ", p.Steps.Select(x => x.Name))));
            }
            TerminalOutput.Current.Write(table);
            var shipped = items.Count(i => origin[i] == PatternOrigins.Shipped);
            TerminalOutput.Current.MarkupLine($"{items.Count - shipped} pattern(s) of this project ({LearningsBranch.Name} branch and {Markup.Escape(root)}), {shipped} shipped with the meta-orchestrator");
            return 0;
        }));
        return cmd;
    }

    /// <summary>A category filter matches the category itself or, as the seed's <c>--category api</c> does, the
    /// categories it is the first kebab-case word(s) of (<c>api</c> → <c>api-development</c>).</summary>
    public static bool CategoryMatches(string category, string filter)
    {
        var f = filter.Trim();
        return f.Length > 0 && (string.Equals(category, f, StringComparison.OrdinalIgnoreCase)
            || (category.Length > f.Length && category[f.Length] == '-' && category.StartsWith(f, StringComparison.OrdinalIgnoreCase)));
    }

    [GeneratedRegex(@"^(>=|<=|==|>|<|=)?\s*([0-9]*\.?[0-9]+)$")]
    private static partial Regex RateFilter();
}
