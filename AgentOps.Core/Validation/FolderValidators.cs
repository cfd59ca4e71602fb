using AgentOps.Core.Diagnostics;
using AgentOps.Core.Json;
using Newtonsoft.Json.Linq;

namespace AgentOps.Core.Validation;

// Entry points the MSBuild tasks and `agentops validate` call: one implementation, two front doors.
// Each rule family lives in its own validator; these classes only decide which files each one sees.

/// <summary>Validates one plugin folder as it is on disk (.claude-plugin/plugin.json, commands,
/// agents, skills, hooks, patterns, symlinks, secrets).</summary>
public static class PluginFolderValidator
{
    public static IReadOnlyList<Diagnostic> Validate(string pluginDirectory) =>
        Validate(pluginDirectory, [pluginDirectory]);

    /// <param name="allowedLinkRoots">Where symlinks may point: the plugin, and its marketplace when it has one
    /// (a README there also counts for the plugin).</param>
    public static IReadOnlyList<Diagnostic> Validate(string pluginDirectory, IReadOnlyList<string> allowedLinkRoots)
    {
        pluginDirectory = Path.GetFullPath(pluginDirectory);
        var d = new List<Diagnostic>();
        var hookFiles = new HashSet<string>(StringComparer.Ordinal);
        var manifestFile = Path.Combine(pluginDirectory, ".claude-plugin", "plugin.json");
        JToken? manifest = null;
        if (Directory.Exists(manifestFile) && new DirectoryInfo(manifestFile).LinkTarget is null)
            d.Add(new Diagnostic(DiagnosticCodes.FileUnreadable, DiagnosticSeverity.Error, manifestFile, 0, 0,
                "plugin.json is a folder, not a file; Claude Code cannot read the plugin's manifest"));
        else if (!File.Exists(manifestFile) && new FileInfo(manifestFile).LinkTarget is null)
            d.Add(new Diagnostic(DiagnosticCodes.PluginManifestMissing, DiagnosticSeverity.Warning, pluginDirectory, 0, 0,
                "the plugin has no .claude-plugin/plugin.json; Claude Code then needs everything in the marketplace entry"));
        else if ((manifest = JsonFile.Load(manifestFile, out var problem)) is null)
            d.Add(problem!);
        else
        {
            d.AddRange(PluginManifestValidator.Validate(pluginDirectory, manifestFile, manifest));
            if (manifest is JObject { } root && root["hooks"] is JObject inline) d.AddRange(HooksValidator.ValidateInline(pluginDirectory, manifestFile, inline));
            foreach (var listed in PluginManifestValidator.ListedPaths((manifest as JObject)?["hooks"]))
            {
                var file = Path.GetFullPath(Path.Combine(pluginDirectory, (string)listed!));
                if (File.Exists(file) && PathUtil.IsUnder(file, pluginDirectory)) hookFiles.Add(file);
            }
        }

        var defaultHooks = Path.Combine(pluginDirectory, "hooks", "hooks.json");
        if (File.Exists(defaultHooks)) hookFiles.Add(defaultHooks);
        foreach (var file in hookFiles) d.AddRange(HooksValidator.ValidateFile(pluginDirectory, file));

        foreach (var file in MarkdownUnder(pluginDirectory, "commands", allowedLinkRoots)) d.AddRange(FrontmatterValidator.ValidateFile(file, ComponentKind.Command));
        foreach (var file in MarkdownUnder(pluginDirectory, "agents", allowedLinkRoots)) d.AddRange(FrontmatterValidator.ValidateFile(file, ComponentKind.Agent));
        foreach (var file in MarkdownUnder(pluginDirectory, "skills", allowedLinkRoots).Where(f => Path.GetFileName(f) == "SKILL.md"))
            d.AddRange(FrontmatterValidator.ValidateFile(file, ComponentKind.Skill));
        foreach (var file in MarkdownUnder(pluginDirectory, "patterns", allowedLinkRoots).Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase)))
            d.AddRange(PatternValidator.ValidateFile(file));

        d.AddRange(Evals.EvalSuiteValidator.Validate(pluginDirectory, manifest));
        d.AddRange(McpServersValidator.Validate(pluginDirectory, manifest is null ? null : manifestFile, manifest));
        d.AddRange(LspServersValidator.Validate(pluginDirectory, manifest is null ? null : manifestFile, manifest));
        d.AddRange(PluginCiValidator.Validate(pluginDirectory, manifest is null ? null : manifestFile, manifest));
        d.AddRange(SecretsValidator.Validate(pluginDirectory));
        d.AddRange(SettingsRisk.Validate(pluginDirectory, manifest is null ? null : manifestFile, manifest));
        d.AddRange(ContentValidator.Validate(pluginDirectory));
        d.AddRange(PluginStructureRules.Validate(pluginDirectory, allowedLinkRoots, manifest is null ? null : manifestFile, manifest));
        d.AddRange(SymlinkValidator.Validate(pluginDirectory, allowedLinkRoots));
        return d;
    }

    /// <summary>The Markdown files of a component folder, as Claude Code finds them: through symbolic links too (a linked
    /// `commands/`, a linked skill folder, a command file that is a link). A link is followed only when it stays inside the
    /// plugin or its marketplace (SymlinkValidator reports the others), and each real folder is walked once (no loop).</summary>
    private static List<string> MarkdownUnder(string pluginDirectory, string folder, IReadOnlyList<string> allowedLinkRoots)
    {
        var files = new List<string>();
        var roots = allowedLinkRoots.Select(PathUtil.RealPath).ToList();
        bool Inside(string path) => roots.Any(root => PathUtil.IsUnder(PathUtil.RealPath(path), root));
        var walked = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(Path.Combine(pluginDirectory, folder));
        while (pending.TryPop(out var dir))
        {
            if (!Directory.Exists(dir) || !Inside(dir) || !walked.Add(PathUtil.RealPath(dir))) continue;
            foreach (var entry in PluginFiles.Walk(dir, includeLinks: true))
            {
                if (entry.LinkTarget is not null && Directory.Exists(entry.FullName)) pending.Push(entry.FullName);
                else if (entry.FullName.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && (entry.LinkTarget is null || (File.Exists(entry.FullName) && Inside(entry.FullName))))
                    files.Add(entry.FullName);
            }
        }
        return files;
    }
}

