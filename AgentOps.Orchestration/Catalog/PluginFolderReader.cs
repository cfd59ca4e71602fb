using AgentOps.Core.Diagnostics;
using AgentOps.Core.Json;
using Newtonsoft.Json.Linq;

namespace AgentOps.Orchestration.Catalog;

/// <summary>
/// Reads one plugin folder: .claude-plugin/plugin.json when present, otherwise the folder's
/// .agentplugin project; then its components. The marketplace entry (when there is one) names the
/// plugin and supplies what the folder lacks. Never throws: problems become diagnostics.
/// </summary>
public static class PluginFolderReader
{
    public static CatalogPlugin Read(string marketplace, string folder, ManifestFields entry, string source, List<Diagnostic> diagnostics,
        JObject? entryJson = null)
    {
        var fallbackName = entry.Name.Length > 0 ? entry.Name : Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        JObject? manifest = null;
        ManifestFields own = ManifestFields.Empty;
        var manifestFile = Path.Combine(folder, ".claude-plugin", "plugin.json");
        if (File.Exists(manifestFile))
        {
            var token = JsonFile.Load(manifestFile, out var problem);
            if (token is JObject o) { manifest = o; own = ManifestFields.From(o); }
            else
            {
                var p = problem ?? new Diagnostic("", DiagnosticSeverity.Warning, manifestFile, 1, 1, "plugin.json is not a JSON object");
                diagnostics.Add(p with { Code = DiagnosticCodes.CatalogPluginManifestInvalid, Severity = DiagnosticSeverity.Warning,
                    Message = $"plugin '{fallbackName}' indexed from its marketplace entry only: {p.Message}" });
            }
        }
        else if (FirstProject(folder) is { } project && AgentPluginProjectReader.Read(project, fallbackName, diagnostics) is { } fromProject)
            own = fromProject;

        var merged = ManifestFields.Merge(own, entry);
        // The marketplace entry is the plugin's identity in Claude Code; its category is marketplace metadata.
        var name = entry.Name.Length > 0 ? entry.Name : (own.Name.Length > 0 ? own.Name : fallbackName);
        var category = entry.Category.Length > 0 ? entry.Category : own.Category;
        return new CatalogPlugin
        {
            Name = name,
            Marketplace = marketplace,
            Version = merged.Version,
            DisplayName = merged.DisplayName,
            Description = merged.Description,
            Category = category,
            Keywords = merged.Keywords,
            Author = merged.Author,
            Homepage = merged.Homepage,
            Source = source,
            Folder = folder,
            Dependencies = merged.Dependencies,
            // Claude Code merges the entry's component fields with plugin.json's ("strict": false: the entry is the manifest).
            Components = ComponentReader.Read(name, folder, new[] { manifest, entryJson }.OfType<JObject>().ToList(), diagnostics),
        };
    }

    /// <summary>A plugin from its marketplace entry alone (remote source, or folder not readable), with the components the entry declares.</summary>
    public static CatalogPlugin FromEntry(string marketplace, ManifestFields entry, string source, JObject? entryJson = null) => new()
    {
        Components = entryJson is null ? [] : ComponentDeclarations.FromEntry(entry.Name, entryJson),
        Name = entry.Name,
        Marketplace = marketplace,
        Version = entry.Version,
        DisplayName = entry.DisplayName,
        Description = entry.Description,
        Category = entry.Category,
        Keywords = entry.Keywords,
        Author = entry.Author,
        Homepage = entry.Homepage,
        Source = source,
        Dependencies = entry.Dependencies,
    };

    public static string? FirstProject(string folder)
    {
        try { return Directory.EnumerateFiles(folder, "*.agentplugin").Order(StringComparer.Ordinal).FirstOrDefault(); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>Whether a folder looks like a plugin: a plugin.json, a .agentplugin project, or component folders.</summary>
    public static bool LooksLikePlugin(string folder) =>
        File.Exists(Path.Combine(folder, ".claude-plugin", "plugin.json")) || FirstProject(folder) is not null;
}
