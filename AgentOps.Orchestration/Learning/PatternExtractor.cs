using AgentOps.Core.Diagnostics;
using AgentOps.Core.Security;
using System.Globalization;
using AgentOps.Core.Patterns;

namespace AgentOps.Orchestration.Learning;

public sealed record ExtractionResult(
    IReadOnlyList<LearnedPattern> Candidates,
    IReadOnlyList<LearnedPattern> Meta,
    int SkippedExecutions)
{
    /// <summary>What was learned only in part (AOP0917: a workflow cut at <see cref="PatternExtractor.MaxWorkflowSteps"/>).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>
/// Groups executions into pattern candidates and computes their statistics (algorithm:
/// docs/meta-orchestrator/LEARNING_SYSTEM.md). Deterministic: same executions (in any order) and same
/// existing patterns give byte-identical patterns; no clock is read.
/// </summary>
public static class PatternExtractor
{
    public const double ValidatedMinSuccessRate = 0.70;
    public const int ValidatedMinExecutions = 3;
    /// <summary>Example tasks kept in a pattern's context: the planner's memory recalls a pattern by the
    /// tasks it served (issue 15), so the phrasings met later are added, not only the first ones.</summary>
    public const int MaxExampleTasks = 6;
    private const string ExamplesLabel = "Example tasks: ";

    /// <summary>The most steps a pattern's workflow keeps (after repeats are collapsed); later steps of a longer
    /// execution are not stored, with warning AOP0917 naming its file. A plan of hundreds of steps is no plan, and
    /// a workflow of 200,000 distinct agents made a pattern file of megabytes that every later learn re-scanned for
    /// secrets and that PatternReader refuses beyond <see cref="PatternReader.MaxPatternBytes"/>.</summary>
    public const int MaxWorkflowSteps = 200;

    private sealed record Collapsed(string Name, string Kind, double Offset, double Duration, bool Success, string? Description);

    /// <summary>Workflow shape: delegation steps (commands, subagents, skills) in order, repeats of a step
    /// collapsed into it (see <see cref="RepeatOf"/>); an execution without delegation uses its notable
    /// tools instead. Empty: nothing to learn.</summary>
    public static IReadOnlyList<string> Shape(Execution e) => Workflow(e, out _).Select(c => c.Name).ToList();

    /// <summary>The collapsed workflow, cut at <see cref="MaxWorkflowSteps"/>; <paramref name="cut"/> is how many
    /// collapsed steps were left out.</summary>
    private static List<Collapsed> Workflow(Execution e, out int cut)
    {
        var c = Collapse(e);
        cut = Math.Max(0, c.Count - MaxWorkflowSteps);
        return cut == 0 ? c : c.GetRange(0, MaxWorkflowSteps);
    }

    /// <summary>
    /// Collapses repeats: a step is a repeat (a retry, or the same agent called again) of an earlier step
    /// with its name when every step between them started before that earlier step ended, i.e. ran in
    /// parallel with it (so a retry inside a parallel group does not change the workflow's shape). The
    /// collapsed step spans all attempts and counts as succeeded only if every attempt did: a step that
    /// needed a retry is a failure of that step for the per-step statistics (which agent fails where,
    /// where checkpoints go), while the execution's own outcome stays what the record says.
    /// </summary>
    private static List<Collapsed> Collapse(Execution e)
    {
        var delegation = e.Steps.Where(s => s.Kind != StepKinds.Tool).ToList();
        var source = delegation.Count > 0 ? delegation : e.Steps.ToList();
        var result = new List<Collapsed>();
        // Where each name sits in result: a repeat is looked for among the steps of its name only, not
        // across the whole workflow (a scan per step made 200,000 distinct agents quadratic).
        var byName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var s in source.OrderBy(s => s.Start))
        {
            var offset = Math.Max(0, (s.Start - e.Start).TotalSeconds);
            var at = RepeatOf(result, byName, s.Name, s.Description);
            if (at >= 0)
            {
                var prev = result[at];
                var end = Math.Max(prev.Offset + prev.Duration, offset + s.DurationSeconds);
                result[at] = prev with { Duration = end - prev.Offset, Success = prev.Success && s.Succeeded };
            }
            else
            {
                result.Add(new Collapsed(s.Name, s.Kind, offset, s.DurationSeconds, s.Succeeded, s.Description));
                if (!byName.TryGetValue(s.Name, out var places)) byName[s.Name] = places = [];
                places.Add(result.Count - 1);
            }
        }
        return result;
    }

    /// <summary>Index of the earlier step <paramref name="name"/> repeats: the last step, or an earlier one with
    /// that name and the same role (<see cref="StepCapability.SameRole"/>) when every step after it started before it ended (they ran in parallel with it); else -1.</summary>
    /// <param name="byName">The indices in <paramref name="result"/> of each name, ascending.</param>
    private static int RepeatOf(List<Collapsed> result, Dictionary<string, List<int>> byName, string name, string? description)
    {
        if (result.Count == 0) return -1;
        // One agent may fill two roles (issue 15): a call asked to do another capability is a new step, not a retry.
        bool Same(Collapsed c) => c.Name == name && StepCapability.SameRole(c.Description, description);
        if (Same(result[^1])) return result.Count - 1;
        if (!byName.TryGetValue(name, out var places)) return -1;
        var at = -1;
        for (var k = places.Count - 1; k >= 0 && at < 0; k--)
            if (Same(result[places[k]])) at = places[k];
        if (at < 0) return -1;
        // Steps are added in start order and a repeat keeps its first start, so offsets never decrease: the
        // last step started latest, and every step after `at` started before it ended when the last one did.
        var endOfFirst = result[at].Offset + result[at].Duration;
        return result[^1].Offset >= endOfFirst - 1e-9 ? -1 : at;
    }

    /// <summary>A session whose only delegation was the meta-orchestrator's own commands (show-patterns, meta-stats…)
    /// read the memory and did no work: its pattern would plan nothing (<see cref="Planning.PatternPlanBuilder.IsOrchestrator"/>
    /// leaves those commands out of plans), so the learner does not learn from itself.</summary>
    private static bool OnlyLookedAtTheMemory(Execution e)
    {
        var delegation = e.Steps.Where(s => s.Kind != StepKinds.Tool).ToList();
        return delegation.Count > 0 && delegation.All(s => Planning.PatternPlanBuilder.IsOrchestrator(s.Name));
    }

    public static ExtractionResult Extract(IEnumerable<Execution> executions, IEnumerable<LearnedPattern>? existing = null)
    {
        var existingById = (existing ?? []).GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var groups = new SortedDictionary<string, List<(Execution E, List<Collapsed> C, string Category, IReadOnlyList<string> Words)>>(StringComparer.Ordinal);
        var skipped = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var all = new List<(Execution E, List<Collapsed> C)>();
        var warnings = new List<string>();
        foreach (var e in executions.OrderBy(e => e.Start).ThenBy(e => e.Id, StringComparer.Ordinal))
        {
            if (!seen.Add(e.Id)) continue; // the same execution from two sources counts once
            var c = Workflow(e, out var cut);
            if (c.Count == 0 || OnlyLookedAtTheMemory(e)) { skipped++; continue; }
            var category = TaskClassifier.Classify(e.Task, out var words);
            var id = PatternIds.For(category, c.Select(x => x.Name));
            if (cut > 0)
                warnings.Add($"{DiagnosticCodes.WorkflowCut}: {Printable.Sanitize(e.File ?? e.Id)}: execution {e.Id} has a workflow of {MaxWorkflowSteps + cut} steps: "
                    + $"the first {MaxWorkflowSteps} are learned into pattern {id}, the other {cut} are not stored (at most {MaxWorkflowSteps} steps a pattern)");
            if (!groups.TryGetValue(id, out var list)) groups[id] = list = [];
            list.Add((e, c, category, words));
            all.Add((e, c));
        }

        var candidates = new List<LearnedPattern>();
        foreach (var (id, list) in groups)
        {
            var category = list[0].Category;
            var template = list[0].C;
            var steps = template.Select((c, i) => new PatternStep(i + 1, c.Name, c.Kind, StepClassifier.Phase(c.Name), 0, 1, c.Description)).ToList();
            var ledger = list.Select(x => new LedgerEntry(x.E.Id, x.E.Start, x.E.Success, x.E.DurationSeconds, x.E.RolledBack,
                x.C.Select(c => new LedgerStep(c.Offset, c.Duration, c.Success)).ToList())).ToList();
            existingById.TryGetValue(id, out var old);
            if (old is not null)
            {
                // A fresh reading of an execution already in the ledger replaces it: logs only grow, so a
                // session learned while it was still running is corrected once it has ended.
                var fresh = ledger.ToDictionary(l => l.ExecutionId, StringComparer.Ordinal);
                var known = old.Ledger.Select(l => l.ExecutionId).Concat(old.ExecutionIds).ToHashSet(StringComparer.Ordinal);
                ledger = old.Ledger.Select(l => fresh.GetValueOrDefault(l.ExecutionId) ?? l)
                    .Concat(ledger.Where(l => !known.Contains(l.ExecutionId))).ToList();
            }
            var tasks = list.Select(x => x.E.Task.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).Take(MaxExampleTasks)
                .Select(t => SecretScanner.RedactThenTruncate(t.Replace('\n', ' '), 120)).ToList();
            var words = list.SelectMany(x => x.Words).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var context = old is { Context.Length: > 0 } ? WithExamples(old.Context, tasks) :
                $"Tasks classified as `{category}`" + (words.Count > 0 ? $" (signals: {string.Join(", ", words)})" : "") +
                $" handled with the workflow {string.Join(" → ", steps.Select(s => $"`{s.Name}`"))}." +
                (tasks.Count > 0 ? "\n" + ExamplesLabel + string.Join("; ", tasks.Select(Quote)) + "." : "");
            var tags = words.Select(PatternIds.Slug).Concat(old?.Tags ?? []).Prepend(category).Distinct(StringComparer.Ordinal).Take(8).ToList();
            var basePattern = new LearnedPattern
            {
                Id = id,
                Title = $"{Title(category)}: {string.Join(" → ", steps.Select(s => s.Name))}",
                Category = category,
                Steps = old?.Steps.Count == steps.Count ? old.Steps : steps,
                Context = context,
                Tags = tags,
                Created = old?.Created ?? default,
            };
            candidates.Add(Recompute(basePattern, ledger));
        }
        // An execution now read with another workflow (it was learned while still running, with fewer steps)
        // leaves the pattern it was first counted in.
        var placed = groups.SelectMany(g => g.Value.Select(x => (x.E.Id, g.Key))).ToDictionary(t => t.Id, t => t.Key, StringComparer.Ordinal);
        foreach (var (id, old) in existingById)
        {
            if (groups.ContainsKey(id) || old.Ledger.Count == 0) continue;
            var kept = old.Ledger.Where(l => !placed.ContainsKey(l.ExecutionId)).ToList();
            if (kept.Count < old.Ledger.Count && kept.Count > 0) candidates.Add(Recompute(old, kept));
        }
        return new ExtractionResult(candidates, MetaPatterns(all), skipped) { Warnings = warnings };
    }

    private static string Quote(string task) => $"\"{task.Replace("\"", "'")}\"";

    /// <summary>The example tasks a pattern's context lists (the line <c>Example tasks: "a"; "b".</c>), in order.</summary>
    public static IReadOnlyList<string> ExampleTasks(string context)
    {
        var line = context.Split('\n').FirstOrDefault(l => l.StartsWith(ExamplesLabel, StringComparison.Ordinal));
        if (line is null) return [];
        return line[ExamplesLabel.Length..].TrimEnd('.').Split("; ", StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.Trim().Trim('"')).Where(t => t.Length > 0).ToList();
    }

    /// <summary>An existing context with the tasks met since added to its examples (first ones kept, at most
    /// <see cref="MaxExampleTasks"/>); the rest of the context is left as written.</summary>
    private static string WithExamples(string context, IReadOnlyList<string> tasks)
    {
        var known = ExampleTasks(context);
        var merged = known.Concat(tasks.Select(t => t.Replace("\"", "'"))).Distinct(StringComparer.Ordinal).Take(MaxExampleTasks).ToList();
        if (merged.Count == known.Count) return context;
        var lines = context.Split('\n').Where(l => !l.StartsWith(ExamplesLabel, StringComparison.Ordinal)).ToList();
        lines.Add(ExamplesLabel + string.Join("; ", merged.Select(Quote)) + ".");
        return string.Join('\n', lines);
    }

    /// <summary>Recomputes every statistic of a pattern from its ledger (also used by merge-learnings).</summary>
    public static LearnedPattern Recompute(LearnedPattern p, IReadOnlyList<LedgerEntry> ledgerIn)
    {
        var ledger = ledgerIn.GroupBy(l => l.ExecutionId, StringComparer.Ordinal).Select(g => g.First())
            .OrderBy(l => l.Timestamp).ThenBy(l => l.ExecutionId, StringComparer.Ordinal).ToList();
        var n = ledger.Count;
        if (n == 0) return p;
        var ok = ledger.Count(l => l.Success);
        var rate = (double)ok / n;
        var durations = ledger.Select(l => l.DurationSeconds).Order().ToList();
        var stats = new DurationStats(durations.Average(), Percentile(durations, 0.5), Percentile(durations, 0.9));
        var steps = new List<PatternStep>();
        var failures = new int[p.Steps.Count];
        for (var i = 0; i < p.Steps.Count; i++)
        {
            var seen = ledger.Where(l => l.Steps.Count > i).Select(l => l.Steps[i]).ToList();
            failures[i] = seen.Count(s => !s.Success);
            var s0 = p.Steps[i];
            steps.Add(s0 with
            {
                Order = i + 1,
                Phase = string.IsNullOrEmpty(s0.Phase) ? StepClassifier.Phase(s0.Name) : s0.Phase,
                MeanDurationSeconds = seen.Count == 0 ? 0 : seen.Average(s => s.DurationSeconds),
                SuccessRate = seen.Count == 0 ? 1 : (double)seen.Count(s => s.Success) / seen.Count,
            });
        }

        // Parallel groups: maximal runs of adjacent steps that never depend on each other: both read-only
        // (research/review), or observed overlapping in time in some execution.
        var groups = new List<IReadOnlyList<int>>();
        var run = new List<int>();
        for (var i = 0; i + 1 < steps.Count; i++)
        {
            var independent = (StepClassifier.IsReadOnlyPhase(steps[i].Phase) && StepClassifier.IsReadOnlyPhase(steps[i + 1].Phase))
                || ledger.Any(l => l.Steps.Count > i + 1 && l.Steps[i + 1].OffsetSeconds + 1e-9 < l.Steps[i].OffsetSeconds + l.Steps[i].DurationSeconds && l.Steps[i].DurationSeconds > 0);
            if (independent)
            {
                if (run.Count == 0) run.Add(i + 1);
                run.Add(i + 2);
            }
            else if (run.Count > 0) { groups.Add(run); run = []; }
        }
        if (run.Count > 0) groups.Add(run);

        int? checkpoint = null;
        var maxFail = 0;
        for (var i = 0; i < failures.Length; i++)
            if (failures[i] > maxFail) { maxFail = failures[i]; checkpoint = i + 1; }

        var rollbacks = ledger.Count(l => l.RolledBack);
        var notes = new List<string>();
        if (checkpoint is { } cp)
            notes.Add($"step {cp} failed in {maxFail} of {n} executions; checkpoint (commit or snapshot) after it to retry from there");
        if (rollbacks > 0) notes.Add($"{rollbacks} of {n} executions rolled back");

        var factors = new List<string>();
        var okRuns = ledger.Where(l => l.Success).Select(l => l.DurationSeconds).Order().ToList();
        var badRuns = ledger.Where(l => !l.Success).Select(l => l.DurationSeconds).Order().ToList();
        factors.Add($"{ok} of {n} executions succeeded with this workflow ({Pct(rate)}).");
        if (okRuns.Count > 0 && badRuns.Count > 0)
            factors.Add($"Successful runs took p50 {F(Percentile(okRuns, 0.5))} s; failed runs p50 {F(Percentile(badRuns, 0.5))} s.");
        var reliable = steps.Where(s => s.SuccessRate >= 0.999).Select(s => $"`{s.Name}`").ToList();
        if (reliable.Count > 0 && n >= ValidatedMinExecutions) factors.Add($"Never failed: {string.Join(", ", reliable)}.");

        var validated = n >= ValidatedMinExecutions && rate >= ValidatedMinSuccessRate;
        var created = p.Created == default ? DateOnly.FromDateTime(ledger[0].Timestamp.UtcDateTime) : p.Created;
        var updated = DateOnly.FromDateTime(ledger[^1].Timestamp.UtcDateTime);
        return p with
        {
            Created = created,
            Updated = updated > created ? updated : null,
            SuccessRate = Math.Round(rate, 4),
            Executions = n,
            Validated = validated,
            ExecutionIds = ledger.Select(l => l.ExecutionId).ToList(),
            Steps = steps,
            Durations = stats,
            RollbackRate = (double)rollbacks / n,
            Optimizations = new PatternOptimizations(groups, checkpoint, notes),
            SuccessFactors = factors,
            WorkflowHash = PatternIds.WorkflowHash(p.Category, steps.Select(s => s.Name)),
            Ledger = ledger,
        };
    }

    /// <summary>Patterns about patterns: does researching first, or verifying (test/review), change success?</summary>
    private static List<LearnedPattern> MetaPatterns(List<(Execution E, List<Collapsed> C)> all)
    {
        var result = new List<LearnedPattern>();
        void Compare(string id, string title, string what, Func<List<Collapsed>, bool> has, string phase)
        {
            var with = all.Where(x => has(x.C)).ToList();
            var without = all.Where(x => !has(x.C)).ToList();
            if (with.Count < ValidatedMinExecutions || without.Count < ValidatedMinExecutions) return;
            var a = with.Count(x => x.E.Success) / (double)with.Count;
            var b = without.Count(x => x.E.Success) / (double)without.Count;
            var points = (int)Math.Round((a - b) * 100, MidpointRounding.AwayFromZero);
            var stepName = with.SelectMany(x => x.C).Where(c => StepClassifier.Phase(c.Name) == phase)
                .GroupBy(c => c.Name).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
            var sentence = $"Runs that {what} succeed {Math.Abs(points)} points {(points >= 0 ? "more" : "less")} often ({Pct(a)} of {with.Count} vs {Pct(b)} of {without.Count}).";
            var ids = all.Select(x => x.E).OrderBy(e => e.Start).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
            result.Add(new LearnedPattern
            {
                Id = id,
                Title = title,
                Category = "meta",
                Created = DateOnly.FromDateTime(ids[0].Start.UtcDateTime),
                Updated = DateOnly.FromDateTime(ids[^1].Start.UtcDateTime) is var u && u > DateOnly.FromDateTime(ids[0].Start.UtcDateTime) ? u : null,
                SuccessRate = Math.Round(a, 4),
                Executions = all.Count,
                Validated = true,
                Tags = ["meta", phase],
                Context = sentence + $"\nComputed over all {all.Count} learned executions; success_rate is the rate of runs that {what}.",
                Steps = [new PatternStep(1, stepName, StepKinds.Subagent, phase, with.SelectMany(x => x.C).Where(c => c.Name == stepName).Average(c => c.Duration), a, $"{what} (most used {phase} step)")],
                SuccessFactors = [sentence],
                Durations = new DurationStats(with.Average(x => x.E.DurationSeconds), Percentile(with.Select(x => x.E.DurationSeconds).Order().ToList(), 0.5), Percentile(with.Select(x => x.E.DurationSeconds).Order().ToList(), 0.9)),
                WorkflowHash = PatternIds.WorkflowHash("meta", [id]),
                Optimizations = new PatternOptimizations([], null, points > 0 ? [$"prefer workflows that {what}"] : []),
            });
        }
        Compare("meta-research-first", "Research first", "research first", c => StepClassifier.Phase(c[0].Name) == "research", "research");
        Compare("meta-verification-step", "Verify before finishing", "include a test or review step", c => c.Any(x => StepClassifier.Phase(x.Name) is "test" or "review"), "test");
        return result;
    }

    /// <summary>Nearest-rank percentile of a sorted list.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0) return 0;
        var rank = (int)Math.Ceiling(q * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    private static string Pct(double r) => (r * 100).ToString("0", CultureInfo.InvariantCulture) + " %";
    private static string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Title(string category) =>
        string.Join(' ', category.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
