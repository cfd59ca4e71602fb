using System.Text;
using Microsoft.Build.Framework;

namespace AgentOps.RepoChecks;

/// <summary>
/// Writes what is at each core/ link path (link and target, real folder, file, nothing) to a file, only
/// when that changed: the inputs file of ValidateCoreLinks. Timestamps cannot stand in for it: MSBuild
/// follows a link to its target's time, so a re-pointed link or a link replaced by an old folder looks unchanged.
/// </summary>
public sealed class WriteCoreLinksState : Microsoft.Build.Utilities.Task
{
    [Required] public string RepoRoot { get; set; } = "";
    [Required] public string File { get; set; } = "";

    public override bool Execute()
    {
        var text = new StringBuilder();
        foreach (var link in CoreLinksValidator.DefaultLinks)
            text.Append(CoreLinkState.Read(Path.Combine(RepoRoot, link.LinkPath)).Describe(link.LinkPath)).Append('\n');
        var content = text.ToString();
        if (System.IO.File.Exists(File) && System.IO.File.ReadAllText(File) == content) return true;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(File))!);
        System.IO.File.WriteAllText(File, content, new UTF8Encoding(false));
        return true;
    }
}
