using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AgentOps.Tests.Conformance;

/// <summary>
/// The files of one conformance case held in memory (path → bytes, executable bits, symlinks) so a
/// mutation is a small edit, and the case is written to disk only to run the validators.
/// </summary>
public sealed class CaseFiles
{
    private readonly SortedDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly HashSet<string> _executable = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string> _links = new(StringComparer.Ordinal);

    public void Text(string path, string text) => _files[path] = Encoding.UTF8.GetBytes(text);
    public void Bytes(string path, byte[] bytes) => _files[path] = bytes;
    public void Json(string path, JToken json) => Text(path, json.ToString(Formatting.Indented) + "\n");
    public void Executable(string path) => _executable.Add(path);
    public void NotExecutable(string path) => _executable.Remove(path);
    public void Link(string path, string target) => _links[path] = target;
    public bool Exists(string path) => _files.ContainsKey(path);

    public void Remove(string path)
    {
        _files.Remove(path);
        foreach (var key in _files.Keys.Where(k => k.StartsWith(path + "/", StringComparison.Ordinal)).ToList()) _files.Remove(key);
        _links.Remove(path);
    }

    public string ReadText(string path) => Encoding.UTF8.GetString(_files[path]);

    /// <summary>Parses a JSON file of the case, lets the mutation change it, and writes it back.</summary>
    public void EditJson(string path, Action<JObject> edit)
    {
        var json = JObject.Parse(ReadText(path));
        edit(json);
        Json(path, json);
    }

    public void WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var (path, bytes) in _files)
        {
            var full = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(full, _executable.Contains(path)
                    ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute
                    : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
        foreach (var (path, target) in _links)
        {
            var full = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.CreateSymbolicLink(full, target);
        }
    }
}

/// <summary>A conformance case: a folder (marketplace or plugin) built from a valid fixture and one mutation.</summary>
public sealed record ConformanceCase(string Id, string ErrorClass, Action<CaseFiles> Build)
{
    public string Materialize(string corpusDirectory)
    {
        var files = new CaseFiles();
        Build(files);
        var dir = Path.Combine(corpusDirectory, Id);
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        files.WriteTo(dir);
        return dir;
    }
}
