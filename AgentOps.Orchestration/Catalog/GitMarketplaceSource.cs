using System.Security.Cryptography;
using System.Text;
using AgentOps.Core.Diagnostics;
using LibGit2Sharp;

namespace AgentOps.Orchestration.Catalog;

/// <summary>
/// A marketplace in a git repository (a local path or a file:// URL; https works the same where there
/// is a network). It is cloned once into <c>&lt;cache&gt;/&lt;hash of url&gt;</c> with LibGit2Sharp, fetched
/// and fast-forwarded on later builds; its fingerprint is the commit checked out, so an unchanged
/// commit is never re-read. Query-time refreshes do not fetch (allowNetwork: false).
/// </summary>
public sealed class GitMarketplaceSource(string url, string cacheRoot) : IMarketplaceSource
{
    public string Url { get; } = url;
    public string Location => Url;
    public string Kind => SourceKinds.Git;

    public string CloneDirectory { get; } = Path.Combine(Path.GetFullPath(cacheRoot),
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..16]);

    /// <summary>Whether a command-line argument names a git source rather than a folder or a file.</summary>
    public static bool LooksLikeGit(string argument) =>
        argument.StartsWith("file://", StringComparison.OrdinalIgnoreCase) || argument.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ||
        argument.StartsWith("git@", StringComparison.Ordinal) || argument.EndsWith(".git", StringComparison.OrdinalIgnoreCase) ||
        (Directory.Exists(argument) && Repository.IsValid(argument) && !File.Exists(Path.Combine(argument, ".claude-plugin", "marketplace.json"))
            && Directory.Exists(Path.Combine(argument, "refs")));

    public string? Fingerprint(List<Diagnostic> diagnostics, bool allowNetwork)
    {
        try
        {
            if (Repository.IsValid(CloneDirectory))
            {
                using var repo = new Repository(CloneDirectory);
                if (allowNetwork) Update(repo);
                return repo.Head.Tip?.Sha;
            }
            if (!allowNetwork) return null;
            Clone();
            using var fresh = new Repository(CloneDirectory);
            return fresh.Head.Tip?.Sha;
        }
        catch (Exception ex) when (ex is LibGit2SharpException or IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.CatalogGitFailed, DiagnosticSeverity.Error, Url, 0, 0,
                $"git marketplace not updated: {ex.Message}"));
            return null;
        }
    }

    public MarketplaceSnapshot Read(string fingerprint) =>
        new FolderMarketplaceSource(CloneDirectory, SourceKinds.Git, location: Url).Read(fingerprint);

    private void Clone()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(CloneDirectory)!);
        // Clone beside the target and move it in: a clone that dies half-way never looks like a cache.
        var tmp = CloneDirectory + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            Repository.Clone(Url, tmp);
            Directory.Move(tmp, CloneDirectory);
        }
        finally
        {
            if (Directory.Exists(tmp)) ForceDelete(tmp);
        }
    }

    private static void Update(Repository repo)
    {
        var remote = repo.Network.Remotes["origin"] ?? throw new LibGit2SharpException("the cached clone has no 'origin' remote");
        var refspecs = remote.FetchRefSpecs.Select(r => r.Specification).ToList();
        Commands.Fetch(repo, remote.Name, refspecs, new FetchOptions { Prune = true }, null);
        if (repo.Head.TrackedBranch is { Tip: { } tip }) repo.Reset(ResetMode.Hard, tip);
    }

    private static void ForceDelete(string dir)
    {
        foreach (var f in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)) File.SetAttributes(f, FileAttributes.Normal);
        Directory.Delete(dir, recursive: true);
    }
}
