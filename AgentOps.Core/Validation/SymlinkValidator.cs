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
        foreach (var entry in PluginFiles.Walk(directory, includeLinks: true).Where(e => e.LinkTarget is not null))
            if (Check(entry, allowedRoots) is { } d) diagnostics.Add(d);
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
        return null;
    }

    private static Diagnostic Error(string code, FileSystemInfo link, string message) =>
        new(code, DiagnosticSeverity.Error, link.FullName, 0, 0, message);
}
