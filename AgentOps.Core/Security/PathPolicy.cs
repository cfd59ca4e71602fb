using System.Text.RegularExpressions;

namespace AgentOps.Core.Security;

/// <summary>
/// The one policy for paths and sources that come from manifests, shared by validate, the build and
/// import. Each method returns why a value is unsafe, or null. A path inside a plugin is relative,
/// starts with "./", has no empty, "." or ".." segment after it, no backslash, no control character
/// (so it can neither leave the plugin — "./../../etc/passwd", ".//etc/hostname" — nor be read
/// differently by another tool); remote sources are names and URLs a git or npm client takes as data,
/// never as options or shell text, and carry no password.
/// </summary>
public static partial class PathPolicy
{
    /// <summary>A component or icon path of a plugin ("./commands/x.md").</summary>
    public static string? ComponentPathProblem(string path)
    {
        if (path.Length == 0) return "is empty";
        if (HasControl(path)) return "holds a control character";
        if (path.Contains('\\')) return "holds a backslash (paths use '/')";
        if (Path.IsPathRooted(path) || path.StartsWith('~')) return "is absolute: a plugin's paths stay inside the plugin";
        if (path.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) return null; // a URL, checked as one
        var rest = path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path;
        var segments = rest.Split('/');
        if (segments.Contains("..")) return "climbs out with '..': a plugin's paths stay inside the plugin";
        // A trailing '/' on a folder is fine; an empty or '.' segment elsewhere hides where the path goes.
        if (segments.Take(segments.Length - 1).Any(s => s.Length == 0 || s == ".") || rest.Length == 0 && path != "./") return "has an empty or '.' segment ('//' or '/./')";
        return null;
    }

    /// <summary>True when the path, resolved under <paramref name="root"/>, stays inside it.</summary>
    public static bool StaysUnder(string root, string relative)
    {
        var full = Path.GetFullPath(Path.Combine(root, relative));
        var r = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        return full == r || full.StartsWith(r + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    /// <summary>A GitHub "owner/repo".</summary>
    public static string? GitHubRepoProblem(string repo) =>
        GitHubRepo().IsMatch(repo) && !repo.Split('/').Any(s => s is "." or "..") ? null
            : "is not 'owner/repo' (letters, digits, '-', '_', '.'; no '..', no leading '-')";

    /// <summary>The subfolder of a git-subdir source.</summary>
    public static string? SubdirProblem(string path)
    {
        if (path.Length == 0) return "is empty";
        if (HasControl(path) || path.Contains('\\')) return "holds a control character or backslash";
        if (Path.IsPathRooted(path) || path.StartsWith('~')) return "is absolute: it must be a folder inside the repository";
        if (path.Split('/').Contains("..")) return "climbs out of the repository with '..'";
        if (path.StartsWith('-')) return "starts with '-' (would read as an option)";
        return null;
    }

    /// <summary>An npm package name (with an optional scope) — never shell text or an option.</summary>
    public static string? NpmPackageProblem(string package) =>
        NpmName().IsMatch(package) && package.Length <= 214 ? null
            : "is not an npm package name (lowercase letters, digits, '-', '.', '_', '~', an optional @scope/): no spaces, quotes or shell characters";

    /// <summary>A source URL: no password or token in it, nothing a git client reads as an option or a helper.</summary>
    public static string? SourceUrlProblem(string url)
    {
        if (HasControl(url)) return "holds a control character";
        if (url.StartsWith('-')) return "starts with '-' (git would read it as an option)";
        if (url.StartsWith("ext::", StringComparison.OrdinalIgnoreCase) || url.StartsWith("fd::", StringComparison.OrdinalIgnoreCase)) return "uses a git transport that runs commands";
        if (UserInfo().Match(url) is { Success: true } m && m.Groups["password"].Success)
            return "holds a password or token (user:secret@): anyone who reads the marketplace gets it; use a credential helper instead";
        return null;
    }

    private static bool HasControl(string s) => s.Any(c => char.IsControl(c));

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.\-]{0,99}/[A-Za-z0-9_.][A-Za-z0-9_.\-]{0,99}$")]
    private static partial Regex GitHubRepo();
    [GeneratedRegex(@"^(?:@[a-z0-9\-~][a-z0-9\-._~]*/)?[a-z0-9\-~][a-z0-9\-._~]*$")]
    private static partial Regex NpmName();
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*://(?<user>[^/@\s:]*)(?::(?<password>[^@\s]*))?@")]
    private static partial Regex UserInfo();
}
