using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace AgentOps.Core.Validation;

/// <summary>What a string <c>source</c> of a marketplace entry turns out to be on disk.</summary>
public enum LocalSourceKind
{
    /// <summary>Not a local path Claude Code accepts (a bare name without metadata.pluginRoot, a "team/x" path without "./"…): the schema reports it.</summary>
    NotLocal,
    /// <summary>An absolute path or one with a ".." segment.</summary>
    Escapes,
    /// <summary>A symlink (somewhere on the way) that resolves outside the marketplace root.</summary>
    SymlinkEscapes,
    /// <summary>No folder at the path.</summary>
    Missing,
    /// <summary>A folder inside the marketplace root.</summary>
    Found,
}

/// <summary>A resolved local source: the path as Claude Code rewrites it ("./plugins/alpha") and the folder.</summary>
public sealed record LocalSource(LocalSourceKind Kind, string Effective, string? Folder);

/// <summary>
/// The one resolver of local plugin sources, as Claude Code 2.1.331 does it: a bare name
/// (<c>"formatter"</c>) becomes <c>./&lt;metadata.pluginRoot&gt;/formatter</c>; a source that already starts
/// with "./" is left alone (pluginRoot does not apply to it, at install either); a pluginRoot that is
/// absolute, holds a backslash, a colon or a "."/".." segment is ignored. Every caller (validation,
/// import, catalog) goes through it, so they agree on which folder an entry means.
/// </summary>
public static partial class LocalPluginSource
{
    /// <summary>metadata.pluginRoot normalised the CLI's way ("./plugins/" → "plugins", "./" → "."), or null when unset or unusable.</summary>
    public static string? PluginRoot(JToken? manifest) =>
        ((manifest as JObject)?["metadata"] as JObject)?["pluginRoot"] is JValue { Type: JTokenType.String } v ? NormalizeRoot((string)v!) : null;

    public static string? NormalizeRoot(string root)
    {
        if (root.Length == 0 || root.StartsWith('/') || root.Contains('\\') || root.Contains(':')) return null;
        var trimmed = (root.StartsWith("./", StringComparison.Ordinal) ? root[2..] : root).TrimEnd('/');
        if (trimmed is "" or ".") return ".";
        return trimmed.Split('/').Any(s => s is "" or "." or "..") ? null : trimmed;
    }

    /// <summary>A single folder name ("formatter"): what metadata.pluginRoot applies to.</summary>
    public static bool IsBareName(string source) => BareName().IsMatch(source) && !source.Contains("..", StringComparison.Ordinal);

    /// <summary>The source as Claude Code reads it after applying metadata.pluginRoot.</summary>
    public static string Effective(string source, string? pluginRoot) =>
        pluginRoot is null || !IsBareName(source) ? source : pluginRoot == "." ? "./" + source : $"./{pluginRoot}/{source}";

    public static LocalSource Resolve(string marketplaceRoot, string source, string? pluginRoot)
    {
        var effective = Effective(source, pluginRoot);
        var normalized = effective.Replace('\\', '/');
        if (Path.IsPathRooted(effective) || normalized.StartsWith('/') || normalized.Split('/').Contains(".."))
            return new(LocalSourceKind.Escapes, effective, null);
        if (!normalized.StartsWith("./", StringComparison.Ordinal) && normalized != ".") return new(LocalSourceKind.NotLocal, effective, null);
        var full = Path.GetFullPath(Path.Combine(marketplaceRoot, normalized));
        if (!Directory.Exists(full)) return new(LocalSourceKind.Missing, effective, null);
        return PathUtil.IsUnder(PathUtil.RealPath(full), PathUtil.RealPath(marketplaceRoot))
            ? new(LocalSourceKind.Found, effective, full)
            : new(LocalSourceKind.SymlinkEscapes, effective, null);
    }

    /// <summary>The folder of a local source, or null when it is remote, escapes or is missing.</summary>
    public static string? Folder(string marketplaceRoot, string source, string? pluginRoot) =>
        Resolve(marketplaceRoot, source, pluginRoot).Folder;

    [GeneratedRegex("^[A-Za-z0-9][-A-Za-z0-9._]*$")]
    private static partial Regex BareName();
}
