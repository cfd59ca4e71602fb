namespace AgentOps.Core.Manifests;

/// <summary>A plugin fetched from elsewhere (github, url, git-subdir, npm), kept as a reference.</summary>
public sealed record RemotePluginDescription
{
    public required string Name { get; init; }
    /// <summary>Source kind as Claude Code names it: github, url, git-subdir, npm, archive.</summary>
    public required string Kind { get; init; }
    public string? Repo { get; init; }
    public string? Url { get; init; }
    public string? Path { get; init; }
    public string? Package { get; init; }
    public string? Ref { get; init; }
    public string? Sha { get; init; }
    /// <summary>The digest of an archive source's zip (source "archive").</summary>
    public string? Sha256 { get; init; }
    public string? Description { get; init; }
    public string? Version { get; init; }
    public string? Category { get; init; }
}

/// <summary>What a marketplace project says about the marketplace itself.</summary>
public sealed record MarketplaceDescription
{
    public required string Name { get; init; }
    public required string OwnerName { get; init; }
    public string? OwnerEmail { get; init; }
    public string? Description { get; init; }
    public string? Version { get; init; }
}

/// <summary>A local plugin of the marketplace: its description and its folder relative to the marketplace root.</summary>
public sealed record LocalPluginEntry(PluginDescription Plugin, string RelativeFolder);
