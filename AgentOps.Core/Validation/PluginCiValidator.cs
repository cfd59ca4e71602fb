using AgentOps.Core.Diagnostics;
using AgentOps.Core.Json;
using Newtonsoft.Json.Linq;

namespace AgentOps.Core.Validation;

/// <summary>
/// Public marketplace CI's text rules inside a plugin: no shell metacharacters or hidden Unicode in the
/// plugin's name and its command file names, no hidden Unicode in MCP server command lines (hook
/// commands: <see cref="HooksValidator"/>; agent and skill names: <see cref="FrontmatterValidator"/>).
/// Warnings: Claude Code loads all of these.
/// </summary>
public static class PluginCiValidator
{
    public static IReadOnlyList<Diagnostic> Validate(string pluginDirectory, string? manifestFile, JToken? manifest)
    {
        var d = new List<Diagnostic>();
        if (manifestFile is not null && manifest is JObject obj)
        {
            d.AddRange(UnsafeText.CheckName(obj["name"], manifestFile, "plugin name"));
            if (obj["mcpServers"] is JObject inline) CheckMcpServers(inline, manifestFile, d);
        }
        var mcpFile = Path.Combine(pluginDirectory, ".mcp.json");
        if (File.Exists(mcpFile) && JsonFile.Load(mcpFile, out _) is JObject mcp)
            CheckMcpServers(mcp["mcpServers"] as JObject ?? mcp, mcpFile, d);

        var commands = Path.Combine(pluginDirectory, "commands");
        if (Directory.Exists(commands) && new DirectoryInfo(commands).LinkTarget is null)
            foreach (var file in PluginFiles.Walk(commands, includeLinks: false).Where(f => f.Name.EndsWith(".md", StringComparison.OrdinalIgnoreCase)))
                CheckFileName(file.FullName, Path.GetFileNameWithoutExtension(file.Name), d);
        return d;
    }

    private static void CheckMcpServers(JObject servers, string file, List<Diagnostic> d)
    {
        foreach (var server in servers.Properties())
        {
            if (server.Value is not JObject config) continue;
            d.AddRange(UnsafeText.CheckCommand(config["command"], file, $"MCP server '{server.Name}' command"));
            foreach (var arg in (config["args"] as JArray ?? []).OfType<JValue>())
                d.AddRange(UnsafeText.CheckCommand(arg, file, $"an argument of MCP server '{server.Name}'"));
        }
    }

    private static void CheckFileName(string path, string commandName, List<Diagnostic> d)
    {
        if (UnsafeText.FirstHiddenCodePoint(commandName) is { } cp)
            d.Add(new Diagnostic(DiagnosticCodes.HiddenUnicode, DiagnosticSeverity.Warning, path, 1, 1,
                $"the command name '/{commandName}' (its file name) holds the invisible or bidirectional character {UnsafeText.Describe(cp)}: rename the file"));
        else if (UnsafeText.FirstShellMetacharacter(commandName) is { } c)
            d.Add(new Diagnostic(DiagnosticCodes.ShellMetacharacter, DiagnosticSeverity.Warning, path, 1, 1,
                $"the command name '/{commandName}' (its file name) holds the shell metacharacter '{c}': rename the file with letters, digits and '-'"));
    }
}
