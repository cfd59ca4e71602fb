using System.Diagnostics;
using System.Text.Json;
using AgentOps.Tests.Validation;
using static AgentOps.Tests.Catalog.CatalogFixtures;

namespace AgentOps.Tests.Catalog;

/// <summary>The agentops catalog, analyze-plugins and plan commands as a user runs them: JSON shape and exit codes.</summary>
[TestClass]
public sealed class CatalogCliTests
{
    private static (int Exit, string Out, string Err) Agentops(TempDir tmp, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = tmp.Path, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "agentops.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["HOME"] = tmp.Path; // no ~/.claude of the machine running the tests
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000)) { p.Kill(true); Assert.Fail("agentops " + string.Join(' ', args) + " timed out"); }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    [TestMethod]
    public void Catalog_json_lists_marketplaces_and_a_second_run_reads_nothing()
    {
        using var tmp = new TempDir();
        var mkt = tmp.File("mkt");
        Plugin(Path.Combine(mkt, "plugins", "kafka-kit"), "kafka-kit", "Kafka topics and consumers", agents: [new("kafka-expert", "Kafka consumer tuning")]);
        Marketplace(mkt, "extra-mkt", new Entry("kafka-kit", "Kafka topics and consumers", Category: "data"));
        var (exit, stdout, stderr) = Agentops(tmp, "catalog", "--marketplace", mkt, "--json");
        Assert.AreEqual(0, exit, stderr);
        using (var doc = JsonDocument.Parse(stdout))
        {
            var root = doc.RootElement;
            StringAssert.EndsWith(root.GetProperty("database").GetString(), Path.Combine(".agentops", "cache", "catalog.db"));
            Assert.IsGreaterThanOrEqualTo(5, root.GetProperty("plugins").GetInt32(), "the repo's four plugins and the extra one");
            var markets = root.GetProperty("marketplaces").EnumerateArray().ToList();
            Assert.IsTrue(markets.Any(m => m.GetProperty("name").GetString() == "agentops-marketplace" && m.GetProperty("status").GetString() == "read"));
            Assert.IsTrue(markets.Any(m => m.GetProperty("name").GetString() == "extra-mkt" && m.GetProperty("plugins").GetInt32() == 1));
            Assert.AreEqual(JsonValueKind.Array, root.GetProperty("diagnostics").ValueKind);
        }
        Assert.IsTrue(File.Exists(tmp.File(".agentops/cache/.gitignore")), "the cache ignores itself in git");
        var again = Agentops(tmp, "catalog", "--marketplace", mkt, "--json");
        using (var doc = JsonDocument.Parse(again.Out))
        {
            Assert.AreEqual(0, doc.RootElement.GetProperty("read").GetInt32());
            Assert.IsTrue(doc.RootElement.GetProperty("marketplaces").EnumerateArray().All(m => m.GetProperty("status").GetString() == "unchanged"));
        }
        var broken = tmp.Write("broken/.claude-plugin/marketplace.json", "{ not json");
        var bad = Agentops(tmp, "catalog", "--marketplace", tmp.File("broken"), "--json");
        Assert.AreEqual(1, bad.Exit, "errors are reported with exit 1; the rest is still indexed");
        StringAssert.Contains(bad.Out, "AOP1001");
        StringAssert.Contains(bad.Out, broken.Replace("\\", "\\\\"));
    }

    /// <summary>The seed's <c>/analyze-plugins --limit 10 --category devops</c>: no query, a category — the category's
    /// plugins listed once each (a plugin two marketplaces list is one row, "also in"), no model loaded; no query and
    /// no category is still a usage error.</summary>
    [TestMethod]
    public void Analyze_plugins_with_a_category_and_no_query_lists_that_category_once_per_plugin()
    {
        using var tmp = new TempDir();
        var one = tmp.File("one");
        var two = tmp.File("two");
        foreach (var root in new[] { one, two })
            Plugin(Path.Combine(root, "plugins", "terraform-kit"), "terraform-kit", "Terraform modules and plans");
        Plugin(Path.Combine(one, "plugins", "etl-kit"), "etl-kit", "Nightly ETL jobs");
        Marketplace(one, "one-mkt", new Entry("terraform-kit", "Terraform modules and plans", Category: "devops"), new Entry("etl-kit", "Nightly ETL jobs", Category: "data"));
        Marketplace(two, "two-mkt", new Entry("terraform-kit", "Terraform modules and plans", Category: "devops"));
        Assert.AreEqual(0, Agentops(tmp, "catalog", "--marketplace", one, "--marketplace", two, "--no-embeddings").Exit);

        var (exit, stdout, stderr) = Agentops(tmp, "analyze-plugins", "--category", "devops", "--json");
        Assert.AreEqual(0, exit, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.AreEqual("listed (no query)", doc.RootElement.GetProperty("semantic").GetProperty("ranking").GetString());
        var results = doc.RootElement.GetProperty("results").EnumerateArray().ToList();
        var names = results.Select(r => r.GetProperty("name").GetString()).ToList();
        CollectionAssert.AreEquivalent(new[] { "agentops-devops", "terraform-kit" }, names, "the devops plugins, each once: " + stdout);
        Assert.IsTrue(results.All(r => r.GetProperty("category").GetString() == "devops"));
        Assert.AreEqual("listed: category devops", results[0].GetProperty("reasons")[0].GetString());
        var terraform = results.Single(r => r.GetProperty("name").GetString() == "terraform-kit");
        Assert.AreEqual(1, terraform.GetProperty("also_in").GetArrayLength(), "listed by both marketplaces, shown once");
        CollectionAssert.AreEqual(Enumerable.Range(1, results.Count).ToList(), results.Select(r => r.GetProperty("rank").GetInt32()).ToList());

        var text = Agentops(tmp, "analyze-plugins", "--category", "data", "--limit", "1");
        Assert.AreEqual(0, text.Exit, text.Err);
        StringAssert.Contains(text.Out, "1. etl-kit@one-mkt");
        Assert.AreEqual(2, Agentops(tmp, "analyze-plugins", "--json").Exit, "neither a query nor a category");
    }

    [TestMethod]
    public void Analyze_plugins_json_explains_each_result_and_usage_errors_exit_2()
    {
        using var tmp = new TempDir();
        var (exit, stdout, stderr) = Agentops(tmp, "analyze-plugins", "kubernetes deployment with monitoring", "--limit", "3", "--json");
        Assert.AreEqual(0, exit, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var results = doc.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.IsTrue(results.Count is > 0 and <= 3);
        var top = results[0];
        Assert.AreEqual("agentops-devops", top.GetProperty("name").GetString());
        Assert.AreEqual(1, top.GetProperty("rank").GetInt32());
        foreach (var key in new[] { "id", "marketplace", "score", "text_score", "coverage", "matched_fields", "synonyms", "learned", "dependencies", "components", "reasons" })
            Assert.IsTrue(top.TryGetProperty(key, out _), key);
        Assert.IsGreaterThan(0, top.GetProperty("reasons").GetArrayLength());
        Assert.IsTrue(top.GetProperty("components").EnumerateArray().Any(c => c.GetProperty("invocation").GetString()!.StartsWith("agentops-devops:", StringComparison.Ordinal)));
        Assert.AreEqual("kubernetes", doc.RootElement.GetProperty("concepts")[0].GetProperty("word").GetString());

        Assert.AreEqual(2, Agentops(tmp, "analyze-plugins", "").Exit);
        Assert.AreEqual(2, Agentops(tmp, "analyze-plugins", "!!!").Exit);
        Assert.AreEqual(2, Agentops(tmp, "analyze-plugins", "kubernetes", "--limit", "zero").Exit);
        Assert.AreEqual(2, Agentops(tmp, "analyze-plugins", "kubernetes", "--no-such-option").Exit);
        var text = Agentops(tmp, "analyze-plugins", "kubernetes", "--category", "devops");
        Assert.AreEqual(0, text.Exit);
        StringAssert.StartsWith(text.Out, "1. agentops-devops@agentops-marketplace");
    }

    [TestMethod]
    public void Plan_json_and_markdown_and_option_conflicts()
    {
        using var tmp = new TempDir();
        var (exit, stdout, stderr) = Agentops(tmp, "plan", "Add OAuth2 to my API with tests and docs", "--plan-only", "--json");
        Assert.AreEqual(0, exit, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.AreEqual("agentops.plan/v1", doc.RootElement.GetProperty("schema").GetString());
        Assert.AreEqual("plan-only", doc.RootElement.GetProperty("purpose").GetString());
        var steps = doc.RootElement.GetProperty("steps").EnumerateArray().ToList();
        Assert.IsTrue(steps.Any(s => s.GetProperty("subagent_type").GetString() == "agentops-core:code-explorer"));
        Assert.IsTrue(doc.RootElement.GetProperty("parallel_groups").EnumerateArray().Any(g => g.GetArrayLength() > 1));
        // The plugin ships example patterns; one of them fits this task.
        Assert.AreEqual("pattern", doc.RootElement.GetProperty("source").GetProperty("kind").GetString(), stdout);

        var md = Agentops(tmp, "plan", "Add OAuth2 to my API with tests and docs", "--plan-only");
        Assert.AreEqual(0, md.Exit);
        StringAssert.StartsWith(md.Out, "# Plan: Add OAuth2 to my API with tests and docs");
        StringAssert.Contains(md.Out, "Plan only: do not launch any step.");
        StringAssert.Contains(md.Out, "subagent_type: \"agentops-core:");

        Assert.AreEqual(2, Agentops(tmp, "plan", "x", "--parallel", "--conservative").Exit);
        Assert.AreEqual(2, Agentops(tmp, "plan", "   ").Exit);
        Assert.AreEqual(2, Agentops(tmp, "plan", "fix it", "--seed", "-4").Exit);
    }
}
