using Newtonsoft.Json.Linq;

namespace AgentOps.Core.Validation;

/// <summary>Where one kind of server (MCP, LSP) is declared: maps inline in a manifest field, and files.</summary>
internal static class ServerConfigs
{
    /// <summary>The inline server maps of a field: one object, or the objects of an array beside paths; any other shape
    /// is the schema's to report.</summary>
    public static IEnumerable<JObject> InlineMaps(JToken? field) =>
        field switch
        {
            JObject o => [o],
            JArray a => a.OfType<JObject>(),
            _ => [],
        };

    /// <summary>The server files Claude Code reads: the default file at the plugin root, then each "./…" path the field
    /// lists, inside the plugin, once each. Paths the path policy refuses are left to it (it reports them). Only files
    /// that exist are returned.</summary>
    public static IEnumerable<string> Files(string pluginDirectory, string defaultFile, JToken? listedIn)
    {
        var files = new List<string> { Path.Combine(pluginDirectory, defaultFile) };
        foreach (var listed in PluginManifestValidator.ListedPaths(listedIn))
        {
            var relative = (string)listed!;
            if (!relative.StartsWith("./", StringComparison.Ordinal) || AgentOps.Core.Security.PathPolicy.ComponentPathProblem(relative) is not null) continue;
            var file = Path.GetFullPath(Path.Combine(pluginDirectory, relative[2..]));
            if (PathUtil.IsUnder(file, pluginDirectory) && !files.Contains(file, StringComparer.Ordinal)) files.Add(file);
        }
        return files.Where(File.Exists);
    }
}
