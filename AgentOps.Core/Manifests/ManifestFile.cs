using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AgentOps.Core.Manifests;

/// <summary>Writes generated JSON (and text) atomically, and only when the content changes, so a rebuild does not
/// touch timestamps (incremental builds and Claude Code's caches both key on them).</summary>
public static class ManifestFile
{
    /// <exception cref="IOException">The path is a folder, or its folder cannot be created or written.</exception>
    /// <exception cref="UnauthorizedAccessException">Permissions.</exception>
    public static bool WriteIfChanged(string path, JToken json) =>
        WriteTextIfChanged(path, json.ToString(Formatting.Indented).Replace("\r\n", "\n") + "\n");

    /// <summary>Any generated text (the build's inputs files too): written by rename, and only when it differs.</summary>
    /// <exception cref="IOException">The path is a folder, or its folder cannot be created or written.</exception>
    /// <exception cref="UnauthorizedAccessException">Permissions.</exception>
    public static bool WriteTextIfChanged(string path, string text)
    {
        // Compared only with a regular file: a FIFO in its place would block the read forever. Anything else there is
        // replaced by the rename below, or (a folder) makes it throw an IOException the caller reports.
        if (Security.FileKind.OfTarget(path) == Security.FileType.Regular && File.ReadAllText(path) == text) return false;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp-" + Environment.ProcessId;
        File.WriteAllText(temp, text, new UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
        return true;
    }
}
