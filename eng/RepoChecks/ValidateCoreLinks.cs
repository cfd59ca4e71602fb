using AgentOps.Core.Diagnostics;
using Microsoft.Build.Framework;

namespace AgentOps.RepoChecks;

/// <summary>Reports each broken core/ link as an MSBuild error (AOP0420-0422) at the link's path ((1,1) when something is there to open).</summary>
public sealed class ValidateCoreLinks : Microsoft.Build.Utilities.Task
{
    [Required] public string RepoRoot { get; set; } = "";

    public override bool Execute()
    {
        foreach (var d in CoreLinksValidator.Validate(RepoRoot))
            Log.LogError(null, d.Code, null, d.File, d.Line, d.Column, 0, 0, d.Message);
        return !Log.HasLoggedErrors;
    }
}
