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
/// drops a side). Same id, different workflow: a conflict, reported and left untouched.
/// </summary>
public static class MergeEngine
{
    public static MergeReport Merge(string storeRoot, string source, TimeSpan? lockTimeout = null, DateTimeOffset? now = null)
    {
        var when = now ?? DateTimeOffset.UtcNow;
        using var git = GitMemory.Open(storeRoot);
        git.EnsureCommittable();
        using var _ = StoreLock.Acquire(git.LockPath, lockTimeout ?? TimeSpan.FromSeconds(60));
        git.EnsureCommittable();
        var report = new MergeReport();
        var incoming = ReadSource(git, source, report);
        var store = new PatternStore(storeRoot);
        var written = new List<string>();
        foreach (var (origin, text) in incoming.OrderBy(i => i.Origin, StringComparer.Ordinal))
        {
            var r = PatternReader.Parse(origin, text);
            if (r.Pattern is not { } theirs)
            {
                report.Warnings.Add($"{origin}: unreadable pattern skipped ({string.Join("; ", r.Diagnostics.Where(d => d.IsError).Select(d => d.Message))})");
                continue;
            }
            var local = store.Find(theirs.Id);
            LearnedPattern result;
            if (local?.Pattern is not { } ours)
            {
                result = theirs;
                report.Added.Add(theirs.Id);
            }
            else
            {
                if (ours.WorkflowSignature != theirs.WorkflowSignature || !string.Equals(ours.Category, theirs.Category, StringComparison.Ordinal))
                {
                    report.Conflicts.Add($"{theirs.Id}: workflow differs (ours: {ours.WorkflowSignature} [{ours.Category}]; theirs: {theirs.WorkflowSignature} [{theirs.Category}]) — kept ours, resolve by hand");
                    continue;
                }
                result = Combine(ours, theirs);
                if (result.ExecutionIds.Count == ours.ExecutionIds.Count && local.Lifecycle == PatternLifecycle.Learned) { report.Unchanged.Add(theirs.Id); continue; }
                report.Merged.Add($"{theirs.Id}: {ours.Executions} + {theirs.Executions} -> {result.Executions} executions, success {result.SuccessRate:0.00}");
            }
            var rendered = Learning.LearningEngine.Redact(PatternWriter.Render(result), result.Id, new LearnReport()) is { } red ? red : null;
            if (rendered is null) { report.Warnings.Add($"{result.Id}: still contains a secret, not merged"); continue; }
            if (SecretScanner_Redacted(rendered, PatternWriter.Render(result))) report.Redactions.Add($"{result.Id}: secrets redacted");
            var lifecycle = PatternLifecycle.Learned;
            var target = store.PathFor(result.Id, lifecycle);
            var errors = PatternChecks.Validate(target, rendered).Where(d => d.IsError).ToList();
            if (errors.Count > 0)
            {
                report.Warnings.Add($"{result.Id}: fails validation ({string.Join("; ", errors.Select(e => e.Message))}); kept in discovered/");
                lifecycle = PatternLifecycle.Discovered;
            }
            var (path, removed) = store.Write(result.Id, lifecycle, rendered);
            if (lifecycle == PatternLifecycle.Learned) { written.Add(path); written.AddRange(removed); }
        }
        if (written.Count > 0)
        {
            var body = string.Join("\n", report.Added.Select(a => $"Added: {a}").Concat(report.Merged.Select(m => $"Merged: {m}")).Concat(report.Conflicts.Select(c => $"Conflict: {c}")));
            var c = git.CommitPaths(written, $"Merge learnings from {source}\n\n{body}\n", when);
            report.CommitSha = c?.Sha;
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

    /// <summary>Pattern files of the source's learned/ (and validated/) folders: a folder (another clone or
    /// store), a branch of this repo, or a remote (name or URL) fetched with LibGit2Sharp.</summary>
    private static List<(string Origin, string Text)> ReadSource(GitMemory git, string source, MergeReport report)
    {
        var result = new List<(string, string)>();
        if (Directory.Exists(source))
        {
            var root = Path.GetFullPath(source);
            var candidates = new[] { root, Path.Combine(root, ".agentops") };
            if (git.StoreRelative.Length > 0) candidates = [.. candidates, Path.Combine(root, git.StoreRelative)];
            var storeDir = candidates.FirstOrDefault(c => Directory.Exists(Path.Combine(c, "patterns")))
                ?? throw new LearningException(DiagnosticCodes.MergeSourceNotFound, $"{source} has no patterns/ folder (nor .agentops/patterns/)", ExitCodes.NotFound);
            foreach (var folder in new[] { "learned", "validated" })
            {
                var dir = Path.Combine(storeDir, "patterns", folder);
                if (!Directory.Exists(dir)) continue;
                foreach (var f in Directory.EnumerateFiles(dir, "*.md").Order(StringComparer.Ordinal)) result.Add((f, File.ReadAllText(f)));
            }
            return result;
        }
        var repo = git.Repo;
        Commit? tip = repo.Branches[source]?.Tip;
        if (tip is null && (repo.Network.Remotes[source] is not null || source.Contains("://", StringComparison.Ordinal) || source.EndsWith(".git", StringComparison.Ordinal)))
        {
            var refPrefix = "refs/agentops/merge/";
            var remote = repo.Network.Remotes[source];
            var url = remote?.Url ?? source;
            Commands.Fetch(repo, url, [$"+refs/heads/*:{refPrefix}*"], new FetchOptions(), "agentops merge-learnings");
            var refs = repo.Refs.Where(r => r.CanonicalName.StartsWith(refPrefix, StringComparison.Ordinal)).ToList();
            var pick = refs.FirstOrDefault(r => r.CanonicalName.EndsWith("/main", StringComparison.Ordinal))
                ?? refs.FirstOrDefault(r => r.CanonicalName.EndsWith("/master", StringComparison.Ordinal)) ?? refs.FirstOrDefault();
            tip = pick is null ? null : repo.Lookup<Commit>(pick.TargetIdentifier);
        }
        if (tip is null)
            throw new LearningException(DiagnosticCodes.MergeSourceNotFound, $"merge source '{source}' is not a folder, a branch or a remote", ExitCodes.NotFound);
        foreach (var folder in new[] { "learned", "validated" })
        {
            var rel = (git.StoreRelative.Length > 0 ? git.StoreRelative + "/" : "") + "patterns/" + folder;
            if (tip[rel]?.Target is not Tree tree) continue;
            foreach (var entry in tree.Where(e => e.Name.EndsWith(".md", StringComparison.Ordinal)).OrderBy(e => e.Name, StringComparer.Ordinal))
                if (entry.Target is Blob blob) result.Add(($"{source}:{rel}/{entry.Name}", blob.GetContentText()));
        }
        if (result.Count == 0) report.Warnings.Add($"{source}: no patterns found under {git.StoreRelative}/patterns/learned");
        return result;
    }
}
