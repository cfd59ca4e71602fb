using AgentOps.Core.Diagnostics;
using AgentOps.Core.Json;
using AgentOps.Core.Markdown;
using AgentOps.Core.Validation;
using Newtonsoft.Json.Linq;

namespace AgentOps.Orchestration.Catalog;

/// <summary>
/// Reads the components of a plugin folder with their descriptions: commands/**/*.md, agents/*.md,
/// skills/*/SKILL.md, hooks/hooks.json events, .mcp.json and .lsp.json servers, plus what plugin.json and the
/// marketplace entry declare (extra paths, inline hooks and MCP and LSP servers, hook, MCP and LSP files). Claude Code
/// merges an entry's component fields with plugin.json (and with <c>"strict": false</c> the entry is the
/// whole manifest), so both are read. A component that cannot be read is reported (AOP1008) and skipped;
/// the others are kept.
/// </summary>
public static class ComponentReader
{
    /// <summary>Descriptions longer than this are cut: they only feed the index and explanations.</summary>
    public const int MaxDescriptionLength = 2000;

    public static IReadOnlyList<CatalogComponent> Read(string pluginName, string folder, JObject? manifest, List<Diagnostic> diagnostics) =>
        Read(pluginName, folder, manifest is null ? [] : [manifest], diagnostics);

    /// <summary>The components of a folder as plugin.json and the marketplace entry (<paramref name="declarations"/>) declare them.</summary>
    public static IReadOnlyList<CatalogComponent> Read(string pluginName, string folder, IReadOnlyList<JObject> declarations, List<Diagnostic> diagnostics)
    {
        IEnumerable<JToken?> Declared(string key) => declarations.Select(d => d[key]);
        var result = new List<CatalogComponent>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(CatalogComponent c) { if (seen.Add(c.Kind + "\n" + c.Invocation)) result.Add(c); }

        foreach (var (file, prefix) in MarkdownFiles(folder, "commands", Listed(folder, Declared("commands"))))
            if (ReadMarkdown(file, diagnostics) is { } doc)
            {
                var name = prefix + Path.GetFileNameWithoutExtension(file);
                Add(new CatalogComponent(ComponentKinds.Command, name, $"/{pluginName}:{name}", Text(doc, "description")));
            }
        foreach (var (file, _) in MarkdownFiles(folder, "agents", Listed(folder, Declared("agents"))))
            if (ReadMarkdown(file, diagnostics) is { } doc)
            {
                var name = Text(doc, "name") is { Length: > 0 } n ? n : Path.GetFileNameWithoutExtension(file);
                Add(new CatalogComponent(ComponentKinds.Agent, name, $"{pluginName}:{name}", Text(doc, "description")));
            }
        foreach (var file in SkillFiles(folder, Listed(folder, Declared("skills"))))
            if (ReadMarkdown(file, diagnostics) is { } doc)
            {
                var name = Text(doc, "name") is { Length: > 0 } n ? n : Path.GetFileName(Path.GetDirectoryName(file))!;
                Add(new CatalogComponent(ComponentKinds.Skill, name, $"{pluginName}:{name}", Text(doc, "description")));
            }
        foreach (var ev in HookEvents(folder, Declared("hooks"), diagnostics))
            Add(new CatalogComponent(ComponentKinds.Hook, ev, ev, $"runs on {ev}"));
        foreach (var server in McpServers(folder, Declared("mcpServers"), diagnostics))
            Add(new CatalogComponent(ComponentKinds.McpServer, server, server, $"MCP server {server}"));
        foreach (var lsp in LspServers(folder, Declared("lspServers"), diagnostics))
            Add(lsp);
        return result;
    }

    private static string Text(MarkdownDocument doc, string key)
    {
        var s = AgentOps.Core.Security.Printable.Flatten(doc.Field(key)?.Scalar ?? "").Trim();
        return s.Length > MaxDescriptionLength ? s[..MaxDescriptionLength] : s;
    }

    private static MarkdownDocument? ReadMarkdown(string file, List<Diagnostic> diagnostics)
    {
        if (!TextFileReader.TryRead(file, 1024 * 1024, out var text, out var problem))
        {
            diagnostics.Add(problem! with { Code = DiagnosticCodes.CatalogComponentInvalid, Severity = DiagnosticSeverity.Warning, Message = "component skipped: " + problem.Message });
            return null;
        }
        var doc = MarkdownDocument.Parse(file, text);
        if (doc.Errors.Count > 0)
        {
            var e = doc.Errors[0];
            diagnostics.Add(e with { Code = DiagnosticCodes.CatalogComponentInvalid, Severity = DiagnosticSeverity.Warning, Message = "component skipped: " + e.Message });
            return null;
        }
        return doc;
    }

