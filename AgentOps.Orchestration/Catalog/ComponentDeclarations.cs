using Newtonsoft.Json.Linq;

namespace AgentOps.Orchestration.Catalog;

/// <summary>
/// What a plugin.json or a marketplace entry declares about components, read without the plugin's files:
/// listed paths, inline hook events and inline MCP and LSP server names. A plugin whose folder the catalog never
/// sees (a remote source, a marketplace.json on its own) is still found by the commands, MCP servers and
/// hooks its entry declares, as Claude Code would install them.
/// </summary>
public static class ComponentDeclarations
{
    /// <summary>The path strings of a component field: <c>"./x"</c> or <c>["./a", "./b"]</c>; anything else declares none.</summary>
    public static IEnumerable<string> Paths(JToken? token) => token switch
    {
        JValue { Type: JTokenType.String } s => [(string)s!],
        JArray a => a.OfType<JValue>().Where(v => v.Type == JTokenType.String).Select(v => (string)v!),
        _ => [],
    };

    /// <summary>Events of inline hooks, with or without the <c>{"hooks": …}</c> wrapper of hooks.json.</summary>
    public static IEnumerable<string> HookEvents(JToken? hooks) => hooks switch
    {
        JObject { } o when o.ContainsKey("hooks") => (o["hooks"] as JObject)?.Properties().Select(p => p.Name) ?? [],
        JObject o => o.Properties().Select(p => p.Name),
        _ => [],
    };

    /// <summary>Names of inline MCP servers, with or without the <c>{"mcpServers": …}</c> wrapper of .mcp.json.</summary>
    public static IEnumerable<string> McpServerNames(JToken? servers) =>
        ((servers as JObject)?["mcpServers"] as JObject ?? servers as JObject)?.Properties()
            .Where(p => p.Value is JObject).Select(p => p.Name) ?? [];

    /// <summary>
    /// Inline LSP servers (<c>lspServers</c> or a <c>.lsp.json</c> file: <c>{"gopls": {"command": "gopls",
    /// "extensionToLanguage": {".go": "go"}}}</c>), each described by what it reads, so "Go code intelligence" finds
    /// the plugin that ships gopls even when its description names only the server. Unlike .mcp.json, an LSP file has
    /// no <c>{"lspServers": …}</c> wrapper: Claude Code reads one as a server named "lspServers" and loads nothing, so
    /// the catalog lists nothing from it either.
    /// </summary>
    public static IEnumerable<CatalogComponent> LspServers(JToken? servers) =>
        (servers as JObject)?.Properties().Where(p => p.Name != "lspServers")
            .Where(p => p.Value is JObject && ManifestFields.Str(p.Name).Length > 0)
            .Select(p => new CatalogComponent(ComponentKinds.LspServer, ManifestFields.Str(p.Name), ManifestFields.Str(p.Name), LspDescription(p.Name, (JObject)p.Value)))
        ?? [];

    private static string LspDescription(string name, JObject server)
    {
        var command = server["command"] is JValue { Type: JTokenType.String } c ? ManifestFields.Str((string)c!) : "";
        var map = (server["extensionToLanguage"] as JObject)?.Properties().ToList() ?? [];
        var languages = map.Select(p => p.Value is JValue { Type: JTokenType.String } v ? ManifestFields.Str((string)v!) : "")
            .Where(l => l.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Take(8).ToList();
        var extensions = map.Select(p => ManifestFields.Str(p.Name)).Where(e => e.Length > 0).Take(12).ToList();
        var what = command.Length > 0 && command != name ? $"language server {name} ({command})" : $"language server {name}";
        return languages.Count == 0 ? what : $"{what} for {string.Join(", ", languages)} files ({string.Join(" ", extensions)})";
    }

    /// <summary>
    /// The components an entry declares when its plugin's folder is not at hand: commands by file name (the
    /// name Claude Code gives them: <c>./commands/deploy.md</c> is <c>/plugin:deploy</c>), inline MCP and LSP
    /// servers and hook events. Agents and skills take their names from files the catalog cannot read, so they wait
    /// for the folder.
    /// </summary>
    public static IReadOnlyList<CatalogComponent> FromEntry(string pluginName, JObject entry)
    {
        var result = new List<CatalogComponent>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(CatalogComponent c) { if (seen.Add(c.Kind + "\n" + c.Invocation)) result.Add(c); }
        foreach (var path in Paths(entry["commands"]).Where(p => p.EndsWith(".md", StringComparison.OrdinalIgnoreCase)))
        {
            var name = ManifestFields.Str(Path.GetFileNameWithoutExtension(path.Replace('\\', '/').Split('/')[^1]));
            if (name.Length > 0) Add(new CatalogComponent(ComponentKinds.Command, name, $"/{pluginName}:{name}", ""));
        }
        foreach (var server in McpServerNames(entry["mcpServers"]).Select(n => ManifestFields.Str(n)).Where(n => n.Length > 0).Order(StringComparer.Ordinal))
            Add(new CatalogComponent(ComponentKinds.McpServer, server, server, $"MCP server {server}"));
        foreach (var lsp in LspServers(entry["lspServers"]).OrderBy(c => c.Name, StringComparer.Ordinal))
            Add(lsp);
        foreach (var ev in HookEvents(entry["hooks"]).Select(n => ManifestFields.Str(n)).Where(n => n.Length > 0).Order(StringComparer.Ordinal))
            Add(new CatalogComponent(ComponentKinds.Hook, ev, ev, $"runs on {ev}"));
        return result;
    }
}
