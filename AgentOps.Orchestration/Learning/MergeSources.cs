using AgentOps.Core.Diagnostics;
using AgentOps.Orchestration.Git;
using LibGit2Sharp;

namespace AgentOps.Orchestration.Learning;

/// <summary>
/// What <c>merge-learnings</c> can take patterns from, each answered with the pattern files or a coded
/// error (never a LibGit2Sharp exception): a branch of this repository (read from its tree, no
/// checkout); a remote name, a URL (<c>file://</c>, <c>https://</c>, <c>ssh://</c>, <c>user@host:path</c>) or
/// another clone's folder, fetched into <c>refs/agentops/merge/*</c>; a plain store folder. The
/// learnings-branch layout (<c>patterns/learned/</c> at the root) is read first; the layout of versions
/// that committed into the project's branch (<c>&lt;store&gt;/patterns/learned/</c>) second.
/// </summary>
internal static class MergeSources
{
    private const string MergeRefs = "refs/agentops/merge/";

    public static (List<(string Origin, string Text)> Files, Commit? LearningsTip) Read(GitMemory git, string source, MergeReport report)
    {
        var repo = git.Repo;
        if (File.Exists(source))
            throw new LearningException(DiagnosticCodes.MergeSourceInvalid,
                $"merge source '{source}' is a file: give another clone's folder, a store folder, a branch, or a remote name or URL", ExitCodes.InvalidInput);

        if (Lookup(() => repo.Branches[source]) is { Tip: { } branchTip } branch)
            return FromCommit(git, branchTip, source, IsLearningsBranch(branch.CanonicalName), report);

        var remote = Lookup(() => repo.Network.Remotes[source]);
        var isFolder = Directory.Exists(source);
        if (remote is not null || IsUrl(source) || (isFolder && IsRepository(source)))
        {
            var url = remote?.Url ?? (isFolder ? Path.GetFullPath(source) : source);
            var (tip, learnings) = Fetch(repo, url, source);
            if (tip is not null) return FromCommit(git, tip, source, learnings, report);
            if (!isFolder)
                throw new LearningException(DiagnosticCodes.MergeSourceNotFound,
                    $"'{source}' has no {LearningsBranch.Name} branch (nor main or master) to take patterns from", ExitCodes.NotFound);
        }
        if (isFolder) return (FromFolder(git, source), null);

        var looksLikePath = source.Contains('/') || source.Contains('\\') || source.StartsWith('.') || source.StartsWith('~');
        throw new LearningException(DiagnosticCodes.MergeSourceNotFound, looksLikePath
            ? $"merge source '{source}' does not exist (no such folder, branch or remote)"
            : $"merge source '{source}' is not a folder, a branch of this repository or a remote (git remote -v lists the remotes)", ExitCodes.NotFound);
    }

    /// <summary>A branch or remote by name; null for a name git would not accept as one (a path, a URL) or cannot
    /// look up at all (a name of thousands of characters overflows libgit2's reference buffer).</summary>
    private static T? Lookup<T>(Func<T?> find) where T : class
    {
        try { return find(); }
        catch (LibGit2SharpException) { return null; }
    }

    private static bool IsLearningsBranch(string canonicalName) =>
        canonicalName == LearningsBranch.CanonicalName || canonicalName.EndsWith("/" + LearningsBranch.Name, StringComparison.Ordinal);

    private static bool IsUrl(string s) =>
        s.Contains("://", StringComparison.Ordinal) || (s.Contains('@') && s.Contains(':') && !s.Contains(' '));

    private static bool IsRepository(string folder)
    {
        try { return Repository.IsValid(folder) || Repository.IsValid(Path.Combine(folder, ".git")); }
        catch (LibGit2SharpException) { return false; }
    }

