using AgentOps.Core.Diagnostics;

namespace AgentOps.Core.Validation;

/// <summary>
/// Checks every symbolic link inside a plugin: broken links and loops break installation, and a link
/// leaving the plugin (and the marketplace) would ship or read files the author never meant to publish.
/// </summary>
public static class SymlinkValidator
{
    /// <param name="allowedRoots">Folders links may point into (the plugin, and the marketplace root).</param>
    public static IReadOnlyList<Diagnostic> Validate(string directory, IReadOnlyList<string> allowedRoots)
    {
        var diagnostics = new List<Diagnostic>();
        void Unreadable(string folder, Exception ex) => diagnostics.Add(new Diagnostic(DiagnosticCodes.FolderUnreadable, DiagnosticSeverity.Error,
            folder, 1, 1, ex is PathTooLongException
                ? $"the path is {folder.Length} characters, longer than the file system takes: it is not checked, and it cannot be installed; shorten it"
                : $"cannot list the folder ({ex.GetType().Name}): its files are not checked; fix its permissions"));
        foreach (var entry in PluginFiles.Walk(directory, includeLinks: true, Unreadable))
        {
            if (entry.LinkTarget is not null)
            {
                if (Check(entry, allowedRoots) is { } d) diagnostics.Add(d);
            }
            // A FIFO, device or socket among the files: never opened by any check (it would block or never end).
            else if (AgentOps.Core.Security.FileKind.Of(entry.FullName) is var type and not (AgentOps.Core.Security.FileType.Regular or AgentOps.Core.Security.FileType.Directory or AgentOps.Core.Security.FileType.Missing))
                diagnostics.Add(new Diagnostic(DiagnosticCodes.NotRegularFile, DiagnosticSeverity.Error, entry.FullName, 1, 1,
                    $"{AgentOps.Core.Security.FileKind.Describe(type)} inside the plugin: not read, and it cannot be shipped; remove it"));
        }
        return diagnostics;
    }

    public static Diagnostic? Check(FileSystemInfo link, IReadOnlyList<string> allowedRoots)
    {
        FileSystemInfo? target;
        try
        {
            target = link.ResolveLinkTarget(returnFinalTarget: true);
        }
        catch (IOException)
        {
            return Error(DiagnosticCodes.SymlinkLoop, link, $"symbolic link '{link.LinkTarget}' loops back on itself");
        }
        if (target is null || !target.Exists)
            return Error(DiagnosticCodes.SymlinkBroken, link, $"symbolic link points at '{link.LinkTarget}', which does not exist");
        var resolved = PathUtil.RealPath(target.FullName);
        if (!allowedRoots.Any(root => PathUtil.IsUnder(resolved, PathUtil.RealPath(root))))
            return Error(DiagnosticCodes.SymlinkEscapes, link, $"symbolic link resolves to '{resolved}', outside the plugin and the marketplace");
        // `self -> .`, `up -> ..`, a link to the marketplace root: a folder that holds the link. Whatever follows
        // links (the pack, a zip, grep -R) copies or reads it into itself without end.
        // A link to a FIFO, device or socket (outside the plugin, where the walk does not see it): never opened, never packed.
        if (AgentOps.Core.Security.FileKind.OfTarget(link.FullName) is var type and not (AgentOps.Core.Security.FileType.Regular or AgentOps.Core.Security.FileType.Directory))
            return Error(DiagnosticCodes.NotRegularFile, link, $"symbolic link points at {AgentOps.Core.Security.FileKind.Describe(type)}, not a regular file: not read, and it cannot be shipped; remove it");
        if (Directory.Exists(target.FullName) && Path.GetDirectoryName(link.FullName) is { } parent && PathUtil.IsUnder(PathUtil.RealPath(parent), resolved))
            return Error(DiagnosticCodes.SymlinkLoop, link, $"symbolic link '{link.LinkTarget}' points at '{resolved}', a folder that holds it: following it never ends");
        return null;
    }

    private static Diagnostic Error(string code, FileSystemInfo link, string message) =>
        new(code, DiagnosticSeverity.Error, link.FullName, 1, 1, message); // (1,1): CI annotations need a line
}
