using AgentOps.Core.Diagnostics;
using AgentOps.Core.Json;
using AgentOps.Core.Manifests;
using AgentOps.Core.Validation;
using Newtonsoft.Json.Linq;

namespace AgentOps.Core.Import;

/// <summary>Something of the hand-written manifests the projects cannot hold (yet), or a choice made.</summary>
public sealed record ImportNote(string File, string JsonPath, string Message)
{
    public override string ToString() => JsonPath.Length > 0 ? $"{File}: {JsonPath}: {Message}" : $"{File}: {Message}";
}

public sealed record ImportResult(string MarketplaceProject, IReadOnlyList<string> PluginProjects, IReadOnlyList<ImportNote> Notes);

public sealed class ImportException(string message) : Exception(message);

/// <summary>
/// `agentops import`: turns a hand-written marketplace (.claude-plugin/marketplace.json and its local
/// plugin folders) into SDK projects: one &lt;name&gt;.agentplugin per local plugin (plugin.json and
/// the marketplace entry merged, plugin.json winning), the marketplace metadata and the remote-source
/// entries (RemotePlugin items) in marketplace.agentmarketplace. Every field the projects cannot hold
/// is reported as a note, never silently dropped.
/// </summary>
public static class MarketplaceImporter
{
    // plugin.json fields the projects hold (others become notes).
    private static readonly HashSet<string> PluginFields =
        ["$schema", "name", "version", "description", "displayName", "author", "homepage", "repository", "license", "keywords", "icon", "dependencies",
         "commands", "agents", "skills", "hooks", "mcpServers", "category", "tags", "network"];
    private static readonly HashSet<string> LocalEntryFields =
        ["name", "source", "description", "version", "author", "category", "keywords", "tags", "homepage", "license", "repository", "dependencies"];
    private static readonly HashSet<string> RemoteEntryFields = ["name", "source", "description", "version", "category"];
    private static readonly HashSet<string> MarketplaceFields = ["$schema", "name", "owner", "description", "version", "metadata", "plugins"];

