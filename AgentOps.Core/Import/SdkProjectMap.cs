namespace AgentOps.Core.Import;

/// <summary>
/// The one mapping between manifest fields and the MSBuild names the AgentOps.Marketplace.Sdk reads
/// (AgentOps.Plugin.targets / AgentOps.Marketplace.targets). `agentops import` writes projects with
/// these names and <see cref="AgentProjectReader"/> reads them back; nothing else spells them.
/// </summary>
public static class SdkProjectMap
{
    public const string Sdk = "AgentOps.Marketplace.Sdk";
    public const string PluginProjectExtension = ".agentplugin";
    public const string MarketplaceProjectFile = "marketplace.agentmarketplace";

    // .agentplugin properties (plugin.json field → property).
    public const string Version = "Version";                          // version
    public const string Description = "Description";                  // description
    public const string DisplayName = "PluginDisplayName";            // displayName
    public const string Author = "Authors";                           // author.name (the SDK's PluginAuthor defaults to it)
    public const string AuthorOverride = "PluginAuthor";              // author.name when a project sets it explicitly
    public const string AuthorEmail = "PluginAuthorEmail";            // author.email
    public const string AuthorUrl = "PluginAuthorUrl";                // author.url
    public const string Category = "PluginCategory";                  // marketplace entry category
    public const string Keywords = "PackageTags";                     // keywords (';'-separated)
    public const string License = "PackageLicenseExpression";         // license
    public const string Homepage = "PackageProjectUrl";               // homepage
    public const string Repository = "RepositoryUrl";                 // repository
    public const string Icon = "PluginIcon";                          // icon
    public const string Stability = "PluginStability";                // agentops.json stability
    public const string NetworkHosts = "PluginNetworkHosts";          // network.hosts (';'-separated; "none" for an empty list)
    public const string NoNetworkHosts = "none";

    // .agentplugin items.
    public const string Dependency = "PluginDependency";              // dependencies[] (Include = name, Version = range)
    public const string DependencyVersion = "Version";
    public const string Command = "PluginCommand";                    // commands paths outside commands/
    public const string Agent = "PluginAgent";                        // agents paths outside agents/
    public const string Skill = "PluginSkill";                        // skills folders outside skills/ (item = <folder>/SKILL.md)
    public const string Hooks = "PluginHooks";                        // hooks files other than hooks/hooks.json
    public const string McpServers = "PluginMcpServers";              // mcpServers files other than .mcp.json

    // .agentmarketplace properties and items.
    public const string MarketplaceName = "MarketplaceName";
    public const string MarketplaceOwnerName = "MarketplaceOwnerName";
    public const string MarketplaceOwnerEmail = "MarketplaceOwnerEmail";
    public const string MarketplaceDescription = "MarketplaceDescription";
    public const string MarketplaceVersion = "MarketplaceVersion";
    public const string AgentPlugin = "AgentPlugin";                  // a plugin project outside plugins/*/ (the default glob)
    public const string RemotePlugin = "RemotePlugin";                // a remote-source entry (Include = name)

    /// <summary>RemotePlugin metadata (source object field → metadata name).</summary>
    public static readonly IReadOnlyList<(string JsonField, string Metadata)> RemoteSourceFields =
    [
        ("source", "Source"), ("repo", "Repo"), ("url", "Url"), ("path", "Path"), ("package", "Package"), ("ref", "Ref"), ("sha", "Sha"), ("sha256", "Sha256"),
    ];

    /// <summary>RemotePlugin metadata taken from the entry itself.</summary>
    public static readonly IReadOnlyList<(string JsonField, string Metadata)> RemoteEntryFields =
    [
        ("description", "Description"), ("version", "Version"), ("category", "Category"),
    ];
}
