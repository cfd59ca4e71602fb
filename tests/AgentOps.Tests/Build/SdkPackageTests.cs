using System.IO.Compression;

namespace AgentOps.Tests.Build;

/// <summary>
/// The SDK package is what MSBuild (and Visual Studio) load: managed code only, small, and its task folder holds just the
/// build-time domain — never the tool's native dependencies (libgit2, e_sqlite3, ONNX Runtime).
/// </summary>
[TestClass]
[TestCategory("Build")]
public sealed class SdkPackageTests
{
    [TestMethod]
    public void Sdk_package_has_no_native_file_and_stays_under_3_MB()
    {
        RepoMarketplace.EnsurePacked();
        var package = Path.Combine(RepoMarketplace.Root, "artifacts", "packages", "AgentOps.Marketplace.Sdk.1.0.0.nupkg");
        Assert.IsTrue(new FileInfo(package).Length <= 3 * 1024 * 1024, $"{package} is {new FileInfo(package).Length:N0} bytes");

        using var zip = ZipFile.OpenRead(package);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        var native = names.Where(n => n.Contains("runtimes/", StringComparison.OrdinalIgnoreCase) || n.Contains("/native/", StringComparison.OrdinalIgnoreCase)
            || n.EndsWith(".so", StringComparison.OrdinalIgnoreCase) || n.EndsWith(".dylib", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.AreEqual("", string.Join(", ", native), "native files in the SDK package");
        CollectionAssert.Contains(names, "tasks/net10.0/AgentOps.Tasks.dll");
        CollectionAssert.Contains(names, "tasks/net10.0/AgentOps.Core.dll");
        foreach (var forbidden in new[] { "LibGit2Sharp.dll", "Microsoft.Data.Sqlite.dll", "Microsoft.ML.OnnxRuntime.dll", "AgentOps.Orchestration.dll" })
            Assert.IsFalse(names.Any(n => n.EndsWith("/" + forbidden, StringComparison.Ordinal)), forbidden + " must not ship in the SDK");
    }
}
