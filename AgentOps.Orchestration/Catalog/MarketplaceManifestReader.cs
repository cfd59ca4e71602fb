using AgentOps.Core.Diagnostics;
using AgentOps.Core.Json;
using AgentOps.Core.Validation;
using Newtonsoft.Json.Linq;

namespace AgentOps.Orchestration.Catalog;

/// <summary>Where installed copies of plugins are (Claude Code's plugin cache), keyed by <c>name@marketplace</c>.</summary>
public sealed record InstalledPlugins(IReadOnlyDictionary<string, string> InstallPaths)
{
    public static readonly InstalledPlugins None = new(new Dictionary<string, string>());
    public bool Contains(string id) => InstallPaths.ContainsKey(id);
}

/// <summary>
/// Reads a marketplace.json into catalog plugins. With a <c>root</c> folder, local sources
/// (<c>./plugins/x</c>) are read as plugin folders; without one (a marketplace.json file on its own),
/// every entry is indexed from its own description, keywords and category. Each bad entry is reported
/// at its line and skipped; the rest are kept.
/// </summary>
public static class MarketplaceManifestReader
{
    public sealed record Result(string Name, IReadOnlyList<CatalogPlugin> Plugins, IReadOnlyList<Diagnostic> Diagnostics);

    public static Result Read(string manifestFile, string? root, string fallbackName, InstalledPlugins? installed = null)
    {
        installed ??= InstalledPlugins.None;
        var diagnostics = new List<Diagnostic>();
        var token = JsonFile.Load(manifestFile, out var problem);
        if (token is null)
        {
            diagnostics.Add(problem! with { Code = DiagnosticCodes.CatalogJsonInvalid, Message = "marketplace skipped: " + problem.Message });
            return new(fallbackName, [], diagnostics);
        }
        if (token is not JObject manifest || manifest["plugins"] is not JArray entries)
        {
            diagnostics.Add(JsonFile.At(token, DiagnosticCodes.CatalogMarketplaceShape, DiagnosticSeverity.Error, manifestFile,
                "marketplace skipped: expected an object with a \"plugins\" array"));
            return new(fallbackName, [], diagnostics);
        }
        var name = ManifestFields.Str(manifest["name"]) is { Length: > 0 } n ? n : fallbackName;
        var pluginRoot = LocalPluginSource.PluginRoot(manifest);
        var plugins = new List<CatalogPlugin>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in entries)
        {
            if (item is not JObject entry || ManifestFields.Str(entry["name"]) is not { Length: > 0 } pluginName)
            {
                diagnostics.Add(JsonFile.At(item, DiagnosticCodes.CatalogEntryInvalid, DiagnosticSeverity.Warning, manifestFile,
                    "plugin entry skipped: it is not an object with a \"name\" text"));
                continue;
            }
            var line = JsonFile.Position(entry["name"]).Line;
            if (firstLine.TryGetValue(pluginName, out var first))
            {
                diagnostics.Add(JsonFile.At(entry["name"], DiagnosticCodes.CatalogDuplicatePlugin, DiagnosticSeverity.Warning, manifestFile,
                    $"plugin entry '{pluginName}' skipped: the name is already used at line {first}"));
                continue;
            }
            firstLine[pluginName] = line;
            try
            {
                plugins.Add(ReadEntry(name, entry, manifestFile, root, pluginRoot, installed, diagnostics));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                // Never fatal: one plugin that cannot be read does not hide the others.
                diagnostics.Add(JsonFile.At(entry, DiagnosticCodes.CatalogEntryInvalid, DiagnosticSeverity.Warning, manifestFile,
                    $"plugin '{pluginName}' skipped: {ex.Message}"));
            }
        }
        return new(name, plugins, diagnostics);
    }

    private static CatalogPlugin ReadEntry(string marketplace, JObject entry, string manifestFile, string? root, string? pluginRoot,
        InstalledPlugins installed, List<Diagnostic> diagnostics)
    {
        var fields = ManifestFields.From(entry);
        var sourceToken = entry["source"];
        var source = DescribeSource(sourceToken);
        var id = $"{fields.Name}@{marketplace}";
        string? folder = null;
        if (root is not null && sourceToken is JValue { Type: JTokenType.String } local)
        {
            var resolved = LocalPluginSource.Resolve(root, (string)local!, pluginRoot);
            switch (resolved.Kind)
            {
                case LocalSourceKind.Escapes:
                    diagnostics.Add(JsonFile.At(sourceToken, DiagnosticCodes.CatalogSourceEscapes, DiagnosticSeverity.Warning, manifestFile,
                        $"plugin '{fields.Name}': source '{local}' escapes the marketplace root; its folder is not read"));
                    break;
                case LocalSourceKind.SymlinkEscapes:
                    diagnostics.Add(JsonFile.At(sourceToken, DiagnosticCodes.CatalogSourceEscapes, DiagnosticSeverity.Warning, manifestFile,
                        $"plugin '{fields.Name}': source '{local}' resolves outside the marketplace root; its folder is not read"));
                    break;
                case LocalSourceKind.Missing when !installed.Contains(id):
                    diagnostics.Add(JsonFile.At(sourceToken, DiagnosticCodes.CatalogSourceFolderMissing, DiagnosticSeverity.Warning, manifestFile,
                        $"plugin '{fields.Name}': source folder '{local}' does not exist; indexed from its entry only"));
                    break;
                case LocalSourceKind.Found:
                    folder = resolved.Folder;
                    break;
            }
        }
        // An installed copy (Claude Code's cache) stands in for a folder the marketplace does not ship.
        if (folder is null && installed.InstallPaths.TryGetValue(id, out var cached) && Directory.Exists(cached)) folder = cached;
        var plugin = folder is null
            ? PluginFolderReader.FromEntry(marketplace, fields, source, entry)
            : PluginFolderReader.Read(marketplace, folder, fields, source, diagnostics, entry);
        return plugin with { Installed = installed.Contains(id) };
    }

    /// <summary>The source as one line: the path for local sources, <c>kind:location</c> for remote ones.</summary>
    public static string DescribeSource(JToken? source) => source switch
    {
        JValue { Type: JTokenType.String } s => (string)s!,
        JObject o => ManifestFields.Str(o["source"]) + ":" + new[] { "repo", "url", "package", "path" }
            .Select(k => ManifestFields.Str(o[k])).Where(v => v.Length > 0).DefaultIfEmpty("").Aggregate((a, b) => a + " " + b),
        _ => "",
    };
}
