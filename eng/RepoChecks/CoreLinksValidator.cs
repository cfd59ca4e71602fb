using AgentOps.Core.Diagnostics;

namespace AgentOps.RepoChecks;

/// <summary>One backward-compatibility link: <c>core/commands -&gt; ../plugins/agentops-core/commands</c>.</summary>
public sealed record ExpectedLink(string LinkPath, string Target);

/// <summary>
/// Checks the <c>core/</c> links that keep this repository's old paths (core/commands, core/agents…) working
/// after the move to plugins/agentops-core. A rule of this repo, run by its own build (eng/RepoChecks.targets),
/// not by the SDK other marketplaces use.
/// </summary>
public static class CoreLinksValidator
{
    public const string CorePluginName = "agentops-core";

    public static readonly IReadOnlyList<ExpectedLink> DefaultLinks =
        new[] { "commands", "agents", "workflows", "skills" }
            .Select(n => new ExpectedLink($"core/{n}", $"../plugins/{CorePluginName}/{n}")).ToList();

    public static IReadOnlyList<Diagnostic> Validate(string repoRoot, IReadOnlyList<ExpectedLink>? expected = null)
    {
        var diagnostics = new List<Diagnostic>();
        foreach (var link in expected ?? DefaultLinks)
        {
            var linkPath = Path.Combine(repoRoot, link.LinkPath);
            var state = CoreLinkState.Read(linkPath);
            if (state.LinkTarget is null)
            {
                diagnostics.Add(state.Exists
                    ? At(DiagnosticCodes.CoreLinkWrongTarget, linkPath, $"{link.LinkPath} is a real folder or file; it must be a symlink to {link.Target}")
                    : Nowhere(DiagnosticCodes.CoreLinkMissing, linkPath, $"backward-compatibility link {link.LinkPath} -> {link.Target} is missing"));
                continue;
            }
            var actual = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(linkPath)!, state.LinkTarget));
            var wanted = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(linkPath)!, link.Target));
            if (!string.Equals(Path.TrimEndingDirectorySeparator(actual), Path.TrimEndingDirectorySeparator(wanted), StringComparison.Ordinal))
                diagnostics.Add(At(DiagnosticCodes.CoreLinkWrongTarget, linkPath, $"{link.LinkPath} points at '{state.LinkTarget}'; it must point at {link.Target}"));
            else if (!state.TargetExists)
                diagnostics.Add(At(DiagnosticCodes.CoreLinkBroken, linkPath, $"{link.LinkPath} -> {link.Target} is broken: the target does not exist"));
        }
        return diagnostics;
    }

    // Something is at the path (a link, or the one-line text file a checkout without symlinks leaves): (1,1) so the
    // build, the IDE and CI annotations open it, as the SDK's own link errors (AOP0405-0407) do.
    private static Diagnostic At(string code, string path, string message) => new(code, DiagnosticSeverity.Error, path, 1, 1, message);

    // Nothing is there to open: the path alone.
    private static Diagnostic Nowhere(string code, string path, string message) => new(code, DiagnosticSeverity.Error, path, 0, 0, message);
}
