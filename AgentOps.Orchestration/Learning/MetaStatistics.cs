using System.Text.Json;
using AgentOps.Core.Patterns;
using AgentOps.Orchestration.Catalog.Ranking;

namespace AgentOps.Orchestration.Learning;

/// <summary>
/// What <c>meta-stats</c> adds to the learning metrics, over one set of patterns (the project's, or
/// those shipped with the plugin): success per category, plugin and agent usage, and the optimization
/// impact — how executions fared once a learned pattern for their workflow existed, against before.
/// </summary>
public static class MetaStatistics
{
    public sealed record Rate(int Patterns, int Executions, double SuccessRate);

    public sealed record Side(int Executions, double SuccessRate, double MeanDurationSeconds);

    /// <summary>Executions of each pattern's ledger in time order: "composed" while the prefix before them had
    /// not yet reached the learning thresholds (3 executions, 70 % success) — the planner had no learned
    /// pattern for that workflow and composed one — and "learned" afterwards.</summary>
    public sealed record Impact(Side Composed, Side FromLearned)
    {
        public double SuccessDelta => FromLearned.Executions == 0 || Composed.Executions == 0 ? 0 : FromLearned.SuccessRate - Composed.SuccessRate;
        public double DurationDeltaSeconds => FromLearned.Executions == 0 || Composed.Executions == 0 ? 0 : FromLearned.MeanDurationSeconds - Composed.MeanDurationSeconds;
    }

    public sealed record Breakdown(
        int Patterns,
        IReadOnlyDictionary<string, Rate> ByCategory,
        IReadOnlyDictionary<string, UsageStats> Plugins,
        IReadOnlyDictionary<string, UsageStats> Agents,
        Impact Impact);

    public const int LearnAfterExecutions = 3;
    public const double LearnAtSuccess = 0.70;

    public static Breakdown Compute(IEnumerable<StoredPattern> stored)
    {
        var patterns = stored.Where(p => p.Pattern is not null && p.Lifecycle != PatternLifecycle.Meta).ToList();
        var byCategory = new SortedDictionary<string, Rate>(StringComparer.Ordinal);
        foreach (var g in patterns.GroupBy(p => p.Pattern!.Category, StringComparer.Ordinal))
        {
            var n = g.Sum(p => p.Pattern!.Executions);
            var successes = g.Sum(p => p.Pattern!.SuccessRate * p.Pattern.Executions);
            byCategory[g.Key] = new Rate(g.Count(), n, n == 0 ? 0 : Math.Round(successes / n, 4));
        }
        var signals = LearnedSignals.FromPatterns(patterns);
        var agents = signals.Steps.Where(kv => patterns.Any(p => p.Pattern!.Steps.Any(s => s.Name == kv.Key && s.Kind == StepKinds.Subagent)))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        return new Breakdown(patterns.Count, byCategory, signals.Plugins, agents, ImpactOf(patterns.Select(p => p.Pattern!)));
    }

    private static Impact ImpactOf(IEnumerable<LearnedPattern> patterns)
    {
        var composed = new List<LedgerEntry>();
        var learned = new List<LedgerEntry>();
        foreach (var p in patterns)
        {
            int n = 0, ok = 0;
            foreach (var e in p.Ledger.OrderBy(e => e.Timestamp).ThenBy(e => e.ExecutionId, StringComparer.Ordinal))
            {
                var available = n >= LearnAfterExecutions && ok >= LearnAtSuccess * n;
                (available ? learned : composed).Add(e);
                n++;
                if (e.Success) ok++;
            }
        }
        static Side Of(List<LedgerEntry> l) => new(l.Count, l.Count == 0 ? 0 : Math.Round(l.Count(e => e.Success) / (double)l.Count, 4),
            l.Count == 0 ? 0 : Math.Round(l.Average(e => e.DurationSeconds), 3));
        return new Impact(Of(composed), Of(learned));
    }

    public static void Write(Utf8JsonWriter w, Breakdown b)
    {
        w.WriteNumber("patterns", b.Patterns);
        w.WriteStartObject("success_by_category");
        foreach (var (k, v) in b.ByCategory)
        {
            w.WriteStartObject(k);
            w.WriteNumber("patterns", v.Patterns); w.WriteNumber("executions", v.Executions); w.WriteNumber("success_rate", v.SuccessRate);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        WriteUsage(w, "plugin_usage", b.Plugins);
        WriteUsage(w, "agent_usage", b.Agents);
        w.WriteStartObject("optimization_impact");
        WriteSide(w, "composed", b.Impact.Composed);
        WriteSide(w, "from_learned_patterns", b.Impact.FromLearned);
        w.WriteNumber("success_rate_delta", Math.Round(b.Impact.SuccessDelta, 4));
        w.WriteNumber("mean_duration_delta_s", Math.Round(b.Impact.DurationDeltaSeconds, 3));
        w.WriteEndObject();
    }

    private static void WriteUsage(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, UsageStats> usage)
    {
        w.WriteStartObject(name);
        foreach (var (k, v) in usage.OrderByDescending(kv => kv.Value.Executions).ThenBy(kv => kv.Key, StringComparer.Ordinal))
        {
            w.WriteStartObject(k);
            w.WriteNumber("executions", v.Executions); w.WriteNumber("success_rate", Math.Round(v.RawSuccessRate, 4)); w.WriteNumber("patterns", v.Patterns.Count);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteSide(Utf8JsonWriter w, string name, Side s)
    {
        w.WriteStartObject(name);
        w.WriteNumber("executions", s.Executions); w.WriteNumber("success_rate", s.SuccessRate); w.WriteNumber("mean_duration_s", s.MeanDurationSeconds);
        w.WriteEndObject();
    }
}
