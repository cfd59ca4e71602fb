using AgentOps.Core.Diagnostics;
using AgentOps.Core.Validation;

namespace AgentOps.Tests.Validation;

[TestClass]
public sealed class FrontmatterValidatorTests
{
    private static IReadOnlyList<Diagnostic> Run(string text, ComponentKind kind) => FrontmatterValidator.Validate("x.md", text, kind);

    [TestMethod]
    public void GoodComponentsAreClean()
    {
        Expect.Clean(Run("---\ndescription: Review code\nallowed-tools: Read, Grep, Bash(git:*)\nmodel: sonnet\n---\nDo it", ComponentKind.Command));
        Expect.Clean(Run("---\nname: reviewer\ndescription: Reviews\ntools: [Read, mcp__github__get_pr, Task]\nmodel: claude-sonnet-4-5\n---\n", ComponentKind.Agent));
        Expect.Clean(Run("---\nname: skill\ndescription: Does\n---\n", ComponentKind.Skill));
    }

    [TestMethod]
    public void MalformedYamlIsAop0100AtItsLine() =>
        Expect.Has(Run("---\nname: a\ndescription: [oops\n---\n", ComponentKind.Agent), DiagnosticCodes.FrontmatterSyntax, 4);

    [TestMethod]
    public void NoFrontmatterIsAop0103Warning()
    {
        var d = Expect.Has(Run("Just text", ComponentKind.Command), DiagnosticCodes.FrontmatterMissing, 1);
        Assert.AreEqual(DiagnosticSeverity.Warning, d.Severity);
    }

    [TestMethod]
    public void CommandWithoutDescriptionIsAop0104Warning()
    {
        var d = Expect.Has(Run("---\nmodel: haiku\n---\n", ComponentKind.Command), DiagnosticCodes.CommandDescriptionMissing, 1);
        Assert.AreEqual(DiagnosticSeverity.Warning, d.Severity);
    }

    [TestMethod]
    public void AgentOrSkillWithoutNameIsAop0105()
    {
        var d = Expect.Has(Run("---\ndescription: d\n---\n", ComponentKind.Agent), DiagnosticCodes.ComponentFieldMissing, 1);
        StringAssert.Contains(d.Message, "'name'");
        Expect.Has(Run("---\nname: s\n---\n", ComponentKind.Skill), DiagnosticCodes.ComponentFieldMissing, 1);
    }

    [TestMethod]
    public void UnknownToolIsAop0106AtTheLine()
    {
        Expect.Has(Run("---\nname: a\ndescription: d\ntools: Read, Frobnicate\n---\n", ComponentKind.Agent), DiagnosticCodes.UnknownTool, 4);
        // In a block list the finding points at the item's own line.
        var d = Expect.Has(Run("---\nname: a\ndescription: d\ntools:\n  - Read\n  - Wrte\n---\n", ComponentKind.Agent), DiagnosticCodes.UnknownTool, 6);
        StringAssert.Contains(d.Message, "Wrte");
    }

    [TestMethod]
    public void BadModelIsAop0107AtTheLine()
    {
        Expect.Has(Run("---\nname: a\ndescription: d\nmodel: gpt-4\n---\n", ComponentKind.Agent), DiagnosticCodes.UnknownModel, 4);
        Expect.None(Run("---\nname: a\ndescription: d\nmodel: inherit\n---\n", ComponentKind.Agent), DiagnosticCodes.UnknownModel);
    }

    [TestMethod]
    public void MappingWhereTextExpectedIsAop0108()
    {
        Expect.Has(Run("---\nname: a\ndescription:\n  nested: value\n---\n", ComponentKind.Agent), DiagnosticCodes.FrontmatterFieldWrongType, 3);
        Expect.None(Run("---\nname: a\ndescription: plain\n---\n", ComponentKind.Agent), DiagnosticCodes.FrontmatterFieldWrongType);
    }

    [TestMethod]
    public void PluginFolderChecksEachComponentKind()
    {
        using var dir = new TempDir();
        dir.Write(".claude-plugin/plugin.json", "{ \"name\": \"p\", \"version\": \"1.0.0\", \"description\": \"d\", \"author\": { \"name\": \"a\" } }");
        dir.Write("README.md", "# p\n");
        dir.Write("agents/a.md", "---\nname: a\ndescription: Use when testing\nmodel: gpt-9\n---\n");
        dir.Write("skills/s/SKILL.md", "---\ndescription: Use when testing\n---\n");
        dir.Write("commands/c.md", "---\ndescription: d\n---\n");
        var d = PluginFolderValidator.Validate(dir.Path);
        Expect.Has(d, DiagnosticCodes.UnknownModel, 4);
        Expect.Has(d, DiagnosticCodes.ComponentFieldMissing, 1);
        Assert.AreEqual(2, d.Count, string.Join("\n", d));
    }
}
