namespace AgentOps.Tests.Build;

/// <summary>
/// Packs the repo's own marketplace once per test run, exactly as the README says (`dotnet pack` at the
/// root), and shares the result: artifacts/marketplace/ and the build log.
/// </summary>
internal static class RepoMarketplace
{
    private static readonly Lazy<ProcessRunner.Output> Packed = new(() => ProcessRunner.Dotnet(Root, "pack", "-nologo"));

    public static string Root => EndToEnd.ClaudeSession.RepoRoot;

    public static string PackedFolder => Path.Combine(Root, "artifacts", "marketplace");

    /// <summary>Where builds extract the SDK package: the repo's own folder (nuget.config), or NUGET_PACKAGES, which overrides it.</summary>
    public static string PackageFolder =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages ? packages : Path.Combine(Root, ".packages");

    public static readonly string[] PluginNames = ["agentops-core", "agentops-devops", "agentops-meta-orchestrator", "agentops-product-dev"];

    /// <summary>Packs (once) and fails the calling test with the build log when packing failed.</summary>
    public static ProcessRunner.Output EnsurePacked()
    {
        var result = Packed.Value;
        Assert.AreEqual(0, result.ExitCode, "dotnet pack at the repo root failed:\n" + result.All);
        return result;
    }
}
