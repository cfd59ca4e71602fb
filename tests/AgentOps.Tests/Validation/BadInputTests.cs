using System.Diagnostics;
using System.Text;
using AgentOps.Core.Diagnostics;
using AgentOps.Core.Validation;

namespace AgentOps.Tests.Validation;

/// <summary>Bad input never throws or hangs: each case is one diagnostic naming the file (and line).</summary>
[TestClass]
public sealed class BadInputTests
{
    [TestMethod]
    public void GoodFileReads()
    {
        using var dir = new TempDir();
        var path = dir.Write("ok.json", "{}");
        Assert.IsTrue(TextFileReader.TryRead(path, out var text, out var d));
        Assert.AreEqual("{}", text);
        Assert.IsNull(d);
    }

    [TestMethod]
    public void MissingFileIsAop0400()
    {
        using var dir = new TempDir();
        Assert.IsFalse(TextFileReader.TryRead(dir.File("nope.json"), out _, out var d));
        Assert.AreEqual(DiagnosticCodes.FileUnreadable, d!.Code);
    }

    [TestMethod]
    public void EmptyManifestIsAop0401()
    {
        using var dir = new TempDir();
        dir.Write(".claude-plugin/plugin.json", "");
        var d = Expect.Has(PluginFolderValidator.Validate(dir.Path), DiagnosticCodes.FileEmpty, 1);
        StringAssert.EndsWith(d.File, "plugin.json");
    }

    [TestMethod]
    public void BinaryFileIsAop0402AtTheLineOfTheNul()
    {
        using var dir = new TempDir();
        dir.WriteBytes("agents/a.md", [.. "---\nname: a\n"u8.ToArray(), 0, 1, 2]);
        Expect.Has(PluginFolderValidator.Validate(dir.Path), DiagnosticCodes.FileBinary, 3);
    }

    [TestMethod]
    public void NonUtf8FileIsAop0403AtTheLine()
    {
        using var dir = new TempDir();
        dir.WriteBytes("commands/c.md", [.. "---\ndescription: caf"u8.ToArray(), 0xE9, .. "\n---\n"u8.ToArray()]); // Latin-1 é
        Expect.Has(PluginFolderValidator.Validate(dir.Path), DiagnosticCodes.FileNotUtf8, 2);
    }

    [TestMethod]
    public void FiftyMegabyteManifestIsAop0404WithoutReadingIt()
    {
        using var dir = new TempDir();
        var path = dir.File(".claude-plugin/plugin.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var f = File.Create(path)) f.SetLength(50L * 1024 * 1024); // sparse: no 50 MB written to disk
        var clock = Stopwatch.StartNew();
        var d = Expect.Has(PluginFolderValidator.Validate(dir.Path), DiagnosticCodes.FileTooLarge, 1);
        Assert.IsTrue(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        StringAssert.Contains(d.Message, "50");
    }

    [TestMethod]
    public void SymlinkLoopIsAop0406AndDoesNotHang()
    {
        using var dir = new TempDir();
        dir.Write(".claude-plugin/plugin.json", "{ \"name\": \"p\" }");
        dir.Link("agents/a.md", dir.File("agents/b.md"));
        dir.Link("agents/b.md", dir.File("agents/a.md"));
        dir.Link("loop", dir.Path); // a directory link back to the plugin root must not be walked forever
        var d = PluginFolderValidator.Validate(dir.Path);
        Assert.IsTrue(d.Any(x => x.Code == DiagnosticCodes.SymlinkLoop && x.File.EndsWith("a.md")), string.Join("\n", d));
        Assert.IsFalse(TextFileReader.TryRead(dir.File("agents/a.md"), out _, out var read));
        Assert.AreEqual(DiagnosticCodes.SymlinkLoop, read!.Code);
    }

    [TestMethod]
    public void BrokenSymlinkIsAop0405()
    {
        using var dir = new TempDir();
        dir.Write(".claude-plugin/plugin.json", "{ \"name\": \"p\" }");
        dir.Link("scripts/run.sh", dir.File("scripts/gone.sh"));
        var d = PluginFolderValidator.Validate(dir.Path).Single(x => x.Code == DiagnosticCodes.SymlinkBroken);
        StringAssert.EndsWith(d.File, "run.sh");
    }

    [TestMethod]
    public void SymlinkOutsideThePluginIsAop0407ButInsideIsFine()
    {
        using var outside = new TempDir();
        var secret = outside.Write("notes.txt", "hi");
        using var dir = new TempDir();
        dir.Write(".claude-plugin/plugin.json", "{ \"name\": \"p\" }");
        dir.Write("README.md", "# p\n");
        var target = dir.Write("docs/readme.txt", "hi");
        dir.Link("docs/alias.txt", target);
        Expect.Clean(PluginFolderValidator.Validate(dir.Path));
        dir.Link("docs/leak.txt", secret);
        var d = PluginFolderValidator.Validate(dir.Path).Single(x => x.Code == DiagnosticCodes.SymlinkEscapes);
        StringAssert.EndsWith(d.File, "leak.txt");
    }

    [TestMethod]
    public void MalformedMarketplaceJsonIsAop0001()
    {
        using var dir = new TempDir();
        dir.Write(".claude-plugin/marketplace.json", "{\n  \"name\": \"m\",\n  \"plugins\": [\n    { \"name\": \"a\" \n  ]\n}");
        var d = MarketplaceFolderValidator.Validate(dir.Path).Single();
        Assert.AreEqual(DiagnosticCodes.JsonSyntax, d.Code);
        Assert.AreEqual(5, d.Line);
    }

    [TestMethod]
    public void DeeplyNestedJsonIsADiagnosticNotAStackOverflow()
    {
        using var dir = new TempDir();
        dir.Write(".claude-plugin/plugin.json", new string('[', 100_000) + new string(']', 100_000));
        Expect.Has(PluginFolderValidator.Validate(dir.Path), DiagnosticCodes.JsonSyntax, 1);
    }
}
