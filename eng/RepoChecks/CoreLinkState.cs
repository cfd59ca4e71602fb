namespace AgentOps.RepoChecks;

/// <summary>What is on disk at one link path, read without following the link: whether something is
/// there, where a link points, and whether that target exists.</summary>
public sealed record CoreLinkState(bool Exists, bool IsDirectory, string? LinkTarget, bool TargetExists)
{
    public static CoreLinkState Read(string linkPath)
    {
        var info = new FileInfo(linkPath);
        // A real folder has no FileInfo.LinkTarget and FileInfo.Exists is false for it; read it as a folder.
        FileSystemInfo entry = Directory.Exists(linkPath) && info.LinkTarget is null ? new DirectoryInfo(linkPath) : info;
        var target = entry.LinkTarget;
        var resolved = target is null ? null : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(linkPath)!, target));
        return new CoreLinkState(entry.Exists || target is not null, entry is DirectoryInfo, target,
            resolved is not null && Path.Exists(resolved));
    }

    /// <summary>One line for the build's inputs file: any change here must re-run the check.</summary>
    public string Describe(string linkPath) =>
        $"{linkPath}\t{(LinkTarget is not null ? "link " + LinkTarget + (TargetExists ? "" : " (target missing)") : Exists ? (IsDirectory ? "folder" : "file") : "missing")}";
}
