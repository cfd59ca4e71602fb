using AgentOps.Core.Diagnostics;
using AgentOps.Core.Validation;
using AgentOps.Tests.Validation;

namespace AgentOps.Tests.Hostile;

/// <summary>A few MB of pathological Markdown in a component is validated with memory in proportion to it:
/// `agentops validate` peaked near 1 GB on 6 MB of headings, blank lines or inline code, because the
/// frontmatter parse, the fence and placeholder rule and the suppression lookup each split the file into
/// a string per line (and per heading, per code span), and a file of a million broken links or hidden
/// comments became a million diagnostics.</summary>
[TestClass]
[TestCategory("Hostile")]
public sealed class MarkupAllocationTests
{
    /// <summary>About 2 MB of each kind of markup (UTF-16 in memory: 4 MB).</summary>
    private const int Size = 2_000_000;

    /// <summary>Bytes allocated per byte of input, all rules and three reads of the file included. Normal
    /// text measures about 20 (the token count is most of it); the split-per-line code measured over 100.</summary>
    private const int AllocatedPerInputByte = 50;

    [TestMethod]
    [DataRow("# h\n", DisplayName = "headings")]
    [DataRow("\n", DisplayName = "blank lines")]
    [DataRow("x `code` y\n", DisplayName = "inline code")]
    [DataRow("!`ls`\n", DisplayName = "dynamic context")]
    [DataRow("[a](missing.md)\n", DisplayName = "broken links")]
    [DataRow("<!-- you must do it -->\n", DisplayName = "hidden comments")]
    [DataRow("TODO\n", DisplayName = "placeholders")]
    [DataRow("`", DisplayName = "one line of backticks")]
    [DataRow(">", DisplayName = "one line of quote marks")]
    public void AComponentOfRepeatedMarkupIsValidatedInMemoryProportionalToIt(string unit)
    {
        using var dir = new TempDir();
        var markup = string.Concat(Enumerable.Repeat(unit, Size / unit.Length));
        dir.Write(".claude-plugin/plugin.json", "{ \"name\": \"alpha\", \"version\": \"1.0.0\", \"description\": \"The alpha plugin for tests\" }");
        dir.Write("commands/big.md", "---\ndescription: A command of hostile markup\n---\n" + markup);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var diagnostics = DiagnosticPolicy.Apply(PluginFolderValidator.Validate(dir.Path));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.IsTrue(allocated < (long)AllocatedPerInputByte * Size,
            $"validating {Size / 1_000_000} MB of '{unit.Trim()}' allocated {allocated / (1024 * 1024)} MB");
        Assert.IsTrue(diagnostics.Count(d => d.File.EndsWith("big.md", StringComparison.Ordinal)) <= 3 * ContentValidator.MaxFindingsPerRule,
            $"{diagnostics.Count} diagnostics");
    }

    [TestMethod]
    public void ARuleReportsAtMostItsLimitOfFindingsInOneFile()
    {
        using var dir = new TempDir();
        dir.Write(".claude-plugin/plugin.json", "{ \"name\": \"alpha\", \"version\": \"1.0.0\", \"description\": \"The alpha plugin for tests\" }");
        dir.Write("commands/links.md", "---\ndescription: Links\n---\n" + string.Concat(Enumerable.Range(0, 1000).Select(i => $"[a](missing-{i}.md)\n")));
        var broken = ContentValidator.Validate(dir.Path).Where(d => d.Code == DiagnosticCodes.BrokenInternalLink).ToList();
        Assert.AreEqual(ContentValidator.MaxFindingsPerRule + 1, broken.Count, "the limit, and one line saying the rest are not reported");
        Assert.AreEqual(4, broken[0].Line, "the first ones are the ones kept");
        StringAssert.Contains(broken[^1].Message, $"more than {ContentValidator.MaxFindingsPerRule} findings");
        Assert.AreEqual(4 + ContentValidator.MaxFindingsPerRule, broken[^1].Line, "at the first finding not reported");
    }
}
