using System.Xml;
using System.Xml.Linq;
using AgentOps.Core.Diagnostics;

namespace AgentOps.Orchestration.Catalog;

/// <summary>
/// Reads the descriptive properties of a <c>&lt;name&gt;.agentplugin</c> project (Version, Description,
/// PluginCategory, PackageTags, PluginDependency items), so a plugin folder in this repository is
/// indexed before the SDK has generated its plugin.json.
/// </summary>
public static class AgentPluginProjectReader
{
    public static ManifestFields? Read(string projectFile, string fallbackName, List<Diagnostic> diagnostics)
    {
        XDocument doc;
        try { doc = XDocument.Load(projectFile, LoadOptions.SetLineInfo); }
        catch (Exception ex) when (ex is XmlException or IOException or UnauthorizedAccessException)
        {
            var line = ex is XmlException x ? x.LineNumber : 0;
            diagnostics.Add(new Diagnostic(DiagnosticCodes.CatalogProjectInvalid, DiagnosticSeverity.Warning, projectFile, line, line > 0 ? 1 : 0,
                $"plugin project is not readable XML ({ex.Message}); indexed from what else is known"));
            return null;
        }
        string Prop(string name) => doc.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim() ?? "";
        var tags = Prop("PackageTags").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var deps = doc.Descendants().Where(e => e.Name.LocalName == "PluginDependency")
            .SelectMany(e => (e.Attribute("Include")?.Value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal).ToList();
        var name = Prop("PluginName");
        return new ManifestFields(
            name.Length > 0 ? name : fallbackName,
            Prop("PluginVersion") is { Length: > 0 } pv ? pv : Prop("Version"),
            Prop("Description"),
            Prop("PluginCategory"),
            tags,
            Prop("Authors"),
            Prop("PluginHomepage"),
            deps);
    }
}
