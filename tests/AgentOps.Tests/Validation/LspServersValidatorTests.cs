using AgentOps.Core.Diagnostics;
using AgentOps.Core.Json;
using AgentOps.Core.Validation;

namespace AgentOps.Tests.Validation;

/// <summary>LSP server definitions checked as Claude Code 2.1.331 reads them (<see cref="LspServersValidator"/>): each rule
/// of its strict server schema, in plugin.json inline and in .lsp.json / listed files, with code, severity, line and column.</summary>
[TestClass]
public sealed class LspServersValidatorTests
{
    // A diagnostic on a field sits at its property: line 5 + the field's index, column just after the quoted name
    // (JsonFile.Position), i.e. 7 + name length + 2 for a field of the server below.
    private static int Col(string field) => 7 + field.Length + 2;

    /// <summary>plugin.json with one inline server "go": the command and extension map on lines 5 and 6 unless a
    /// field replaces them, each extra field on its own line after.</summary>
    private static string Manifest(params string[] fields) =>
        "{\n  \"name\": \"p\",\n  \"lspServers\": {\n    \"go\": {\n      " + string.Join(",\n      ", fields) + "\n    }\n  }\n}\n";

    private const string Command = "\"command\": \"gopls\"";
    private const string Languages = "\"extensionToLanguage\": { \".go\": \"go\" }";

    private static List<Diagnostic> Run(string manifest, Action<TempDir>? setup = null)
    {
        using var dir = new TempDir();
        var file = dir.Write(".claude-plugin/plugin.json", manifest);
        setup?.Invoke(dir);
        return LspServersValidator.Validate(dir.Path, file, JsonFile.Load(file, out _)).ToList();
    }

    private static List<Diagnostic> Server(params string[] extra) => Run(Manifest([Command, Languages, .. extra]));

    private static Diagnostic One(IReadOnlyList<Diagnostic> d, string code, int line, int column, string? fileName = "plugin.json")
    {
        Assert.AreEqual(1, d.Count, string.Join("\n", d));
        Assert.AreEqual(code, d[0].Code, d[0].ToString());
        Assert.AreEqual(DiagnosticSeverity.Error, d[0].Severity, d[0].ToString());
        Assert.AreEqual((line, column), (d[0].Line, d[0].Column), d[0].ToString());
        Assert.AreEqual(fileName, Path.GetFileName(d[0].File));
        return d[0];
    }

    [TestMethod]
    public void A_server_with_every_known_key_is_clean() => Expect.Clean(Server(
        "\"args\": [\"serve\"]", "\"transport\": \"socket\"", "\"env\": { \"GOFLAGS\": \"-mod=mod\" }", "\"initializationOptions\": 5",
        "\"settings\": { \"gopls\": {} }", "\"workspaceFolder\": \"/src\"", "\"startupTimeout\": 1.0", "\"shutdownTimeout\": 500",
        "\"requestTimeout\": 2147483647", "\"restartOnCrash\": true", "\"maxRestarts\": 0", "\"diagnostics\": false"));

    [TestMethod]
    public void An_absolute_command_may_hold_a_space() =>
        Expect.Clean(Run(Manifest("\"command\": \"/opt/my tools/gopls\"", Languages)));

    [TestMethod]
    public void A_missing_command_is_reported_at_the_server() =>
        StringAssert.Contains(One(Run(Manifest(Languages)), DiagnosticCodes.SchemaRequiredMissing, 4, 9).Message, "lspServers.go: \"command\" is missing");

    [TestMethod]
    [DataRow("\"\"", DiagnosticCodes.SchemaInvalidValue)]
    [DataRow("5", DiagnosticCodes.SchemaWrongType)]
    [DataRow("null", DiagnosticCodes.SchemaWrongType)]
    public void A_command_that_is_empty_or_not_a_string_is_an_error(string value, string code) =>
        One(Run(Manifest($"\"command\": {value}", Languages)), code, 5, Col("command"));

    [TestMethod]
    [DataRow("gopls serve")]
    [DataRow("gopls ")]
    public void A_command_with_a_space_is_an_error_that_points_to_args(string command) =>
        StringAssert.Contains(One(Run(Manifest($"\"command\": \"{command}\"", Languages)), DiagnosticCodes.SchemaInvalidValue, 5, Col("command")).Message,
            "lspServers.go.command: '" + command + "' contains a space: put only the executable in \"command\" and its arguments in \"args\"");

    [TestMethod]
    public void A_missing_extension_map_is_reported_at_the_server() =>
        StringAssert.Contains(One(Run(Manifest(Command)), DiagnosticCodes.SchemaRequiredMissing, 4, 9).Message, "\"extensionToLanguage\" is missing");

