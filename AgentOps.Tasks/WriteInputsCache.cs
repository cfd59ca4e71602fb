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
        if (System.IO.File.Exists(File) && System.IO.File.ReadAllText(File) == content) return true;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(File))!);
        var temp = File + ".tmp-" + Environment.ProcessId;
        System.IO.File.WriteAllText(temp, content, new UTF8Encoding(false));
        System.IO.File.Move(temp, File, overwrite: true);
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
