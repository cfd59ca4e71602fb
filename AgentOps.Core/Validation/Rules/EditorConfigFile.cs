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

    private const int MaxGlobLength = 4096;

    /// <summary>Section headers whose glob this reader cannot turn into a pattern (unbalanced braces, longer than 4,096 characters): they match no file.</summary>
    public List<string> InvalidSections { get; } = [];

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
                if (GlobToRegex(line[1..^1]) is { } glob) config._sections.Add((glob, current));
                else config.InvalidSections.Add(line); // its keys are read into a section nothing matches
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

    // NonBacktracking: a file in the plugin chooses the glob, and "[**a**a**a…b]" made the backtracking engine take
    // hours on one path (the build hung). Unbalanced braces ("[{a]", "[}]") are no pattern at all: null, not a crash.
    private static Regex? GlobToRegex(string glob)
    {
        if (glob.Length > MaxGlobLength) return null; // longer than any path it could match; a megabyte of "{,,,}" is no glob
        var anyDepth = !glob.Contains('/');
        glob = glob.TrimStart('/');
        var re = new System.Text.StringBuilder(anyDepth ? "(^|/)" : "^");
        var braces = 0;
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*') { re.Append(".*"); i++; }
            else if (c == '*') re.Append("[^/]*");
            else if (c == '?') re.Append("[^/]");
            else if (c == '{') { re.Append('('); braces++; }
            else if (c == '}') { re.Append(')'); braces--; }
            else if (c == ',' && braces > 0) re.Append('|'); // (it copied the whole pattern per comma: quadratic on a long line)
            else re.Append(Regex.Escape(c.ToString()));
        }
        try { return new Regex(re.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking); }
        catch (ArgumentException) { return null; }
    }
}