    [TestMethod]
    [DataRow("{}", DiagnosticCodes.SchemaInvalidValue)]
    [DataRow("[]", DiagnosticCodes.SchemaWrongType)]
    [DataRow("\".go\"", DiagnosticCodes.SchemaWrongType)]
    public void An_extension_map_that_is_empty_or_not_an_object_is_an_error(string value, string code) =>
        One(Run(Manifest(Command, $"\"extensionToLanguage\": {value}")), code, 6, Col("extensionToLanguage"));

    [TestMethod]
    [DataRow("go", "(\".go\")")]
    [DataRow(".", "(\".go\")")]
    public void An_extension_without_a_leading_dot_is_an_error_at_its_key(string extension, string fix) =>
        StringAssert.Contains(One(Run(Manifest(Command, $"\"extensionToLanguage\": {{ \"{extension}\": \"go\" }}")), DiagnosticCodes.SchemaInvalidValue,
            6, 32 + extension.Length + 2).Message, $"'{extension}' is not a file extension: write a dot and the extension {fix}");

    [TestMethod]
    [DataRow("1", DiagnosticCodes.SchemaWrongType)]
    [DataRow("\"\"", DiagnosticCodes.SchemaInvalidValue)]
    public void A_language_id_that_is_not_a_non_empty_string_is_an_error(string value, string code) =>
        StringAssert.Contains(One(Run(Manifest(Command, $"\"extensionToLanguage\": {{ \".go\": {value} }}")), code, 6, 37).Message,
            "lspServers.go.extensionToLanguage[\".go\"]");

    [TestMethod]
    [DataRow("\"args\": \"serve\"", DiagnosticCodes.SchemaWrongType)]
    [DataRow("\"args\": [1]", DiagnosticCodes.SchemaWrongType)]
    [DataRow("\"args\": null", DiagnosticCodes.SchemaWrongType)]
    [DataRow("\"args\": [\"\"]", DiagnosticCodes.SchemaInvalidValue)]
    [DataRow("\"env\": { \"PORT\": 8080 }", DiagnosticCodes.SchemaWrongType)]
    [DataRow("\"env\": []", DiagnosticCodes.SchemaWrongType)]
    [DataRow("\"transport\": \"tcp\"", DiagnosticCodes.SchemaInvalidValue)]
    [DataRow("\"transport\": 5", DiagnosticCodes.SchemaWrongType)]
    [DataRow("\"workspaceFolder\": 5", DiagnosticCodes.SchemaWrongType)]
    [DataRow("\"restartOnCrash\": \"yes\"", DiagnosticCodes.SchemaWrongType)]
    [DataRow("\"diagnostics\": 1", DiagnosticCodes.SchemaWrongType)]
    [DataRow("\"startupTimeout\": 0", DiagnosticCodes.SchemaInvalidValue)]
    [DataRow("\"startupTimeout\": 1.5", DiagnosticCodes.SchemaInvalidValue)]
    [DataRow("\"startupTimeout\": \"5\"", DiagnosticCodes.SchemaWrongType)]
    [DataRow("\"shutdownTimeout\": -1", DiagnosticCodes.SchemaInvalidValue)]
    [DataRow("\"requestTimeout\": 2147483648", DiagnosticCodes.SchemaInvalidValue)]
    [DataRow("\"maxRestarts\": -1", DiagnosticCodes.SchemaInvalidValue)]
    public void An_optional_field_of_the_wrong_type_or_range_is_an_error_at_the_field(string field, string code)
    {
        var name = field[1..field.IndexOf('"', 1)];
        StringAssert.StartsWith(One(Server(field), code, 7, Col(name)).Message, $"lspServers.go.{name}: ");
    }

    [TestMethod]
    [DataRow("bogus")]
    [DataRow("type")]
    [DataRow("loggingConfig")]
    public void An_unknown_key_is_an_error_since_Claude_Code_refuses_the_server(string key) =>
        StringAssert.Contains(One(Server($"\"{key}\": 1"), DiagnosticCodes.SchemaUnknownProperty, 7, Col(key)).Message, $"lspServers.go.{key}: unknown key");

    [TestMethod]
    [DataRow("5", "a number")]
    [DataRow("\"gopls\"", "a string")]
    [DataRow("null", "null")]
    public void A_server_that_is_not_an_object_is_an_error(string value, string described) =>
        StringAssert.Contains(One(Run("{\n  \"name\": \"p\",\n  \"lspServers\": {\n    \"go\": " + value + "\n  }\n}"), DiagnosticCodes.SchemaWrongType, 4, 9).Message, described);

