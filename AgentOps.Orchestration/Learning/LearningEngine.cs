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
    /// <summary>Some of <see cref="ExecutionFiles"/> already read (<see cref="ExecutionSources.LoadFile"/>), by path:
    /// learned as read, not parsed again.</summary>
    public IReadOnlyDictionary<string, ExecutionParseResult>? AlreadyRead { get; init; }
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
/// <c>agentops learn</c> / <c>extract</c> / <c>learn-from</c>: drain the hook spool -> read executions ->
/// extract -> validate -> redact -> write -> commit, under a store lock so concurrent runs both land.
/// Learned and meta patterns and the metrics are committed to the <see cref="LearningsBranch"/> without a
/// checkout; discovered and validated candidates stay in the local store folder (ignored by git).
/// </summary>
public static class LearningEngine
{
    public const string GitIgnore = "# agentops: local data (raw hook payloads, logs, candidates, caches); learned patterns live on the agentops/learnings branch\n*\n";

    /// <summary>How long a session without Stop/SessionEnd counts as still running.</summary>
    public static readonly TimeSpan OpenSessionGrace = TimeSpan.FromHours(6);

    public static LearnReport Learn(LearnOptions o)
    {
        var now = o.Now ?? DateTimeOffset.UtcNow;
        var storeRoot = o.StoreRoot;
        Directory.CreateDirectory(storeRoot);
        GitMemory? git = null;
        try
        {
            if (o.Commit) git = GitMemory.Open(storeRoot);
            // One lock for learn and extract: in the git dir when the store is in a repository (never an untracked
            // file in the user's work tree), beside the store otherwise.
            using var _ = StoreLock.Acquire(git?.LockPath ?? GitMemory.DiscoverLockPath(storeRoot) ?? Path.Combine(storeRoot, ".learn.lock"), o.LockTimeout);
            return LearnLocked(o, storeRoot, git, now);
        }
        finally { git?.Dispose(); }
    }