    /// <param name="sdkVersion">Written into each project's Sdk attribute (<c>AgentOps.Marketplace.Sdk/1.0.0</c>), so the
    /// projects build outside this repository, where no global.json pins the SDK; null leaves it unversioned.</param>
    public static ImportResult Import(string marketplaceRoot, string outputRoot, string? sdkVersion = null)
    {
        marketplaceRoot = Path.GetFullPath(marketplaceRoot);
        outputRoot = Path.GetFullPath(outputRoot);
        var manifestFile = Path.Combine(marketplaceRoot, ".claude-plugin", "marketplace.json");
        if (!File.Exists(manifestFile)) throw new ImportException($"{marketplaceRoot}: no .claude-plugin/marketplace.json to import");
        if (JsonFile.Load(manifestFile, out var problem) is not JObject manifest)
            throw new ImportException(problem?.ToString() ?? $"{manifestFile}: the root is not a JSON object");

        var notes = new List<ImportNote>();
        var marketplace = Marketplace(manifest, manifestFile, notes);
        var pluginRoot = LocalPluginSource.PluginRoot(manifest);
        var remote = new List<RemotePluginDescription>();
        var projects = new List<string>();
        var extraProjects = new List<string>();
        var copied = new HashSet<string>(StringComparer.Ordinal);
        var entries = manifest["plugins"] as JArray ?? throw new ImportException($"{manifestFile}: 'plugins' is not an array");
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is not JObject entry || (entry["name"] as JValue)?.Value is not string name)
            {
                notes.Add(new(manifestFile, $"plugins[{i}]", "not an object with a name: skipped"));
                continue;
            }
            // The name becomes a file name, <name>.agentplugin: one Claude Code cannot install ("../../x", a
            // newline, 100,000 characters) wrote outside the plugin folder or failed with an I/O exception.
            if (!MarketplaceCiValidator.InstallableName().IsMatch(name) || name.Length > MaxImportedName)
            {
                notes.Add(new(manifestFile, $"plugins[{i}].name", $"'{AgentOps.Core.Security.Printable.Sanitize(name, 80)}' is not a name Claude Code can install (letters, digits, '.', '_', '-', at most {MaxImportedName} characters): skipped"));
                continue;
            }
            // <name>/ and <name>.agentplugin: a device name ("CON") opens the console on Windows instead of a file.
            if (WindowsNames.Problem(name) is { } notPortable)
            {
                notes.Add(new(manifestFile, $"plugins[{i}].name", $"{DiagnosticCodes.NotPortableName}: {AgentOps.Core.Security.Printable.Sanitize(notPortable, 120)}: skipped"));
                continue;
            }
            switch (entry["source"])
            {
                case JObject source:
                    // The same path policy as validate and the build: an unsafe source is not carried into a project.
                    if (AgentOps.Core.Security.PathPolicyChecks.MarketplaceEntry(manifestFile, entry).FirstOrDefault() is { } unsafeSource)
                    {
                        notes.Add(new(manifestFile, $"plugins[{i}].source", $"{unsafeSource.Code}: {unsafeSource.Message}: '{name}' skipped"));
                        continue;
                    }
                    remote.Add(Remote(name, entry, source, manifestFile, i, notes));
                    break;
                case JValue { Type: JTokenType.String } local:
                    var folder = LocalPluginSource.Folder(marketplaceRoot, (string)local!, pluginRoot);
                    if (folder is null)
                    {
                        notes.Add(new(manifestFile, $"plugins[{i}].source", $"local folder '{local}' is missing or outside the marketplace: '{name}' skipped"));
                        continue;
                    }
                    var relative = Path.GetRelativePath(marketplaceRoot, folder).Replace('\\', '/');
                    if (relative == ".")
                    {
                        notes.Add(new(manifestFile, $"plugins[{i}].source", $"'{name}' is the marketplace root itself; an SDK plugin needs its own folder: skipped"));
                        continue;
                    }
                    var plugin = Plugin(name, entry, folder, manifestFile, i, notes);
                    var target = Path.Combine(outputRoot, relative);
                    // Copied once: a hundred thousand entries naming one folder copied it a hundred thousand times.
                    if (!string.Equals(target, folder, StringComparison.Ordinal) && copied.Add(target)) CopyPluginFolder(folder, target, notes);
                    var project = Path.Combine(target, name + SdkProjectMap.PluginProjectExtension);
                    AgentProjectWriter.WritePlugin(project, plugin, sdkVersion);
                    projects.Add(project);
                    if (!IsDefaultLocation(relative)) extraProjects.Add(Path.GetRelativePath(outputRoot, project));
                    break;
                default:
                    notes.Add(new(manifestFile, $"plugins[{i}].source", $"'{name}' has no usable source: skipped"));
                    break;
            }
        }
        var marketplaceProject = Path.Combine(outputRoot, SdkProjectMap.MarketplaceProjectFile);
        AgentProjectWriter.WriteMarketplace(marketplaceProject, marketplace, remote, extraProjects, sdkVersion);
        return new ImportResult(marketplaceProject, projects, notes);
    }

    /// <summary>Longest plugin name imported: with ".agentplugin" it stays far below a file name's 255 bytes.</summary>
    private const int MaxImportedName = 128;

    private static string? Skipped(List<ImportNote> notes, string file, string field, string why)
    {
        notes.Add(new(file, field, why));
        return null;
    }

    // The SDK gathers plugins/<dir>/*.agentplugin by itself.
    private static bool IsDefaultLocation(string relative) => relative.Split('/') is ["plugins", _];

    private static MarketplaceDescription Marketplace(JObject m, string file, List<ImportNote> notes)
    {
        foreach (var p in m.Properties().Where(p => !MarketplaceFields.Contains(p.Name)))
            notes.Add(new(file, p.Name, "no project property holds it: not imported"));
        var owner = m["owner"] as JObject;
        if (owner?["url"] is not null) notes.Add(new(file, "owner.url", "no project property holds it: not imported"));
        if (m["metadata"] is { } metadata and not JObject)
            notes.Add(new(file, "metadata", "not an object: nothing read from it"));
        if ((m["metadata"] as JObject)?["pluginRoot"] is not null)
            notes.Add(new(file, "metadata.pluginRoot", "bare sources are resolved under it; the generated entries use explicit ./ paths"));
        return new MarketplaceDescription
        {
            Name = Text(m["name"]) ?? throw new ImportException($"{file}: the marketplace has no name"),
            OwnerName = Text(owner?["name"]) ?? throw new ImportException($"{file}: the marketplace has no owner.name"),
            OwnerEmail = Text(owner?["email"]),
            Description = Text(m["description"]) ?? Text((m["metadata"] as JObject)?["description"]),
            Version = Text(m["version"]) ?? Text((m["metadata"] as JObject)?["version"]),
        };
    }

    private static RemotePluginDescription Remote(string name, JObject entry, JObject source, string file, int i, List<ImportNote> notes)
    {
        foreach (var p in entry.Properties().Where(p => !RemoteEntryFields.Contains(p.Name)))
            notes.Add(new(file, $"plugins[{i}].{p.Name}", $"a RemotePlugin item has no metadata for it: not imported"));
        foreach (var p in source.Properties().Where(p => SdkProjectMap.RemoteSourceFields.All(f => f.JsonField != p.Name)))
            notes.Add(new(file, $"plugins[{i}].source.{p.Name}", "a RemotePlugin item has no metadata for it: not imported"));
        return new RemotePluginDescription
        {
            Name = name, Kind = Text(source["source"]) ?? "",
            Repo = Text(source["repo"]), Url = Text(source["url"]), Path = Text(source["path"]), Package = Text(source["package"]),
            Ref = Text(source["ref"]), Sha = Text(source["sha"]), Sha256 = Text(source["sha256"]),
            Description = Text(entry["description"]), Version = Text(entry["version"]), Category = Text(entry["category"]),
        };
    }

    private static PluginDescription Plugin(string name, JObject entry, string folder, string marketplaceFile, int i, List<ImportNote> notes)
    {
        foreach (var p in entry.Properties().Where(p => !LocalEntryFields.Contains(p.Name)))
            notes.Add(new(marketplaceFile, $"plugins[{i}].{p.Name}", "the generated entry does not carry it: not imported"));
        var pluginFile = Path.Combine(folder, ".claude-plugin", "plugin.json");
        var pj = File.Exists(pluginFile) ? JsonFile.Load(pluginFile, out _) as JObject : null;
        pj ??= new JObject();
        foreach (var p in pj.Properties().Where(p => !PluginFields.Contains(p.Name)))
            notes.Add(new(pluginFile, p.Name, "no project property holds it: not imported"));
        if (Text(pj["name"]) is { } own && own != name)
            notes.Add(new(pluginFile, "name", $"plugin.json says '{own}', the marketplace '{name}': the project is named '{name}'"));
        foreach (var field in new[] { "description", "version" })
            if (Text(pj[field]) is { } a && Text(entry[field]) is { } b && a != b)
                notes.Add(new(marketplaceFile, $"plugins[{i}].{field}", $"differs from plugin.json ('{b}' vs '{a}'): plugin.json's value is kept"));

        foreach (var empty in entry.Descendants().OfType<JValue>().Where(v => v.Type == JTokenType.String && ((string)v!).Trim().Length == 0))
            notes.Add(new(marketplaceFile, empty.Path, "empty text: a project property cannot hold it, the generated entry leaves it out"));
        foreach (var empty in pj.Descendants().OfType<JValue>().Where(v => v.Type == JTokenType.String && ((string)v!).Trim().Length == 0))
            notes.Add(new(pluginFile, empty.Path, "empty text: a project property cannot hold it, the generated plugin.json leaves it out"));
        var author = pj["author"] as JObject ?? entry["author"] as JObject;
        var keywords = Strings(pj["keywords"]) ?? Strings(entry["keywords"]) ?? Strings(entry["tags"]) ?? Strings(pj["tags"]) ?? [];
        return new PluginDescription
        {
            Name = name,
            Version = Text(pj["version"]) ?? Text(entry["version"]),
            Description = Text(pj["description"]) ?? Text(entry["description"]),
            DisplayName = Text(pj["displayName"]),
            AuthorName = Text(author?["name"]), AuthorEmail = Text(author?["email"]), AuthorUrl = Text(author?["url"]),
            Category = Text(entry["category"]) ?? Text(pj["category"]),
            Keywords = keywords,
            License = Text(pj["license"]) ?? Text(entry["license"]),
            Homepage = Text(pj["homepage"]) ?? Text(entry["homepage"]),
            Repository = Text(pj["repository"]) ?? Text(entry["repository"]),
            Icon = Text(pj["icon"]) is { } icon && AgentOps.Core.Security.PathPolicy.ComponentPathProblem(icon) is { } iconProblem
                ? Skipped(notes, pluginFile, "icon", $"{DiagnosticCodes.UnsafePath}: '{AgentOps.Core.Security.Printable.Sanitize(icon, 120)}' {iconProblem}: not imported")
                : Text(pj["icon"]),
            Dependencies = Dependencies(pj["dependencies"] ?? entry["dependencies"]),
            ExtraCommands = ExtraPaths(pj, "commands", "./commands/", pluginFile, notes),
            ExtraAgents = ExtraPaths(pj, "agents", "./agents/", pluginFile, notes),
            ExtraSkills = ExtraPaths(pj, "skills", "./skills/", pluginFile, notes),
            ExtraHooks = ExtraPaths(pj, "hooks", "./hooks/hooks.json", pluginFile, notes),
            ExtraMcpServers = ExtraPaths(pj, "mcpServers", "./.mcp.json", pluginFile, notes),
            NetworkHosts = Hosts(pj["network"], pluginFile, notes),
        };
    }

    // network.hosts becomes PluginNetworkHosts when every host is one the sandbox takes; anything else Claude Code
    // ignores at load time, so it is left out with a note rather than carried into a project the build would refuse.
    private static List<string>? Hosts(JToken? network, string file, List<ImportNote> notes)
    {
        if (network is null) return null;
        if (!NetworkHosts.Problems(network).Any())
            return network["hosts"]!.Select(h => (string)h!).Distinct(StringComparer.Ordinal).ToList();
        notes.Add(new(file, "network", $"{DiagnosticCodes.NetworkHostsInvalid}: not {{ \"hosts\": [...] }} of hosts Claude Code's sandbox takes (it ignores it at load time): not imported"));
        return null;
    }

    // Listed paths outside the default folders become items; inline objects cannot be held by a project.
    private static List<string> ExtraPaths(JObject pj, string field, string defaultPrefix, string file, List<ImportNote> notes)
    {
        var value = pj[field];
        if (value is null) return [];
        var tokens = value is JArray a ? a.ToList() : [value];
        var paths = new List<string>();
        foreach (var t in tokens)
        {
            if (t is JValue { Type: JTokenType.String } unsafePath && AgentOps.Core.Security.PathPolicy.ComponentPathProblem((string)unsafePath!) is { } problem)
            {
                notes.Add(new(file, field, $"{DiagnosticCodes.UnsafePath}: '{AgentOps.Core.Security.Printable.Sanitize((string)unsafePath!, 120)}' {problem}: not imported"));
                continue;
            }
            if (t is JValue { Type: JTokenType.String } s && ((string)s!).StartsWith("./", StringComparison.Ordinal))
            {
                if (!((string)s!).StartsWith(defaultPrefix, StringComparison.Ordinal)) paths.Add((string)s!);
            }
            else notes.Add(new(file, field, $"an inline or non-path value ({t.Type}) cannot be held by the project: not imported"));
        }
        return paths;
    }

    private static List<PluginDependencyInfo> Dependencies(JToken? token) =>
        (token as JArray ?? []).Select(d => d switch
        {
            JValue { Type: JTokenType.String } s => new PluginDependencyInfo((string)s!),
            JObject o when Text(o["name"]) is { } n => new PluginDependencyInfo(n, Text(o["version"])),
            _ => null,
        }).OfType<PluginDependencyInfo>().ToList();

    // Everything the plugin ships, symlinks kept as links (the validators judge them), except the
    // plugin.json the build now generates and a .git folder. A FIFO, device or socket is not copied
    // (copying a FIFO blocks until a writer comes; none can ship), nor is a path too long to open: a note says so.
    private static void CopyPluginFolder(string from, string to, List<ImportNote> notes)
    {
        var pending = new Stack<string>([from]);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var entry in new DirectoryInfo(dir).EnumerateFileSystemInfos())
            {
                // Past the longest path the system takes (4,096 bytes on Linux) the runtime gives the entry an empty
                // FullName: it can be neither read nor written, and no one can install it.
                if (entry.FullName.Length == 0)
                {
                    var path = Path.Combine(dir, entry.Name);
                    notes.Add(new(path, "", $"the path is {path.Length} characters, longer than the file system takes: not copied"));
                    continue;
                }
                var relative = Path.GetRelativePath(from, entry.FullName);
                var target = Path.Combine(to, relative);
                if (relative.Replace('\\', '/') is ".claude-plugin/plugin.json" or ".git") continue;
                if (entry.LinkTarget is { } link)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    if (Path.Exists(target) || new FileInfo(target).LinkTarget is not null) File.Delete(target);
                    File.CreateSymbolicLink(target, link);
                }
                else if (entry is DirectoryInfo) { Directory.CreateDirectory(target); pending.Push(entry.FullName); }
                else if (AgentOps.Core.Security.FileKind.Of(entry.FullName) is var kind and not AgentOps.Core.Security.FileType.Regular)
                    notes.Add(new(entry.FullName, "", $"{AgentOps.Core.Security.FileKind.Describe(kind)}, not a regular file: not copied"));
                else { Directory.CreateDirectory(Path.GetDirectoryName(target)!); File.Copy(entry.FullName, target, overwrite: true); }
            }
        }
    }

    private static string? Text(JToken? t) => t is JValue { Type: JTokenType.String } v && ((string)v!).Trim().Length > 0 ? ((string)v!).Trim() : null;
    private static List<string>? Strings(JToken? t) => t is JArray a ? a.OfType<JValue>().Where(v => v.Type == JTokenType.String).Select(v => (string)v!).ToList() : null;
}
