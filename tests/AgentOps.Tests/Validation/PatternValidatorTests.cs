using AgentOps.Core.Diagnostics;
using AgentOps.Core.Validation;

namespace AgentOps.Tests.Validation;

[TestClass]
public sealed class PatternValidatorTests
{
    // Line numbers below refer to this layout: frontmatter on lines 1-9, sections after.
    private static string Pattern(string id = "add-oauth2", string category = "feature-development", string created = "2026-11-20",
        string rate = "0.92", string executions = "12", string validated = "true", string sections = "## Context\nx\n## Workflow\ny\n## Metrics\nz\n") =>
        $"---\npattern_id: {id}\ncategory: {category}\ncreated: {created}\nsuccess_rate: {rate}\nexecutions: {executions}\nvalidated: {validated}\ntags: [a]\n---\n\n# Title\n\n{sections}";

    private static IReadOnlyList<Diagnostic> Run(string text, string path = "patterns/learned/p.md") => PatternValidator.Validate(path, text);

    [TestMethod] public void GoodPatternIsClean() => Expect.Clean(Run(Pattern()));

    /// <summary>The seed's test pattern numbers its workflow lines without naming an agent ("1. Test step 1"): the reader
    /// leaves them out of every plan, so validate-pattern and the build warn at each line, not only `learn`. The seed's
    /// OAuth pattern ("1. Research OAuth2 libraries (Code Explorer)") names its agents and stays clean.</summary>
    [TestMethod]
    public void WorkflowLinesThatNameNoAgentAreWarnedAtTheirLines()
    {
        var seed = Path.Combine(TestFixtures.Root, "seed");
        var test = Path.Combine(seed, "2025-11-07-testing-test-001.md");
        var d = PatternValidator.ValidateFile(test);
        Assert.IsFalse(d.Any(x => x.IsError), string.Join("\n", d));
        Assert.AreEqual(DiagnosticSeverity.Warning, Expect.Has(d, DiagnosticCodes.PatternLineMalformed, 16).Severity);
        Expect.Has(d, DiagnosticCodes.PatternLineMalformed, 17);
        Expect.Clean(PatternValidator.ValidateFile(Path.Combine(seed, "2025-11-07-api-development-oauth-api.md")));
    }

    [TestMethod]
    public void NoFrontmatterIsAop0200() =>
        Expect.Has(Run("# Title\n## Context\n## Workflow\n## Metrics\n"), DiagnosticCodes.PatternFrontmatterMissing, 1);

    [TestMethod]
    public void MissingFieldIsAop0201AtEndOfFrontmatter()
    {
        var d = Expect.Has(Run(Pattern().Replace("category: feature-development\n", "")), DiagnosticCodes.PatternFieldMissing, 8);
        StringAssert.Contains(d.Message, "category");
        // validated is only required in validated/ and learned/.
        Expect.None(Run(Pattern().Replace("validated: true\n", ""), "patterns/discovered/p.md"), DiagnosticCodes.PatternFieldMissing);
        Expect.Has(Run(Pattern().Replace("validated: true\n", ""), "patterns/validated/p.md"), DiagnosticCodes.PatternFieldMissing, 8);
    }

    [TestMethod]
    [DataRow("../etc/passwd")]
    [DataRow("/abs")]
    [DataRow("Upper")]
    public void PathLikeIdIsAop0202(string id) => Expect.Has(Run(Pattern(id: id)), DiagnosticCodes.PatternIdInvalid, 2);

    [TestMethod]
    public void NonKebabCategoryIsAop0203() => Expect.Has(Run(Pattern(category: "Feature Dev")), DiagnosticCodes.PatternCategoryInvalid, 3);

    [TestMethod]
    public void BadDateIsAop0204() => Expect.Has(Run(Pattern(created: "20/11/2026")), DiagnosticCodes.PatternDateInvalid, 4);

    [TestMethod]
    [DataRow("1.5")]
    [DataRow("-0.1")]
    [DataRow("high")]
    public void SuccessRateOutOfRangeIsAop0205(string rate) => Expect.Has(Run(Pattern(rate: rate)), DiagnosticCodes.PatternSuccessRateInvalid, 5);

    [TestMethod]
    [DataRow("two")]
    [DataRow("2")]
    [DataRow("3.5")]
    public void ExecutionsBelowThreeOrNotIntegerIsAop0206(string executions) =>
        Expect.Has(Run(Pattern(executions: executions)), DiagnosticCodes.PatternExecutionsInvalid, 6);

    [TestMethod]
    public void NonBooleanValidatedIsAop0207() => Expect.Has(Run(Pattern(validated: "yes")), DiagnosticCodes.PatternValidatedInvalid, 7);

    [TestMethod]
    public void MissingSectionIsAop0208NamingIt()
    {
        var d = Expect.Has(Run(Pattern(sections: "## Context\nx\n## Metrics\nz\n")), DiagnosticCodes.PatternSectionMissing, 9);
        StringAssert.Contains(d.Message, "## Workflow");
    }

    [TestMethod]
    public void PluginFolderValidatesItsPatterns()
    {
        using var dir = new TempDir();
        dir.Write(".claude-plugin/plugin.json", "{ \"name\": \"p\" }");
        dir.Write("patterns/learned/p.md", Pattern(rate: "1.5"));
        dir.Write("patterns/README.md", "# Not a pattern");
        Expect.Has(PluginFolderValidator.Validate(dir.Path), DiagnosticCodes.PatternSuccessRateInvalid, 5);
    }
}
