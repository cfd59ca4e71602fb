using AgentOps.Core.Diagnostics;
using Microsoft.Build.Framework;

namespace AgentOps.Tasks;

/// <summary>
/// Fails the build when a component the project names explicitly (a command, agent, skill or hook file
/// it promises to ship) is not on disk, at the line of its item. Default globs only match files that
/// exist, so this is how a plugin pins its inventory: remove a promised file and the build says so.
/// </summary>
public sealed class CheckPluginComponents : Microsoft.Build.Utilities.Task
{
    [Required] public string ProjectFile { get; set; } = "";
    /// <summary>Component items; metadata ItemType names the item (PluginCommand, PluginAgent…).</summary>
    public ITaskItem[] Components { get; set; } = [];

    public override bool Execute()
    {
        var projectDirectory = Path.GetDirectoryName(Path.GetFullPath(ProjectFile))!;
        foreach (var component in Components)
        {
            var path = Path.GetFullPath(Path.Combine(projectDirectory, component.ItemSpec));
            if (File.Exists(path)) continue;
            // A wildcard MSBuild left unexpanded is a glob it could not walk (a path past the file system's limit, an
            // unreadable folder), not a promised file: ValidatePlugin says which folder and why (AOP0409).
            if (component.ItemSpec.IndexOfAny(['*', '?']) >= 0) continue;
            var itemType = component.GetMetadata("ItemType");
            var (line, col) = ProjectLocation.Of(ProjectFile, itemType, component.ItemSpec);
            TaskDiagnostics.Log(Log, new Diagnostic(DiagnosticCodes.ComponentFileMissing, DiagnosticSeverity.Error, ProjectFile, line, col,
                $"{itemType} '{component.ItemSpec}' is listed in the project but the file does not exist"));
        }
        return !Log.HasLoggedErrors;
    }
}
