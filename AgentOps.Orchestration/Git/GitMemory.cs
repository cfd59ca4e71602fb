using AgentOps.Core.Diagnostics;
using LibGit2Sharp;

namespace AgentOps.Orchestration.Git;

/// <summary>A refusal or failure of the learning engine with its diagnostic code and the CLI exit code.</summary>
public sealed class LearningException(string code, string message, int exitCode) : Exception(message)
{
    public string Code { get; } = code;
    public int ExitCode { get; } = exitCode;
}


/// <summary>
/// Cross-process lock of a store: an exclusive (flock / share-none) open of a lock file, waited for
/// with retry. The OS releases it if the process dies, so a crash never leaves a stale lock.
/// </summary>
public sealed class StoreLock : IDisposable
{
    private readonly FileStream _stream;
    private StoreLock(FileStream s) => _stream = s;

    public static StoreLock Acquire(string lockPath, TimeSpan timeout)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        var deadline = DateTime.UtcNow + timeout;
        var delay = 20;
        while (true)
        {
            try
            {
                var fs = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                fs.SetLength(0);
                var pid = System.Text.Encoding.UTF8.GetBytes($"{Environment.ProcessId}\n");
                fs.Write(pid);
                fs.Flush();
                return new StoreLock(fs);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(delay + Random.Shared.Next(delay));
                delay = Math.Min(delay * 2, 250);
            }
            catch (IOException ex)
            {
                throw new LearningException(DiagnosticCodes.GitLockTimeout,
                    $"another agentops learn holds {lockPath} (waited {timeout.TotalSeconds:0} s): {ex.Message}. Retry when it finishes.", ExitCodes.LockTimeout);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}

/// <summary>
/// Git as the learning memory, through LibGit2Sharp (no git binary). The store folder lives inside a
/// git work tree (the user's project repo by default); if none contains it, a repo is created at the
/// store root. What is learned is committed to <see cref="LearningsBranch"/> of that repository, never
/// to the checked-out branch, its index or its working tree.
/// </summary>
public sealed class GitMemory : IDisposable
{
    private GitMemory(Repository repo, string storeRoot)
    {
        Repo = repo;
        WorkDir = Path.GetFullPath(repo.Info.WorkingDirectory);
        StoreRoot = Path.GetFullPath(storeRoot);
    }

    public Repository Repo { get; }
    public string WorkDir { get; }
    public string StoreRoot { get; }

    /// <summary>The store folder relative to the work tree, with '/' (empty when the store is the root).</summary>
    public string StoreRelative => Rel(StoreRoot);

    public string LockPath => Path.Combine(Repo.Info.Path, LockFileName);

    private const string LockFileName = "agentops-learn.lock";

    /// <summary>The store lock of the repository holding <paramref name="path"/> (in its git dir), or null outside one.</summary>
    public static string? DiscoverLockPath(string path) =>
        Repository.Discover(path) is { } gitDir ? Path.Combine(gitDir, LockFileName) : null;

    public static GitMemory Open(string storeRoot, bool initIfMissing = true)
    {
        Directory.CreateDirectory(storeRoot);
        var found = Repository.Discover(storeRoot);
        if (found is null)
        {
            if (!initIfMissing)
                throw new LearningException(DiagnosticCodes.GitRepositoryNotFound, $"no git repository contains {storeRoot}", ExitCodes.NotFound);
            found = Repository.Init(storeRoot);
        }
        var repo = new Repository(found);
        if (repo.Info.IsBare)
        {
            repo.Dispose();
            throw new LearningException(DiagnosticCodes.GitDetachedHead, $"{found} is a bare repository: point --store at a work tree", ExitCodes.GitRefused);
        }
        return new GitMemory(repo, storeRoot);
    }

    public string Rel(string path)
    {
        var rel = Path.GetRelativePath(WorkDir, Path.GetFullPath(path)).Replace('\\', '/');
        return rel == "." ? "" : rel;
    }

    /// <summary><c>Learn pattern: </c> commits of the learnings branch: when and which id.</summary>
    public IReadOnlyList<(DateTimeOffset When, string PatternId)> LearnCommits(int max = 100_000) => LearningsBranch.LearnCommits(Repo, max);

    public void Dispose() => Repo.Dispose();
}
