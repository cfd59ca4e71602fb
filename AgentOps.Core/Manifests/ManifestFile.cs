using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AgentOps.Core.Manifests;

/// <summary>Writes generated JSON atomically, and only when the content changes, so a rebuild does not
/// touch timestamps (incremental builds and Claude Code's caches both key on them).</summary>
public static class ManifestFile
{
    public static bool WriteIfChanged(string path, JToken json)
    {
        var text = json.ToString(Formatting.Indented).Replace("\r\n", "\n") + "\n";
        if (File.Exists(path) && File.ReadAllText(path) == text) return false;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp-" + Environment.ProcessId;
        File.WriteAllText(temp, text, new UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
        return true;
    }
}
