using AgentOps.Core.Diagnostics;
using AgentOps.Core.Json;
using Newtonsoft.Json.Linq;

namespace AgentOps.Core.Validation;

/// <summary>
/// Checks LSP server definitions (plugin.json's inline lspServers, the default .lsp.json and every file plugin.json lists
/// in lspServers) against Claude Code 2.1.331's schema of a server, which is strict: a non-empty command without spaces
/// (unless it is an absolute path), a non-empty extensionToLanguage of ".ext" → language id, typed optional fields, no
/// other key. `claude plugin validate` refuses a bad inline server; it does not read the files, but its loader parses a
/// file as one map of servers, so one bad server (or an {"lspServers": …} wrapper) loads no server from that file: both errors.
/// </summary>
public static class LspServersValidator
{
    private const double MaxSafeInteger = 9007199254740991; // zod's int(): a JavaScript safe integer

    // Every key Claude Code knows; initializationOptions and settings take any JSON (passed to the server as they are).
    private static readonly string[] Known = ["command", "args", "extensionToLanguage", "transport", "env", "initializationOptions",
        "settings", "workspaceFolder", "startupTimeout", "shutdownTimeout", "requestTimeout", "restartOnCrash", "maxRestarts", "diagnostics"];

    public static IReadOnlyList<Diagnostic> Validate(string pluginDirectory, string? manifestFile, JToken? manifest)
    {
        var d = new List<Diagnostic>();
        var field = manifestFile is not null && manifest is JObject obj ? obj["lspServers"] : null;
        foreach (var servers in ServerConfigs.InlineMaps(field)) CheckServers(manifestFile!, servers.Properties(), "", d);
        foreach (var file in ServerConfigs.Files(pluginDirectory, ".lsp.json", field)) CheckFile(file, d);
        return d;
    }

    /// <summary>The inline servers of marketplace.json entries: Claude Code checks them as it checks plugin.json's
    /// (`plugins.0.lspServers.go: Unrecognized key`), and with <c>"strict": false</c> the entry is the manifest.</summary>
    public static IReadOnlyList<Diagnostic> ValidateEntries(string manifestFile, JToken manifest)
    {
        var d = new List<Diagnostic>();
        foreach (var field in ((manifest as JObject)?["plugins"] as JArray)?.OfType<JObject>().Select(e => e["lspServers"]) ?? [])
            foreach (var servers in ServerConfigs.InlineMaps(field))
                CheckServers(manifestFile, servers.Properties(), "", d);
        return d;
    }

    private static void CheckFile(string file, List<Diagnostic> d)
    {
        const string loadsNothing = "; Claude Code then loads no LSP server from this file";
        var name = Path.GetFileName(file);
        if (JsonFile.Load(file, out var problem) is not { } root) d.Add(problem!);
        else if (root is not JObject servers)
            d.Add(JsonFile.At(root, DiagnosticCodes.SchemaWrongType, DiagnosticSeverity.Error, file,
                $"{name} must be an object mapping server names to configs ({{\"go\": {{\"command\": \"gopls\", \"extensionToLanguage\": {{\".go\": \"go\"}}}}}}), not {McpServersValidator.Describe(root)}{loadsNothing}"));
        else
        {
            // {"lspServers": {…}} is the .mcp.json habit: Claude Code reads "lspServers" as a server of that name and fails on it.
            var wrapper = servers.Property("lspServers") is { Value: JObject w } p && w["command"] is null ? p : null;
            if (wrapper is not null)
                d.Add(JsonFile.At(wrapper.Value, DiagnosticCodes.SchemaInvalidValue, DiagnosticSeverity.Error, file,
                    $"{name}: an LSP file is the bare map of servers, with no \"lspServers\" wrapper (it is read as a server named \"lspServers\"){loadsNothing}: move the servers to the top level"));
            CheckServers(file, servers.Properties().Where(s => s != wrapper), loadsNothing, d);
        }
    }

