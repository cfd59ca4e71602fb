using AgentOps.Core.Diagnostics;
using AgentOps.Core.Manifests;
using Microsoft.Build.Framework;

namespace AgentOps.Tasks;

/// <summary>
/// Writes the root .claude-plugin/marketplace.json from the marketplace project and what each plugin
/// project reports about itself (target GetAgentPluginInfo). Two projects claiming one plugin name
/// are reported at both projects.
/// </summary>
public sealed class GenerateMarketplaceManifest : Microsoft.Build.Utilities.Task
{
    [Required] public string ProjectFile { get; set; } = "";
    [Required] public string MarketplaceRoot { get; set; } = "";
    [Required] public string ManifestFile { get; set; } = "";
    public string? MarketplaceName { get; set; }
    public string? OwnerName { get; set; }
    public string? OwnerEmail { get; set; }
    public string? Description { get; set; }
    public string? Version { get; set; }
    /// <summary>Plugin folders; metadata PluginName, Version, Description, Author*, Category, Keywords, License, Homepage, ProjectFile.</summary>
    public ITaskItem[] Plugins { get; set; } = [];
    /// <summary>RemotePlugin items: name in Include; metadata Source (github|url|git-subdir|npm|archive), Repo, Url, Path, Package, Ref, Sha, Sha256, Description, Version, Category.</summary>
    public ITaskItem[] RemotePlugins { get; set; } = [];

    public override bool Execute()
    {
        Require(MarketplaceName, "MarketplaceName");
        Require(OwnerName, "MarketplaceOwnerName");
        foreach (var group in Plugins.GroupBy(p => p.GetMetadata("PluginName"), StringComparer.Ordinal).Where(g => g.Count() > 1))
            foreach (var duplicate in group)
                TaskDiagnostics.Log(Log, new Diagnostic(DiagnosticCodes.DuplicatePluginProject, DiagnosticSeverity.Error, duplicate.GetMetadata("ProjectFile"), 1, 1,
                    $"plugin name '{group.Key}' is declared by {group.Count()} projects: {string.Join(", ", group.Select(p => p.GetMetadata("ProjectFile")))}"));
        // One folder, one plugin.json: a second project there overwrites the first's, and its entry installs the other plugin.
        foreach (var group in Plugins.GroupBy(p => Path.TrimEndingDirectorySeparator(Core.Validation.PathUtil.RealPath(p.ItemSpec)), StringComparer.Ordinal).Where(g => g.Count() > 1))
            foreach (var shared in group)
                TaskDiagnostics.Log(Log, new Diagnostic(DiagnosticCodes.PluginFolderShared, DiagnosticSeverity.Error, shared.GetMetadata("ProjectFile"), 1, 1,
                    $"{group.Count()} plugin projects share the folder '{group.Key}' and write its one .claude-plugin/plugin.json: {string.Join(", ", group.Select(p => p.GetMetadata("ProjectFile")))}; give each its own folder"));
        if (Plugins.Length == 0 && RemotePlugins.Length == 0)
            TaskDiagnostics.Log(Log, new Diagnostic(DiagnosticCodes.NoPlugins, DiagnosticSeverity.Warning, ProjectFile, 1, 1,
                "the marketplace gathers no plugin: add AgentPlugin items or plugins/<name>/<name>.agentplugin projects"));
        if (Log.HasLoggedErrors) return false;

        var marketplace = new MarketplaceDescription
        {
            Name = MarketplaceName!, OwnerName = OwnerName!, OwnerEmail = OwnerEmail, Description = Description, Version = Version,
        };
        var root = Path.GetFullPath(MarketplaceRoot);
        var local = Plugins.Select(p => new LocalPluginEntry(Describe(p), Path.GetRelativePath(root, Path.GetFullPath(p.ItemSpec))));
        var remote = RemotePlugins.Select(r => new RemotePluginDescription
        {
            Name = r.ItemSpec, Kind = r.GetMetadata("Source"), Repo = Value(r, "Repo"), Url = Value(r, "Url"), Path = Value(r, "Path"),
            Package = Value(r, "Package"), Ref = Value(r, "Ref"), Sha = Value(r, "Sha"), Sha256 = Value(r, "Sha256"), Description = Value(r, "Description"),
            Version = Value(r, "Version"), Category = Value(r, "Category"),
        });
        if (ManifestFile.Length > 0)
            TaskDiagnostics.TryWrite(Log, ManifestFile, $"the generated {Path.GetFileName(ManifestFile)}", () =>
            {
                if (Core.Manifests.ManifestFile.WriteIfChanged(ManifestFile, MarketplaceManifestBuilder.Build(marketplace, local, remote)))
                    Log.LogMessage(MessageImportance.Normal, $"Generated {ManifestFile}");
            });
        return !Log.HasLoggedErrors;
    }

    private static PluginDescription Describe(ITaskItem p) => new()
    {
        Name = p.GetMetadata("PluginName"), Version = Value(p, "Version"), Description = Value(p, "Description"),
        AuthorName = Value(p, "AuthorName"), AuthorEmail = Value(p, "AuthorEmail"), AuthorUrl = Value(p, "AuthorUrl"),
        Category = Value(p, "Category"), License = Value(p, "License"), Homepage = Value(p, "Homepage"),
        Keywords = p.GetMetadata("Keywords").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList(),
    };

    private static string? Value(ITaskItem item, string name) => item.GetMetadata(name) is { Length: > 0 } v ? v : null;

    private void Require(string? value, string property)
    {
        if (!string.IsNullOrWhiteSpace(value)) return;
        var (line, col) = ProjectLocation.Of(ProjectFile, property);
        TaskDiagnostics.Log(Log, new Diagnostic(DiagnosticCodes.MarketplacePropertyMissing, DiagnosticSeverity.Error, ProjectFile, line, col,
            $"the marketplace project needs <{property}>: Claude Code requires it in marketplace.json"));
    }
}
