using AgentOps.Core.Diagnostics;
using AgentOps.Core.Markdown;

namespace AgentOps.Tests;

[TestClass]
public sealed class MarkdownDocumentTests
{
    [TestMethod]
    public void FieldsAndSectionsKeepTheirFileLines()
    {
        var doc = MarkdownDocument.Parse("p.md", "---\nname: x\ntools: Read, Grep\n---\n# T\n\n## Context\ntext\n```\n## not a heading\n```\n## Workflow\n");
        Assert.AreEqual(0, doc.Errors.Count);
        Assert.AreEqual(2, doc.Field("name")!.Line);
        CollectionAssert.AreEqual(new[] { "Read", "Grep" }, doc.Field("tools")!.Items.ToArray());
        CollectionAssert.AreEqual(new[] { "T", "Context", "Workflow" }, doc.Sections.Select(s => s.Title).ToArray());
        Assert.AreEqual(7, doc.Sections[1].Line);
        Assert.AreEqual(12, doc.Sections[2].Line);
    }

    [TestMethod]
    public void BadYamlIsAnErrorAtItsFileLine()
    {
        var doc = MarkdownDocument.Parse("p.md", "---\nname: ok\ndescription: [unclosed\n---\nbody");
        var error = doc.Errors.Single();
        Assert.AreEqual(DiagnosticCodes.FrontmatterSyntax, error.Code);
        Assert.IsTrue(error.Line >= 3, $"line {error.Line}");
    }

    [TestMethod]
    public void UnclosedFrontmatterIsReported()
    {
        var doc = MarkdownDocument.Parse("p.md", "---\nname: x\n");
        Assert.AreEqual(DiagnosticCodes.FrontmatterUnterminated, doc.Errors.Single().Code);
    }
}
