using AgentOps.Core.Diagnostics;
using AgentOps.Orchestration.Git;
using AgentOps.Core.Patterns;
using LibGit2Sharp;

namespace AgentOps.Orchestration.Learning;

public sealed class MergeReport
{
    public List<string> Added { get; } = [];
    public List<string> Merged { get; } = [];
    public List<string> Unchanged { get; } = [];
    public List<string> Conflicts { get; } = [];
    public List<string> Warnings { get; } = [];
    public List<string> Redactions { get; } = [];
    public string? CommitSha { get; set; }
}

/// <summary>
/// <c>agentops merge-learnings &lt;branch|path|remote&gt;</c>: brings another clone's learned patterns in.
/// Same id and same workflow: the ledgers are unioned by execution id and every rate recomputed (never
/// drops a side). Same id, different workflow: a conflict, reported and left untouched. The result is
/// committed to the local <see cref="LearningsBranch"/> (never the checked-out branch); when the source is
/// another learnings branch its tip becomes a second parent, so the next push of the branch fast-forwards.
/// </summary>
public static class MergeEngine
{
    public static MergeReport Merge(string storeRoot, string source, TimeSpan? lockTimeout = null, DateTimeOffset? now = null)
    {
        if (string.IsNullOrWhiteSpace(source))
            throw new LearningException(DiagnosticCodes.MergeSourceNotFound, "merge-learnings needs a source: a folder (another clone or store), a branch, or a remote name or URL", ExitCodes.Usage);
        var when = now ?? DateTimeOffset.UtcNow;
        using var git = GitMemory.Open(storeRoot);
        using var _ = StoreLock.Acquire(git.LockPath, lockTimeout ?? TimeSpan.FromSeconds(60));
        var report = new MergeReport();
        var (incoming, theirTip) = MergeSources.Read(git, source, report);
        var store = new PatternStore(storeRoot);
        var local = PatternMemory.List(storeRoot, git.Repo)
            .Where(p => p.Stored.Pattern is not null && p.Stored.Lifecycle != PatternLifecycle.Meta)
            .GroupBy(p => p.Stored.Pattern!.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var changes = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (origin, text) in incoming.OrderBy(i => i.Origin, StringComparer.Ordinal))
        {
            var r = PatternReader.Parse(origin, text);
            if (r.Pattern is not { } theirs)
            {
                report.Warnings.Add($"{origin}: unreadable pattern skipped ({string.Join("; ", r.Diagnostics.Where(d => d.IsError).Select(d => d.Message))})");
                continue;
            }
            local.TryGetValue(theirs.Id, out var sourced);
            var mine = sourced?.Stored;
            LearnedPattern result;
            if (mine?.Pattern is not { } ours)
            {
                result = theirs;
                report.Added.Add(theirs.Id);
            }
            else
            {
                if (ours.WorkflowSignature != theirs.WorkflowSignature || !string.Equals(ours.Category, theirs.Category, StringComparison.Ordinal))
                {
                    report.Conflicts.Add($"{DiagnosticCodes.MergeConflict}: {theirs.Id}: workflow differs (ours: {ours.WorkflowSignature} [{ours.Category}]; theirs: {theirs.WorkflowSignature} [{theirs.Category}]) — kept ours, resolve by hand");
                    continue;
                }
                result = Combine(ours, theirs);
                // Unchanged only when the branch has it already: a learned file an older version committed into the
                // project's own branch (merge-learnings .agentops) is moved onto the branch.
                if (result.ExecutionIds.Count == ours.ExecutionIds.Count && mine.Lifecycle == PatternLifecycle.Learned && sourced!.Origin == PatternOrigins.Branch)
                { report.Unchanged.Add(theirs.Id); continue; }
                report.Merged.Add($"{theirs.Id}: {ours.Executions} + {theirs.Executions} -> {result.Executions} executions, success {result.SuccessRate:0.00}");
            }
            var rendered = Learning.LearningEngine.Redact(PatternWriter.Render(result), result.Id, new LearnReport()) is { } red ? red : null;
            if (rendered is null) { report.Warnings.Add($"{result.Id}: still contains a secret, not merged"); continue; }
            if (SecretScanner_Redacted(rendered, PatternWriter.Render(result))) report.Redactions.Add($"{result.Id}: secrets redacted");
            var errors = PatternChecks.Validate(store.PathFor(result.Id, PatternLifecycle.Learned), rendered).Where(d => d.IsError).ToList();
            if (errors.Count > 0)
            {
                report.Warnings.Add($"{result.Id}: fails validation ({string.Join("; ", errors.Select(e => e.Message))}); kept in discovered/");
                store.Write(result.Id, PatternLifecycle.Discovered, rendered);
                continue;
            }
            changes[PatternMemory.BranchPath(result.Id, PatternLifecycle.Learned)] = rendered;
        }
        if (changes.Count > 0 || theirTip is not null)
        {
            var body = string.Join("\n", report.Added.Select(a => $"Added: {a}").Concat(report.Merged.Select(m => $"Merged: {m}")).Concat(report.Conflicts.Select(c => $"Conflict: {c}")));
            try
            {
                var c = LearningsBranch.Commit(git.Repo, changes, $"Merge learnings from {source}\n\n{body}\n", when, theirTip is null ? null : [theirTip]);
                report.CommitSha = c?.Sha;
            }
            catch (LibGit2SharpException ex) { throw LearningsBranch.Failed($"cannot commit to {LearningsBranch.Name} in {git.WorkDir}", ex); }
        }
        return report;
    }

    private static bool SecretScanner_Redacted(string redacted, string original) => redacted != original;

    /// <summary>Union of two patterns with the same workflow: ledgers unioned by execution id, rates recomputed.
    /// Without ledgers (hand-written patterns) counts are combined by execution ids, weighted by executions.</summary>
    public static LearnedPattern Combine(LearnedPattern ours, LearnedPattern theirs)
    {
        if (ours.Ledger.Count > 0 || theirs.Ledger.Count > 0)
        {
            var ledger = ours.Ledger.Concat(theirs.Ledger).ToList();
            var created = ours.Created <= theirs.Created ? ours.Created : theirs.Created;
            var merged = PatternExtractor.Recompute(ours with { Created = created, Tags = ours.Tags.Union(theirs.Tags, StringComparer.Ordinal).Take(8).ToList() }, ledger);
            return merged;
        }
        var ids = ours.ExecutionIds.Union(theirs.ExecutionIds, StringComparer.Ordinal).ToList();
        var overlap = ours.ExecutionIds.Intersect(theirs.ExecutionIds, StringComparer.Ordinal).Count();
        var n = Math.Max(ids.Count, ours.Executions + theirs.Executions - overlap);
        var rate = (ours.SuccessRate * ours.Executions + theirs.SuccessRate * Math.Max(0, theirs.Executions - overlap)) / Math.Max(1, ours.Executions + Math.Max(0, theirs.Executions - overlap));
        return ours with { ExecutionIds = ids, Executions = n, SuccessRate = Math.Round(rate, 4), Validated = ours.Validated || theirs.Validated,
            Created = ours.Created <= theirs.Created ? ours.Created : theirs.Created };
    }
}
