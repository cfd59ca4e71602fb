using AgentOps.Core.Diagnostics;

namespace AgentOps.Core.Validation;

/// <summary>
/// AOP1150: a plugin folder in the marketplace (plugins/&lt;x&gt; or &lt;metadata.pluginRoot&gt;/&lt;x&gt; with a
/// .claude-plugin/plugin.json) that no entry's source points at: users can never install it, and it is
/// usually a plugin someone forgot to add. A link among those folders that is broken, loops or leaves the marketplace is
/// reported with the link codes (AOP0405–0407).
/// </summary>
public static class MarketplaceRegistrationRule
{
    public static IEnumerable<Diagnostic> Check(string marketplaceRoot, string? pluginRoot, IReadOnlySet<string> registeredFolders)
    {
        var parents = new[] { "plugins", pluginRoot }.OfType<string>().Select(p => Path.GetFullPath(Path.Combine(marketplaceRoot, p))).Distinct().Where(Directory.Exists).ToList();
        // A link here that points nowhere, loops or escapes is not a folder to the listing below, so a plugin meant to
        // be behind it would vanish from the marketplace without a word (the build's plugins/*/*.agentplugin glob skips
        // it too). Registered ones are the sources validator's.
        foreach (var link in parents.SelectMany(p => new DirectoryInfo(p).EnumerateFileSystemInfos()).Where(e => e.LinkTarget is not null).OrderBy(e => e.FullName, StringComparer.Ordinal))
            if (!registeredFolders.Contains(Path.TrimEndingDirectorySeparator(link.FullName)) && SymlinkValidator.Check(link, [marketplaceRoot]) is { } problem)
                yield return problem;
        foreach (var folder in parents.SelectMany(Directory.EnumerateDirectories).Order(StringComparer.Ordinal))
        {
            var manifest = Path.Combine(folder, ".claude-plugin", "plugin.json");
            if (!File.Exists(manifest) || registeredFolders.Contains(Path.TrimEndingDirectorySeparator(folder))) continue;
            yield return new Diagnostic(DiagnosticCodes.PluginNotRegistered, DiagnosticSeverity.Warning, manifest, 1, 1,
                $"the plugin folder '{Path.GetRelativePath(marketplaceRoot, folder).Replace('\\', '/')}' is not listed in marketplace.json: users cannot install it; add an entry or remove the folder");
        }
    }
}
