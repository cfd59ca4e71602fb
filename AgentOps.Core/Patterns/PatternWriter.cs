using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AgentOps.Core.Patterns;

/// <summary>
/// Renders a <see cref="LearnedPattern"/> in the pattern format (plugins/agentops-meta-orchestrator/docs/PATTERN_FORMAT.md).
/// Output is deterministic (invariant culture, stable ordering) and round-trips through
/// <see cref="PatternReader"/>. Every rendered pattern carries the required frontmatter and the
/// sections Context, Workflow, Success Factors, Metrics, Learned Optimizations, plus an Execution
/// Ledger that keeps each execution's outcome so counts can be recomputed and merged.
/// </summary>
public static partial class PatternWriter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Render(LearnedPattern p)
    {
        PatternIds.Require(p.Id);
        var sb = new StringBuilder();
        sb.Append("---\n");
        sb.Append("pattern_id: ").Append(p.Id).Append('\n');
        sb.Append("created: ").Append(p.Created.ToString("yyyy-MM-dd", Inv)).Append('\n');
        if (p.Updated is { } u) sb.Append("updated: ").Append(u.ToString("yyyy-MM-dd", Inv)).Append('\n');
        sb.Append("category: ").Append(PatternIds.Slug(p.Category)).Append('\n');
        sb.Append("success_rate: ").Append(Num(p.SuccessRate, 2)).Append('\n');
        sb.Append("executions: ").Append(p.Executions.ToString(Inv)).Append('\n');
        sb.Append("validated: ").Append(p.Validated ? "true" : "false").Append('\n');
        sb.Append("execution_ids: ").Append(YamlList(p.ExecutionIds)).Append('\n');
        sb.Append("tags: ").Append(YamlList(p.Tags)).Append('\n');
        sb.Append("---\n\n");

        sb.Append("# ").Append(OneLine(string.IsNullOrWhiteSpace(p.Title) ? p.Id : p.Title)).Append("\n\n");

        sb.Append("## Context\n");
        sb.Append(string.IsNullOrWhiteSpace(p.Context) ? $"Tasks of category `{p.Category}`." : p.Context.Trim()).Append("\n\n");

        sb.Append("## Workflow\n");
        foreach (var s in p.Steps.OrderBy(s => s.Order))
        {
            sb.Append(s.Order.ToString(Inv)).Append(". `").Append(s.Name.Replace('`', '\'')).Append("` (")
              .Append(s.Kind).Append(", phase: ").Append(s.Phase).Append(") — mean ")
              .Append(Num(s.MeanDurationSeconds, 1)).Append(" s, success ")
              .Append(Num(s.SuccessRate * 100, 0)).Append(" %");
            if (!string.IsNullOrWhiteSpace(s.Description)) sb.Append(" — ").Append(OneLine(s.Description!));
            sb.Append('\n');
        }
        sb.Append('\n');

        sb.Append("## Success Factors\n");
        if (p.SuccessFactors.Count == 0) sb.Append("- Not enough contrasting executions yet.\n");
        foreach (var f in p.SuccessFactors) sb.Append("- ").Append(OneLine(f)).Append('\n');
        sb.Append('\n');

        var ok = (int)Math.Round(p.SuccessRate * p.Executions);
        sb.Append("## Metrics\n");
        sb.Append("- Success rate: ").Append(Num(p.SuccessRate, 2)).Append(" (").Append(ok.ToString(Inv))
          .Append(" of ").Append(p.Executions.ToString(Inv)).Append(" executions)\n");
        sb.Append("- Duration: mean ").Append(Num(p.Durations.MeanSeconds, 1)).Append(" s, p50 ")
          .Append(Num(p.Durations.P50Seconds, 1)).Append(" s, p90 ").Append(Num(p.Durations.P90Seconds, 1)).Append(" s\n");
        sb.Append("- Rollback rate: ").Append(Num(p.RollbackRate, 2)).Append('\n');
        sb.Append("- Workflow hash: ").Append(p.WorkflowHash).Append("\n\n");

        sb.Append("## Learned Optimizations\n");
        var any = false;
        foreach (var g in p.Optimizations.ParallelGroups)
        {
            any = true;
            sb.Append("- Parallel group: steps ").Append(string.Join(", ", g.Select(i => i.ToString(Inv))))
              .Append(" — never depend on each other, can run in parallel\n");
        }
        if (p.Optimizations.CheckpointAfterStep is { } cp)
        {
            any = true;
            var name = p.Steps.FirstOrDefault(s => s.Order == cp)?.Name ?? "?";
            sb.Append("- Checkpoint after step ").Append(cp.ToString(Inv)).Append(" (`").Append(name)
              .Append("`) — the step that fails most often\n");
        }
        foreach (var n in p.Optimizations.Notes) { any = true; sb.Append("- Note: ").Append(OneLine(n)).Append('\n'); }
        if (!any) sb.Append("- None supported by the data yet.\n");
        sb.Append('\n');

        sb.Append("## Execution Ledger\n");
        foreach (var e in p.Ledger.OrderBy(e => e.Timestamp).ThenBy(e => e.ExecutionId, StringComparer.Ordinal))
        {
            sb.Append("- `").Append(e.ExecutionId.Replace('`', '\'')).Append("` ")
              .Append(e.Timestamp.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", Inv)).Append(' ')
              .Append(e.Success ? "success" : "failure").Append(' ')
              .Append(Num(e.DurationSeconds, 3)).Append("s rollback=").Append(e.RolledBack ? "yes" : "no")
              .Append(" steps=");
            sb.Append(e.Steps.Count == 0 ? "-" : string.Join(",", e.Steps.Select(s =>
                $"{Num(s.OffsetSeconds, 3)}+{Num(s.DurationSeconds, 3)}:{(s.Success ? "ok" : "fail")}")));
            sb.Append('\n');
        }
        return sb.ToString();
    }

    internal static string Num(double v, int decimals)
    {
        var r = Math.Round(double.IsFinite(v) ? v : 0, decimals, MidpointRounding.AwayFromZero);
        if (r == 0) r = 0; // no "-0"
        return r.ToString("F" + decimals.ToString(Inv), Inv);
    }

    private static string OneLine(string s) => s.Replace("\r", " ").Replace("\n", " ").Trim();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:/-]*$")]
    private static partial Regex PlainScalar();

    private static string YamlList(IReadOnlyList<string> items) =>
        "[" + string.Join(", ", items.Select(i => PlainScalar().IsMatch(i) && !i.Contains(": ") && i is not ("true" or "false" or "null" or "yes" or "no")
            ? i : "\"" + i.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"")) + "]";
}
