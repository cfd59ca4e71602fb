using AgentOps.Core.Diagnostics;
using AgentOps.Core.Json;
using Newtonsoft.Json.Linq;

namespace AgentOps.Core.Validation;

/// <summary>
/// Checks the plugin entries of marketplace.json beyond the schema: duplicate names (an error at the
/// second entry), and local sources that escape the marketplace root (.., absolute paths, symlinks
/// resolving outside) or whose folder is missing.
/// </summary>
public static class MarketplaceSourcesValidator
{
    public static IReadOnlyList<Diagnostic> Validate(string marketplaceRoot, string manifestFile, JToken manifest)
    {
        var diagnostics = new List<Diagnostic>();
        if ((manifest as JObject)?["plugins"] is not JArray plugins) return diagnostics;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var official = (manifest["name"] as JValue)?.Value is string marketplaceName && ReservedNames.OfficialMarketplaces.Contains(marketplaceName);
        foreach (var entry in plugins.OfType<JObject>())
        {
            if (entry["name"] is JValue { Type: JTokenType.String } nameToken)
            {
                var name = (string)nameToken!;
                if (seen.TryGetValue(name, out var firstLine))
                    diagnostics.Add(JsonFile.At(nameToken, DiagnosticCodes.DuplicatePluginName, DiagnosticSeverity.Error, manifestFile,
                        $"duplicate plugin name '{name}' (first declared at line {firstLine}); Claude Code cannot tell the entries apart"));
                else seen[name] = JsonFile.Position(nameToken).Line;
                if (ReservedNames.IsReservedPluginName(name) && !official)
                    diagnostics.Add(JsonFile.At(nameToken, DiagnosticCodes.SchemaInvalidValue, DiagnosticSeverity.Error, manifestFile,
                        $"plugin name '{name}' is reserved: {ReservedNames.Explanation}"));
            }
            if (entry["source"] is JValue { Type: JTokenType.String } source && CheckLocalSource(marketplaceRoot, manifestFile, source, PluginRoot(manifest)) is { } d)
                diagnostics.Add(d);
        }
        return diagnostics;
    }

    /// <summary>metadata.pluginRoot: the folder bare source names ("alpha") are resolved under.</summary>
    public static string? PluginRoot(JToken manifest) => ((manifest as JObject)?["metadata"] as JObject)?["pluginRoot"] is JValue { Type: JTokenType.String } v ? (string)v! : null;

    /// <summary>A bare name ("alpha") that only means a folder because metadata.pluginRoot is set.</summary>
    public static bool IsBareName(string source, string? pluginRoot) =>
        pluginRoot is not null && !source.StartsWith("./", StringComparison.Ordinal) && source != "." && !source.Contains("://", StringComparison.Ordinal) && !Path.IsPathRooted(source);

    /// <summary>The folder of a local source, or null when it is remote, escapes or is missing.</summary>
    public static string? LocalFolder(string marketplaceRoot, string source, string? pluginRoot = null)
    {
        if (Path.IsPathRooted(source) || source.Replace('\\', '/').Split('/').Contains("..")) return null;
        if (IsBareName(source, pluginRoot)) source = Path.Combine(pluginRoot!, source);
        var full = Path.GetFullPath(Path.Combine(marketplaceRoot, source));
        return Directory.Exists(full) && PathUtil.IsUnder(PathUtil.RealPath(full), PathUtil.RealPath(marketplaceRoot)) ? full : null;
    }

    private static Diagnostic? CheckLocalSource(string marketplaceRoot, string manifestFile, JValue sourceToken, string? pluginRoot)
    {
        var source = (string)sourceToken!;
        if (IsBareName(source, pluginRoot)) source = "./" + Path.Combine(pluginRoot!, source).Replace('\\', '/').TrimStart('.', '/');
        var normalized = source.Replace('\\', '/');
        if (Path.IsPathRooted(source) || normalized.StartsWith('/') || normalized.Split('/').Contains(".."))
            return JsonFile.At(sourceToken, DiagnosticCodes.SourceEscapesRoot, DiagnosticSeverity.Error, manifestFile,
                $"source '{source}' escapes the marketplace root: use a path inside it, such as ./plugins/name");
        if (!normalized.StartsWith("./", StringComparison.Ordinal) && normalized != ".") return null; // the schema reports it
        var full = Path.GetFullPath(Path.Combine(marketplaceRoot, source));
        if (!Directory.Exists(full))
            return JsonFile.At(sourceToken, DiagnosticCodes.SourceFolderMissing, DiagnosticSeverity.Error, manifestFile,
                $"source folder '{source}' does not exist under the marketplace root");
        if (!PathUtil.IsUnder(PathUtil.RealPath(full), PathUtil.RealPath(marketplaceRoot)))
            return JsonFile.At(sourceToken, DiagnosticCodes.SourceEscapesRoot, DiagnosticSeverity.Error, manifestFile,
                $"source '{source}' is a symlink that resolves outside the marketplace root");
        return null;
    }
}
