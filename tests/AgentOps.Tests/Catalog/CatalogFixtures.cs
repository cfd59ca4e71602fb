using System.Text.Json;
using AgentOps.Orchestration.Catalog;
using AgentOps.Core.Diagnostics;
using AgentOps.Tests.Validation;

namespace AgentOps.Tests.Catalog;

/// <summary>Builds small marketplaces on disk in the real Claude Code formats, and catalogs over them.</summary>
internal static class CatalogFixtures
{
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "global.json"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("global.json not found above " + AppContext.BaseDirectory);
    }

    public static string EvalSetPath => Path.Combine(RepoRoot(), "tests", "AgentOps.Tests", "Catalog", "RankingEvalSet.json");

    public sealed record Agent(string Name, string Description);

    /// <summary>Writes a plugin folder: .claude-plugin/plugin.json, agents/*.md, commands/*.md, optional skill and hooks.</summary>
    public static string Plugin(string folder, string name, string description, string[]? keywords = null, Agent[]? agents = null,
        Agent[]? commands = null, string[]? dependencies = null, string? skill = null, bool hooks = false)
    {
        Directory.CreateDirectory(Path.Combine(folder, ".claude-plugin"));
        var manifest = new Dictionary<string, object?>
        {
            ["name"] = name, ["version"] = "1.0.0", ["description"] = description, ["author"] = new { name = "Test" },
            ["keywords"] = keywords ?? [],
        };
        if (dependencies is not null) manifest["dependencies"] = dependencies;
        File.WriteAllText(Path.Combine(folder, ".claude-plugin", "plugin.json"), JsonSerializer.Serialize(manifest));
        foreach (var a in agents ?? [])
            Write(Path.Combine(folder, "agents", a.Name + ".md"), $"---\nname: {a.Name}\ndescription: {a.Description}\ntools: Read, Grep\n---\n\nYou are {a.Name}.\n");
        foreach (var c in commands ?? [])
            Write(Path.Combine(folder, "commands", c.Name + ".md"), $"---\ndescription: {c.Description}\n---\n\nDo it: $ARGUMENTS\n");
        if (skill is not null)
            Write(Path.Combine(folder, "skills", skill, "SKILL.md"), $"---\nname: {skill}\ndescription: Skill {skill} for {description}\n---\n\nBody\n");
        if (hooks)
            Write(Path.Combine(folder, "hooks", "hooks.json"), """{"hooks": {"SessionStart": [{"hooks": [{"type": "command", "command": "true"}]}]}}""");
        return folder;
    }

    public sealed record Entry(string Name, string Description, string? Category = null, string[]? Keywords = null, string? Source = null, string[]? Dependencies = null);

    /// <summary>Writes <c>root/.claude-plugin/marketplace.json</c>; an entry without Source points at ./plugins/&lt;name&gt;.</summary>
    public static string Marketplace(string root, string name, params Entry[] entries)
    {
        var json = JsonSerializer.Serialize(new
        {
            name,
            owner = new { name = "Test" },
            plugins = entries.Select(e => new Dictionary<string, object?>
            {
                ["name"] = e.Name, ["source"] = e.Source ?? $"./plugins/{e.Name}", ["description"] = e.Description,
                ["category"] = e.Category, ["keywords"] = e.Keywords, ["dependencies"] = e.Dependencies,
            }.Where(kv => kv.Value is not null).ToDictionary()),
        }, new JsonSerializerOptions { WriteIndented = true });
        Write(Path.Combine(root, ".claude-plugin", "marketplace.json"), json);
        return root;
    }

    /// <summary>A plugin of <see cref="OneMarketplaceCatalog"/>: its folder's plugin.json (description, keywords, agents,
    /// dependencies) and its marketplace entry (a shorter summary and the category).</summary>
    public sealed record FixturePlugin(string Name, string Description, string[]? Keywords, string Summary, string Category,
        Agent[]? Agents = null, string[]? Dependencies = null);

    /// <summary>A catalog of one marketplace "m" (tmp/m) whose plugins live in its plugins/ folder, built into tmp/catalog.db.</summary>
    public static CatalogStore OneMarketplaceCatalog(TempDir tmp, params FixturePlugin[] plugins)
    {
        var root = tmp.File("m");
        foreach (var p in plugins)
            Plugin(Path.Combine(root, "plugins", p.Name), p.Name, p.Description, p.Keywords, agents: p.Agents, dependencies: p.Dependencies);
        Marketplace(root, "m", plugins.Select(p => new Entry(p.Name, p.Summary, Category: p.Category)).ToArray());
        var store = Open(tmp.File("catalog.db"));
        BuildCatalog(store, Folder(root));
        return store;
    }

    public static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public static CatalogStore Open(string db) => CatalogStore.Open(db, new List<Diagnostic>());

    public static CatalogBuildReport BuildCatalog(CatalogStore store, params CatalogSourceSpec[] sources) =>
        CatalogBuilder.Build(store, sources, prune: true, allowNetwork: true);

    public static CatalogSourceSpec Folder(string path) => new(SourceKinds.Folder, Path.GetFullPath(path));
    public static CatalogSourceSpec JsonFile(string path) => new(SourceKinds.File, Path.GetFullPath(path));
}
