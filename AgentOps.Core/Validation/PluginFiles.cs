namespace AgentOps.Core.Validation;

/// <summary>
/// Walks a plugin's files without following symlinks (a link loop must not hang the build) and
/// skipping folders that are never shipped (.git, node_modules, bin, obj).
/// </summary>
public static class PluginFiles
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { ".git", "node_modules", "bin", "obj" };

    public static IEnumerable<FileSystemInfo> Walk(string directory, bool includeLinks) => Walk(directory, includeLinks, null);

    /// <summary>A results/ folder `claude plugin eval` wrote (a run folder in it holds aggregate-result.json): never packed,
    /// so never checked either; its traces quote prompts and tool output that are not the plugin's own text.</summary>
    private static bool IsEvalResults(DirectoryInfo folder)
    {
        if (!folder.Name.Equals("results", StringComparison.Ordinal)) return false;
        try { return folder.EnumerateDirectories().Any(run => File.Exists(Path.Combine(run.FullName, "aggregate-result.json"))); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return false; }
    }

    /// <param name="onUnreadable">Told about every folder that cannot be listed (permissions, I/O), which is skipped, and
    /// every file or folder whose path is too long to open (a <see cref="PathTooLongException"/>).</param>
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
                // Past the longest path the system takes (4,096 bytes on Linux) the runtime hands out an entry
                // whose FullName is empty: nothing can open it. Reported under the path it has, never yielded.
                if (entry.FullName.Length == 0)
                {
                    var path = Path.Combine(dir.FullName, entry.Name);
                    onUnreadable?.Invoke(path, new PathTooLongException($"{path}: the path ({path.Length} characters) is longer than the file system takes"));
                    continue;
                }
                if (entry.LinkTarget is not null)
                {
                    if (includeLinks) yield return entry;
                    continue;
                }
                if (entry is DirectoryInfo sub)
                {
                    if (!SkippedFolders.Contains(sub.Name) && !IsEvalResults(sub)) pending.Push(sub);
                }
                else yield return entry;
            }
        }
    }
}
