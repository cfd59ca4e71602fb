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
                else if (ReservedNames.ReadsAsAnthropic(name) && !official)
                    diagnostics.Add(JsonFile.At(nameToken, DiagnosticCodes.PluginNameReadsAsAnthropic, DiagnosticSeverity.Warning, manifestFile,
                        $"plugin name '{name}': {ReservedNames.ReadsAsExplanation}"));
            }
            diagnostics.AddRange(AgentOps.Core.Security.PathPolicyChecks.MarketplaceEntry(manifestFile, entry));
            if (entry["source"] is JValue { Type: JTokenType.String } source && CheckLocalSource(marketplaceRoot, manifestFile, source, LocalPluginSource.PluginRoot(manifest)) is { } d)
                diagnostics.Add(d);
        }
        return diagnostics;
    }

    private static Diagnostic? CheckLocalSource(string marketplaceRoot, string manifestFile, JValue sourceToken, string? pluginRoot)
    {
        var source = (string)sourceToken!;
        var resolved = LocalPluginSource.Resolve(marketplaceRoot, source, pluginRoot);
        var shown = resolved.Effective == source ? $"'{source}'" : $"'{source}' (= '{resolved.Effective}' under metadata.pluginRoot)";
        return resolved.Kind switch
        {
            LocalSourceKind.Escapes => JsonFile.At(sourceToken, DiagnosticCodes.SourceEscapesRoot, DiagnosticSeverity.Error, manifestFile,
                $"source {shown} escapes the marketplace root: use a path inside it, such as ./plugins/name"),
            LocalSourceKind.Missing => JsonFile.At(sourceToken, DiagnosticCodes.SourceFolderMissing, DiagnosticSeverity.Error, manifestFile,
                $"source folder {shown} does not exist under the marketplace root{PluginRootHint(marketplaceRoot, source, pluginRoot)}"),
            LocalSourceKind.SymlinkEscapes => JsonFile.At(sourceToken, DiagnosticCodes.SourceEscapesRoot, DiagnosticSeverity.Error, manifestFile,
                $"source {shown} is a symlink that resolves outside the marketplace root"),
            _ => null, // found, or not a local path (the schema reports that)
        };
    }

    // "./alpha" with pluginRoot "plugins" and a folder plugins/alpha: Claude Code does not apply pluginRoot
    // to "./" paths (the install fails), so say which spelling would work.
    private static string PluginRootHint(string marketplaceRoot, string source, string? pluginRoot)
    {
        if (pluginRoot is null || !source.StartsWith("./", StringComparison.Ordinal) || !LocalPluginSource.IsBareName(source[2..])) return "";
        return LocalPluginSource.Folder(marketplaceRoot, source[2..], pluginRoot) is null ? ""
            : $"; metadata.pluginRoot applies only to bare names, so write \"{source[2..]}\" (Claude Code fails the install of '{source}')";
    }
}
