namespace AgentOps.Core.Validation;

/// <summary>
/// Walks a plugin's files without following symlinks (a link loop must not hang the build) and
/// skipping folders that are never shipped (.git, node_modules, bin, obj).
/// </summary>
public static class PluginFiles
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { ".git", "node_modules", "bin", "obj" };

    public static IEnumerable<FileSystemInfo> Walk(string directory, bool includeLinks) => Walk(directory, includeLinks, null);

    /// <param name="onUnreadable">Told about every folder that cannot be listed (permissions, I/O), which is skipped.</param>
    public static IEnumerable<FileSystemInfo> Walk(string directory, bool includeLinks, Action<string, Exception>? onUnreadable)
    {
        var pending = new Stack<DirectoryInfo>();
        pending.Push(new DirectoryInfo(directory));
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            FileSystemInfo[] entries;
            try { entries = dir.GetFileSystemInfos(); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                onUnreadable?.Invoke(dir.FullName, ex);
                continue;
            }
            foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                if (entry.LinkTarget is not null)
                {
                    if (includeLinks) yield return entry;
                    continue;
                }
                if (entry is DirectoryInfo sub)
                {
                    if (!SkippedFolders.Contains(sub.Name)) pending.Push(sub);
                }
                else yield return entry;
            }
        }
    }
}
