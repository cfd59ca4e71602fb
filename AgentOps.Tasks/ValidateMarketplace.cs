using AgentOps.Core.Validation;
using Microsoft.Build.Framework;

namespace AgentOps.Tasks;

/// <summary>Runs the marketplace rules (schema, sources, duplicate names, dependency graph with version
/// ranges, core/ links) on a marketplace root. Plugin folders are validated by their own projects.</summary>
public sealed class ValidateMarketplace : Microsoft.Build.Utilities.Task
{
    [Required] public string MarketplaceRoot { get; set; } = "";
    /// <summary>Check the core/ backward-compatibility links (off for a packed marketplace, which has none).</summary>
    public bool CheckCoreLinks { get; set; } = true;
    public bool ValidatePluginFolders { get; set; }

    /// <summary>$(AgentOpsDiagnosticSeverity): "AOP1103=none;AOP1152=error", over the .editorconfig settings.</summary>
    public string? DiagnosticSeverity { get; set; }

    public override bool Execute()
    {
        var links = CheckCoreLinks ? null : Array.Empty<ExpectedLink>();
        TaskDiagnostics.Log(Log, DiagnosticPolicy.Apply(MarketplaceFolderValidator.Validate(MarketplaceRoot, links, ValidatePluginFolders), DiagnosticSeverity));
        return !Log.HasLoggedErrors;
    }
}
