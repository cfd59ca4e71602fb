namespace AgentOps.Orchestration.Catalog;

/// <summary>Turns what the user typed (<c>--marketplace</c>, <c>--claude-home</c>) into source specs, and specs into sources.</summary>
public static class CatalogSources
{
    /// <summary>A marketplace argument: a .json file, a git URL or repository, or a folder.</summary>
    public static CatalogSourceSpec FromArgument(string argument)
    {
        if (File.Exists(argument) && argument.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            return new CatalogSourceSpec(SourceKinds.File, Path.GetFullPath(argument));
        if (GitMarketplaceSource.LooksLikeGit(argument))
            return new CatalogSourceSpec(SourceKinds.Git, Directory.Exists(argument) ? Path.GetFullPath(argument) : argument);
        return new CatalogSourceSpec(SourceKinds.Folder, Path.GetFullPath(argument));
    }

    public static CatalogSourceSpec ClaudeHome(string home) => new(SourceKinds.ClaudeHome, Path.GetFullPath(home));

    public static IReadOnlyList<IMarketplaceSource> Expand(CatalogSourceSpec spec, string gitCache, List<AgentOps.Core.Diagnostics.Diagnostic> diagnostics) => spec.Kind switch
    {
        SourceKinds.File => [new FileMarketplaceSource(spec.Spec)],
        SourceKinds.Git => [new GitMarketplaceSource(spec.Spec, gitCache)],
        SourceKinds.ClaudeHome => ClaudeHomeReader.Discover(spec.Spec, diagnostics),
        _ => [new FolderMarketplaceSource(spec.Spec)],
    };
}
