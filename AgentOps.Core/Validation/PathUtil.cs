namespace AgentOps.Core.Validation;

/// <summary>Path comparisons that see through symlinks, for the "does this escape the root" checks.</summary>
internal static class PathUtil
{
    private static readonly StringComparison Comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS()
        ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public static bool IsUnder(string path, string root)
    {
        path = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        return path.Equals(root, Comparison) || path.StartsWith(root + Path.DirectorySeparatorChar, Comparison);
    }

    /// <summary>The path with every symlinked component resolved (the longest existing prefix is resolved).</summary>
    public static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var parts = full.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var current = Path.GetPathRoot(full) ?? "/";
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            try
            {
                if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
                    next = RealPath(target.FullName);
            }
            catch (IOException) { /* a loop: keep the unresolved path, the symlink check reports it */ }
            current = next;
        }
        return current;
    }
}
