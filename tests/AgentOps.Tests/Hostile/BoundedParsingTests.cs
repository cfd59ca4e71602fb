using AgentOps.Core.Markdown;
using AgentOps.Core.Patterns;
using AgentOps.Core.Security;
using AgentOps.Core.Validation;
using AgentOps.Tests.Learning;

namespace AgentOps.Tests.Hostile;

/// <summary>Bounded parsing (issue 12, defects 3-5): deep YAML, billion laughs, FIFOs, devices and
/// symlinks out of the root give coded diagnostics in validate, the reader and learn — never a crash or a hang.</summary>
[TestClass]
[TestCategory("Hostile")]
public sealed class BoundedParsingTests
{
    [TestMethod]
    public void DeepYamlIsACodedDiagnosticInTheReader()
    {
        var doc = MarkdownDocument.Parse("deep.md", HostileFiles.Command(HostileFiles.DeepYaml()));
        Assert.AreEqual("AOP0109", doc.Errors.Single().Code);
        Assert.AreEqual(2, doc.Errors.Single().Line);
    }

    [TestMethod]
    public void DeepYamlInAPluginCommandIsACodedDiagnosticOfValidateNotExit134()
    {
        var root = LearningFixtures.TempDir();
        var plugin = HostileFiles.Plugin(root);
        File.WriteAllText(Path.Combine(plugin, "commands", "deep.md"), HostileFiles.Command(HostileFiles.DeepYaml()));
        var (exit, stdout, stderr) = HostileFiles.Agentops(root, TimeSpan.FromSeconds(60), "validate", plugin);
        Assert.AreEqual(1, exit, stdout + stderr);
        StringAssert.Contains(stdout, "deep.md(2,1): error AOP0109");
    }

    [TestMethod]
    [DataRow("tools")]
    [DataRow("allowed-tools")]
    public void BillionLaughsInToolsIsBounded(string field)
    {
        var doc = MarkdownDocument.Parse("laughs.md", HostileFiles.Command(HostileFiles.BillionLaughs(field)));
        var error = doc.Errors.Single();
        Assert.AreEqual("AOP0109", error.Code);
        StringAssert.Contains(error.Message, "billion laughs");
    }

    [TestMethod]
    public void ABillionLaughsPatternFileDoesNotStopLearning()
    {
        var r = PatternReader.Parse("p.md", "---\n" + HostileFiles.BillionLaughs("tags") + "---\n## Context\n");
        Assert.IsNull(r.Pattern);
        Assert.IsTrue(r.Diagnostics.Any(d => d.Code == "AOP0109"));
    }

    [TestMethod]
    public void FewAliasesStillParse()
    {
        var doc = MarkdownDocument.Parse("ok.md", HostileFiles.Command("base: &b [Read, Grep]\ntools: *b\ndescription: fine\n"));
        Assert.AreEqual(0, doc.Errors.Count);
        CollectionAssert.AreEqual(new[] { "Read", "Grep" }, doc.Field("tools")!.Items.ToArray());
    }

    [TestMethod]
    public void AFifoIsReportedNeverOpened()
    {
        var root = LearningFixtures.TempDir();
        var plugin = HostileFiles.Plugin(root);
        var fifo = Path.Combine(plugin, "commands", "pipe.md");
        HostileFiles.Mkfifo(fifo);
        var read = Task.Run(() => TextFileReader.TryRead(fifo, out _, out var d) ? null : d);
        Assert.IsTrue(read.Wait(TimeSpan.FromSeconds(10)), "the reader blocked on a FIFO");
        Assert.AreEqual("AOP0408", read.Result!.Code);

        var (exit, stdout, _) = HostileFiles.Agentops(root, TimeSpan.FromSeconds(60), "validate", plugin);
        Assert.AreEqual(1, exit, stdout);
        StringAssert.Contains(stdout, "pipe.md(1,1): error AOP0408");
    }

    [TestMethod]
    public void AFifoAsAPatternFileDoesNotHangTheReader()
    {
        var store = LearningFixtures.TempDir();
        var learned = Path.Combine(store, "patterns", "learned");
        Directory.CreateDirectory(learned);
        HostileFiles.Mkfifo(Path.Combine(learned, "x.md"));
        var list = Task.Run(() => new PatternStore(store).List());
        Assert.IsTrue(list.Wait(TimeSpan.FromSeconds(10)), "listing patterns blocked on a FIFO");
        Assert.AreEqual("AOP0408", list.Result.Single().Diagnostics.Single().Code);
    }

    [TestMethod]
    public void ASymlinkOutOfThePluginIsReportedAtALine()
    {
        var root = LearningFixtures.TempDir();
        var plugin = HostileFiles.Plugin(root);
        File.CreateSymbolicLink(Path.Combine(plugin, "commands", "passwd.md"), "/etc/passwd");
        var d = SymlinkValidator.Validate(plugin, [plugin]).Single();
        Assert.AreEqual("AOP0407", d.Code);
        Assert.AreEqual(1, d.Line, "CI annotations need a line");
    }

    [TestMethod]
    public void ADirectorySymlinkCycleFinishes()
    {
        var root = LearningFixtures.TempDir();
        var plugin = HostileFiles.Plugin(root);
        Directory.CreateSymbolicLink(Path.Combine(plugin, "commands", "loop"), Path.Combine(plugin, "commands"));
        var (exit, stdout, _) = HostileFiles.Agentops(root, TimeSpan.FromSeconds(60), "validate", plugin);
        Assert.AreNotEqual(134, exit);
        Assert.IsFalse(stdout.Contains("Unhandled", StringComparison.Ordinal), stdout);
    }

    [TestMethod]
    public void DuplicateJsonKeysAreReported()
    {
        var root = LearningFixtures.TempDir();
        var plugin = HostileFiles.Plugin(root, manifest: "{\n  \"name\": \"alpha\",\n  \"description\": \"The reviewed description\",\n  \"description\": \"What actually ships\"\n}");
        var diagnostics = PluginFolderValidator.Validate(plugin);
        Assert.AreEqual(4, diagnostics.Single(d => d.Code == "AOP0011").Line);
    }

    [TestMethod]
    [DataRow("my-plugin\u001b[2J")]
    [DataRow("x\n::error file=README.md,line=1::forged")]
    [DataRow("bidi\u202Eevil")]
    public void PrintedNamesCannotForgeLinesOrDriveTheTerminal(string name)
    {
        var root = LearningFixtures.TempDir();
        var plugin = HostileFiles.Plugin(root);
        File.WriteAllText(Path.Combine(plugin, "commands", "bad.md"), HostileFiles.Command($"description: \"{name.Replace("\n", "\\n").Replace("\u001b", "\\e")}\"\nmodel: \"{name.Replace("\n", "\\n").Replace("\u001b", "\\e")}\"\n"));
        var (_, stdout, stderr) = HostileFiles.Agentops(root, TimeSpan.FromSeconds(60), "validate", plugin);
        foreach (var line in (stdout + stderr).Split('\n'))
        {
            Assert.IsFalse(line.StartsWith("::", StringComparison.Ordinal), "a forged annotation line: " + line);
            Assert.IsFalse(line.Contains('\u001b') || line.Contains('\u202E'), "a raw control character: " + Printable.Sanitize(line));
        }
        Assert.AreEqual("a\\x1b[2J\\nb\\u202e", Printable.Sanitize("a\u001b[2J\nb\u202E"));
    }
}