    private static LearnReport LearnLocked(LearnOptions o, string storeRoot, GitMemory? git, DateTimeOffset now)
    {
        var report = new LearnReport();
        var store = new PatternStore(storeRoot);
        EnsureIgnored(storeRoot);
        if (o.ExecutionFiles is null && SpoolDrain.Drain(o.Project, now) is { Pending: > 0 } spool)
            report.Warnings.Add($"{spool.Pending} hook event(s) still being written were left in the spool for the next run");
        var loaded = o.ExecutionFiles is { } files ? ExecutionSources.LoadFiles(files, alreadyRead: o.AlreadyRead) : ExecutionSources.LoadProject(o.Project);
        report.Warnings.AddRange(loaded.Warnings);
        report.Redactions.AddRange(loaded.Redactions);
        // Bare agent names (the seed's execution.json) become the plugin agent Claude Code resolves.
        var agents = InstalledAgents.Load();
        // A session whose log has no Stop/SessionEnd yet is probably still running (another session's SessionEnd
        // started this learn): learned once it ends, or as unfinished once it has been quiet for OpenSessionGrace.
        var open = loaded.Executions.Where(e => e.Open && now - e.LastActivity < OpenSessionGrace).ToList();
        if (open.Count > 0) report.Warnings.Add($"{open.Count} session(s) still open, left for a later run: {string.Join(", ", open.Select(e => e.Id))}");
        var executions = loaded.Executions.Except(open).Select(agents.Qualify).ToList();
        report.ExecutionsRead = executions.Count;

        var branchTip = git is null ? null : LearningsBranch.Tip(git.Repo);
        var stored = (git is null ? store.List().Select(sp => new SourcedPattern(sp, PatternOrigins.Local)) : PatternMemory.List(storeRoot, git.Repo)).ToList();
        var existing = stored.Select(p => p.Stored).Where(p => p.Pattern is not null && p.Lifecycle != PatternLifecycle.Meta).ToList();
        var unreadable = stored.Select(p => p.Stored).Where(p => p.Pattern is null).ToList();
        foreach (var bad in unreadable)
            report.Warnings.Add($"{bad.Path}: unreadable pattern ({string.Join("; ", bad.Diagnostics.Where(d => d.IsError).Select(d => d.Message))}); copied to {HandEdits.ConflictsFolder}/ before it is ever replaced");
        var handEditCopies = new Dictionary<string, string?>(StringComparer.Ordinal);
        var existingById = existing.GroupBy(p => p.Pattern!.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var knownIds = existing.SelectMany(p => p.Pattern!.ExecutionIds).ToHashSet(StringComparer.Ordinal);

        var extraction = PatternExtractor.Extract(executions, existingById.Values.Select(p => p.Pattern!));
        report.ExecutionsSkipped = extraction.SkippedExecutions;
        report.Warnings.AddRange(extraction.Warnings);

        // Where a pattern of a lifecycle lives: learned and meta on the branch when committing, else the folder.
        bool OnBranch(PatternLifecycle l) => git is not null && l is PatternLifecycle.Learned or PatternLifecycle.Meta;
        string Location(string id, PatternLifecycle l) => OnBranch(l) ? LearningsBranch.Display(PatternMemory.BranchPath(id, l)) : store.PathFor(id, l);
        string? Current(string id, PatternLifecycle l)
        {
            if (OnBranch(l)) return branchTip?[PatternMemory.BranchPath(id, l)]?.Target is LibGit2Sharp.Blob b ? b.GetContentText() : null;
            var path = store.PathFor(id, l);
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }

        var toCommit = new List<LearnedPattern>();
        var branchChanges = new Dictionary<string, string?>(StringComparer.Ordinal);
        var changedPatterns = new List<LearnedPattern>();
        foreach (var candidate in extraction.Candidates)
        {
            existingById.TryGetValue(candidate.Id, out var old);
            var eligible = candidate.Validated || (o.Force && candidate.Executions > 0);
            var target = old?.Lifecycle == PatternLifecycle.Learned ? PatternLifecycle.Learned
                : eligible ? (o.Commit ? PatternLifecycle.Learned : PatternLifecycle.Validated)
                : PatternLifecycle.Discovered;
            // Forced below the thresholds, a pattern is learned but says validated: false (what the validator accepts).
            var pattern = candidate;
            var text = Redact(PatternWriter.Render(pattern), pattern.Id, report);
            if (text is null) { target = PatternLifecycle.Discovered; text = "";  }
            if (target != PatternLifecycle.Discovered)
            {
                var diags = PatternChecks.Validate(store.PathFor(pattern.Id, target), text);
                var errors = diags.Where(d => d.IsError).ToList();
                if (errors.Count > 0)
                {
                    report.Diagnostics.AddRange(errors);
                    report.Warnings.Add($"{pattern.Id}: fails validation, kept in discovered/");
                    if (target == PatternLifecycle.Learned && old?.Lifecycle == PatternLifecycle.Learned) { continue; }
                    target = PatternLifecycle.Discovered;
                    pattern = pattern with { Validated = false };
                    text = Redact(PatternWriter.Render(pattern), pattern.Id, report) ?? "";
                }
            }
            if (text.Length == 0) continue;
            var changed = Current(pattern.Id, target) != text || (old is not null && old.Lifecycle != target);
            if (changed)
            {
                foreach (var (name, copy) in HandEdits.BackUp(unreadable, pattern.Id, storeRoot, git?.Repo, now, report)) handEditCopies[name] = copy;
                if (OnBranch(target))
                {
                    branchChanges[PatternMemory.BranchPath(pattern.Id, target)] = text;
                    toCommit.Add(pattern); // its local candidate is removed once the branch holds it, never before
                }
                else store.Write(pattern.Id, target, text);
                changedPatterns.Add(pattern);
            }
            report.Patterns.Add(new PatternOutcome(pattern.Id, pattern.Category, target, pattern.Executions, pattern.SuccessRate, changed, Location(pattern.Id, target)));
        }

        // Copies of hand-edited files ride in the metrics commit (a pattern changed, so there is one).
        var metaChanges = git is null ? new Dictionary<string, string?>(StringComparer.Ordinal) : new Dictionary<string, string?>(handEditCopies, StringComparer.Ordinal);
        foreach (var meta in extraction.Meta)
        {
            var text = Redact(PatternWriter.Render(meta), meta.Id, report);
            if (text is null) continue;
            var changed = Current(meta.Id, PatternLifecycle.Meta) != text;
            if (changed)
            {
                if (OnBranch(PatternLifecycle.Meta)) metaChanges[PatternMemory.BranchPath(meta.Id, PatternLifecycle.Meta)] = text;
                else store.Write(meta.Id, PatternLifecycle.Meta, text);
            }
            report.Patterns.Add(new PatternOutcome(meta.Id, meta.Category, PatternLifecycle.Meta, meta.Executions, meta.SuccessRate, changed, Location(meta.Id, PatternLifecycle.Meta)));
        }

        var newExecutions = executions.Where(e => !knownIds.Contains(e.Id)).ToList();
        if (git is null)
        {
            if (changedPatterns.Count > 0)
                LearningMetrics.Write(storeRoot, changedPatterns, newExecutions, LearningMetrics.Compute(store, []), now);
            return report;
        }

        try
        {
            foreach (var p in toCommit.OrderBy(p => p.Id, StringComparer.Ordinal))
            {
                var path = PatternMemory.BranchPath(p.Id, PatternLifecycle.Learned);
                var message = $"Learn pattern: {p.Id}\n\nCategory: {p.Category}\nSuccess rate: {p.SuccessRate.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}\n" +
                              $"Executions ({p.Executions}): {string.Join(", ", p.ExecutionIds)}\n";
                var c = LearningsBranch.Commit(git.Repo, new Dictionary<string, string?> { [path] = branchChanges[path] }, message, now);
                if (c is not null) report.Commits.Add((c.Sha, c.MessageShort));
                // Only now: a commit that failed (a ref lock left behind) used to leave neither the branch's copy
                // nor the candidate, and the executions it had gathered were learned again from zero.
                RemoveLocalCandidates(store, p.Id);
            }
            if (changedPatterns.Count > 0 || metaChanges.Count > 0)
            {
                var patterns = PatternMemory.List(storeRoot, git.Repo).Select(p => p.Stored);
                var tip = LearningsBranch.Tip(git.Repo);
                var metrics = LearningMetrics.Render(name => tip?[$"metrics/{name}"]?.Target is LibGit2Sharp.Blob b ? b.GetContentText() : null,
                    changedPatterns, newExecutions, LearningMetrics.Compute(patterns, LearningsBranch.LearnCommits(git.Repo)), now);
                foreach (var (name, text) in metrics) metaChanges[$"metrics/{name}"] = text;
                var c = LearningsBranch.Commit(git.Repo, metaChanges, $"Update learning metrics\n\nPatterns changed: {changedPatterns.Count}; meta patterns changed: {extraction.Meta.Count(m => metaChanges.ContainsKey(PatternMemory.BranchPath(m.Id, PatternLifecycle.Meta)))}\n", now);
                if (c is not null) report.Commits.Add((c.Sha, c.MessageShort));
            }
        }
        catch (LibGit2Sharp.LibGit2SharpException ex) { throw LearningsBranch.Failed($"cannot commit to {LearningsBranch.Name} in {git.WorkDir}", ex); }
        return report;
    }

    /// <summary>The store folder ignores itself in git before anything is written into it: raw hook payloads,
    /// logs and candidates stay local, and the project's `git status` stays clean.</summary>
    private static void EnsureIgnored(string storeRoot)
    {
        var gitignore = Path.Combine(storeRoot, ".gitignore");
        if (!File.Exists(gitignore)) AtomicFile.WriteAllText(gitignore, GitIgnore);
    }

    /// <summary>A pattern promoted to the branch leaves no stale local candidate behind.</summary>
    private static void RemoveLocalCandidates(PatternStore store, string id)
    {
        foreach (var l in new[] { PatternLifecycle.Discovered, PatternLifecycle.Validated })
        {
            var path = store.PathFor(id, l);
            if (File.Exists(path)) File.Delete(path);
        }
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
