using System.Text.RegularExpressions;

namespace AgentOps.Core.Validation;

/// <summary>
/// One .editorconfig file: <c>root = true</c> and its sections, each a glob and its key = value pairs. Globs
/// follow EditorConfig: <c>*</c> (not across '/'), <c>**</c>, <c>?</c>, <c>{a,b}</c>; a glob without '/'
/// matches the file name at any depth. Later sections win, as in EditorConfig.
/// </summary>
public sealed class EditorConfigFile
{
    private readonly List<(Regex Glob, Dictionary<string, string> Pairs)> _sections = [];

    private EditorConfigFile(string path) => Path = path;

    public string Path { get; }
    public bool IsRoot { get; private set; }

    public static EditorConfigFile? Read(string path)
    {
        if (!TextFileReader.TryRead(path, 1024 * 1024, out var text, out _)) return null;
        var config = new EditorConfigFile(path);
        Dictionary<string, string>? current = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';') continue;
            if (line[0] == '[' && line[^1] == ']')
            {
                current = new(StringComparer.OrdinalIgnoreCase);
                config._sections.Add((GlobToRegex(line[1..^1]), current));
                continue;
            }
            var eq = line.IndexOf('=');
            if (eq <= 0) continue;
            var (key, value) = (line[..eq].Trim().ToLowerInvariant(), line[(eq + 1)..].Trim());
            if (current is null) { if (key == "root") config.IsRoot = value.Equals("true", StringComparison.OrdinalIgnoreCase); }
            else current[key] = value;
        }
        return config;
    }

    /// <summary>The value of a key for a file under this config's folder (last matching section wins), or null.</summary>
    public string? Find(string file, string key)
    {
        var relative = System.IO.Path.GetRelativePath(System.IO.Path.GetDirectoryName(Path)!, System.IO.Path.GetFullPath(file)).Replace('\\', '/');
        if (relative.StartsWith("../", StringComparison.Ordinal)) return null;
        string? found = null;
        foreach (var (glob, pairs) in _sections)
            if (glob.IsMatch(relative) && pairs.TryGetValue(key, out var value)) found = value;
        return found;
    }

    private static Regex GlobToRegex(string glob)
    {
        var anyDepth = !glob.Contains('/');
        glob = glob.TrimStart('/');
        var re = new System.Text.StringBuilder(anyDepth ? "(^|/)" : "^");
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*') { re.Append(".*"); i++; }
            else if (c == '*') re.Append("[^/]*");
            else if (c == '?') re.Append("[^/]");
            else if (c == '{') re.Append('(');
            else if (c == '}') re.Append(')');
            else if (c == ',' && re.ToString().Contains('(')) re.Append('|');
            else re.Append(Regex.Escape(c.ToString()));
        }
        return new Regex(re.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
