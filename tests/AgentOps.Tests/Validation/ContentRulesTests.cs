using AgentOps.Core.Diagnostics;
using AgentOps.Core.Validation;

namespace AgentOps.Tests.Validation;

/// <summary>The content and structure rules (AOP1150–1159), each with the neighbour it must not flag.</summary>
[TestClass]
public sealed class ContentRulesTests
{
    private static IReadOnlyList<Diagnostic> Plugin(Action<TempDir> setup, bool readme = true)
    {
        using var dir = new TempDir();
        dir.Write(".claude-plugin/plugin.json", "{\n  \"name\": \"p\",\n  \"version\": \"1.0.0\"\n}");
        if (readme) dir.Write("README.md", "# p\n");
        setup(dir);
        return PluginFolderValidator.Validate(dir.Path);
    }

    [TestMethod]
    public void UnregisteredPluginFolderIsReported()
    {
        using var dir = new TempDir();
        dir.Write("README.md", "# m\n");
        dir.Write("plugins/listed/.claude-plugin/plugin.json", "{\"name\": \"listed\"}");
        dir.Write("plugins/forgotten/.claude-plugin/plugin.json", "{\"name\": \"forgotten\"}");
        dir.Write("plugins/notes/readme.txt", "not a plugin");
        dir.Write(".claude-plugin/marketplace.json", """{"name": "m", "description": "Marketplace", "owner": {"name": "o"}, "plugins": [{"name": "listed", "source": "./plugins/listed", "description": "The listed plugin"}]}""");
        var d = MarketplaceFolderValidator.Validate(dir.Path);
        var found = d.Where(x => x.Code == DiagnosticCodes.PluginNotRegistered).ToList();
        Assert.AreEqual(1, found.Count, string.Join("\n", d));
        StringAssert.Contains(found[0].File, Path.Combine("forgotten", ".claude-plugin", "plugin.json"));
    }

    [TestMethod]
    public void BrokenRelativeLinkIsReportedAtItsTarget()
    {
        var d = Plugin(dir =>
        {
            dir.Write("docs/guide.md", "# Guide\n");
            dir.Write("commands/c.md", "---\ndescription: Do it\n---\nRead [the guide](../docs/guide.md), [the spec](../docs/spec.md#intro) and [the web](https://example.com).\n`[code](missing.md)`\n```\n[fenced](missing.md)\n```\n");
        });
        var link = Expect.Has(d, DiagnosticCodes.BrokenInternalLink, 4);
        Assert.AreEqual(1, d.Count(x => x.Code == DiagnosticCodes.BrokenInternalLink), string.Join("\n", d));
        StringAssert.Contains(link.Message, "../docs/spec.md");
    }

    [TestMethod]
    public void ComponentOverTheTokenBudgetIsReported()
    {
        var words = string.Join(' ', Enumerable.Range(0, ContextBudgetRule.Budget + 500).Select(i => "word" + (i % 97)));
        Expect.Has(Plugin(dir => dir.Write("skills/big/SKILL.md", "---\nname: big\ndescription: Use when testing\n---\n" + words + "\n")), DiagnosticCodes.ContextBudgetExceeded, 1);
        Expect.None(Plugin(dir => dir.Write("README.md", words)), DiagnosticCodes.ContextBudgetExceeded);
    }

    [TestMethod]
    public void TokensAreCountedByARealTokenizer()
    {
        // cl100k_base splits these the way tiktoken does: a characters-per-token estimate would not.
        Assert.AreEqual(2, TokenCounter.Count("hello world"));
        Assert.AreEqual(1, TokenCounter.Count(" the"));
        Assert.IsTrue(TokenCounter.Count("antidisestablishmentarianism") > 1);
    }

