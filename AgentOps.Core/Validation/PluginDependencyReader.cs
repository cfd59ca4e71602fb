using System.Xml;
using System.Xml.Linq;
using AgentOps.Core.Json;
using Newtonsoft.Json.Linq;

namespace AgentOps.Core.Validation;

/// <summary>
/// Builds the <see cref="PluginNode"/> of a local plugin for the dependency check: from its
/// .agentplugin project when present (so findings point at the line the author wrote), otherwise from
/// plugin.json, otherwise from the marketplace entry.
/// </summary>
public static class PluginDependencyReader
{
    public static PluginNode FromProject(string projectFile, string fallbackName)
    {
        var doc = XDocument.Load(projectFile, LoadOptions.SetLineInfo);
        var version = doc.Descendants().FirstOrDefault(e => e.Name.LocalName is "Version" or "PluginVersion")?.Value.Trim();
        var name = doc.Descendants().FirstOrDefault(e => e.Name.LocalName == "PluginName")?.Value.Trim() ?? fallbackName;
        var deps = doc.Descendants().Where(e => e.Name.LocalName == "PluginDependency" && e.Attribute("Include") is not null)
            .SelectMany(e => e.Attribute("Include")!.Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(n => new PluginDependency(n, e.Attribute("Version")?.Value ?? e.Element(e.Name.Namespace + "Version")?.Value,
                    projectFile, ((IXmlLineInfo)e).LineNumber, ((IXmlLineInfo)e).LinePosition)))
            .ToList();
        return new PluginNode(name, version, deps, projectFile);
    }

    public static PluginNode FromJson(string name, JObject manifest, string file, string? versionFallback = null)
    {
        var version = (manifest["version"] as JValue)?.Value as string ?? versionFallback;
        var deps = new List<PluginDependency>();
        foreach (var item in manifest["dependencies"] as JArray ?? [])
        {
            var (depName, constraint) = item switch
            {
                JValue { Type: JTokenType.String } s => ((string)s!, null),
                JObject o => ((o["name"] as JValue)?.Value as string, (o["version"] as JValue)?.Value as string),
                _ => (null, null),
            };
            if (string.IsNullOrEmpty(depName) || depName.Contains('@')) continue; // other marketplaces are resolved at install time
            var (line, col) = JsonFile.Position(item);
            deps.Add(new PluginDependency(depName, constraint, file, line, col));
        }
        return new PluginNode(name, version, deps, file, JsonFile.Position(manifest).Line);
    }
}
