using System.CommandLine;
using System.Globalization;
using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Core.Diagnostics;
using AgentOps.Orchestration.Planning;

namespace AgentOps.Cli.Commands;

/// <summary>
/// <c>agentops plan "&lt;task&gt;" [--plan-only] [--dry-run] [--parallel|--conservative] [--json] [--store &lt;dir&gt;]</c>:
/// the plan /orchestrate follows — a DAG of agent and command steps from the best-fitting learned
/// pattern or composed from the catalog, grouped for parallel execution, with checkpoints and estimates.
/// </summary>
public static class PlanCommand
{
    public static Command Create()
    {
        var task = new Argument<string[]>("task") { Description = "The task, in words.", Arity = ArgumentArity.ZeroOrMore };
        var planOnly = new Option<bool>("--plan-only") { Description = "Show the plan; Claude launches nothing." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Walk through the plan saying what each step would do; nothing is launched or changed." };
        var parallel = new Option<bool>("--parallel") { Description = "Run every independent step together, writers included." };
        var conservative = new Option<bool>("--conservative") { Description = "One step at a time, a checkpoint after every change, never explore." };
        var seed = new Option<string?>("--seed") { Description = "Seed of the workflow exploration (default: derived from the task text)." };
        var json = new Option<bool>("--json") { Description = "The plan as JSON (schema agentops.plan/v1)." };
        var db = CatalogCli.DbOption();
        var store = CatalogCli.StoreOption();
        var cmd = new Command("plan", "Plan a task: intent, a DAG of subagent/command steps from a learned pattern or the catalog, parallel groups, checkpoints, estimate. " + CatalogCli.ExitCodeHelp)
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        cmd.Arguments.Add(task);
        foreach (var o in new Option[] { planOnly, dryRun, parallel, conservative, seed, json, db, store }) cmd.Options.Add(o);
        cmd.SetAction(r =>
        {
            if (CatalogCli.UsageProblem(r, out var exit)) return exit;
            if (CatalogCli.UnknownOption(r.GetValue(task) ?? [], out exit)) return exit;
            var text = string.Join(' ', r.GetValue(task) ?? []);
            if (ParsedQuery.Words(text).FirstOrDefault() is null)
                return CatalogCli.UsageError($"{DiagnosticCodes.PlanTaskEmpty}: give the task in words, e.g. agentops plan \"Add OAuth2 to my API with tests and docs\"");
            if (r.GetValue(parallel) && r.GetValue(conservative))
                return CatalogCli.UsageError($"{DiagnosticCodes.PlanOptionsConflict}: --parallel and --conservative exclude each other");
            if (r.GetValue(planOnly) && r.GetValue(dryRun))
                return CatalogCli.UsageError($"{DiagnosticCodes.PlanOptionsConflict}: --plan-only and --dry-run exclude each other");
            int? seedValue = null;
            if (r.GetValue(seed) is { } sv)
            {
                if (!int.TryParse(sv, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) || parsed < 0)
                    return CatalogCli.UsageError($"--seed must be a whole number >= 0, got '{sv}'");
                seedValue = parsed;
            }
            var options = new PlanOptions
            {
                Mode = r.GetValue(conservative) ? ExecutionMode.Conservative : r.GetValue(parallel) ? ExecutionMode.Parallel : ExecutionMode.Balanced,
                Purpose = r.GetValue(planOnly) ? PlanPurpose.PlanOnly : r.GetValue(dryRun) ? PlanPurpose.DryRun : PlanPurpose.Execute,
                Seed = seedValue,
            };
            var storeRoot = CatalogCli.StoreRoot(r, store);
            var learned = LearnedSignals.Load(DefaultCatalog.PatternStores(storeRoot));
            var diagnostics = new List<Diagnostic>();
            var plan = CatalogSession.Use(CatalogCli.Database(r, db, store), DefaultCatalog.Sources(), diagnostics,
                catalog => Planner.Plan(text, catalog, learned, options));
            if (diagnostics.Count > 0) plan = plan with { Diagnostics = [.. plan.Diagnostics, .. diagnostics] };
            Console.Out.Write(r.GetValue(json) ? PlanJsonWriter.ToJson(plan) : PlanMarkdownWriter.Render(plan));
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
