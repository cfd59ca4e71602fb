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
        // Compared only with a regular file (ManifestFile): a FIFO left in obj/ (a plugin folder is hostile input) blocked the read forever.
        var changed = false;
        if (!TaskDiagnostics.TryWrite(Log, File, "the build's inputs file", () => changed = Core.Manifests.ManifestFile.WriteTextIfChanged(File, content),
                " (obj/ holds only build output)"))
            return false;
        if (changed) Log.LogMessage(MessageImportance.Low, $"Inputs changed: {File}");
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
