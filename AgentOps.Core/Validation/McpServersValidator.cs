using AgentOps.Core.Diagnostics;
using AgentOps.Core.Json;
using Newtonsoft.Json.Linq;

namespace AgentOps.Core.Validation;

/// <summary>
/// Checks MCP server definitions (.mcp.json and plugin.json's inline mcpServers) the way Claude Code
/// 2.1.331 does: each server an object; a local (stdio) server needs a non-empty command with string
/// args and env; a remote one (http, streamable-http, sse, ws) needs an absolute url; a url without a
/// type, or an unknown type, is refused.
/// </summary>
public static class McpServersValidator
{
    private static readonly HashSet<string> RemoteTypes = ["http", "streamable-http", "sse", "ws"];

    public static IReadOnlyList<Diagnostic> Validate(string pluginDirectory, string? manifestFile, JToken? manifest)
    {
        var d = new List<Diagnostic>();
        var field = manifestFile is not null && manifest is JObject obj ? obj["mcpServers"] : null;
        foreach (var servers in ServerConfigs.InlineMaps(field)) CheckServers(manifestFile!, servers, d);
        // The default .mcp.json and every file plugin.json lists in "mcpServers" (the SDK lists one outside the default).
        foreach (var mcpFile in ServerConfigs.Files(pluginDirectory, ".mcp.json", field)) CheckFile(mcpFile, d);
        return d;
    }

    private static void CheckFile(string mcpFile, List<Diagnostic> d)
    {
        if (JsonFile.Load(mcpFile, out var problem) is not { } root) d.Add(problem!);
        else if (root is JObject rootObject)
        {
            if (rootObject["mcpServers"] is { } servers)
            {
                if (servers is JObject map) CheckServers(mcpFile, map, d);
                else d.Add(JsonFile.At(servers, DiagnosticCodes.SchemaWrongType, DiagnosticSeverity.Error, mcpFile,
                    "mcpServers must be an object mapping server names to server configs"));
            }
            else CheckServers(mcpFile, rootObject, d); // the bare map form
        }
        else // an array, a string, a number: Claude Code loads no server from it; it refuses a string or a number outright
             // (an error, as there) and accepts an array (a warning: nothing breaks, but nothing the file says happens)
            d.Add(JsonFile.At(root, DiagnosticCodes.SchemaWrongType, root is JArray ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, mcpFile,
                $"{Path.GetFileName(mcpFile)} must be an object: {{\"mcpServers\": {{…}}}} or a map of server names to server configs, not {Describe(root)}; no server loads from it"));
    }

    internal static string Describe(JToken token) => token.Type switch
    {
        JTokenType.Array => "an array",
        JTokenType.String => "a string",
        JTokenType.Integer or JTokenType.Float => "a number",
        JTokenType.Boolean => "a boolean",
        JTokenType.Null => "null",
        _ => token.Type.ToString().ToLowerInvariant(),
    };

    private static void CheckServers(string file, JObject servers, List<Diagnostic> d)
    {
        foreach (var server in servers.Properties())
        {
            var where = $"mcpServers.{server.Name}";
            if (server.Value is not JObject config)
            {
                d.Add(JsonFile.At(server.Value, DiagnosticCodes.SchemaWrongType, DiagnosticSeverity.Error, file,
                    $"{where}: a server config must be an object; Claude Code drops it at load"));
                continue;
            }
            var type = (config["type"] as JValue)?.Value as string;
            if (config["type"] is { } t && t.Type != JTokenType.String)
                d.Add(JsonFile.At(t, DiagnosticCodes.SchemaWrongType, DiagnosticSeverity.Error, file, $"{where}.type: must be a string"));
            else if (type is null or "stdio")
            {
                if (type is null && config["url"] is not null)
                    d.Add(JsonFile.At(config["url"], DiagnosticCodes.SchemaRequiredMissing, DiagnosticSeverity.Error, file,
                        $"{where}: the server has a \"url\" but no \"type\": set \"type\": \"http\" (or \"sse\" / \"ws\"), else it is read as a local server without a command and dropped"));
                else if (config["command"] is not JValue { Type: JTokenType.String } command || ((string)command!).Length == 0)
                    d.Add(JsonFile.At(config["command"] ?? config, config["command"] is null ? DiagnosticCodes.SchemaRequiredMissing : DiagnosticCodes.SchemaWrongType,
                        DiagnosticSeverity.Error, file, $"{where}: a local (stdio) server needs a non-empty \"command\" string"));
                if (config["args"] is { } args && (args is not JArray a || a.Any(i => i.Type != JTokenType.String)))
                    d.Add(JsonFile.At(args, DiagnosticCodes.SchemaWrongType, DiagnosticSeverity.Error, file, $"{where}.args: must be an array of strings"));
                CheckStringMap(config["env"], file, $"{where}.env", d);
            }
            else if (RemoteTypes.Contains(type))
            {
                if (config["url"] is not JValue { Type: JTokenType.String } url)
                    d.Add(JsonFile.At(config["url"] ?? config, config["url"] is null ? DiagnosticCodes.SchemaRequiredMissing : DiagnosticCodes.SchemaWrongType,
                        DiagnosticSeverity.Error, file, $"{where}: a {type} server needs a \"url\" string"));
                else if (!Uri.TryCreate((string)url!, UriKind.Absolute, out _))
                    d.Add(JsonFile.At(url, DiagnosticCodes.SchemaInvalidValue, DiagnosticSeverity.Error, file,
                        $"{where}.url: '{url}' is not an absolute URL (for example \"https://host/path\"); the server never connects"));
                CheckStringMap(config["headers"], file, $"{where}.headers", d);
            }
            else
                d.Add(JsonFile.At(config["type"], DiagnosticCodes.SchemaInvalidValue, DiagnosticSeverity.Error, file,
                    $"{where}.type: unknown server type '{type}': use \"stdio\" (or no type) for a local command, or \"http\", \"sse\", \"ws\" for a remote server"));
            if (config["timeout"] is { } timeout && (timeout.Type != JTokenType.Integer || (long)timeout <= 0))
                d.Add(JsonFile.At(timeout, DiagnosticCodes.SchemaInvalidValue, DiagnosticSeverity.Error, file, $"{where}.timeout: must be a positive integer"));
        }
    }

    private static void CheckStringMap(JToken? token, string file, string where, List<Diagnostic> d)
    {
        if (token is not null && (token is not JObject o || o.Properties().Any(p => p.Value.Type != JTokenType.String)))
            d.Add(JsonFile.At(token, DiagnosticCodes.SchemaWrongType, DiagnosticSeverity.Error, file, $"{where}: must be an object of string values"));
    }
}
