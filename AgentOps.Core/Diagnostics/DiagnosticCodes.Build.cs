namespace AgentOps.Core.Diagnostics;

// AOP07xx: problems of the projects themselves (.agentplugin / .agentmarketplace) and of packing.
public static partial class DiagnosticCodes
{
    public const string PluginPropertyInvalid = "AOP0700";
    public const string PluginDescriptionMissing = "AOP0701";
    public const string DuplicatePluginProject = "AOP0702";
    public const string MarketplacePropertyMissing = "AOP0703";
    public const string PackCopyFailed = "AOP0704";
    public const string NoPlugins = "AOP0705";
    public const string ComponentFileMissing = "AOP0706";
    public const string PluginFolderShared = "AOP0707";
}
