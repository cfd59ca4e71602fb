using System.Globalization;
using AgentOps.Core.Diagnostics;

namespace AgentOps.Orchestration.Catalog;

/// <summary>
/// A marketplace.json file on its own (e.g. ../shared/marketplaces/*.json): its entries have no
/// folders, so each plugin is indexed from the entry's own description, keywords and category.
/// Fingerprint: the file's size and modification time.
/// </summary>
public sealed class FileMarketplaceSource(string file) : IMarketplaceSource
{
    public string File { get; } = Path.GetFullPath(file);
    public string Location => File;
    public string Kind => SourceKinds.File;

    public string? Fingerprint(List<Diagnostic> diagnostics, bool allowNetwork)
    {
        var info = new FileInfo(File);
        if (!info.Exists)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.CatalogSourceNotFound, DiagnosticSeverity.Error, File, 0, 0, "marketplace file not found"));
            return null;
        }
        return string.Create(CultureInfo.InvariantCulture, $"{info.Length}-{info.LastWriteTimeUtc.Ticks}");
    }

    public MarketplaceSnapshot Read(string fingerprint)
    {
        var fallback = Path.GetFileNameWithoutExtension(File);
        var r = MarketplaceManifestReader.Read(File, root: null, fallback);
        return new MarketplaceSnapshot(r.Name, Location, Kind, fingerprint, r.Plugins, r.Diagnostics);
    }
}
