using System.Text;
using AgentOps.Core.Diagnostics;
using AgentOps.Core.Validation;
using AgentOps.Tests.Validation;

namespace AgentOps.Tests.Hostile;

/// <summary>A command or manifest saved as UTF-16 or UTF-32 (Windows editors, PowerShell's `>`) is full of
/// NUL bytes: it was reported as binary. It is reported as the encoding it is, to be saved as UTF-8.</summary>
[TestClass]
[TestCategory("Hostile")]
public sealed class WideEncodingTests
{
    private const string Command = "---\ndescription: A fine command\n---\nDo the thing.\n";

    [TestMethod]
    [DataRow("utf-16", "UTF-16 LE (byte-order mark FF FE)")]
    [DataRow("utf-16BE", "UTF-16 BE (byte-order mark FE FF)")]
    [DataRow("utf-32", "UTF-32 LE (byte-order mark FF FE 00 00)")]
    [DataRow("utf-32BE", "UTF-32 BE (byte-order mark 00 00 FE FF)")]
    public void ACommandWithAWideByteOrderMarkIsNamedAsThatEncodingNotBinary(string encodingName, string named)
    {
        using var dir = new TempDir();
        Encoding encoding = encodingName switch
        {
            "utf-16" => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
            "utf-16BE" => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
            "utf-32" => new UTF32Encoding(bigEndian: false, byteOrderMark: true),
            _ => new UTF32Encoding(bigEndian: true, byteOrderMark: true),
        };
        dir.WriteBytes("commands/wide.md", [.. encoding.GetPreamble(), .. encoding.GetBytes(Command)]);
        dir.Write(".claude-plugin/plugin.json", "{ \"name\": \"alpha\", \"version\": \"1.0.0\", \"description\": \"The alpha plugin for tests\" }");

        var diagnostics = PluginFolderValidator.Validate(dir.Path);

        var d = Expect.Has(diagnostics, DiagnosticCodes.FileNotUtf8, 1);
        StringAssert.EndsWith(d.File, "wide.md");
        Assert.AreEqual(1, d.Column);
        Assert.AreEqual($"file is {named}, not UTF-8: Claude Code reads plugin files as UTF-8; save it as UTF-8", d.Message);
        Expect.None(diagnostics, DiagnosticCodes.FileBinary);
    }

    [TestMethod]
    public void AUtf16ManifestWithoutAByteOrderMarkIsToldByItsNuls()
    {
        using var dir = new TempDir();
        dir.WriteBytes(".claude-plugin/plugin.json", Encoding.Unicode.GetBytes("{ \"name\": \"alpha\", \"version\": \"1.0.0\" }"));

        var d = Expect.Has(PluginFolderValidator.Validate(dir.Path), DiagnosticCodes.FileNotUtf8, 1);

        StringAssert.EndsWith(d.File, "plugin.json");
        StringAssert.Contains(d.Message, "UTF-16 LE (no byte-order mark");
    }

    [TestMethod]
    public void TheCliNamesTheFileAndTheEncoding()
    {
        using var dir = new TempDir();
        dir.Write(".claude-plugin/plugin.json", "{ \"name\": \"alpha\", \"version\": \"1.0.0\", \"description\": \"The alpha plugin for tests\" }");
        dir.WriteBytes("commands/wide.md", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Command)]);

        var (exit, stdout, stderr) = HostileFiles.Agentops(dir.Path, TimeSpan.FromSeconds(60), "validate", dir.Path);

        Assert.AreEqual(1, exit, stdout + stderr);
        StringAssert.Contains(stdout, "wide.md(1,1): error AOP0403: file is UTF-16 LE (byte-order mark FF FE), not UTF-8");
        Assert.IsFalse(stdout.Contains("binary", StringComparison.Ordinal), stdout);
    }

    [TestMethod]
    public void ABinaryFileIsStillBinary()
    {
        using var dir = new TempDir();
        dir.WriteBytes("agents/a.md", [.. "---\nname: a\n"u8.ToArray(), 0, 1, 2, 0, 0, 7]);
        Expect.Has(PluginFolderValidator.Validate(dir.Path), DiagnosticCodes.FileBinary, 3);
    }
}
