using Newtonsoft.Json.Linq;

namespace AgentOps.Core.Validation;

/// <summary>
/// The server files Claude Code reads for one kind of server (.mcp.json, .lsp.json): the default file at the plugin root,
/// then each "./…" path plugin.json lists in the field, inside the plugin, once each. Paths the path policy refuses are
/// left to it (it reports them). Only files that exist are returned.
/// </summary>
internal static class ServerConfigFiles
{
    public static IEnumerable<string> Of(string pluginDirectory, string defaultFile, JToken? listedIn)
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
