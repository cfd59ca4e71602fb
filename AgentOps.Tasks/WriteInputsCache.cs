using System.Text;
using Microsoft.Build.Framework;

namespace AgentOps.Tasks;

/// <summary>
/// Writes what a target reads besides file contents (item lists with their metadata, property values carried
/// as metadata) to a file, rewriting it only when that changed, so the file can stand in the target's Inputs.
/// A timestamp check over the files that remain never sees a removed plugin, a renamed or deleted component
/// or a changed property; this file does (the idea of MSBuild's own CoreCompileInputs.cache).
/// </summary>
public sealed class WriteInputsCache : Microsoft.Build.Utilities.Task
{
    [Required] public string File { get; set; } = "";
    /// <summary>Every item becomes one line: its spec and its custom metadata, in the order given.</summary>
    public ITaskItem[] Items { get; set; } = [];

    public override bool Execute()
    {
        var text = new StringBuilder();
        foreach (var item in Items) text.Append(Line(item)).Append('\n');
        var content = text.ToString();
        // Compared only with a regular file: a FIFO left in obj/ (a plugin folder is hostile input) blocked the read forever.
        if (Core.Security.FileKind.OfTarget(File) == Core.Security.FileType.Regular && System.IO.File.ReadAllText(File) == content) return true;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(File))!);
            var temp = File + ".tmp-" + Environment.ProcessId;
            System.IO.File.WriteAllText(temp, content, new UTF8Encoding(false));
            System.IO.File.Move(temp, File, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TaskDiagnostics.Log(Log, new Core.Diagnostics.Diagnostic(Core.Diagnostics.DiagnosticCodes.FileUnreadable, Core.Diagnostics.DiagnosticSeverity.Error, File, 1, 1,
                $"cannot write the build's inputs file: {ex.Message}; remove what is in its place (obj/ holds only build output)"));
            return false;
        }
        Log.LogMessage(MessageImportance.Low, $"Inputs changed: {File}");
        return true;
    }

    private static string Line(ITaskItem item)
    {
        // The dictionary's entry type differs between MSBuild's item kinds; read it through its keys.
        var custom = item.CloneCustomMetadata();
        var metadata = custom.Keys.Cast<string>().Order(StringComparer.Ordinal)
            .Select(key => $"\t{key}={Escape(custom[key] as string ?? "")}");
        return Escape(item.ItemSpec) + string.Concat(metadata);
    }

    // One item per line, whatever its values hold.
    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\n", "\\n").Replace("\r", "\\r").Replace("\t", "\\t");
}
