using AgentOps.Core.Diagnostics;
using AgentOps.Core.Json;
using AgentOps.Core.Markdown;
using AgentOps.Core.Validation;
using Newtonsoft.Json.Linq;

namespace AgentOps.Orchestration.Catalog;

/// <summary>
/// Reads the components of a plugin folder with their descriptions: commands/**/*.md, agents/*.md,
/// skills/*/SKILL.md, hooks/hooks.json events and .mcp.json servers, plus extra paths plugin.json lists.
/// A component that cannot be read is reported (AOP1008) and skipped; the others are kept.
/// </summary>
public static class ComponentReader
{
    /// <summary>Descriptions longer than this are cut: they only feed the index and explanations.</summary>
    public const int MaxDescriptionLength = 2000;

    public static IReadOnlyList<CatalogComponent> Read(string pluginName, string folder, JObject? manifest, List<Diagnostic> diagnostics)
    {
        var result = new List<CatalogComponent>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(CatalogComponent c) { if (seen.Add(c.Kind + "\n" + c.Invocation)) result.Add(c); }

        foreach (var (file, prefix) in MarkdownFiles(folder, "commands", Listed(folder, manifest?["commands"])))
            if (ReadMarkdown(file, diagnostics) is { } doc)
            {
                var name = prefix + Path.GetFileNameWithoutExtension(file);
                Add(new CatalogComponent(ComponentKinds.Command, name, $"/{pluginName}:{name}", Text(doc, "description")));
            }
        foreach (var (file, _) in MarkdownFiles(folder, "agents", Listed(folder, manifest?["agents"])))
            if (ReadMarkdown(file, diagnostics) is { } doc)
            {
                var name = Text(doc, "name") is { Length: > 0 } n ? n : Path.GetFileNameWithoutExtension(file);
                Add(new CatalogComponent(ComponentKinds.Agent, name, $"{pluginName}:{name}", Text(doc, "description")));
            }
        foreach (var file in SkillFiles(folder, Listed(folder, manifest?["skills"])))
            if (ReadMarkdown(file, diagnostics) is { } doc)
            {
                var name = Text(doc, "name") is { Length: > 0 } n ? n : Path.GetFileName(Path.GetDirectoryName(file))!;
                Add(new CatalogComponent(ComponentKinds.Skill, name, $"{pluginName}:{name}", Text(doc, "description")));
            }
        foreach (var ev in HookEvents(folder, manifest, diagnostics))
            Add(new CatalogComponent(ComponentKinds.Hook, ev, ev, $"runs on {ev}"));
        foreach (var server in McpServers(folder, manifest, diagnostics))
            Add(new CatalogComponent(ComponentKinds.McpServer, server, server, $"MCP server {server}"));
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

    // Paths plugin.json lists for a component kind ("./x.md" or ["./a", "./b"]), kept only inside the plugin.
    private static IEnumerable<string> Listed(string folder, JToken? token)
    {
        var items = token switch
        {
            JValue { Type: JTokenType.String } s => [(string)s!],
            JArray a => a.OfType<JValue>().Where(v => v.Type == JTokenType.String).Select(v => (string)v!).ToList(),
            _ => new List<string>(),
        };
        foreach (var item in items)
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

    private static IEnumerable<string> HookEvents(string folder, JObject? manifest, List<Diagnostic> diagnostics)
    {
        var events = new SortedSet<string>(StringComparer.Ordinal);
        void FromHooks(JToken? hooks) { if (hooks is JObject o) foreach (var p in o.Properties()) events.Add(p.Name); }
        var file = Path.Combine(folder, "hooks", "hooks.json");
        if (File.Exists(file))
        {
            if (JsonFile.Load(file, out var problem) is JObject root) FromHooks(root["hooks"] ?? root);
            else if (problem is not null) diagnostics.Add(problem with { Code = DiagnosticCodes.CatalogComponentInvalid, Severity = DiagnosticSeverity.Warning, Message = "hooks skipped: " + problem.Message });
        }
        if (manifest?["hooks"] is JObject inline) FromHooks(inline["hooks"] ?? inline);
        return events;
    }

    private static IEnumerable<string> McpServers(string folder, JObject? manifest, List<Diagnostic> diagnostics)
    {
        var servers = new SortedSet<string>(StringComparer.Ordinal);
        var file = Path.Combine(folder, ".mcp.json");
        if (File.Exists(file))
        {
            if (JsonFile.Load(file, out var problem) is JObject root)
                foreach (var p in (root["mcpServers"] as JObject ?? root).Properties()) servers.Add(p.Name);
            else if (problem is not null) diagnostics.Add(problem with { Code = DiagnosticCodes.CatalogComponentInvalid, Severity = DiagnosticSeverity.Warning, Message = "MCP servers skipped: " + problem.Message });
        }
        if (manifest?["mcpServers"] is JObject inline) foreach (var p in inline.Properties()) servers.Add(p.Name);
        return servers;
    }
}