    // Paths plugin.json or the entry lists for a component kind ("./x.md" or ["./a", "./b"]), kept only inside the plugin.
    private static IEnumerable<string> Listed(string folder, IEnumerable<JToken?> tokens)
    {
        foreach (var item in tokens.SelectMany(ComponentDeclarations.Paths))
        {
            var full = Path.GetFullPath(Path.Combine(folder, item));
            if (PathUtil.IsUnder(full, folder)) yield return full;
        }
    }

    private static IEnumerable<(string File, string Prefix)> MarkdownFiles(string folder, string defaultDir, IEnumerable<string> listed)
    {
        var roots = new List<string> { Path.Combine(folder, defaultDir) };
        roots.AddRange(listed);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            if (File.Exists(root) && root.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            {
                if (seen.Add(root)) yield return (root, "");
                continue;
            }
            if (!Directory.Exists(root)) continue;
            foreach (var f in PluginFiles.Walk(root, includeLinks: false).OfType<FileInfo>()
                         .Where(f => f.Extension.Equals(".md", StringComparison.OrdinalIgnoreCase) && !f.Name.Equals("README.md", StringComparison.OrdinalIgnoreCase))
                         .OrderBy(f => f.FullName, StringComparer.Ordinal))
            {
                if (!seen.Add(f.FullName)) continue;
                // Nested command folders are namespaces: commands/db/migrate.md is /plugin:db:migrate.
                var rel = Path.GetRelativePath(root, f.DirectoryName!);
                var prefix = rel == "." ? "" : string.Join(':', rel.Split(Path.DirectorySeparatorChar)) + ":";
                yield return (f.FullName, prefix);
            }
        }
    }

    private static IEnumerable<string> SkillFiles(string folder, IEnumerable<string> listed)
    {
        var roots = new List<string> { Path.Combine(folder, "skills") };
        roots.AddRange(listed);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            if (File.Exists(Path.Combine(root, "SKILL.md")) && seen.Add(Path.Combine(root, "SKILL.md")))
            {
                yield return Path.Combine(root, "SKILL.md");
                continue;
            }
            if (!Directory.Exists(root)) continue;
            foreach (var dir in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
            {
                var skill = Path.Combine(dir, "SKILL.md");
                if (File.Exists(skill) && seen.Add(skill)) yield return skill;
            }
        }
    }

    // hooks/hooks.json, the hook files declared by path ("hooks": "./config/hooks.json") and inline hooks.
    private static IEnumerable<string> HookEvents(string folder, IEnumerable<JToken?> declared, List<Diagnostic> diagnostics) =>
        new SortedSet<string>(Declarations(folder, Path.Combine("hooks", "hooks.json"), declared, ComponentDeclarations.HookEvents, "hooks", diagnostics), StringComparer.Ordinal);

    // .mcp.json, the MCP files declared by path ("mcpServers": "./mcp/servers.json") and inline servers.
    private static IEnumerable<string> McpServers(string folder, IEnumerable<JToken?> declared, List<Diagnostic> diagnostics) =>
        new SortedSet<string>(Declarations(folder, ".mcp.json", declared, ComponentDeclarations.McpServerNames, "MCP servers", diagnostics), StringComparer.Ordinal);

    // .lsp.json, the LSP files declared by path and inline servers; the first declaration of a server name wins.
    private static IEnumerable<CatalogComponent> LspServers(string folder, IEnumerable<JToken?> declared, List<Diagnostic> diagnostics) =>
        Declarations(folder, ".lsp.json", declared, ComponentDeclarations.LspServers, "LSP servers", diagnostics)
            .DistinctBy(c => c.Name, StringComparer.Ordinal).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();

    // What a component field declares, in order: read from the default file (relative to the plugin) when it exists and
    // each .json file the field names, then from the field's inline values. A file that cannot be read is reported as
    // "<what> skipped" and passed over.
    private static List<T> Declarations<T>(string folder, string defaultFile, IEnumerable<JToken?> declared, Func<JToken?, IEnumerable<T>> read,
        string what, List<Diagnostic> diagnostics)
    {
        var found = new List<T>();
        var tokens = declared.ToList();
        foreach (var file in JsonFiles(folder, Path.Combine(folder, defaultFile), tokens))
        {
            if (JsonFile.Load(file, out var problem) is JObject root) found.AddRange(read(root));
            else if (problem is not null) diagnostics.Add(problem with { Code = DiagnosticCodes.CatalogComponentInvalid, Severity = DiagnosticSeverity.Warning, Message = $"{what} skipped: {problem.Message}" });
        }
        foreach (var inline in tokens) found.AddRange(read(inline));
        return found;
    }

    // The default file when it exists, then each declared .json path inside the plugin, once each.
    private static IEnumerable<string> JsonFiles(string folder, string defaultFile, IEnumerable<JToken?> declared)
    {
        var files = new List<string>();
        if (File.Exists(defaultFile)) files.Add(Path.GetFullPath(defaultFile));
        foreach (var path in Listed(folder, declared))
            if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && File.Exists(path) && !files.Contains(path, StringComparer.Ordinal))
                files.Add(path);
        return files;
    }
}
