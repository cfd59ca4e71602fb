using AgentOps.Core.Diagnostics;
using AgentOps.Core.Validation;

namespace AgentOps.Tests.Validation;

[TestClass]
public sealed class HooksAndSecretsTests
{
    private static IReadOnlyList<Diagnostic> Hooks(string hooksJson, Action<TempDir>? setup = null)
    {
        using var dir = new TempDir();
        dir.Write(".claude-plugin/plugin.json", "{ \"name\": \"p\" }");
        dir.Write("README.md", "# p\n");
        dir.Write("hooks/hooks.json", hooksJson);
        setup?.Invoke(dir);
        return PluginFolderValidator.Validate(dir.Path);
    }

    private static string OneHook(string command, string evt = "PreToolUse") =>
        $"{{\n  \"hooks\": {{\n    \"{evt}\": [\n      {{ \"matcher\": \"Bash\", \"hooks\": [\n        {{ \"type\": \"command\", \"command\": \"{command}\" }}\n      ] }}\n    ]\n  }}\n}}";

    private static void Script(TempDir dir, bool executable)
    {
        var path = dir.Write("scripts/guard.sh", "#!/bin/sh\nexit 0\n");
        File.SetUnixFileMode(path, executable ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute : UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [TestMethod]
    public void GoodHooksAreClean() =>
        Expect.Clean(Hooks(OneHook("\\\"${CLAUDE_PLUGIN_ROOT}/scripts/guard.sh\\\" --check"), d => Script(d, executable: true)));

    [TestMethod]
    public void UnknownEventIsAop0500Warning()
    {
        var d = Expect.Has(Hooks(OneHook("echo", evt: "BeforeToolUse")), DiagnosticCodes.HookUnknownEvent, 3);
        Assert.AreEqual(DiagnosticSeverity.Warning, d.Severity);
    }

    [TestMethod]
    public void EventsOutsideTheWrapperAreAop0501()
    {
        Expect.Has(Hooks("{\n  \"PreToolUse\": []\n}"), DiagnosticCodes.HooksNotWrapped, 2);
        Expect.None(Hooks(OneHook("echo")), DiagnosticCodes.HooksNotWrapped);
    }

    [TestMethod]
    public void InlineHooksInPluginJsonHaveNoWrapper()
    {
        using var dir = new TempDir();
        dir.Write("README.md", "# p\n");
        dir.Write(".claude-plugin/plugin.json", "{\n  \"name\": \"p\",\n  \"hooks\": {\n    \"hooks\": { \"Stop\": [] }\n  }\n}");
        Expect.Has(PluginFolderValidator.Validate(dir.Path), DiagnosticCodes.HooksNotWrapped, 4);
        dir.Write(".claude-plugin/plugin.json", "{\n  \"name\": \"p\",\n  \"hooks\": {\n    \"Stop\": [ { \"hooks\": [ { \"type\": \"command\", \"command\": \"echo\" } ] } ]\n  }\n}");
        Expect.Clean(PluginFolderValidator.Validate(dir.Path));
    }

    [TestMethod]
    public void HookStructureErrorsComeFromTheSchema()
    {
        Expect.Has(Hooks("{\n  \"hooks\": {\n    \"Stop\": [ { \"hooks\": [\n      { \"type\": \"shell\", \"command\": \"x\" }\n    ] } ]\n  }\n}"), DiagnosticCodes.SchemaInvalidValue, 4);
        Expect.Has(Hooks("{\n  \"hooks\": {\n    \"Stop\": [ { \"hooks\": [\n      { \"type\": \"command\", \"timeout\": \"5\", \"command\": \"x\" }\n    ] } ]\n  }\n}"), DiagnosticCodes.SchemaWrongType, 4);
        Expect.Has(Hooks("{\n  \"hooks\": {\n    \"Stop\": [ { \"hooks\": [\n      { \"type\": \"command\" }\n    ] } ]\n  }\n}"), DiagnosticCodes.SchemaRequiredMissing, 4);
    }

    [TestMethod]
    public void MissingScriptIsAop0502Warning()
    {
        var d = Expect.Has(Hooks(OneHook("\\\"${CLAUDE_PLUGIN_ROOT}/scripts/guard.sh\\\"")), DiagnosticCodes.HookScriptMissing, 5);
        Assert.AreEqual(DiagnosticSeverity.Warning, d.Severity);
    }

    [TestMethod]
    public void NonExecutableScriptRunDirectlyIsAop0503()
    {
        Expect.Has(Hooks(OneHook("\\\"${CLAUDE_PLUGIN_ROOT}/scripts/guard.sh\\\""), d => Script(d, executable: false)), DiagnosticCodes.HookScriptNotExecutable, 5);
        // Run through an interpreter it needs no executable bit.
        Expect.None(Hooks(OneHook("sh \\\"${CLAUDE_PLUGIN_ROOT}/scripts/guard.sh\\\""), d => Script(d, executable: false)), DiagnosticCodes.HookScriptNotExecutable);
    }

    [TestMethod]
    public void UnquotedPluginRootIsAop0504Warning()
    {
        var d = Expect.Has(Hooks(OneHook("${CLAUDE_PLUGIN_ROOT}/scripts/guard.sh"), dir => Script(dir, executable: true)), DiagnosticCodes.HookPluginRootUnquoted, 5);
        Assert.AreEqual(DiagnosticSeverity.Warning, d.Severity);
    }

    [TestMethod]
    public void SecretIsAop0600AtItsLineWithoutPrintingIt()
    {
        const string key = "ghp_abcdefghijklmnopqrstuvwxyz0123456789AB";
        using var dir = new TempDir();
        dir.Write(".claude-plugin/plugin.json", "{ \"name\": \"p\" }");
        dir.Write("README.md", "# p\n");
        dir.Write("scripts/deploy.sh", $"#!/bin/sh\n# deploy\nTOKEN={key}\n");
        dir.WriteBytes("assets/logo.png", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0]); // binary: skipped, not reported
        var d = Expect.Has(PluginFolderValidator.Validate(dir.Path), DiagnosticCodes.SecretFound, 3);
        Assert.AreEqual(7, d.Column);
        Assert.IsFalse(d.ToString().Contains(key), d.ToString());
        Assert.AreEqual(1, PluginFolderValidator.Validate(dir.Path).Count, string.Join("\n", PluginFolderValidator.Validate(dir.Path)));
    }

    [TestMethod]
    public void PlaceholderIsNotASecret()
    {
        using var dir = new TempDir();
        dir.Write(".claude-plugin/plugin.json", "{ \"name\": \"p\" }");
        dir.Write("README.md", "Set API_KEY=${MY_API_KEY} before running.\n");
        Expect.None(PluginFolderValidator.Validate(dir.Path), DiagnosticCodes.SecretFound);
    }
}