    [TestMethod]
    [DataRow("Reviews code for defects", true)]
    [DataRow("Reviews code. Use when a change is ready for review", false)]
    [DataRow("Use for database migrations", false)]
    [DataRow("Reviews code when the user asks for a review", false)]
    public void DescriptionMustSayWhenToUseIt(string description, bool reported)
    {
        var d = Plugin(dir => dir.Write("agents/reviewer.md", $"---\nname: reviewer\ndescription: {description}\n---\nBody\n"));
        Assert.AreEqual(reported, d.Any(x => x.Code == DiagnosticCodes.DescriptionNotRouting && x.Line == 3), string.Join("\n", d));
    }

    [TestMethod]
    public void MissingReadmeIsReportedUnlessTheMarketplaceHasOne()
    {
        Expect.Has(Plugin(_ => { }, readme: false), DiagnosticCodes.ReadmeMissing, 1);
        using var mkt = new TempDir();
        mkt.Write("README.md", "# m\n");
        mkt.Write("plugins/p/.claude-plugin/plugin.json", "{\"name\": \"p\"}");
        Expect.None(PluginFolderValidator.Validate(mkt.File("plugins/p"), [mkt.File("plugins/p"), mkt.Path]), DiagnosticCodes.ReadmeMissing);
    }

    [TestMethod]
    public void UnclosedFenceIsReportedAtItsOpening()
    {
        Expect.Has(Plugin(dir => dir.Write("commands/c.md", "---\ndescription: Do it\n---\nText\n```bash\necho hi\n")), DiagnosticCodes.UnclosedCodeFence, 5);
        Expect.None(Plugin(dir => dir.Write("commands/c.md", "---\ndescription: Do it\n---\n````md\n```\ninner\n```\n````\n")), DiagnosticCodes.UnclosedCodeFence);
    }

    [TestMethod]
    [DataRow("TODO: write the steps")]
    [DataRow("Deploy to [your cluster here].")]
    [DataRow("Lorem ipsum dolor sit amet")]
    public void PlaceholderTextIsReported(string line) =>
        Expect.Has(Plugin(dir => dir.Write("commands/c.md", "---\ndescription: Do it\n---\n" + line + "\n")), DiagnosticCodes.PlaceholderText, 4);

    [TestMethod]
    public void PlaceholdersInCodeAreExamples() =>
        Expect.None(Plugin(dir => dir.Write("commands/c.md", "---\ndescription: Do it\n---\nFind `TODO` markers:\n```\ngrep -n TODO src\n```\n")), DiagnosticCodes.PlaceholderText);

    [TestMethod]
    public void VersionsMustBeSemver()
    {
        var d = Plugin(dir => dir.Write(".claude-plugin/plugin.json", "{\n  \"name\": \"p\",\n  \"version\": \"v1.2\"\n}"));
        Expect.Has(d, DiagnosticCodes.VersionNotSemver, 3);
        Expect.None(Plugin(_ => { }), DiagnosticCodes.VersionNotSemver);
    }

    [TestMethod]
    public void SkillNameMatchesItsFolderInKebabCase()
    {
        Expect.Has(Plugin(dir => dir.Write("skills/pdf-tools/SKILL.md", "---\nname: pdfTools\ndescription: Use when editing PDFs\n---\nBody\n")), DiagnosticCodes.SkillNameMismatch, 2);
        Expect.Has(Plugin(dir => dir.Write("skills/pdf-tools/SKILL.md", "---\nname: pdf-kit\ndescription: Use when editing PDFs\n---\nBody\n")), DiagnosticCodes.SkillNameMismatch, 2);
        Expect.None(Plugin(dir => dir.Write("skills/pdf-tools/SKILL.md", "---\nname: pdf-tools\ndescription: Use when editing PDFs\n---\nBody\n")), DiagnosticCodes.SkillNameMismatch);
    }

    [TestMethod]
    public void CommandFileNamesAreKebabCase()
    {
        Expect.Has(Plugin(dir => dir.Write("commands/RunTests.md", "---\ndescription: Run the tests\n---\nRun them.\n")), DiagnosticCodes.CommandFileName, 1);
        Expect.None(Plugin(dir => dir.Write("commands/run-tests.md", "---\ndescription: Run the tests\n---\nRun them.\n")), DiagnosticCodes.CommandFileName);
    }
}
