using System.Globalization;
using System.Text;
using AgentOps.Core.Patterns;

namespace AgentOps.Orchestration.Planning;

/// <summary>
/// Writes a plan as the Markdown <c>/orchestrate</c> hands to Claude: intent, source, exploration,
/// estimate, the steps, then the groups in order with the exact Agent tool call (subagent_type) or
/// slash command of each step, the checkpoints, and how to run it (or, for --plan-only and
/// --dry-run, that nothing is to be launched).
/// </summary>
public static class PlanMarkdownWriter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Render(ExecutionPlan plan)
    {
        var sb = new StringBuilder();
        var i = plan.Intent;
        sb.Append("# Plan: ").Append(OneLine(plan.Task)).Append("\n\n");
        sb.Append("- **Intent**: category `").Append(i.Category).Append('`');
        if (i.CategorySignals.Count > 0) sb.Append(" (signals: ").Append(string.Join(", ", i.CategorySignals)).Append(')');
        sb.Append("; complexity **").Append(i.Complexity.Level).Append("** (score ").Append(i.Complexity.Score.ToString(Inv)).Append(": ")
          .Append(string.Join("; ", i.Complexity.Reasons)).Append(')');
        sb.Append(i.Risky ? $"; risky: {string.Join(", ", i.RiskSignals)}\n" : "\n");
        sb.Append("- **Capabilities**: ").Append(string.Join("; ", i.Capabilities.Select(c => $"{c.Name} ({c.Reason})"))).Append('\n');
        if (plan.Source.Kind == "pattern")
            sb.Append("- **Source**: learned pattern `").Append(plan.Source.PatternId).Append("` (").Append(OneLine(plan.Source.PatternTitle ?? ""))
              .Append(") — success rate ").Append(plan.Source.SuccessRate!.Value.ToString("0.00", Inv)).Append(" over ")
              .Append(plan.Source.Executions!.Value.ToString(Inv)).Append(" executions, ").Append(plan.Source.Lifecycle)
              .Append(plan.Source.Store == "plugin" ? " (shipped with the meta-orchestrator)" : "")
              .Append("; fit ").Append(plan.Source.Fit!.Value.ToString("0.00", Inv)).Append(" (").Append(string.Join("; ", plan.Source.Reasons)).Append(")\n");
        else
            sb.Append("- **Source**: composed from the catalog (").Append(string.Join("; ", plan.Source.Reasons)).Append(")\n");
        var e = plan.Exploration;
        sb.Append("- **Exploration**: ").Append(e.Explored ? "**exploring** — " : "").Append(e.Reason)
          .Append(e.Seed is { } seed ? $" (strategy {e.Strategy}, seed {seed})" : $" (strategy {e.Strategy})").Append('\n');
        sb.Append("- **Mode**: ").Append(plan.Mode.ToString().ToLowerInvariant()).Append(plan.Mode switch
        {
            ExecutionMode.Parallel => " — every group runs its steps together, writers included",
            ExecutionMode.Conservative => " — one step at a time, a checkpoint after every change",
            _ => " — readers run together, at most one writing step per group",
        }).Append('\n');
        sb.Append("- **Estimate**: ~").Append(Minutes(plan.Estimate.DurationSeconds)).Append(" (").Append(Minutes(plan.Estimate.SequentialSeconds))
          .Append(" if run one by one), success probability ").Append(plan.Estimate.SuccessProbability.ToString("0.00", Inv))
          .Append(" (").Append(string.Join("; ", plan.Estimate.Basis)).Append(")\n");
        foreach (var n in plan.Notes) sb.Append("- **Note**: ").Append(n).Append('\n');
        sb.Append('\n');

        sb.Append("## Steps\n\n| Step | What | Invoke | Phase | Depends on | Group |\n|---|---|---|---|---|---|\n");
        foreach (var s in plan.Steps)
            sb.Append("| ").Append(s.Id).Append(" | ").Append(Cell(s.Title)).Append(" | `").Append(s.Invocation).Append("` (").Append(s.Kind)
              .Append(s.InCatalog ? "" : ", not in catalog").Append(") | ").Append(s.Phase).Append(" | ")
              .Append(s.DependsOn.Count == 0 ? "—" : string.Join(", ", s.DependsOn)).Append(" | ").Append(s.Group.ToString(Inv)).Append(" |\n");
        sb.Append('\n');

        sb.Append("## Execution order\n\n");
        var byId = plan.Steps.ToDictionary(s => s.Id, StringComparer.Ordinal);
        for (var g = 0; g < plan.Groups.Count; g++)
        {
            var group = plan.Groups[g];
            sb.Append("### Group ").Append((g + 1).ToString(Inv))
              .Append(group.Count > 1 ? " — in parallel: launch these together, in one message\n\n" : "\n\n");
            foreach (var id in group)
            {
                var s = byId[id];
                sb.Append("- **").Append(s.Id).Append("** ").Append(Invocation(s)).Append('\n');
                sb.Append("  - Task: ").Append(OneLine(s.Instructions)).Append(" Overall task: \"").Append(OneLine(plan.Task)).Append("\".\n");
                if (s.DependsOn.Count > 0) sb.Append("  - Give it: the outputs of ").Append(string.Join(", ", s.DependsOn)).Append('\n');
                sb.Append("  - Why: ").Append(OneLine(s.Why)).Append('\n');
            }
            foreach (var c in plan.Checkpoints.Where(c => group.Contains(c.AfterStep)))
                sb.Append("\n**Checkpoint after ").Append(c.AfterStep).Append("** — ").Append(c.Reason).Append(". Check: ").Append(c.Check)
                  .Append(". Stop and report if it fails.\n");
            sb.Append('\n');
        }

        sb.Append("## How to run this plan\n\n");
        switch (plan.Purpose)
        {
            case PlanPurpose.PlanOnly:
                sb.Append("Plan only: do not launch any step. Show this plan to the user and stop.\n");
                break;
            case PlanPurpose.DryRun:
                sb.Append("Dry run: launch nothing and change no file. For each group in order, say which agent or command each step would invoke, with what input, and what it would produce.\n");
                break;
            default:
                sb.Append("1. Run the groups in order. Within a group, launch every step at once (several Agent tool calls in one message); wait for all of them before the next group.\n");
                sb.Append("2. Launch subagents with the Agent tool and `subagent_type` exactly as written above; run slash commands exactly as written.\n");
                sb.Append("3. Give each step the task, its instructions and the outputs of the steps it depends on.\n");
                sb.Append("4. At each checkpoint, do the check; if it fails, stop and report instead of going on.\n");
                sb.Append("5. If a step's agent is not available, say so plainly and stop; do not pretend it ran.\n");
                sb.Append("6. Finish with a short report: what each step produced, checkpoint results, and what is left.\n");
                break;
        }
        if (plan.Diagnostics.Count > 0)
        {
            sb.Append("\n## Diagnostics\n\n");
            foreach (var d in plan.Diagnostics) sb.Append("- ").Append(d.ToString()).Append('\n');
        }
        return sb.ToString();
    }

    private static string Invocation(PlanStep s) => s.Kind switch
    {
        StepKinds.Subagent => $"Agent tool, `subagent_type: \"{s.Invocation}\"` — {OneLine(s.Title)}",
        StepKinds.Command => $"slash command `{s.Invocation}` — {OneLine(s.Title)}",
        StepKinds.Skill => $"Skill tool, skill `{s.Invocation}` — {OneLine(s.Title)}",
        _ => $"{s.Invocation} tool — {OneLine(s.Title)}",
    };

    private static string Minutes(double seconds) =>
        seconds < 90 ? $"{seconds.ToString("0", Inv)} s" : $"{(seconds / 60).ToString("0", Inv)} min";

    // The task is the user's text printed to a terminal and read by Claude: control characters (ESC sequences
    // that clear or recolour the screen) and bidi overrides ("\u202e") were printed raw; they become spaces.
    private static string OneLine(string s) => AgentOps.Core.Security.Printable.Flatten(s).Trim();
    private static string Cell(string s) => OneLine(s).Replace("|", "\\|");
}
