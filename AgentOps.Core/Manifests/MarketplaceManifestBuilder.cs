using Newtonsoft.Json.Linq;

namespace AgentOps.Core.Manifests;

/// <summary>
/// Maps a marketplace project and its plugins to .claude-plugin/marketplace.json. Entries are sorted
/// by name (public marketplace CI expects it) and carry what Claude Code shows before install:
/// description, version, author, category, keywords.
/// </summary>
public static class MarketplaceManifestBuilder
{
    public static JObject Build(MarketplaceDescription m, IEnumerable<LocalPluginEntry> local, IEnumerable<RemotePluginDescription> remote)
    {
        var owner = new JObject { ["name"] = m.OwnerName };
        PluginManifestBuilder.Add(owner, "email", m.OwnerEmail);
        var json = new JObject { ["name"] = m.Name, ["owner"] = owner };
        PluginManifestBuilder.Add(json, "description", m.Description);
        PluginManifestBuilder.Add(json, "version", m.Version);

        var entries = local.Select(LocalEntry).Concat(remote.Select(RemoteEntry))
            .OrderBy(e => (string)e["name"]!, StringComparer.Ordinal);
        json["plugins"] = new JArray(entries);
        return json;
    }

    private static JObject LocalEntry(LocalPluginEntry e)
    {
        var p = e.Plugin;
        var folder = e.RelativeFolder.Replace('\\', '/').TrimEnd('/');
        var entry = new JObject { ["name"] = p.Name, ["source"] = folder.StartsWith("./", StringComparison.Ordinal) ? folder : "./" + folder };
        PluginManifestBuilder.Add(entry, "description", p.Description);
        PluginManifestBuilder.Add(entry, "version", p.Version);
        if (PluginManifestBuilder.Author(p) is { } author) entry["author"] = author;
        PluginManifestBuilder.Add(entry, "category", p.Category);
        if (p.Keywords.Count > 0) entry["keywords"] = new JArray(p.Keywords);
        PluginManifestBuilder.Add(entry, "homepage", p.Homepage);
        PluginManifestBuilder.Add(entry, "license", p.License);
        return entry;
    }

    private static JObject RemoteEntry(RemotePluginDescription r)
    {
        var source = new JObject { ["source"] = r.Kind };
        PluginManifestBuilder.Add(source, "repo", r.Repo);
        PluginManifestBuilder.Add(source, "url", r.Url);
        PluginManifestBuilder.Add(source, "path", r.Path);
        PluginManifestBuilder.Add(source, "package", r.Package);
        PluginManifestBuilder.Add(source, "ref", r.Ref);
        PluginManifestBuilder.Add(source, "sha", r.Sha);
        PluginManifestBuilder.Add(source, "sha256", r.Sha256);
        var entry = new JObject { ["name"] = r.Name, ["source"] = source };
        PluginManifestBuilder.Add(entry, "description", r.Description);
        PluginManifestBuilder.Add(entry, "version", r.Version);
        PluginManifestBuilder.Add(entry, "category", r.Category);
        return entry;
    }
}
