using AgentOps.Core.Diagnostics;
using AgentOps.Orchestration.Git;
using AgentOps.Core.Patterns;
using AgentOps.Core.Security;

namespace AgentOps.Orchestration.Learning;

public sealed record LearnOptions
{
    /// <summary>The user's project (default: current directory); executions are read from
    /// <c>&lt;project&gt;/.agentops/executions/</c>.</summary>
    public string Project { get; init; } = Environment.CurrentDirectory;
    /// <summary>Store root (default <c>&lt;project&gt;/.agentops</c>).</summary>
    public string? Store { get; init; }
    /// <summary>Explicit execution files (transcripts, hook logs, execution.json); when set, the project's
    /// executions folder is not scanned.</summary>
    public IReadOnlyList<string>? ExecutionFiles { get; init; }
    /// <summary>false: extract only (write discovered/ and validated/, no git).</summary>
    public bool Commit { get; init; } = true;
    /// <summary>learn-from --force: promote to learned/ even below 3 executions or 70 % success (still must
    /// pass the format's rules other than the thresholds).</summary>
    public bool Force { get; init; }
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(60);
    public DateTimeOffset? Now { get; init; }

    public string StoreRoot => Path.GetFullPath(Store ?? Path.Combine(Project, ".agentops"));
}

public sealed record PatternOutcome(string Id, string Category, PatternLifecycle Lifecycle, int Executions, double SuccessRate, bool Changed, string Path);

public sealed class LearnReport
{
    public List<PatternOutcome> Patterns { get; } = [];
    public List<string> Warnings { get; } = [];
    public List<string> Redactions { get; } = [];
    public List<Diagnostic> Diagnostics { get; } = [];
    public List<(string Sha, string Message)> Commits { get; } = [];
    public int ExecutionsRead { get; set; }
    public int ExecutionsSkipped { get; set; }
}

/// <summary>
/// <c>agentops learn</c> / <c>extract</c> / <c>learn-from</c>: read executions -> extract -> validate ->
/// redact -> write atomically -> commit (LibGit2Sharp), under a store lock so concurrent runs both land.
/// </summary>
public static class LearningEngine
{
    public const string GitIgnore = "# agentops: raw execution logs and local candidates stay local\nexecutions/\nlogs/\npatterns/discovered/\npatterns/validated/\n*.tmp\n";

    public static LearnReport Learn(LearnOptions o)
    {
        var now = o.Now ?? DateTimeOffset.UtcNow;
        var storeRoot = o.StoreRoot;
        Directory.CreateDirectory(storeRoot);
        GitMemory? git = null;
        try
        {
            if (o.Commit)
            {
                git = GitMemory.Open(storeRoot);
                git.EnsureCommittable(); // before the lock too: fail fast with nothing written
            }
            // One lock for learn and extract: in the git dir when the store is in a repository (never an untracked
            // file in the user's work tree), beside the store otherwise.
            using var _ = StoreLock.Acquire(git?.LockPath ?? GitMemory.DiscoverLockPath(storeRoot) ?? Path.Combine(storeRoot, ".learn.lock"), o.LockTimeout);
            git?.EnsureCommittable();
            return LearnLocked(o, storeRoot, git, now);
        }
        finally { git?.Dispose(); }
    }