/// <summary>Validates a marketplace root (.claude-plugin/marketplace.json, sources, duplicate names,
/// dependency graph across its plugins) and every local plugin in it.</summary>
public static class MarketplaceFolderValidator
{
    /// <param name="validatePluginFolders">False when each plugin was already validated on its own (the
    /// build validates every plugin project separately, so findings are not reported twice).</param>
    public static IReadOnlyList<Diagnostic> Validate(string marketplaceRoot, bool validatePluginFolders = true)
    {
        marketplaceRoot = Path.GetFullPath(marketplaceRoot);
        var manifestFile = Path.Combine(marketplaceRoot, ".claude-plugin", "marketplace.json");
        if (!File.Exists(manifestFile) && new FileInfo(manifestFile).LinkTarget is null)
            return [new Diagnostic(DiagnosticCodes.MarketplaceManifestMissing, DiagnosticSeverity.Error, marketplaceRoot, 0, 0,
                "the folder has no .claude-plugin/marketplace.json")];
        if (JsonFile.Load(manifestFile, out var problem) is not { } manifest) return [problem!];

        var pluginRoot = LocalPluginSource.PluginRoot(manifest);
        var d = new List<Diagnostic>(ManifestSchemas.Validate(ManifestKind.Marketplace, manifestFile, manifest)
            .Where(x => !IsBareSourceAllowedByPluginRoot(x, manifest, pluginRoot)));
        d.AddRange(MarketplaceSourcesValidator.Validate(marketplaceRoot, manifestFile, manifest));
        d.AddRange(RenamesValidator.Validate(manifestFile, manifest));
        d.AddRange(MarketplaceCiValidator.Validate(manifestFile, manifest));
        d.AddRange(MarketplaceEntryRules.Validate(manifestFile, manifest));
        d.AddRange(LspServersValidator.ValidateEntries(manifestFile, manifest));

        var nodes = new List<PluginNode>();
        var validatedFolders = new HashSet<string>(StringComparer.Ordinal);
        var registered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in ((manifest as JObject)?["plugins"] as JArray ?? []).OfType<JObject>())
        {
            if ((entry["name"] as JValue)?.Value is not string name) continue;
            var folder = (entry["source"] as JValue)?.Value is string source ? LocalPluginSource.Folder(marketplaceRoot, source, pluginRoot) : null;
            if (folder is not null) registered.Add(Path.TrimEndingDirectorySeparator(folder));
            if (validatePluginFolders && folder is not null && validatedFolders.Add(folder))
                d.AddRange(PluginFolderValidator.Validate(folder, [folder, marketplaceRoot]));
            nodes.Add(NodeOf(name, entry, folder, manifestFile));
        }
        d.AddRange(DependencyGraphValidator.Validate(nodes));
        d.AddRange(MarketplaceRegistrationRule.Check(marketplaceRoot, pluginRoot, registered));
        // A plugin at the marketplace root already had its .claude-plugin/marketplace.json scanned as one of its files.
        if (!registered.Contains(Path.TrimEndingDirectorySeparator(marketplaceRoot)))
            d.AddRange(HiddenText(manifestFile));
        return d;
    }

    /// <summary>AOP1110 in marketplace.json: descriptions and names are shown in Claude Code's plugin browser and
    /// terminal, so hidden characters and escaped control sequences matter here as in a plugin's own files.</summary>
    private static IEnumerable<Diagnostic> HiddenText(string manifestFile)
    {
        if (!TextFileReader.TryRead(manifestFile, out var text, out _)) return [];
        var file = new PluginTextFile(manifestFile, ".claude-plugin/marketplace.json", text);
        return InvisibleUnicodeRule.Check(file).Concat(EscapedInvisibleTextRule.Check(file).Take(ContentValidator.MaxFindingsPerRule));
    }

    // The schema wants "./" on a local source; with metadata.pluginRoot a bare name is a folder under it.
    private static bool IsBareSourceAllowedByPluginRoot(Diagnostic d, JToken manifest, string? pluginRoot)
    {
        if (pluginRoot is null || d.Code != DiagnosticCodes.SchemaInvalidValue || (manifest as JObject)?["plugins"] is not JArray plugins) return false;
        for (var i = 0; i < plugins.Count; i++)
            if (d.Message.StartsWith($"plugins[{i}].source:", StringComparison.Ordinal))
                return plugins[i]["source"] is JValue { Type: JTokenType.String } s && LocalPluginSource.IsBareName((string)s!);
        return false;
    }

    private static PluginNode NodeOf(string name, JObject entry, string? folder, string marketplaceFile)
    {
        var entryVersion = (entry["version"] as JValue)?.Value as string;
        if (folder is not null)
        {
            if (Directory.EnumerateFiles(folder, "*.agentplugin").FirstOrDefault() is { } project)
            {
                try { return PluginDependencyReader.FromProject(project, name); }
                catch (System.Xml.XmlException) { /* a broken project is MSBuild's to report; fall back to the JSON */ }
            }
            var pluginJson = Path.Combine(folder, ".claude-plugin", "plugin.json");
            if (File.Exists(pluginJson) && JsonFile.Load(pluginJson, out _) is JObject manifest)
                return PluginDependencyReader.FromJson(name, manifest, pluginJson, entryVersion);
        }
        return PluginDependencyReader.FromJson(name, entry, marketplaceFile);
    }
}
