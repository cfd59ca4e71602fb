using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace AgentOps.Core.Patterns;

/// <summary>Pattern ids: <c>[a-z0-9][a-z0-9_-]{0,63}</c>, no path characters, derived deterministically
/// (<c>&lt;category&gt;-&lt;hash8&gt;</c>); the seed's <c>pat_2025-11-07_oauth_api</c> form is read as it is.</summary>
public static partial class PatternIds
{
    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex IdRegex();

    public static bool IsValid(string? id) => id is not null && IdRegex().IsMatch(id);

    /// <summary>Throws <see cref="ArgumentException"/> for an id that could escape its folder (<c>../</c>).</summary>
    public static string Require(string? id) =>
        IsValid(id) ? id! : throw new ArgumentException(
            $"invalid pattern id '{id}': must match [a-z0-9][a-z0-9_-]{{0,63}} (no path characters)", nameof(id));

    /// <summary>Short stable hash (8 hex) of the category and the ordered step names.</summary>
    public static string WorkflowHash(string category, IEnumerable<string> stepNames)
    {
        var text = category + "\n" + string.Join("\n", stepNames);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8];
    }

    /// <summary>Stable id: <c>&lt;category&gt;-&lt;hash8&gt;</c>.</summary>
    public static string For(string category, IEnumerable<string> stepNames)
    {
        var cat = Slug(category);
        if (cat.Length > 54) cat = cat[..54].TrimEnd('-');
        return $"{cat}-{WorkflowHash(category, stepNames)}";
    }

    public static string Slug(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var s = sb.ToString().Trim('-');
        return s.Length == 0 ? "general" : s;
    }
}

/// <summary>Writes a file atomically: a temp file in the same folder, flushed, then renamed over the target.</summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string text)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var tmp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var fs = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                var bytes = new UTF8Encoding(false).GetBytes(text);
                fs.Write(bytes);
                fs.Flush(flushToDisk: true);
            }
            File.Move(tmp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }
}
