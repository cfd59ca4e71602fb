using System.Diagnostics;
using AgentOps.Tests.Validation;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace AgentOps.Tests.Validate;

/// <summary>`agentops validate` as a user runs it (the built agentops.dll in a process): exit codes,
/// canonical lines, JSON, and SARIF that validates against the OASIS SARIF 2.1.0 schema.</summary>
[TestClass]
public sealed class ValidateCommandTests
{
    private static (int Exit, string Out, string Err) Agentops(string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "agentops.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.IsTrue(p.WaitForExit(TimeSpan.FromSeconds(60)), "agentops validate did not finish");
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    private static TempDir Marketplace(bool withError, bool withWarning)
    {
        var dir = new TempDir();
        var description = withWarning ? "short" : "The alpha plugin for the tests";
        var source = withError ? "./plugins/missing" : "./plugins/alpha";
        dir.Write(".claude-plugin/marketplace.json",
            $"{{\n  \"name\": \"m\", \"description\": \"Marketplace for the tests\",\n  \"owner\": {{ \"name\": \"o\" }},\n  \"plugins\": [\n    {{ \"name\": \"alpha\", \"source\": \"{source}\", \"description\": \"{description}\" }}\n  ]\n}}");
        dir.Write("README.md", "# m\n");
        dir.Write("plugins/alpha/.claude-plugin/plugin.json", "{ \"name\": \"alpha\", \"version\": \"1.0.0\", \"description\": \"Alpha\" }");
        return dir;
    }

    private static JsonSchema SarifSchema()
    {
        using var stream = typeof(ValidateCommandTests).Assembly.GetManifestResourceStream("sarif-schema-2.1.0.json")!;
        using var reader = new StreamReader(stream);
        return JsonSchema.FromJsonAsync(reader.ReadToEnd()).GetAwaiter().GetResult();
    }

    [TestMethod]
    public void CleanFolderExitsZero()
    {
        using var dir = Marketplace(withError: false, withWarning: false);
        var (exit, output, _) = Agentops(dir.Path, "validate", dir.Path);
        Assert.AreEqual(0, exit, output);
        StringAssert.Contains(output, "0 error(s), 0 warning(s)");
    }

    [TestMethod]
    public void ErrorsExitOneWithCanonicalLines()
    {
        using var dir = Marketplace(withError: true, withWarning: false);
        var (exit, output, _) = Agentops(dir.Path, "validate", dir.Path);
        Assert.AreEqual(1, exit, output);
        StringAssert.Contains(output, dir.File(".claude-plugin/marketplace.json") + "(5,");
        StringAssert.Contains(output, "): error AOP0411: ");
    }

    [TestMethod]
    public void WarningsPassUnlessWarningsAsErrors()
    {
        using var dir = Marketplace(withError: false, withWarning: true);
        var (exit, output, _) = Agentops(dir.Path, "validate", dir.Path);
        Assert.AreEqual(0, exit, output);
        StringAssert.Contains(output, "warning AOP0802");
        var (strictExit, strictOutput, _) = Agentops(dir.Path, "validate", dir.Path, "--warnings-as-errors");
        Assert.AreEqual(1, strictExit, strictOutput);
        StringAssert.Contains(strictOutput, "error AOP0802");
    }

    [TestMethod]
    [DataRow(new string[] { "validate" })]
    [DataRow(new string[] { "validate", "/no/such/folder" })]
    [DataRow(new string[] { "validate", ".", "--bogus" })]
    [DataRow(new string[] { "validate", ".", "--json", "--sarif" })]
    public void UsageErrorsExitTwo(string[] args)
    {
        using var dir = Marketplace(withError: false, withWarning: false);
        var (exit, _, err) = Agentops(dir.Path, args);
        Assert.AreEqual(2, exit, err);
        StringAssert.Contains(err, "usage: agentops validate");
    }

    [TestMethod]
    public void JsonReportsEveryFinding()
    {
        using var dir = Marketplace(withError: true, withWarning: true);
        var (exit, output, _) = Agentops(dir.Path, "validate", dir.Path, "--json");
        Assert.AreEqual(1, exit);
        var json = JObject.Parse(output);
        Assert.AreEqual("marketplace", (string)json["kind"]!);
        Assert.IsFalse((bool)json["valid"]!);
        var codes = json["diagnostics"]!.Select(d => (string)d["code"]!).ToList();
        CollectionAssert.Contains(codes, "AOP0411");
        CollectionAssert.Contains(codes, "AOP0802");
        Assert.AreEqual(".claude-plugin/marketplace.json", (string)json["diagnostics"]![0]!["path"]!);
    }

    [TestMethod]
    public void SarifValidatesAgainstTheSarif210Schema()
    {
        using var dir = Marketplace(withError: false, withWarning: true);
        dir.Write("plugins/alpha/agents/a b.md", "---\nname: a\n---\nno description\n");
        var (exit, output, _) = Agentops(dir.Path, "validate", dir.Path, "--sarif");
        Assert.AreEqual(1, exit);
        var errors = SarifSchema().Validate(output);
        Assert.AreEqual(0, errors.Count, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")) + "\n" + output);

        var sarif = JObject.Parse(output);
        Assert.AreEqual("2.1.0", (string)sarif["version"]!);
        var run = sarif["runs"]![0]!;
        var results = (JArray)run["results"]!;
        Assert.IsTrue(results.Any(r => (string)r["ruleId"]! == "AOP0105" && (string)r["level"]! == "error"));
        Assert.IsTrue(results.Any(r => (string)r["ruleId"]! == "AOP0802" && (string)r["level"]! == "warning"));
        var rules = run["tool"]!["driver"]!["rules"]!.Select(r => (string)r["id"]!).ToList();
        foreach (var r in results) Assert.AreEqual((string)r["ruleId"]!, rules[(int)r["ruleIndex"]!], "ruleIndex points at the rule");
        var uris = results.Select(r => (string)r["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!).ToList();
        CollectionAssert.Contains(uris, ".claude-plugin/marketplace.json");
        CollectionAssert.Contains(uris, "plugins/alpha/agents/a%20b.md", "paths are relative URI references, escaped");
    }

    [TestMethod]
    public void SchemaRejectsABrokenLog()
    {
        // The schema check is not vacuous: a log without version or with a region at line 0 fails.
        Assert.IsTrue(SarifSchema().Validate("""{ "runs": [] }""").Count > 0);
        Assert.IsTrue(SarifSchema().Validate("""{ "version": "2.1.0", "runs": [ { "tool": { "driver": { "name": "x" } }, "results": [ { "message": { "text": "m" }, "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "a" }, "region": { "startLine": 0 } } } ] } ] } ] }""").Count > 0);
    }
}
