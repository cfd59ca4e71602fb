using System.Text;
using System.Xml;
using System.Xml.Linq;
using AgentOps.Core.Manifests;

namespace AgentOps.Core.Import;

/// <summary>
/// Writes SDK projects (<c>&lt;Project Sdk="AgentOps.Marketplace.Sdk/1.0.0"&gt;</c>: with its version, as a project
/// outside the SDK's own repository must name it) from descriptions, with
/// the names of <see cref="SdkProjectMap"/>: one .agentplugin per local plugin and the root
/// marketplace.agentmarketplace. Deterministic (same input, same bytes) and atomic.
/// </summary>
public static class AgentProjectWriter
{
    public static void WritePlugin(string projectFile, PluginDescription p, string? sdkVersion = null)
    {
        var props = new List<(string, string?)>
        {
            (SdkProjectMap.Version, p.Version), (SdkProjectMap.Description, p.Description), (SdkProjectMap.DisplayName, p.DisplayName),
            (SdkProjectMap.Author, p.AuthorName), (SdkProjectMap.AuthorEmail, p.AuthorEmail), (SdkProjectMap.AuthorUrl, p.AuthorUrl),
            (SdkProjectMap.Category, p.Category), (SdkProjectMap.Keywords, p.Keywords.Count > 0 ? string.Join(';', p.Keywords) : null),
            (SdkProjectMap.License, p.License), (SdkProjectMap.Homepage, p.Homepage), (SdkProjectMap.Repository, p.Repository),
            (SdkProjectMap.Icon, p.Icon), (SdkProjectMap.Stability, p.Stability),
            (SdkProjectMap.NetworkHosts, p.NetworkHosts is { } hosts ? (hosts.Count == 0 ? SdkProjectMap.NoNetworkHosts : string.Join(';', hosts)) : null),
        };
        var items = new List<XElement>();
        foreach (var d in p.Dependencies)
        {
            var item = new XElement(SdkProjectMap.Dependency, new XAttribute("Include", d.Name));
            if (d.Version is not null) item.Add(new XAttribute(SdkProjectMap.DependencyVersion, d.Version));
            items.Add(item);
        }
        items.AddRange(Paths(SdkProjectMap.Command, p.ExtraCommands));
        items.AddRange(Paths(SdkProjectMap.Agent, p.ExtraAgents));
        items.AddRange(p.ExtraSkills.Select(s => new XElement(SdkProjectMap.Skill, new XAttribute("Include", Relative(s).TrimEnd('/') + "/SKILL.md"))));
        items.AddRange(Paths(SdkProjectMap.Hooks, p.ExtraHooks));
        items.AddRange(Paths(SdkProjectMap.McpServers, p.ExtraMcpServers));
        Write(projectFile, sdkVersion, "Imported by `agentops import` from a hand-written plugin.json; the build generates .claude-plugin/plugin.json from this project.", props, items);
    }

    public static void WriteMarketplace(string projectFile, MarketplaceDescription m, IEnumerable<RemotePluginDescription> remote, IEnumerable<string> extraPluginProjects,
        string? sdkVersion = null)
    {
        var props = new List<(string, string?)>
        {
            (SdkProjectMap.MarketplaceName, m.Name), (SdkProjectMap.MarketplaceOwnerName, m.OwnerName), (SdkProjectMap.MarketplaceOwnerEmail, m.OwnerEmail),
            (SdkProjectMap.MarketplaceDescription, m.Description), (SdkProjectMap.MarketplaceVersion, m.Version),
        };
        var items = extraPluginProjects.Select(p => new XElement(SdkProjectMap.AgentPlugin, new XAttribute("Include", Relative(p)))).ToList();
        foreach (var r in remote)
        {
            var item = new XElement(SdkProjectMap.RemotePlugin, new XAttribute("Include", r.Name));
            foreach (var (metadata, value) in new[]
                     {
                         ("Source", r.Kind), ("Repo", r.Repo), ("Url", r.Url), ("Path", r.Path), ("Package", r.Package), ("Ref", r.Ref), ("Sha", r.Sha), ("Sha256", r.Sha256),
                         ("Description", r.Description), ("Version", r.Version), ("Category", r.Category),
                     })
                if (value is not null) item.Add(new XAttribute(metadata, value));
            items.Add(item);
        }
        Write(projectFile, sdkVersion, "Imported by `agentops import` from a hand-written marketplace.json; the build generates .claude-plugin/marketplace.json from this project and its plugins.", props, items);
    }

    private static IEnumerable<XElement> Paths(string item, IReadOnlyList<string> paths) =>
        paths.Select(p => new XElement(item, new XAttribute("Include", Relative(p))));

    private static string Relative(string path) => path.Replace('\\', '/').StartsWith("./", StringComparison.Ordinal) ? path.Replace('\\', '/')[2..] : path.Replace('\\', '/');

    private static void Write(string projectFile, string? sdkVersion, string comment, List<(string Name, string? Value)> props, List<XElement> items)
    {
        var sdk = sdkVersion is null ? SdkProjectMap.Sdk : $"{SdkProjectMap.Sdk}/{sdkVersion}";
        var project = new XElement("Project", new XAttribute("Sdk", sdk), new XComment($" {comment} "));
        var group = new XElement("PropertyGroup");
        foreach (var (name, value) in props)
            if (!string.IsNullOrWhiteSpace(value)) group.Add(new XElement(name, value));
        if (group.HasElements) project.Add(group);
        if (items.Count > 0) project.Add(new XElement("ItemGroup", items));

        var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Indent = true, IndentChars = "  ", Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(builder, settings)) project.WriteTo(writer);
        var text = builder.ToString() + "\n";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(projectFile))!);
        var temp = projectFile + ".tmp-" + Environment.ProcessId;
        File.WriteAllText(temp, text, new UTF8Encoding(false));
        File.Move(temp, projectFile, overwrite: true);
    }
}
