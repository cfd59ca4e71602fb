using Newtonsoft.Json.Linq;

namespace AgentOps.Core.Manifests;

/// <summary>
/// Maps a <see cref="PluginDescription"/> to plugin.json in the shape Claude Code 2.1.331 accepts
/// without a warning (see docs/claude-code-acceptance.md): dependencies as an array of names, no
/// category or tags (those belong to the marketplace entry), component paths starting with ./.
/// </summary>
public static class PluginManifestBuilder
{
    public static JObject Build(PluginDescription p)
    {
        var json = new JObject { ["name"] = p.Name };
        Add(json, "displayName", p.DisplayName);
        Add(json, "version", p.Version);
        Add(json, "description", p.Description);
        if (Author(p) is { } author) json["author"] = author;
        Add(json, "homepage", p.Homepage);
        Add(json, "repository", p.Repository);
        Add(json, "license", p.License);
        if (p.Keywords.Count > 0) json["keywords"] = new JArray(p.Keywords);
        Add(json, "icon", p.Icon);
        // Version ranges stay in the project and are checked by the build (AOP0302); Claude Code
        // resolves dependencies by name within the marketplace.
        if (p.Dependencies.Count > 0) json["dependencies"] = new JArray(p.Dependencies.Select(d => d.Name).Distinct(StringComparer.Ordinal));
        AddPaths(json, "commands", p.ExtraCommands);
        AddPaths(json, "agents", p.ExtraAgents);
        AddPaths(json, "skills", p.ExtraSkills);
        AddPaths(json, "hooks", p.ExtraHooks);
        AddPaths(json, "mcpServers", p.ExtraMcpServers);
        if (p.NetworkHosts is { } hosts) json["network"] = new JObject { ["hosts"] = new JArray(hosts) };
        // Where `claude plugin eval` finds the suite; written only when it is not the evals/ the CLI looks in anyway.
        if (p.EvalDir is { } evals) json["experimental"] = new JObject { ["evals"] = evals };
        return json;
    }

    /// <summary>The metadata Claude Code does not read, for .claude-plugin/agentops.json; null when there is none.</summary>
    public static JObject? BuildAgentOpsMetadata(PluginDescription p)
    {
        if (p.Stability is null && p.Capabilities.Count == 0 && p.Settings.Count == 0 && p.Category is null) return null;
        var json = new JObject { ["name"] = p.Name };
        Add(json, "stability", p.Stability);
        Add(json, "category", p.Category);
        if (p.Capabilities.Count > 0) json["capabilities"] = new JArray(p.Capabilities);
        if (p.Dependencies.Any(d => d.Version is not null))
            json["dependencyRanges"] = new JObject(p.Dependencies.Where(d => d.Version is not null).Select(d => new JProperty(d.Name, d.Version)));
        if (p.Settings.Count > 0)
            json["settings"] = new JObject(p.Settings.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new JProperty(s.Key, s.Value)));
        return json;
    }

    internal static JObject? Author(PluginDescription p)
    {
        if (string.IsNullOrWhiteSpace(p.AuthorName)) return null;
        var author = new JObject { ["name"] = p.AuthorName };
        Add(author, "email", p.AuthorEmail);
        Add(author, "url", p.AuthorUrl);
        return author;
    }

    internal static void Add(JObject json, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) json[key] = value.Trim();
    }

    private static void AddPaths(JObject json, string key, IReadOnlyList<string> paths)
    {
        if (paths.Count == 0) return;
        var relative = paths.Select(p => p.Replace('\\', '/')).Select(p => p.StartsWith("./", StringComparison.Ordinal) ? p : "./" + p).ToList();
        json[key] = relative.Count == 1 && key is "hooks" or "mcpServers" ? relative[0] : new JArray(relative);
    }
}
