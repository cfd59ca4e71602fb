using AgentOps.Core.Diagnostics;
using LibGit2Sharp;

namespace AgentOps.Orchestration.Git;

/// <summary>
/// The branch that holds what the project learned (<c>agentops/learnings</c>): its tree is
/// <c>patterns/learned/&lt;id&gt;.md</c>, <c>patterns/meta/&lt;id&gt;.md</c> and <c>metrics/*</c>. Commits are made
/// from blobs and trees in the object database and the branch ref is moved — no checkout, so the
/// user's HEAD, index and working tree are never touched (learning works on any branch, with staged
/// work, a detached HEAD or in the middle of a merge). It is an ordinary branch: pushed, fetched,
/// reviewed and merged like any other (docs/meta-orchestrator/LEARNING_SYSTEM.md).
/// </summary>
public static class LearningsBranch
{
    public const string Name = "agentops/learnings";
    public const string CanonicalName = "refs/heads/" + Name;
    public const string PatternsPrefix = "patterns/";

    /// <summary>The branch's tip; in a clone that has not learned yet, the fetched <c>origin/agentops/learnings</c>
    /// (or another remote's) it will start from, as git starts a local branch from its upstream.</summary>
    public static Commit? Tip(Repository repo)
    {
        if (repo.Refs[CanonicalName]?.ResolveToDirectReference()?.Target is Commit local) return local;
        var upstream = repo.Refs.FromGlob("refs/remotes/*/" + Name)
            .OrderBy(r => r.CanonicalName == "refs/remotes/origin/" + Name ? 0 : 1).ThenBy(r => r.CanonicalName, StringComparer.Ordinal).FirstOrDefault();
        return upstream?.ResolveToDirectReference()?.Target as Commit;
    }

    /// <summary>Text of every file under <paramref name="folder"/> (e.g. <c>patterns/learned</c>) in a commit's
    /// tree, by path relative to the tree root; empty when the folder is missing.</summary>
    public static SortedDictionary<string, string> Files(Commit? commit, string folder)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (commit?[folder]?.Target is not Tree tree) return result;
        foreach (var entry in tree)
            if (entry.TargetType == TreeEntryTargetType.Blob && entry.Target is Blob blob && TextOf(blob) is { } text)
                result[folder + "/" + entry.Name] = text;
        return result;
    }

    /// <summary>Blob texts by object id (null: binary). A blob's id is the hash of its content, so its text never
    /// changes; the planner reads every pattern of the branch for every plan (issue 15), and reading a blob
    /// through libgit2 cost as much as parsing it.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<ObjectId, string?> Texts = new();
    private const int MaxTexts = 4_096;

    /// <summary>Forgets every blob text read (tests: a plan from a cold memo equals one from a warm memo).</summary>
    internal static void ForgetTexts() => Texts.Clear();

    private static string? TextOf(Blob blob)
    {
        if (Texts.TryGetValue(blob.Id, out var known)) return known;
        if (Texts.Count >= MaxTexts) Texts.Clear();
        return Texts[blob.Id] = blob.IsBinary ? null : blob.GetContentText();
    }

    /// <summary>Text of one file of the branch, or null.</summary>
    public static string? Read(Repository repo, string path) =>
        Tip(repo)?[path]?.Target is Blob blob ? blob.GetContentText() : null;

    /// <summary>
    /// Commits <paramref name="changes"/> (path → new text, or null to delete) on top of the branch tip (or as
    /// its first, parentless commit) and moves the branch to it. Extra parents make it a merge commit (a
    /// fetched branch taken in by merge-learnings, so a later push fast-forwards). Returns null when the
    /// tree would not change and there is no extra parent (a missing local branch is then created at the
    /// upstream tip it was read from, which is returned).
    /// </summary>
    public static Commit? Commit(Repository repo, IReadOnlyDictionary<string, string?> changes, string message, DateTimeOffset when,
        IReadOnlyList<Commit>? extraParents = null)
    {
        // The last gate before git: whatever reaches the branch (messages name tasks and executions) is redacted again.
        message = AgentOps.Core.Security.SecretScanner.Redact(message, out _);
        var tip = Tip(repo);
        var definition = tip is null ? new TreeDefinition() : TreeDefinition.From(tip.Tree);
        foreach (var (path, text) in changes.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (text is null) { if (tip?[path] is not null) definition.Remove(path); continue; }
            var safe = AgentOps.Core.Security.SecretScanner.Redact(text, out _);
            var blob = repo.ObjectDatabase.CreateBlob(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(safe)), path);
            definition.Add(path, blob, Mode.NonExecutableFile);
        }
        var tree = repo.ObjectDatabase.CreateTree(definition);
        var merging = (extraParents ?? []).Where(p => tip is null || (p.Id != tip.Id && !IsAncestor(repo, p, tip))).ToList();
        if (tip is not null && tree.Id == tip.Tree.Id && merging.Count == 0)
        {
            // Nothing new, but a clone that only had the remote's branch now has its own, at the same commit.
            if (repo.Refs[CanonicalName] is not null) return null;
            repo.Refs.Add(CanonicalName, tip.Id, "agentops: start from " + tip.Sha[..10]);
            return tip;
        }
        var signature = repo.Config.BuildSignature(when) ?? new Signature("agentops", "agentops@localhost", when);
        var parents = (tip is null ? [] : new List<Commit> { tip }).Concat(merging).ToList();
        var commit = repo.ObjectDatabase.CreateCommit(signature, signature, message, tree, parents, prettifyMessage: true);
        if (repo.Refs[CanonicalName] is { } existing) repo.Refs.UpdateTarget(existing, commit.Id, "agentops: " + FirstLine(message));
        else repo.Refs.Add(CanonicalName, commit.Id, "agentops: " + FirstLine(message));
        return commit;
    }

    /// <summary>Commits of the branch whose message starts with <c>Learn pattern: </c>: when and which id.</summary>
    public static IReadOnlyList<(DateTimeOffset When, string PatternId)> LearnCommits(Repository repo, int max = 100_000)
    {
        var result = new List<(DateTimeOffset, string)>();
        if (Tip(repo) is not { } tip) return result;
        foreach (var c in repo.Commits.QueryBy(new CommitFilter { IncludeReachableFrom = tip, SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Time }).Take(max))
        {
            var m = c.MessageShort;
            if (m.StartsWith("Learn pattern: ", StringComparison.Ordinal)) result.Add((c.Author.When, m["Learn pattern: ".Length..].Trim()));
        }
        return result;
    }

    /// <summary>Opens the repository that contains <paramref name="path"/> for reading, or null (no repository,
    /// a bare one, or one libgit2 cannot open). Never creates anything.</summary>
    public static Repository? OpenForReading(string path)
    {
        try
        {
            if (!Directory.Exists(path) || Repository.Discover(path) is not { } found) return null;
            var repo = new Repository(found);
            if (!repo.Info.IsBare) return repo;
            repo.Dispose();
            return null;
        }
        catch (LibGit2SharpException) { return null; }
    }

    private static bool IsAncestor(Repository repo, Commit ancestor, Commit of) =>
        repo.ObjectDatabase.FindMergeBase(ancestor, of)?.Id == ancestor.Id;

    private static string FirstLine(string message) => message.Split('\n', 2)[0];

    /// <summary>The path of a file of the branch as users name it (<c>agentops/learnings:patterns/learned/x.md</c>).</summary>
    public static string Display(string path) => $"{Name}:{path}";

    internal static LearningException Failed(string what, Exception ex) =>
        new(DiagnosticCodes.LearningsBranchFailed, $"{what}: {ex.Message}", ExitCodes.GitRefused);
}
