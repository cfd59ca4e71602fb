using AgentOps.Core.Validation;
using Microsoft.Build.Framework;

namespace AgentOps.Tasks;

/// <summary>Runs every plugin rule (manifest schema, frontmatter, patterns, hooks, symlinks, secrets) on
/// one plugin folder; the same rules `agentops validate` runs.</summary>
public sealed class ValidatePlugin : Microsoft.Build.Utilities.Task
{
    [Required] public string PluginDirectory { get; set; } = "";
    /// <summary>The marketplace root: links inside the plugin may point anywhere under it.</summary>
    public string? MarketplaceRoot { get; set; }

    /// <summary>$(AgentOpsDiagnosticSeverity): "AOP1103=none;AOP1152=error", over the .editorconfig settings.</summary>
    public string? DiagnosticSeverity { get; set; }

    public override bool Execute()
    {
        var roots = string.IsNullOrEmpty(MarketplaceRoot) ? new[] { PluginDirectory } : [PluginDirectory, MarketplaceRoot];
        TaskDiagnostics.Log(Log, DiagnosticPolicy.Apply(PluginFolderValidator.Validate(PluginDirectory, roots), DiagnosticSeverity));
        return !Log.HasLoggedErrors;
    }
}