    [TestMethod]
    public void Inline_maps_in_an_array_and_the_files_it_lists_are_both_checked()
    {
        var d = Run("{\n  \"name\": \"p\",\n  \"lspServers\": [\n    { \"go\": { \"command\": \"gopls\" } },\n    \"./lsp/more.json\"\n  ]\n}",
            dir => dir.Write("lsp/more.json", "{\n  \"ts\": { \"command\": \"tsls\", \"extensionToLanguage\": { \".ts\": \"typescript\" }, \"port\": 1 }\n}"));
        Assert.AreEqual(2, d.Count, string.Join("\n", d));
        Assert.IsTrue(d.Any(x => Path.GetFileName(x.File) == "plugin.json" && x is { Code: DiagnosticCodes.SchemaRequiredMissing, Line: 4, Column: 11 }), string.Join("\n", d));
        StringAssert.Contains(One(d.Where(x => Path.GetFileName(x.File) == "more.json").ToList(), DiagnosticCodes.SchemaUnknownProperty, 2, 84, "more.json").Message,
            "Claude Code then loads no LSP server from this file");
    }

    [TestMethod]
    public void A_good_lsp_json_is_clean_and_is_read_without_a_plugin_json()
    {
        using var dir = new TempDir();
        dir.Write(".lsp.json", "{ \"go\": { \"command\": \"gopls\", \"extensionToLanguage\": { \".go\": \"go\" } } }");
        Expect.Clean(LspServersValidator.Validate(dir.Path, null, null));
        dir.Write(".lsp.json", "{\n  \"go\": { \"command\": \"gopls\" }\n}");
        One(LspServersValidator.Validate(dir.Path, null, null), DiagnosticCodes.SchemaRequiredMissing, 2, 7, ".lsp.json");
    }

    [TestMethod]
    public void An_lspServers_wrapper_in_a_file_is_an_error_as_Claude_Code_loads_nothing_from_it()
    {
        var d = Run("{ \"name\": \"p\" }", dir => dir.Write(".lsp.json",
            "{\n  \"lspServers\": {\n    \"go\": { \"command\": \"gopls\", \"extensionToLanguage\": { \".go\": \"go\" } }\n  }\n}"));
        StringAssert.Contains(One(d, DiagnosticCodes.SchemaInvalidValue, 2, 15, ".lsp.json").Message, "no \"lspServers\" wrapper");
    }

    [TestMethod]
    [DataRow("[]", "an array", 1, 1)]
    [DataRow("\"x\"", "a string", 1, 3)]
    public void A_file_that_is_not_an_object_is_an_error_at_its_root(string text, string described, int line, int column) =>
        StringAssert.Contains(One(Run("{ \"name\": \"p\" }", dir => dir.Write(".lsp.json", text)), DiagnosticCodes.SchemaWrongType, line, column, ".lsp.json").Message,
            $".lsp.json must be an object mapping server names to configs ({{\"go\": {{\"command\": \"gopls\", \"extensionToLanguage\": {{\".go\": \"go\"}}}}}}), not {described}");

    [TestMethod]
    public void The_default_file_listed_again_is_read_once_and_invalid_json_is_aop0001()
    {
        var d = Run("{ \"name\": \"p\", \"lspServers\": [\"./.lsp.json\", \"./../outside.json\"] }", dir => dir.Write(".lsp.json", "{ \"go\": }"));
        Assert.AreEqual(DiagnosticCodes.JsonSyntax, One(d, DiagnosticCodes.JsonSyntax, 1, 9, ".lsp.json").Code);
    }

    [TestMethod]
    public void Through_the_folder_validator_a_bad_server_is_one_finding_and_a_bad_field_type_is_still_the_schemas()
    {
        using var dir = new TempDir();
        dir.Write(".claude-plugin/plugin.json", Manifest(Command, Languages, "\"transport\": \"tcp\""));
        One(PluginFolderValidator.Validate(dir.Path).Where(x => x.Message.Contains("lspServers", StringComparison.Ordinal)).ToList(),
            DiagnosticCodes.SchemaInvalidValue, 7, Col("transport"));
        dir.Write(".claude-plugin/plugin.json", "{ \"name\": \"p\", \"lspServers\": 5 }");
        Assert.IsTrue(PluginFolderValidator.Validate(dir.Path).Any(x => x.IsError && x.Message.StartsWith("lspServers", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void A_marketplace_entrys_inline_servers_are_checked_where_they_stand()
    {
        // Claude Code refuses them in marketplace.json as in plugin.json (plugins.0.lspServers.go: Unrecognized key).
        using var dir = new TempDir();
        var file = dir.Write(".claude-plugin/marketplace.json",
            "{\n  \"plugins\": [\n    { \"name\": \"a\", \"lspServers\": { \"go\": { " + Command + ", " + Languages + " } } },\n" +
            "    { \"name\": \"b\", \"lspServers\": [{ \"zig\": {\n      \"command\": \"zls run\", " + Languages + " } }] }\n  ]\n}\n");
        var d = LspServersValidator.ValidateEntries(file, JsonFile.Load(file, out _)!);
        var error = One(d, DiagnosticCodes.SchemaInvalidValue, 5, Col("command"), "marketplace.json");
        StringAssert.StartsWith(error.Message, "lspServers.zig.command:");
    }
}
