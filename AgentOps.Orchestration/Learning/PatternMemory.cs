using AgentOps.Core.Patterns;
using AgentOps.Orchestration.Git;
using LibGit2Sharp;

namespace AgentOps.Orchestration.Learning;

/// <summary>Where a pattern was read from: the project's learnings branch, the store folder (local
/// candidates, or learned files committed by versions before the branch), or the plugin's shipped set.</summary>
public static class PatternOrigins
{
    public const string Branch = "branch";
    public const string Local = "local";
    public const string Shipped = "shipped";
}

public sealed record SourcedPattern(StoredPattern Stored, string Origin);

/// <summary>
/// The one reader of a project's patterns, for the engine, the planner and the commands alike: the
/// learned and meta patterns on the <see cref="LearningsBranch"/> of the repository that contains the
/// store, then the store folder (discovered/ and validated/ candidates; learned/ and meta/ files that an
/// older version committed into the project's own branch, shadowed by the branch's copy of the same id).
/// </summary>
public static class PatternMemory
{
    /// <summary>Patterns of the store at <paramref name="storeRoot"/>, branch first. <paramref name="repo"/>: the
    /// repository holding the branch when the caller has it open; otherwise it is discovered read-only.</summary>
    public static IReadOnlyList<SourcedPattern> List(string storeRoot, Repository? repo = null, PatternLifecycle? lifecycle = null)
    {
        var result = new List<SourcedPattern>();
        var seen = new HashSet<(PatternLifecycle, string)>();
        var owned = repo is null ? LearningsBranch.OpenForReading(storeRoot) : null;
        try
        {
            if ((repo ?? owned) is { } r)
                foreach (var sp in FromCommit(LearningsBranch.Tip(r), lifecycle))
                {
                    result.Add(new SourcedPattern(sp, PatternOrigins.Branch));
                    if (sp.Pattern is not null) seen.Add((sp.Lifecycle, sp.Pattern.Id));
                }
        }
        finally { owned?.Dispose(); }
        foreach (var sp in new PatternStore(storeRoot).List(lifecycle))
        {
            if (sp.Pattern is not null && seen.Contains((sp.Lifecycle, sp.Pattern.Id))) continue;
            if (sp.Pattern is not null && sp.Lifecycle is PatternLifecycle.Discovered or PatternLifecycle.Validated
                && seen.Contains((PatternLifecycle.Learned, sp.Pattern.Id))) continue; // promoted since; the local candidate is stale
            result.Add(new SourcedPattern(sp, PatternOrigins.Local));
        }
        return result;
    }

    /// <summary>The user's store (branch and folder) followed by shipped stores, labelled; an id read from an
    /// earlier source is not read again from a shipped one.</summary>
    public static IReadOnlyList<SourcedPattern> WithShipped(string storeRoot, IEnumerable<string> shippedRoots, PatternLifecycle? lifecycle = null)
    {
        var result = List(storeRoot, null, lifecycle).ToList();
        var ids = result.Where(p => p.Stored.Pattern is not null).Select(p => p.Stored.Pattern!.Id).ToHashSet(StringComparer.Ordinal);
        var own = Path.GetFullPath(storeRoot);
        foreach (var root in shippedRoots.Select(Path.GetFullPath).Where(r => r != own && Directory.Exists(r)).Distinct(StringComparer.Ordinal))
            foreach (var sp in new PatternStore(root).List(lifecycle))
                if (sp.Pattern is null || ids.Add(sp.Pattern.Id)) result.Add(new SourcedPattern(sp, PatternOrigins.Shipped));
        return result;
    }

    /// <summary>The learned and meta patterns of a learnings-branch commit (null: none).</summary>
    public static IReadOnlyList<StoredPattern> FromCommit(Commit? commit, PatternLifecycle? lifecycle = null)
    {
        var result = new List<StoredPattern>();
        foreach (var l in new[] { PatternLifecycle.Learned, PatternLifecycle.Meta })
        {
            if (lifecycle is { } only && only != l) continue;
            foreach (var (path, text) in LearningsBranch.Files(commit, BranchFolder(l)))
            {
                if (!path.EndsWith(".md", StringComparison.Ordinal) || path.EndsWith("/README.md", StringComparison.Ordinal)) continue;
                var r = PatternReader.Parse(LearningsBranch.Display(path), text);
                result.Add(new StoredPattern(LearningsBranch.Display(path), l, r.Pattern, r.Diagnostics));
            }
        }
        return result;
    }

    /// <summary>The branch folder of a lifecycle: <c>patterns/learned</c> or <c>patterns/meta</c>.</summary>
    public static string BranchFolder(PatternLifecycle l) => LearningsBranch.PatternsPrefix + PatternStore.FolderName(l);

    public static string BranchPath(string id, PatternLifecycle l) => $"{BranchFolder(l)}/{PatternIds.Require(id)}.md";
}
