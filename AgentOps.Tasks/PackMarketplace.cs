using AgentOps.Core.Diagnostics;
using Microsoft.Build.Framework;

namespace AgentOps.Tasks;

/// <summary>
/// Lays out the packed marketplace: .claude-plugin/marketplace.json, the listed root files and each
/// plugin folder under the same relative path, without build leftovers (obj/, the .agentplugin project).
/// Symbolic links are copied as what they point at (validation already refused links that escape),
/// executable bits are kept (hook scripts, bin/ launchers). The folder is built beside the output and
/// swapped in at the end, so a failed pack never leaves half a marketplace.
/// </summary>
public sealed class PackMarketplace : Microsoft.Build.Utilities.Task
{
    [Required] public string MarketplaceRoot { get; set; } = "";
    [Required] public string OutputDirectory { get; set; } = "";
    /// <summary>Plugin folders (absolute or relative to the marketplace root); metadata EvalDir is the plugin's eval suite
    /// folder (default evals), whose results/ (what `claude plugin eval` writes on each run) is never packed.</summary>
    public ITaskItem[] Plugins { get; set; } = [];
    /// <summary>Files relative to the marketplace root copied as they are (README.md, LICENSE…); metadata PackagePath,
    /// when set, is where one goes instead (a user-facing README packed as README.md).</summary>
    public ITaskItem[] RootFiles { get; set; } = [];
    /// <summary>Folders built elsewhere (published tools); metadata PackagePath is where they go, relative to the output.</summary>
    public ITaskItem[] ExtraFolders { get; set; } = [];
    /// <summary>Folder or file names never packed.</summary>
    public string[] ExcludeNames { get; set; } = ["obj", ".git"];
    public string[] ExcludeExtensions { get; set; } = [".agentplugin", ".agentmarketplace"];

    /// <summary>Full paths never packed: each plugin's eval results folder.</summary>
    private readonly HashSet<string> _notPacked = new(StringComparer.Ordinal);

    public override bool Execute()
    {
        var root = Path.GetFullPath(MarketplaceRoot);
        var output = Path.GetFullPath(OutputDirectory);
        var staging = output.TrimEnd(Path.DirectorySeparatorChar) + ".staging";
        try
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            CopyRootFile(Path.Combine(root, ".claude-plugin", "marketplace.json"), Path.Combine(staging, ".claude-plugin", "marketplace.json"));
            foreach (var file in RootFiles)
            {
                var source = Path.GetFullPath(Path.Combine(root, file.ItemSpec));
                var packagePath = file.GetMetadata("PackagePath");
                CopyRootFile(source, Path.Combine(staging, packagePath.Length > 0 ? packagePath : Path.GetRelativePath(root, source)));
            }
            foreach (var plugin in Plugins)
            {
                var folder = Path.GetFullPath(Path.Combine(root, plugin.ItemSpec));
                var evalDir = plugin.GetMetadata("EvalDir") is { Length: > 0 } dir ? dir : Core.Validation.Evals.EvalSuiteValidator.DefaultFolder;
                _notPacked.Add(Path.GetFullPath(Path.Combine(folder, evalDir, "results")));
                CopyFolder(folder, Path.Combine(staging, Path.GetRelativePath(root, folder)));
            }
            foreach (var extra in ExtraFolders)
                CopyFolder(Path.GetFullPath(extra.ItemSpec), Path.Combine(staging, extra.GetMetadata("PackagePath")));
            if (Log.HasLoggedErrors)
            {
                // Something was refused (a loop, a FIFO): no half marketplace replaces the last good one.
                Directory.Delete(staging, recursive: true);
                return false;
            }
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
            Directory.Move(staging, output);
            Log.LogMessage(MessageImportance.High, $"Packed marketplace -> {output}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TaskDiagnostics.Log(Log, new Diagnostic(DiagnosticCodes.PackCopyFailed, DiagnosticSeverity.Error, root, 0, 0, $"packing failed: {ex.Message}"));
        }
        return !Log.HasLoggedErrors;
    }

    private void CopyFolder(string source, string destination) => CopyFolder(source, destination, [Real(source)]);

    /// <param name="copying">The real paths of the folders being copied, outermost first: a link to one of them
    /// (`self -> .`, a link to the marketplace root or to /) would be copied into itself without end.</param>
    private void CopyFolder(string source, string destination, List<string> copying)
    {
        Directory.CreateDirectory(destination);
        foreach (var entry in new DirectoryInfo(source).EnumerateFileSystemInfos())
        {
            if (ExcludeNames.Contains(entry.Name) || ExcludeExtensions.Contains(Path.GetExtension(entry.Name)) || _notPacked.Contains(entry.FullName)) continue;
            var target = Path.Combine(destination, entry.Name);
            FileSystemInfo? resolved;
            try { resolved = entry.LinkTarget is null ? entry : entry.ResolveLinkTarget(returnFinalTarget: true); }
            catch (IOException)
            {
                Refuse(DiagnosticCodes.SymlinkLoop, entry, $"symbolic link '{entry.LinkTarget}' loops back on itself: not packed");
                continue;
            }
            if (resolved is null || !resolved.Exists && !Directory.Exists(resolved.FullName)) continue; // broken: validation reports it (AOP0405)
            var kind = Core.Security.FileKind.OfTarget(entry.FullName);
            if (kind == Core.Security.FileType.Directory)
            {
                var real = Real(resolved.FullName);
                if (copying.Any(folder => Core.Validation.PathUtil.IsUnder(folder, real)))
                {
                    Refuse(DiagnosticCodes.SymlinkLoop, entry, $"symbolic link '{entry.LinkTarget}' points at a folder that holds it: copied as what it points at, it never ends; not packed");
                    continue;
                }
                copying.Add(real);
                CopyFolder(resolved.FullName, target, copying);
                copying.RemoveAt(copying.Count - 1);
            }
            else if (kind == Core.Security.FileType.Regular)
                CopyFile(resolved.FullName, target);
            else // a FIFO would block the copy forever, a device never ends
                Refuse(DiagnosticCodes.NotRegularFile, entry, $"{Core.Security.FileKind.Describe(kind)}, not a regular file: not packed");
        }
    }

    // README.md, LICENSE, marketplace.json: a FIFO there blocked the copy forever, a folder failed it with no place.
    private void CopyRootFile(string source, string destination)
    {
        switch (Core.Security.FileKind.OfTarget(source))
        {
            case Core.Security.FileType.Regular:
                CopyFile(source, destination);
                break;
            case Core.Security.FileType.Missing or Core.Security.FileType.Directory:
                TaskDiagnostics.Log(Log, new Diagnostic(DiagnosticCodes.FileUnreadable, DiagnosticSeverity.Error, source, 1, 1,
                    Directory.Exists(source) ? "a folder where the pack expects a file: not packed" : "file not found: not packed"));
                break;
            case var kind:
                TaskDiagnostics.Log(Log, new Diagnostic(DiagnosticCodes.NotRegularFile, DiagnosticSeverity.Error, source, 1, 1,
                    $"{Core.Security.FileKind.Describe(kind)}, not a regular file: not packed"));
                break;
        }
    }

    private void Refuse(string code, FileSystemInfo entry, string message) =>
        TaskDiagnostics.Log(Log, new Diagnostic(code, DiagnosticSeverity.Error, entry.FullName, 1, 1, message));

    private static string Real(string path) => Path.TrimEndingDirectorySeparator(Core.Validation.PathUtil.RealPath(path));

    private static void CopyFile(string source, string destination)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        File.Copy(source, destination, overwrite: true);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(destination, File.GetUnixFileMode(source));
    }
}