    /// <param name="tail">What else breaks, appended to each message (in a file, every server of it).</param>
    private static void CheckServers(string file, IEnumerable<JProperty> servers, string tail, List<Diagnostic> d)
    {
        void Add(JToken at, string code, string message) => d.Add(JsonFile.At(at, code, DiagnosticSeverity.Error, file, message + tail));
        foreach (var server in servers)
        {
            var where = $"lspServers.{server.Name}";
            if (server.Value is not JObject config)
            {
                Add(server.Value, DiagnosticCodes.SchemaWrongType, $"{where}: a server config must be an object {{\"command\": …, \"extensionToLanguage\": {{…}}}}, not {McpServersValidator.Describe(server.Value)}");
                continue;
            }
            foreach (var unknown in config.Properties().Where(p => !Known.Contains(p.Name)))
                Add(unknown, DiagnosticCodes.SchemaUnknownProperty, $"{where}.{unknown.Name}: unknown key, and Claude Code refuses a server with one: fix its spelling or remove it (the keys are {string.Join(", ", Known)})");

            if (config["command"] is not { } command) Add(config, DiagnosticCodes.SchemaRequiredMissing, $"{where}: \"command\" is missing: name the server's executable (\"command\": \"gopls\")");
            else if (command.Type != JTokenType.String) Add(command, DiagnosticCodes.SchemaWrongType, $"{where}.command: must be a string (the executable), not {McpServersValidator.Describe(command)}");
            else if (((string)command!).Length == 0) Add(command, DiagnosticCodes.SchemaInvalidValue, $"{where}.command: must not be empty: name the server's executable");
            else if (((string)command!).Contains(' ') && !((string)command!).StartsWith('/')) // Claude Code's own rule: only an absolute path may hold a space
                Add(command, DiagnosticCodes.SchemaInvalidValue, $"{where}.command: '{command}' contains a space: put only the executable in \"command\" and its arguments in \"args\": [\"…\"]");

            if (config["args"] is { } args && (args is not JArray items || items.Any(i => i.Type != JTokenType.String || ((string)i!).Length == 0)))
                Add(args, args is JArray a && a.All(i => i.Type == JTokenType.String) ? DiagnosticCodes.SchemaInvalidValue : DiagnosticCodes.SchemaWrongType,
                    $"{where}.args: must be an array of non-empty strings (\"args\": [\"serve\"])");

            if (config["extensionToLanguage"] is not { } map) Add(config, DiagnosticCodes.SchemaRequiredMissing, $"{where}: \"extensionToLanguage\" is missing: map each file extension to its language id ({{\".go\": \"go\"}})");
            else if (map is not JObject languages) Add(map, DiagnosticCodes.SchemaWrongType, $"{where}.extensionToLanguage: must be an object mapping \".ext\" to a language id, not {McpServersValidator.Describe(map)}");
            else if (!languages.HasValues) Add(map, DiagnosticCodes.SchemaInvalidValue, $"{where}.extensionToLanguage: must have at least one mapping ({{\".go\": \"go\"}})");
            else foreach (var ext in languages.Properties())
                {
                    if (ext.Name.Length < 2 || !ext.Name.StartsWith('.'))
                        Add(ext, DiagnosticCodes.SchemaInvalidValue, $"{where}.extensionToLanguage: '{ext.Name}' is not a file extension: write a dot and the extension (\".{(ext.Name.TrimStart('.') is { Length: > 0 } e ? e : "go")}\")");
                    if (ext.Value.Type != JTokenType.String || ((string)ext.Value!).Length == 0)
                        Add(ext.Value, ext.Value.Type == JTokenType.String ? DiagnosticCodes.SchemaInvalidValue : DiagnosticCodes.SchemaWrongType, $"{where}.extensionToLanguage[\"{ext.Name}\"]: must be a non-empty language id string (\"go\", \"typescript\")");
                }

            if (config["transport"] is { } transport && (transport.Type != JTokenType.String || (string)transport! is not ("stdio" or "socket")))
                Add(transport, transport.Type == JTokenType.String ? DiagnosticCodes.SchemaInvalidValue : DiagnosticCodes.SchemaWrongType, $"{where}.transport: must be \"stdio\" (the default) or \"socket\"");
            if (config["env"] is { } env && (env is not JObject vars || vars.Properties().Any(v => v.Value.Type != JTokenType.String)))
                Add(env, DiagnosticCodes.SchemaWrongType, $"{where}.env: must be an object of string values (quote numbers: \"PORT\": \"8080\")");
            if (config["workspaceFolder"] is { Type: not JTokenType.String } folder)
                Add(folder, DiagnosticCodes.SchemaWrongType, $"{where}.workspaceFolder: must be a string (a folder path)");
            foreach (var flag in new[] { "restartOnCrash", "diagnostics" })
                if (config[flag] is { Type: not JTokenType.Boolean } value) Add(value, DiagnosticCodes.SchemaWrongType, $"{where}.{flag}: must be true or false");
            foreach (var (key, min, max) in new[] { ("startupTimeout", 1, MaxSafeInteger), ("shutdownTimeout", 1, MaxSafeInteger), ("requestTimeout", 1, (double)int.MaxValue), ("maxRestarts", 0, MaxSafeInteger) })
                if (config[key] is { } n && (n.Type is not (JTokenType.Integer or JTokenType.Float) || (double)n is var v && (v != Math.Floor(v) || v < min || v > max)))
                    Add(n, n.Type is JTokenType.Integer or JTokenType.Float ? DiagnosticCodes.SchemaInvalidValue : DiagnosticCodes.SchemaWrongType,
                        $"{where}.{key}: must be a whole number {(max == MaxSafeInteger ? $"of {min} or more" : $"from {min} to {max:0}")}{(key == "maxRestarts" ? "" : " (milliseconds)")}");
        }
    }
}