    private static LearnReport LearnLocked(LearnOptions o, string storeRoot, GitMemory? git, DateTimeOffset now)
    {
        var report = new LearnReport();
        var store = new PatternStore(storeRoot);
        var loaded = o.ExecutionFiles is { } files ? ExecutionSources.LoadFiles(files) : ExecutionSources.LoadProject(o.Project);
        report.Warnings.AddRange(loaded.Warnings);
        report.ExecutionsRead = loaded.Executions.Count;

        var existing = store.List().Where(p => p.Pattern is not null && p.Lifecycle != PatternLifecycle.Meta).ToList();
        foreach (var bad in store.List().Where(p => p.Pattern is null))
            report.Warnings.Add($"{bad.Path}: unreadable pattern left as is ({string.Join("; ", bad.Diagnostics.Where(d => d.IsError).Select(d => d.Message))})");
        var existingById = existing.ToDictionary(p => p.Pattern!.Id, StringComparer.Ordinal);
        var knownIds = existing.SelectMany(p => p.Pattern!.ExecutionIds).ToHashSet(StringComparer.Ordinal);

        var extraction = PatternExtractor.Extract(loaded.Executions, existing.Select(p => p.Pattern!));
        report.ExecutionsSkipped = extraction.SkippedExecutions;

        var toCommit = new List<(LearnedPattern P, List<string> Paths)>();
        var changedPatterns = new List<LearnedPattern>();
        foreach (var candidate in extraction.Candidates)
        {
            existingById.TryGetValue(candidate.Id, out var old);
            var eligible = candidate.Validated || (o.Force && candidate.Executions > 0);
            var target = old?.Lifecycle == PatternLifecycle.Learned ? PatternLifecycle.Learned
                : eligible ? (o.Commit ? PatternLifecycle.Learned : PatternLifecycle.Validated)
                : PatternLifecycle.Discovered;
            var pattern = candidate with { Validated = candidate.Validated || (o.Force && eligible) };
            var text = Redact(PatternWriter.Render(pattern), pattern.Id, report);
            if (text is null) { target = PatternLifecycle.Discovered; text = "";  }
            var path = store.PathFor(pattern.Id, target);
            if (target != PatternLifecycle.Discovered)
            {
                var diags = PatternChecks.Validate(path, text);
                var errors = diags.Where(d => d.IsError).ToList();
                if (o.Force) errors = errors.Where(d => d.Code != DiagnosticCodes.PatternExecutionsInvalid).ToList();
                if (errors.Count > 0)
                {
                    report.Diagnostics.AddRange(errors);
                    report.Warnings.Add($"{pattern.Id}: fails validation, kept in discovered/");
                    if (target == PatternLifecycle.Learned && old?.Lifecycle == PatternLifecycle.Learned) { continue; }
                    target = PatternLifecycle.Discovered;
                    pattern = pattern with { Validated = false };
                    text = Redact(PatternWriter.Render(pattern), pattern.Id, report) ?? "";
                    path = store.PathFor(pattern.Id, target);
                }
            }
            if (text.Length == 0) continue;
            var changed = !File.Exists(path) || File.ReadAllText(path) != text || (old is not null && old.Lifecycle != target);
            if (changed)
            {
                var (written, removed) = store.Write(pattern.Id, target, text);
                changedPatterns.Add(pattern);
                if (target == PatternLifecycle.Learned) toCommit.Add((pattern, [written, .. removed.Where(r => r.Contains($"{Path.DirectorySeparatorChar}learned{Path.DirectorySeparatorChar}"))]));
            }
            report.Patterns.Add(new PatternOutcome(pattern.Id, pattern.Category, target, pattern.Executions, pattern.SuccessRate, changed, path));
        }

        var metaPaths = new List<string>();
        foreach (var meta in extraction.Meta)
        {
            var text = Redact(PatternWriter.Render(meta), meta.Id, report);
            if (text is null) continue;
            var path = store.PathFor(meta.Id, PatternLifecycle.Meta);
            var changed = !File.Exists(path) || File.ReadAllText(path) != text;
            if (changed) { store.Write(meta.Id, PatternLifecycle.Meta, text); metaPaths.Add(path); }
            report.Patterns.Add(new PatternOutcome(meta.Id, meta.Category, PatternLifecycle.Meta, meta.Executions, meta.SuccessRate, changed, path));
        }

        if (git is null)
        {
            if (changedPatterns.Count > 0)
                LearningMetrics.Write(storeRoot, changedPatterns, loaded.Executions.Where(e => !knownIds.Contains(e.Id)).ToList(), LearningMetrics.Compute(store, []), now);
            return report;
        }

        var gitignore = Path.Combine(storeRoot, ".gitignore");
        var extra = new List<string>();
        if (!File.Exists(gitignore))
        {
            AtomicFile.WriteAllText(gitignore, GitIgnore);
            extra.Add(gitignore);
        }

        foreach (var (p, paths) in toCommit.OrderBy(t => t.P.Id, StringComparer.Ordinal))
        {
            var message = $"Learn pattern: {p.Id}\n\nCategory: {p.Category}\nSuccess rate: {p.SuccessRate.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}\n" +
                          $"Executions ({p.Executions}): {string.Join(", ", p.ExecutionIds)}\n";
            var c = git.CommitPaths(paths, message, now);
            if (c is not null) report.Commits.Add((c.Sha, c.MessageShort));
        }

        if (changedPatterns.Count > 0 || metaPaths.Count > 0 || extra.Count > 0)
        {
            var metrics = LearningMetrics.Write(storeRoot, changedPatterns, loaded.Executions.Where(e => !knownIds.Contains(e.Id)).ToList(),
                LearningMetrics.Compute(store, git.LearnCommits()), now);
            var c = git.CommitPaths([.. metaPaths, .. metrics, .. extra], $"Update learning metrics\n\nPatterns changed: {changedPatterns.Count}; meta patterns changed: {metaPaths.Count}\n", now);
            if (c is not null) report.Commits.Add((c.Sha, c.MessageShort));
        }
        return report;
    }

    /// <summary>Redacts secrets; returns null if anything is still found after redaction (never written).</summary>
    internal static string? Redact(string text, string id, LearnReport report)
    {
        var redacted = SecretScanner.Redact(text, out var findings);
        if (findings.Count > 0)
            report.Redactions.Add($"{id}: redacted {findings.Count} secret(s) ({string.Join(", ", findings.Select(f => $"{f.Kind} at line {f.Line}").Distinct())})");
        if (SecretScanner.Scan(redacted).Count > 0)
        {
            report.Diagnostics.Add(new Diagnostic(DiagnosticCodes.PatternSecret, DiagnosticSeverity.Error, id, 0, 0, "pattern still contains a secret after redaction: not written"));
            return null;
        }
        return redacted;
    }
}
