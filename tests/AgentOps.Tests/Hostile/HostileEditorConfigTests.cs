using AgentOps.Core.Diagnostics;
using AgentOps.Core.Validation;
using AgentOps.Tests.Validation;

namespace AgentOps.Tests.Hostile;

/// <summary>An .editorconfig inside a plugin is read by every build of it (severities): its section globs are hostile
/// input. An unbalanced brace crashed the ValidatePlugin task (MSB4018, RegexParseException); "[**a**a…b]" against a
/// path of a's made the backtracking regex engine run for hours (the build hung).</summary>
[TestClass]
public sealed class HostileEditorConfigTests
{
    private static IReadOnlyList<Diagnostic> Build(TempDir dir) =>
        DiagnosticPolicy.Apply(PluginFolderValidator.Validate(dir.File("p")));

    private static void Plugin(TempDir dir, string editorConfig, string command = "commands/todo.md")
    {
        dir.Write("p/.claude-plugin/plugin.json", """{ "name": "p", "version": "1.0.0", "description": "A plugin for tests" }""");
        dir.Write("p/" + command, "---\ndescription: Says hello\n---\nTODO: write this.\n"); // AOP1156, a warning whose severity is looked up
        dir.Write("p/.editorconfig", editorConfig);
    }

    [TestMethod]
    [DataRow("[{abc]")]
    [DataRow("[}]")]
    [DataRow("[a}{b]")]
    public void A_section_with_unbalanced_braces_applies_to_nothing_and_is_named(string section)
    {
        using var dir = new TempDir();
        Plugin(dir, $"{section}\nagentops_diagnostic.AOP1156.severity = none\n");
        var found = Build(dir);
        Assert.IsTrue(found.Any(d => d.Code == DiagnosticCodes.PlaceholderText), "the section applies to no file:\n" + string.Join("\n", found));
        var problem = found.Single(d => d.Code == DiagnosticCodes.SeverityConfigInvalid);
        StringAssert.Contains(problem.Message, section);
    }

    [TestMethod]
    public void A_glob_built_to_backtrack_is_matched_in_linear_time()
    {
        using var dir = new TempDir();
        var a = new string('a', 60);
        Plugin(dir, "[" + string.Concat(Enumerable.Repeat("**a", 30)) + "b]\nagentops_diagnostic.AOP1156.severity = none\n", $"commands/{a}/{a}.md");
        var found = Build(dir); // before: did not return
        Assert.IsTrue(found.Any(d => d.Code == DiagnosticCodes.PlaceholderText), string.Join("\n", found));
    }

    [TestMethod]
    public void A_brace_list_still_selects_its_files_and_a_comma_outside_braces_is_literal()
    {
        using var dir = new TempDir();
        Plugin(dir, "[{todo,other}.md]\nagentops_diagnostic.AOP1156.severity = none\n[a,b]\nagentops_diagnostic.AOP1156.severity = error\n");
        Expect.None(Build(dir), DiagnosticCodes.PlaceholderText);
    }

    [TestMethod]
    public void A_megabyte_long_section_applies_to_nothing_and_is_named()
    {
        using var dir = new TempDir();
        Plugin(dir, "[{" + new string(',', 1_000_000) + "}]\nagentops_diagnostic.AOP1156.severity = none\n");
        var found = Build(dir); // before: one copy of the growing pattern per comma
        Assert.IsTrue(found.Any(d => d.Code == DiagnosticCodes.PlaceholderText), string.Join("\n", found));
        Assert.IsTrue(found.Any(d => d.Code == DiagnosticCodes.SeverityConfigInvalid), string.Join("\n", found));
    }
}