    /// <summary>Fetches the source's learnings branch (or, for older clones, its main/master) into
    /// refs/agentops/merge/. Returns the fetched tip and whether it is a learnings branch.</summary>
    private static (Commit? Tip, bool Learnings) Fetch(Repository repo, string url, string source)
    {
        var tag = new string(source.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        if (tag.Length == 0 || tag.Length > 80) tag = "source";
        string[] refspecs =
        [
            $"+{LearningsBranch.CanonicalName}:{MergeRefs}{tag}/learnings",
            $"+refs/heads/main:{MergeRefs}{tag}/main",
            $"+refs/heads/master:{MergeRefs}{tag}/master",
        ];
        try
        {
            // Only the refs the remote has are fetched; a missing branch is not an error.
            var advertised = Repository.ListRemoteReferences(url).Select(r => r.CanonicalName).ToHashSet(StringComparer.Ordinal);
            var wanted = refspecs.Where(r => advertised.Contains(r[1..r.IndexOf(':')])).ToList();
            if (wanted.Count == 0) return (null, false);
            // LibGit2Sharp fetches from a named remote: a URL gets a temporary one (its config entry is removed
            // after; the refs fetched under refs/agentops/merge/ stay).
            var named = Lookup(() => repo.Network.Remotes[source]) is not null;
            var remote = named ? source : "agentops-merge-" + tag;
            if (!named)
            {
                if (repo.Network.Remotes[remote] is not null) repo.Network.Remotes.Remove(remote);
                repo.Network.Remotes.Add(remote, url);
            }
            try { Commands.Fetch(repo, remote, wanted, new FetchOptions(), "agentops merge-learnings"); }
            finally { if (!named) repo.Network.Remotes.Remove(remote); }
        }
        catch (LibGit2SharpException ex)
        {
            throw new LearningException(DiagnosticCodes.MergeSourceUnreachable,
                $"cannot fetch from '{source}'{(url != source ? $" ({url})" : "")}: {ex.Message.Trim()}", ExitCodes.NotFound);
        }
        foreach (var (name, learnings) in new[] { ("learnings", true), ("main", false), ("master", false) })
            if (repo.Refs[$"{MergeRefs}{tag}/{name}"]?.ResolveToDirectReference()?.Target is Commit c) return (c, learnings);
        return (null, false);
    }

    private static (List<(string, string)>, Commit?) FromCommit(GitMemory git, Commit tip, string source, bool learnings, MergeReport report)
    {
        var result = new List<(string, string)>();
        var roots = learnings ? new[] { "" } : new[] { git.StoreRelative, ".agentops" }.Where(r => r.Length > 0).Distinct().ToArray();
        foreach (var root in roots)
        {
            foreach (var folder in new[] { "learned", "validated" })
            {
                var rel = (root.Length > 0 ? root + "/" : "") + "patterns/" + folder;
                foreach (var (path, text) in LearningsBranch.Files(tip, rel).Where(f => f.Key.EndsWith(".md", StringComparison.Ordinal)))
                    result.Add(($"{source}:{path}", text));
            }
            if (result.Count > 0) break;
        }
        if (result.Count == 0) report.Warnings.Add($"{source}: no patterns found under {string.Join(" or ", roots.Select(r => (r.Length > 0 ? r + "/" : "") + "patterns/learned"))}");
        return (result, learnings ? tip : null);
    }

    /// <summary>A store folder (or a folder whose .agentops/ or store-relative folder is one).</summary>
    private static List<(string, string)> FromFolder(GitMemory git, string source)
    {
        var result = new List<(string, string)>();
        var root = Path.GetFullPath(source);
        var candidates = new[] { root, Path.Combine(root, ".agentops") };
        if (git.StoreRelative.Length > 0) candidates = [.. candidates, Path.Combine(root, git.StoreRelative)];
        var storeDir = candidates.FirstOrDefault(c => Directory.Exists(Path.Combine(c, "patterns")))
            ?? throw new LearningException(DiagnosticCodes.MergeSourceNotFound, $"{source} has no patterns/ folder (nor .agentops/patterns/) and no {LearningsBranch.Name} branch", ExitCodes.NotFound);
        foreach (var folder in new[] { "learned", "validated" })
        {
            var dir = Path.Combine(storeDir, "patterns", folder);
            if (!Directory.Exists(dir)) continue;
            foreach (var f in Directory.EnumerateFiles(dir, "*.md").Order(StringComparer.Ordinal))
            {
                try { result.Add((f, File.ReadAllText(f))); }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new LearningException(DiagnosticCodes.MergeSourceInvalid, $"cannot read {f}: {ex.Message}", ExitCodes.InvalidInput);
                }
            }
        }
        return result;
    }
}
