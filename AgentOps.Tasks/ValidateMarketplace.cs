using AgentOps.Core.Validation;
using Microsoft.Build.Framework;

namespace AgentOps.Tasks;

/// <summary>Runs the marketplace rules (schema, sources, duplicate names, dependency graph with version
/// ranges) on a marketplace root. Plugin folders are validated by their own projects.</summary>
public sealed class ValidateMarketplace : Microsoft.Build.Utilities.Task
{
    [Required] public string MarketplaceRoot { get; set; } = "";
    public bool ValidatePluginFolders { get; set; }

    /// <summary>$(AgentOpsDiagnosticSeverity): "AOP1103=none;AOP1152=error", over the .editorconfig settings.</summary>
    public string? DiagnosticSeverity { get; set; }

    public override bool Execute()
    {
        TaskDiagnostics.Log(Log, DiagnosticPolicy.Apply(MarketplaceFolderValidator.Validate(MarketplaceRoot, ValidatePluginFolders), DiagnosticSeverity));
        return !Log.HasLoggedErrors;
    }
}
