using System.Xml.Linq;
using AgentOps.Core.Manifests;

namespace AgentOps.Core.Import;

/// <summary>
/// Reads an .agentplugin / .agentmarketplace project back into descriptions (plain XML, the names of
/// <see cref="SdkProjectMap"/>, the SDK's defaults: PluginName from the file name, PluginAuthor from
/// Authors), so imported projects can be turned into manifests by the core builders without MSBuild.
/// </summary>
public static class AgentProjectReader
{
    public static PluginDescription ReadPlugin(string projectFile)
    {
        var doc = XDocument.Load(projectFile);
        string? Prop(string name) => Value(doc, name);
        var pluginName = Prop("PluginName") ?? Path.GetFileNameWithoutExtension(projectFile);
        return new PluginDescription
        {
            Name = pluginName,
            Version = Prop("PluginVersion") ?? Prop(SdkProjectMap.Version),
            Description = Prop("PluginDescription") ?? Prop(SdkProjectMap.Description),
            DisplayName = Prop(SdkProjectMap.DisplayName),
            AuthorName = Prop(SdkProjectMap.AuthorOverride) ?? Prop(SdkProjectMap.Author),
            AuthorEmail = Prop(SdkProjectMap.AuthorEmail),
            AuthorUrl = Prop(SdkProjectMap.AuthorUrl),
            Category = Prop(SdkProjectMap.Category),
            Keywords = (Prop("PluginKeywords") ?? Prop(SdkProjectMap.Keywords) ?? "")
                .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList(),
            License = Prop("PluginLicense") ?? Prop(SdkProjectMap.License),
            Homepage = Prop("PluginHomepage") ?? Prop(SdkProjectMap.Homepage),
            Repository = Prop("PluginRepository") ?? Prop(SdkProjectMap.Repository),
            Icon = Prop(SdkProjectMap.Icon),
            Stability = Prop(SdkProjectMap.Stability),
            NetworkHosts = Prop(SdkProjectMap.NetworkHosts) is { } hosts
                ? hosts.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(h => h != SdkProjectMap.NoNetworkHosts).Distinct(StringComparer.Ordinal).ToList()
                : null,
            Dependencies = Items(doc, SdkProjectMap.Dependency)
                .Select(e => new PluginDependencyInfo(e.Include, e.Element.Attribute(SdkProjectMap.DependencyVersion)?.Value)).ToList(),
            ExtraCommands = Includes(doc, SdkProjectMap.Command, "commands/"),
            ExtraAgents = Includes(doc, SdkProjectMap.Agent, "agents/"),
            ExtraSkills = Includes(doc, SdkProjectMap.Skill, "skills/").Select(s => s.EndsWith("/SKILL.md", StringComparison.Ordinal) ? s[..^"/SKILL.md".Length] : s).ToList(),
            ExtraHooks = Includes(doc, SdkProjectMap.Hooks, "hooks/"),
            ExtraMcpServers = Includes(doc, SdkProjectMap.McpServers, ".mcp.json"),
        };
    }

    public static (MarketplaceDescription Marketplace, IReadOnlyList<RemotePluginDescription> Remote, IReadOnlyList<string> PluginProjects) ReadMarketplace(string projectFile)
    {
        var doc = XDocument.Load(projectFile);
        var root = Path.GetDirectoryName(Path.GetFullPath(projectFile))!;
        var marketplace = new MarketplaceDescription
        {
            Name = Value(doc, SdkProjectMap.MarketplaceName) ?? Path.GetFileNameWithoutExtension(projectFile),
            OwnerName = Value(doc, SdkProjectMap.MarketplaceOwnerName) ?? Value(doc, SdkProjectMap.Author) ?? "",
            OwnerEmail = Value(doc, SdkProjectMap.MarketplaceOwnerEmail),
            Description = Value(doc, SdkProjectMap.MarketplaceDescription) ?? Value(doc, SdkProjectMap.Description),
            Version = Value(doc, SdkProjectMap.MarketplaceVersion) ?? Value(doc, SdkProjectMap.Version),
        };
        var remote = Items(doc, SdkProjectMap.RemotePlugin).Select(e => new RemotePluginDescription
        {
            Name = e.Include,
            Kind = Meta(e.Element, "Source") ?? "",
            Repo = Meta(e.Element, "Repo"), Url = Meta(e.Element, "Url"), Path = Meta(e.Element, "Path"), Package = Meta(e.Element, "Package"),
            Ref = Meta(e.Element, "Ref"), Sha = Meta(e.Element, "Sha"), Sha256 = Meta(e.Element, "Sha256"), Description = Meta(e.Element, "Description"),
            Version = Meta(e.Element, "Version"), Category = Meta(e.Element, "Category"),
        }).ToList();
        // The SDK's default glob (plugins/*/*.agentplugin) plus explicit AgentPlugin items.
        var defaults = Directory.Exists(Path.Combine(root, "plugins"))
            ? Directory.EnumerateDirectories(Path.Combine(root, "plugins")).SelectMany(d => Directory.EnumerateFiles(d, "*" + SdkProjectMap.PluginProjectExtension))
            : [];
        var projects = defaults.Concat(Items(doc, SdkProjectMap.AgentPlugin).Select(e => Path.GetFullPath(Path.Combine(root, e.Include))))
            .Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return (marketplace, remote, projects);
    }

    private static string? Value(XDocument doc, string name) =>
        doc.Root?.Elements().Where(e => e.Name.LocalName == "PropertyGroup").SelectMany(g => g.Elements())
            .LastOrDefault(e => e.Name.LocalName == name)?.Value.Trim() is { Length: > 0 } v ? v : null;

    private static string? Meta(XElement e, string name) =>
        (e.Attribute(name)?.Value ?? e.Elements().FirstOrDefault(c => c.Name.LocalName == name)?.Value) is { Length: > 0 } v ? v : null;

    private static IEnumerable<(string Include, XElement Element)> Items(XDocument doc, string name) =>
        doc.Root?.Elements().Where(e => e.Name.LocalName == "ItemGroup").SelectMany(g => g.Elements())
            .Where(e => e.Name.LocalName == name && e.Attribute("Include") is not null)
            .SelectMany(e => e.Attribute("Include")!.Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(i => (i, e)))
        ?? [];

    // Items in the SDK's default folders are found by its globs and not listed in plugin.json; others are.
    private static List<string> Includes(XDocument doc, string name, string defaultPrefix) =>
        Items(doc, name).Select(i => i.Include.Replace('\\', '/')).Where(p => !p.StartsWith(defaultPrefix, StringComparison.Ordinal)).Select(p => "./" + p).ToList();
}
