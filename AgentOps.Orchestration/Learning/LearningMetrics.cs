using System.Globalization;
using System.Text;
using System.Text.Json;
using AgentOps.Core.Patterns;

namespace AgentOps.Orchestration.Learning;

/// <summary>
/// <c>&lt;store&gt;/metrics/</c>: <c>success_rates.log</c>, <c>durations.log</c>, <c>plugin_usage.log</c>
/// (append-only, one line per change, rewritten atomically) and <c>learning_metrics.json</c>.
/// </summary>
public static class LearningMetrics
{
    public sealed record Summary(
        int TotalPatterns, int ValidatedPatterns, int LearnedPatterns, int DiscoveredPatterns, int MetaPatterns,
        double AverageSuccessRate, int Executions, IReadOnlyDictionary<string, int> Categories,
        double LearningVelocityPerWeek, int LearnCommits);

    public static string Folder(string storeRoot) => Path.Combine(storeRoot, "metrics");

    public static Summary Compute(PatternStore store, IReadOnlyList<(DateTimeOffset When, string PatternId)> learnCommits) =>
        Compute(store.List(), learnCommits);

    public static Summary Compute(IEnumerable<StoredPattern> patterns, IReadOnlyList<(DateTimeOffset When, string PatternId)> learnCommits)
    {
        var all = patterns.Where(p => p.Pattern is not null).ToList();
        var main = all.Where(p => p.Lifecycle != PatternLifecycle.Meta).ToList();
        var categories = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in main) categories[p.Pattern!.Category] = categories.GetValueOrDefault(p.Pattern.Category) + 1;
        var executions = main.SelectMany(p => p.Pattern!.ExecutionIds).Distinct(StringComparer.Ordinal).Count();
        var velocity = 0.0;
        if (learnCommits.Count > 0)
        {
            var span = learnCommits.Max(c => c.When) - learnCommits.Min(c => c.When);
            var weeks = Math.Max(1.0, span.TotalDays / 7.0);
            velocity = learnCommits.Select(c => c.PatternId).Distinct(StringComparer.Ordinal).Count() / weeks;
        }
        return new Summary(
            main.Count,
            main.Count(p => p.Pattern!.Validated),
            main.Count(p => p.Lifecycle == PatternLifecycle.Learned),
            main.Count(p => p.Lifecycle == PatternLifecycle.Discovered),
            all.Count(p => p.Lifecycle == PatternLifecycle.Meta),
            main.Count == 0 ? 0 : Math.Round(main.Average(p => p.Pattern!.SuccessRate), 4),
            executions, categories, Math.Round(velocity, 3), learnCommits.Count);
    }

    public static string ToJson(Summary s, DateTimeOffset generatedAt)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            WriteFields(w, s, generatedAt);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
    }

    /// <summary>The summary's fields, written into an object the caller opened.</summary>
    public static void WriteFields(Utf8JsonWriter w, Summary s, DateTimeOffset generatedAt)
    {
        w.WriteString("generated_at", generatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        w.WriteNumber("total_patterns", s.TotalPatterns);
        w.WriteNumber("validated_patterns", s.ValidatedPatterns);
        w.WriteNumber("learned_patterns", s.LearnedPatterns);
        w.WriteNumber("discovered_patterns", s.DiscoveredPatterns);
        w.WriteNumber("meta_patterns", s.MetaPatterns);
        w.WriteNumber("average_success_rate", s.AverageSuccessRate);
        w.WriteNumber("executions", s.Executions);
        w.WriteStartObject("categories");
        foreach (var (k, v) in s.Categories) w.WriteNumber(k, v);
        w.WriteEndObject();
        w.WriteNumber("learning_velocity_patterns_per_week", s.LearningVelocityPerWeek);
        w.WriteNumber("learn_commits", s.LearnCommits);
        // The seed design's names for the same figures (its example learning_metrics.json): kept so that
        // scripts written against the seed read them. Same values as average_success_rate, executions and
        // learning_velocity_patterns_per_week.
        w.WriteNumber("avg_success_rate", s.AverageSuccessRate);
        w.WriteNumber("total_executions", s.Executions);
        w.WriteNumber("learning_velocity", s.LearningVelocityPerWeek);
    }

    /// <summary>A text for one quoted field of a log line: its first 200 characters, no quote or line break.</summary>
    private static string Quoted(string text)
    {
        var one = text.Replace('"', '\'').Replace('\r', ' ').Replace('\n', ' ').Trim();
        return one.Length > 200 ? one[..200] + "…" : one;
    }

    /// <summary>Appends lines for the patterns that changed and the executions newly counted; rewrites
    /// learning_metrics.json. Returns the files written.</summary>
    public static IReadOnlyList<string> Write(string storeRoot, IReadOnlyList<LearnedPattern> changed, IReadOnlyList<Execution> newExecutions,
        Summary summary, DateTimeOffset now)
    {
        var dir = Folder(storeRoot);
        Directory.CreateDirectory(dir);
        var written = new List<string>();
        foreach (var (name, text) in Render(name => File.Exists(Path.Combine(dir, name)) ? File.ReadAllText(Path.Combine(dir, name)) : null, changed, newExecutions, summary, now))
        {
            var path = Path.Combine(dir, name);
            AtomicFile.WriteAllText(path, text);
            written.Add(path);
        }
        return written;
    }

    /// <summary>The new text of each metrics file that changes (file name → text): the logs get one line per
    /// changed pattern / newly counted step appended to their current text (<paramref name="current"/>),
    /// learning_metrics.json is rewritten.</summary>
    public static IReadOnlyDictionary<string, string> Render(Func<string, string?> current, IReadOnlyList<LearnedPattern> changed,
        IReadOnlyList<Execution> newExecutions, Summary summary, DateTimeOffset now)
    {
        var ts = now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var inv = CultureInfo.InvariantCulture;
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        void Append(string name, IEnumerable<string> lines)
        {
            // Names and ids in these lines come from executions: redacted like the pattern files.
            var add = string.Concat(lines.Select(l => AgentOps.Core.Security.SecretScanner.Redact(l.Replace('\n', ' '), out _) + "\n"));
            if (add.Length > 0) result[name] = (current(name) ?? "") + add;
        }
        Append("success_rates.log", changed.Select(p => string.Create(inv, $"{ts} {p.Id} category={p.Category} success_rate={p.SuccessRate:0.####} executions={p.Executions} validated={(p.Validated ? "true" : "false")}")));
        Append("durations.log", changed.Select(p => string.Create(inv, $"{ts} {p.Id} mean_s={p.Durations.MeanSeconds:0.###} p50_s={p.Durations.P50Seconds:0.###} p90_s={p.Durations.P90Seconds:0.###} rollback_rate={p.RollbackRate:0.####}")));
        Append("plugin_usage.log", newExecutions.SelectMany(e => e.Steps.Where(s => s.Kind != StepKinds.Tool)
            .Select(s => string.Create(inv, $"{ts} {e.Id} {s.Kind} {s.Name} {(s.Succeeded ? "ok" : "fail")} {s.DurationSeconds:0.###}s"))));
        // The seed's troubleshooting reads "cat metrics/failures.log" to analyse failed executions: one line each.
        Append("failures.log", newExecutions.Where(e => !e.Success).Select(e => string.Create(inv,
            $"{ts} {e.Id} failed_steps={(e.Steps.Any(s => !s.Succeeded) ? string.Join(",", e.Steps.Where(s => !s.Succeeded).Select(s => s.Name)) : "-")} rollback={(e.RolledBack ? "yes" : "no")} duration_s={e.DurationSeconds:0.###} reason=\"{Quoted(e.FailureReason ?? "the session did not succeed")}\" task=\"{Quoted(e.Task)}\"")));
        result["learning_metrics.json"] = ToJson(summary, now);
        return result;
    }
}
