using AgentOps.Core.Diagnostics;
using AgentOps.Core.Json;
using Newtonsoft.Json.Linq;

namespace AgentOps.Orchestration.Catalog;

/// <summary>
/// The marketplaces Claude Code already knows, read the way the CLI writes them (checked against
/// Claude Code 2.1.331): <c>plugins/known_marketplaces.json</c> maps a marketplace name to
/// <c>{"source": {...}, "installLocation": "...", "lastUpdated": "..."}</c> (a directory source's
/// install location is the folder itself; github/git ones are cloned under <c>plugins/marketplaces/</c>),
/// and <c>plugins/installed_plugins.json</c> (<c>{"version": 2, "plugins": {"name@marketplace":
/// [{"scope", "installPath", "version", ...}]}}</c>) says what is installed and where its copy sits in
/// <c>plugins/cache/</c>.
/// </summary>
public static class ClaudeHomeReader
{
    /// <summary>The .claude folder for a given folder (accepts either <c>~</c> or <c>~/.claude</c>).</summary>
    public static string ClaudeDirectory(string home)
    {
        home = Path.GetFullPath(home);
        return Directory.Exists(Path.Combine(home, "plugins")) || !Directory.Exists(Path.Combine(home, ".claude")) ? home : Path.Combine(home, ".claude");
    }

    public static IReadOnlyList<IMarketplaceSource> Discover(string home, List<Diagnostic> diagnostics)
    {
        var claude = ClaudeDirectory(home);
        var pluginsDir = Path.Combine(claude, "plugins");
        var knownFile = Path.Combine(pluginsDir, "known_marketplaces.json");
        var installedFile = Path.Combine(pluginsDir, "installed_plugins.json");
        if (!File.Exists(knownFile)) return [];
        var installed = ReadInstalled(installedFile, diagnostics);
        if (JsonFile.Load(knownFile, out var problem) is not { } token)
        {
            diagnostics.Add(problem! with { Code = DiagnosticCodes.CatalogJsonInvalid, Message = "known marketplaces skipped: " + problem.Message });
            return [];
        }
        if (token is not JObject known)
        {
            diagnostics.Add(JsonFile.At(token, DiagnosticCodes.CatalogClaudeHomeInvalid, DiagnosticSeverity.Error, knownFile, "expected an object of marketplace names"));
            return [];
        }
        var sources = new List<IMarketplaceSource>();
        foreach (var p in known.Properties().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (p.Value is not JObject entry)
            {
                diagnostics.Add(JsonFile.At(p.Value, DiagnosticCodes.CatalogClaudeHomeInvalid, DiagnosticSeverity.Warning, knownFile, $"marketplace '{p.Name}' skipped: not an object"));
                continue;
            }
            var location = ManifestFields.Str(entry["installLocation"]);
            if (location.Length == 0) location = Path.Combine(pluginsDir, "marketplaces", p.Name);
            if (!Path.IsPathRooted(location)) location = Path.Combine(claude, location);
            if (!Directory.Exists(location))
            {
                diagnostics.Add(JsonFile.At(p.Value, DiagnosticCodes.CatalogKnownMarketplaceMissing, DiagnosticSeverity.Warning, knownFile,
                    $"marketplace '{p.Name}' skipped: its folder '{location}' does not exist (run `claude plugin marketplace update {p.Name}`)"));
                continue;
            }
            sources.Add(new FolderMarketplaceSource(location, SourceKinds.ClaudeHome, installed,
                File.Exists(installedFile) ? [installedFile] : []));
        }
        return sources;
    }

    public static InstalledPlugins ReadInstalled(string installedFile, List<Diagnostic> diagnostics)
    {
        if (!File.Exists(installedFile)) return InstalledPlugins.None;
        if (JsonFile.Load(installedFile, out var problem) is not { } token)
        {
            diagnostics.Add(problem! with { Code = DiagnosticCodes.CatalogJsonInvalid, Severity = DiagnosticSeverity.Warning, Message = "installed plugins unknown: " + problem.Message });
            return InstalledPlugins.None;
        }
        if (token["plugins"] is not JObject plugins)
        {
            diagnostics.Add(JsonFile.At(token, DiagnosticCodes.CatalogClaudeHomeInvalid, DiagnosticSeverity.Warning, installedFile, "installed plugins unknown: no \"plugins\" object"));
            return InstalledPlugins.None;
        }
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in plugins.Properties())
        {
            // Version 2 keeps a list of installations (one per scope); version 1 kept one object.
            var first = p.Value switch { JArray a => a.OfType<JObject>().FirstOrDefault(), JObject o => o, _ => null };
            paths[p.Name] = ManifestFields.Str(first?["installPath"]);
        }
        return new InstalledPlugins(paths);
    }
}
