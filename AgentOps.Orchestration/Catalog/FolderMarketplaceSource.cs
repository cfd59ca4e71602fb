using System.Xml.Linq;
using AgentOps.Core.Diagnostics;

namespace AgentOps.Orchestration.Catalog;

/// <summary>
/// A marketplace folder on disk: <c>.claude-plugin/marketplace.json</c> with local plugin folders, or
/// (this repository before the SDK has generated the manifests) a <c>plugins/</c> folder whose
/// subfolders are plugins with a plugin.json or a .agentplugin project. Fingerprint: mtime walk.
/// </summary>
public sealed class FolderMarketplaceSource : IMarketplaceSource
{
    /// <summary>The marketplace name of this repository (the SDK writes it into marketplace.json).</summary>
    public const string RepositoryMarketplaceName = "agentops-marketplace";

    private readonly InstalledPlugins _installed;
    private readonly IReadOnlyList<string> _extraFingerprintFiles;

    public FolderMarketplaceSource(string root, string kind = SourceKinds.Folder, InstalledPlugins? installed = null,
        IReadOnlyList<string>? extraFingerprintFiles = null, string? location = null)
    {
        Root = Path.GetFullPath(root);
        Kind = kind;
        Location = location ?? Root;
        _installed = installed ?? InstalledPlugins.None;
        _extraFingerprintFiles = extraFingerprintFiles ?? [];
    }

    public string Root { get; }
    public string Location { get; }
    public string Kind { get; }

    public string ManifestFile => Path.Combine(Root, ".claude-plugin", "marketplace.json");

    public string? Fingerprint(List<Diagnostic> diagnostics, bool allowNetwork)
    {
        if (!Directory.Exists(Root))
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.CatalogSourceNotFound, DiagnosticSeverity.Error, Root, 0, 0, "marketplace folder not found"));
            return null;
        }
        // Without a marketplace.json only the plugins folder matters (this repository's sources do not).
        var walked = File.Exists(ManifestFile) ? Root : PluginsFolder(Root) ?? Root;
        return FolderFingerprint.Compute(new[] { walked }.Concat(_extraFingerprintFiles));
    }

    public MarketplaceSnapshot Read(string fingerprint)
    {
        if (File.Exists(ManifestFile))
        {
            var r = MarketplaceManifestReader.Read(ManifestFile, Root, Path.GetFileName(Root), _installed);
            return new MarketplaceSnapshot(r.Name, Location, Kind, fingerprint, r.Plugins, r.Diagnostics);
        }
        var diagnostics = new List<Diagnostic>();
        var pluginsDir = PluginsFolder(Root);
        if (pluginsDir is null)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.CatalogSourceNotFound, DiagnosticSeverity.Error, Root, 0, 0,
                "not a marketplace: no .claude-plugin/marketplace.json and no folder of plugins"));
            return new MarketplaceSnapshot(Path.GetFileName(Root), Location, Kind, fingerprint, [], diagnostics);
        }
        var name = MarketplaceName(Root, pluginsDir);
        var plugins = new List<CatalogPlugin>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in Directory.EnumerateDirectories(pluginsDir).Order(StringComparer.Ordinal).Where(PluginFolderReader.LooksLikePlugin))
        {
            var plugin = PluginFolderReader.Read(name, folder, ManifestFields.Empty, "./" + Path.GetRelativePath(Root, folder).Replace('\\', '/'), diagnostics);
            if (!seen.Add(plugin.Name))
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.CatalogDuplicatePlugin, DiagnosticSeverity.Warning, folder, 0, 0,
                    $"plugin '{plugin.Name}' skipped: another folder already declares that name"));
                continue;
            }
            plugins.Add(plugin with { Installed = _installed.Contains(plugin.Id) });
        }
        return new MarketplaceSnapshot(name, Location, Kind, fingerprint, plugins, diagnostics);
    }

    /// <summary>The folder whose subfolders are plugins: <c>root/plugins</c>, or root itself.</summary>
    public static string? PluginsFolder(string root)
    {
        foreach (var candidate in new[] { Path.Combine(root, "plugins"), root })
            if (Directory.Exists(candidate) && Directory.EnumerateDirectories(candidate).Any(PluginFolderReader.LooksLikePlugin))
                return candidate;
        return null;
    }

    private static string MarketplaceName(string root, string pluginsDir)
    {
        // The SDK's marketplace project (*.agentmarketplace) names it; older layouts kept it in build.proj.
        var projects = Directory.EnumerateFiles(root, "*.agentmarketplace").Order(StringComparer.Ordinal)
            .Concat(new[] { "build.proj", "Directory.Build.props" }.Select(f => Path.Combine(root, f)));
        foreach (var path in projects)
        {
            if (!File.Exists(path)) continue;
            try
            {
                var value = XDocument.Load(path).Descendants().FirstOrDefault(e => e.Name.LocalName == "MarketplaceName")?.Value.Trim();
                if (!string.IsNullOrEmpty(value) && !value.Contains("$(")) return value;
            }
            catch (Exception ex) when (ex is System.Xml.XmlException or IOException) { /* fall through to the default */ }
        }
        var anyProject = Directory.EnumerateDirectories(pluginsDir).Any(d => PluginFolderReader.FirstProject(d) is not null);
        return anyProject ? RepositoryMarketplaceName : Path.GetFileName(Path.TrimEndingDirectorySeparator(root));
    }
}
