namespace AgentOps.Orchestration.Embeddings;

/// <summary>
/// NuGet package folders that may already hold the model and ONNX Runtime on this machine: <c>NUGET_PACKAGES</c>,
/// a repository-local <c>.packages</c> above the tool (this repo's nuget.config: the packed marketplace under
/// <c>artifacts/</c> of a clone that was built), and <c>~/.nuget/packages</c>. The packed plugin ships neither
/// (90 MB of weights do not belong in a git-hosted marketplace), so a tool run from a built clone finds them here.
/// </summary>
public static class PackageFolders
{
    public static IEnumerable<string> All()
    {
        if (Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured) yield return configured;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var local = Path.Combine(dir.FullName, ".packages");
            if (Directory.Exists(local)) { yield return local; break; }
        }
        yield return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
    }

    /// <summary>The first existing file <paramref name="relative"/> inside package <paramref name="id"/> at <paramref name="version"/>.</summary>
    public static string? Find(string id, string version, string relative) =>
        All().Select(root => Path.Combine(root, id.ToLowerInvariant(), version, relative)).FirstOrDefault(File.Exists);
}
