using System.Security.Cryptography;
using System.Text;

namespace AgentOps.Orchestration.Catalog;

/// <summary>
/// A cheap "did anything change" value for a folder: a hash of every file's relative path, size and
/// modification time (metadata only, no content is read). Folders that never hold plugin content
/// (.git, node_modules, bin, obj, and dot-folders such as .agentops where the catalog itself may
/// live) are skipped, so writing the index never makes its own marketplace look changed.
/// </summary>
public static class FolderFingerprint
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "node_modules", "bin", "obj", "TestResults" };

    public static string Compute(string folder) => Compute([folder]);

    public static string Compute(IEnumerable<string> paths)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in paths)
        {
            if (File.Exists(path)) { Add(hash, new FileInfo(path), path); continue; }
            if (!Directory.Exists(path)) { hash.AppendData(Encoding.UTF8.GetBytes("missing:" + path + "\n")); continue; }
            var pending = new Stack<DirectoryInfo>();
            pending.Push(new DirectoryInfo(path));
            while (pending.Count > 0)
            {
                var dir = pending.Pop();
                FileSystemInfo[] entries;
                try { entries = dir.GetFileSystemInfos(); }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { continue; }
                Array.Sort(entries, (a, b) => string.CompareOrdinal(a.Name, b.Name));
                foreach (var e in entries)
                {
                    if (e is DirectoryInfo sub)
                    {
                        if (e.LinkTarget is not null || Skipped.Contains(sub.Name) || (sub.Name.StartsWith('.') && sub.Name != ".claude-plugin")) continue;
                        pending.Push(sub);
                    }
                    else Add(hash, (FileInfo)e, path);
                }
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    private static void Add(IncrementalHash hash, FileInfo f, string root)
    {
        long length = 0, ticks = 0;
        try { length = f.Length; ticks = f.LastWriteTimeUtc.Ticks; }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { /* a vanished file still counts by name */ }
        hash.AppendData(Encoding.UTF8.GetBytes($"{Path.GetRelativePath(root, f.FullName)}\t{length}\t{ticks}\n"));
    }
}
