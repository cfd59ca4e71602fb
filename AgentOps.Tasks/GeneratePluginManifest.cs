using System.Text.RegularExpressions;
using AgentOps.Core.Diagnostics;
using AgentOps.Core.Manifests;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace AgentOps.Tasks;

/// <summary>
/// Writes &lt;plugin&gt;/.claude-plugin/plugin.json (and agentops.json for the metadata Claude Code does
/// not read) from the .agentplugin project's properties and items. Bad property values are reported
/// at their line in the project.
/// </summary>
public sealed partial class GeneratePluginManifest : Microsoft.Build.Utilities.Task
{
    [Required] public string ProjectFile { get; set; } = "";
    [Required] public string PluginName { get; set; } = "";
    [Required] public string ManifestFile { get; set; } = "";
    [Required] public string MetadataFile { get; set; } = "";
    public string? Version { get; set; }
    public string? Description { get; set; }
    public string? DisplayName { get; set; }
    public string? AuthorName { get; set; }
    public string? AuthorEmail { get; set; }
    public string? AuthorUrl { get; set; }
    public string? Category { get; set; }
    public string[] Keywords { get; set; } = [];
    public string? License { get; set; }
    public string? Homepage { get; set; }
    public string? Repository { get; set; }
    public string? Icon { get; set; }
    public string? Stability { get; set; }
    public string[] Capabilities { get; set; } = [];
    /// <summary><c>PluginNetworkHosts</c>: the hosts the plugin reaches (plugin.json <c>network.hosts</c>), <c>none</c> for
    /// none; empty: no <c>network</c> field.</summary>
    public string? NetworkHosts { get; set; }
    /// <summary><c>PluginEvalDir</c>: the eval suite folder, relative to the plugin (default evals).</summary>
    public string? EvalDir { get; set; }
    /// <summary>PluginDependency items; metadata Version is a semver range.</summary>
    public ITaskItem[] Dependencies { get; set; } = [];
    /// <summary>Component files outside the default folders; metadata Kind = commands|agents|skills|hooks|mcpServers.</summary>
    public ITaskItem[] ExtraComponents { get; set; } = [];

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    public override bool Execute()
    {
        if (!KebabCase().IsMatch(PluginName))
            Report(DiagnosticCodes.PluginPropertyInvalid, DiagnosticSeverity.Error, "PluginName",
                $"plugin name '{PluginName}' must be kebab-case (lowercase letters, digits and single hyphens); Claude Code rejects spaces and warns on other forms");
        if (string.IsNullOrWhiteSpace(Description))
            Report(DiagnosticCodes.PluginDescriptionMissing, DiagnosticSeverity.Warning, "Description",
                "the plugin has no <Description>; Claude Code shows it when users browse the marketplace");
        var hosts = Hosts();
        var evalDir = string.IsNullOrWhiteSpace(EvalDir) ? Core.Validation.Evals.EvalSuiteValidator.DefaultFolder : EvalDir.Trim().Replace('\\', '/').TrimEnd('/');
        if (!Core.Validation.Evals.EvalSuiteValidator.IsRelativeFolder(evalDir))
            Report(DiagnosticCodes.EvalDirInvalid, DiagnosticSeverity.Error, "PluginEvalDir",
                $"PluginEvalDir '{EvalDir}' must be a folder inside the plugin, relative to it (e.g. quality/evals): no absolute path, '..' or '.' segment");
        if (Log.HasLoggedErrors) return false;

        var plugin = new PluginDescription
        {
            Name = PluginName, Version = Version, Description = Description, DisplayName = DisplayName,
            AuthorName = AuthorName, AuthorEmail = AuthorEmail, AuthorUrl = AuthorUrl, Category = Category,
            Keywords = Keywords.Select(k => k.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToList(),
            License = License, Homepage = Homepage, Repository = Repository, Icon = Icon,
            Dependencies = Dependencies.Select(d => new PluginDependencyInfo(d.ItemSpec, Empty(d.GetMetadata("Version")))).ToList(),
            ExtraCommands = Components("commands"), ExtraAgents = Components("agents"), ExtraSkills = Components("skills"),
            ExtraHooks = Components("hooks"), ExtraMcpServers = Components("mcpServers"),
            Stability = Stability, Capabilities = Capabilities, NetworkHosts = hosts,
            EvalDir = evalDir == Core.Validation.Evals.EvalSuiteValidator.DefaultFolder ? null : evalDir,
        };
        // A folder (or an unwritable file) where a generated file goes is said at that path, not as a task crash.
        var written = ManifestFile.Length == 0 || TaskDiagnostics.TryWrite(Log, ManifestFile, $"the generated {Path.GetFileName(ManifestFile)}", () =>
        {
            if (Core.Manifests.ManifestFile.WriteIfChanged(ManifestFile, PluginManifestBuilder.Build(plugin)))
                Log.LogMessage(MessageImportance.Normal, $"Generated {ManifestFile}");
        });
        if (written) TaskDiagnostics.TryWrite(Log, MetadataFile, $"the generated {Path.GetFileName(MetadataFile)}", () =>
        {
            if (PluginManifestBuilder.BuildAgentOpsMetadata(plugin) is { } metadata)
                Core.Manifests.ManifestFile.WriteIfChanged(MetadataFile, metadata);
            else if (File.Exists(MetadataFile))
                File.Delete(MetadataFile);
        });
        return !Log.HasLoggedErrors;
    }

    /// <summary>The declared hosts: null when <c>PluginNetworkHosts</c> is not set, none for <c>none</c>; a host Claude Code's
    /// sandbox would not take is an error here (AOP0012), where plugin.json written by hand only gets the CLI's warning.</summary>
    private List<string>? Hosts()
    {
        if (string.IsNullOrWhiteSpace(NetworkHosts)) return null;
        var hosts = NetworkHosts.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        if (hosts is ["none"]) return [];
        foreach (var bad in hosts.Where(h => !Core.Validation.NetworkHosts.IsValid(h)))
            Report(DiagnosticCodes.NetworkHostsInvalid, DiagnosticSeverity.Error, "PluginNetworkHosts",
                $"PluginNetworkHosts: '{bad}' must be {Core.Validation.NetworkHosts.Expected}" + (bad == "none" ? " ('none' stands alone)" : ""));
        return hosts;
    }

    private List<string> Components(string kind) =>
        ExtraComponents.Where(c => string.Equals(c.GetMetadata("Kind"), kind, StringComparison.Ordinal))
            .Select(c => c.GetMetadata("PluginRelativePath")).Where(p => p.Length > 0).ToList();

    private static string? Empty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private void Report(string code, DiagnosticSeverity severity, string element, string message)
    {
        var (line, col) = ProjectLocation.Of(ProjectFile, element);
        TaskDiagnostics.Log(Log, new Diagnostic(code, severity, ProjectFile, line, col, message));
    }
}
