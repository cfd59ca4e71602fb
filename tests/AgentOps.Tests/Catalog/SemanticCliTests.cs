using System.Diagnostics;
using System.Text.Json;
using AgentOps.Tests.Validation;

namespace AgentOps.Tests.Catalog;

/// <summary>`agentops analyze-plugins` as a user runs it, with the model and with it turned off.</summary>
[TestClass]
public sealed class SemanticCliTests
{
    private static (int Exit, string Out, string Err) Agentops(TempDir tmp, IReadOnlyDictionary<string, string> env, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = tmp.Path, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "agentops.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["HOME"] = tmp.Path;
        psi.Environment["AGENTOPS_MODEL_CACHE"] = SemanticFixtures.ModelCache;
        foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(180_000)) { p.Kill(true); Assert.Fail("agentops " + string.Join(' ', args) + " timed out"); }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    [TestMethod]
    public void Analyze_plugins_ranks_by_meaning_and_falls_back_to_words_when_the_model_is_off()
    {
        using var tmp = new TempDir();
        const string query = "plan a multi-step task across several specialised agents";
        var (exit, stdout, stderr) = Agentops(tmp, new Dictionary<string, string>(), "analyze-plugins", query, "--json", "--timings");
        Assert.AreEqual(0, exit, stderr);
        StringAssert.Contains(stderr, "model load");
        using (var doc = JsonDocument.Parse(stdout))
        {
            var semantic = doc.RootElement.GetProperty("semantic");
            Assert.IsTrue(semantic.GetProperty("used").GetBoolean(), stdout);
            StringAssert.StartsWith(semantic.GetProperty("model").GetString(), "all-MiniLM-L6-v2");
            var results = doc.RootElement.GetProperty("results").EnumerateArray().ToList();
            Assert.IsNotEmpty(results);
            Assert.IsTrue(results.Any(r => r.GetProperty("reasons").EnumerateArray().Any(x => x.GetString()!.StartsWith("meaning: ", StringComparison.Ordinal))), stdout);
            Assert.AreEqual(results.Count, results.Select(r => r.GetProperty("id").GetString()).Distinct().Count());
            Assert.AreEqual(JsonValueKind.Array, results[0].GetProperty("also_in").ValueKind);
        }

        var off = Agentops(tmp, new Dictionary<string, string> { ["AGENTOPS_EMBEDDINGS"] = "off" }, "analyze-plugins", query, "--json");
        Assert.AreEqual(0, off.Exit, off.Err);
        using (var doc = JsonDocument.Parse(off.Out))
        {
            var semantic = doc.RootElement.GetProperty("semantic");
            Assert.IsFalse(semantic.GetProperty("used").GetBoolean());
            StringAssert.Contains(semantic.GetProperty("reason").GetString(), "AGENTOPS_EMBEDDINGS=off");
            Assert.IsTrue(doc.RootElement.GetProperty("diagnostics").EnumerateArray().Any(d => d.GetProperty("code").GetString() == "AOP1055"));
        }
        var text = Agentops(tmp, new Dictionary<string, string> { ["AGENTOPS_EMBEDDINGS"] = "off" }, "analyze-plugins", query);
        Assert.AreEqual(0, text.Exit, text.Err);
        StringAssert.StartsWith(text.Out, "Ranked by words only (semantic model turned off");
        var missing = Agentops(tmp, new Dictionary<string, string> { ["AGENTOPS_MODEL_DIR"] = tmp.File("no-model-here") }, "analyze-plugins", query, "--json");
        Assert.AreEqual(0, missing.Exit, missing.Err);
        StringAssert.Contains(missing.Out, "\"used\": false");
    }

    [TestMethod]
    public void Catalog_embeds_only_the_texts_that_changed_when_a_marketplace_is_read_again()
    {
        using var tmp = new TempDir();
        static string Market(string kafka) => $$$"""
            {"name": "cli-mkt", "owner": {"name": "o"}, "plugins": [
              {"name": "kafka-kit", "description": "{{{kafka}}}", "source": {"source": "github", "repo": "acme/kafka-kit"}},
              {"name": "redis-kit", "description": "Tune redis caches and keyspaces", "source": {"source": "github", "repo": "acme/redis-kit"}}]}
            """;
        var file = tmp.Write("market.json", Market("Stream events through kafka topics"));
        string[] args = ["catalog", "-m", file, "--no-default", "--no-claude-home", "--db", tmp.File("catalog.db"), "--json"];
        var first = Agentops(tmp, new Dictionary<string, string>(), args);
        Assert.AreEqual(0, first.Exit, first.Err);
        using (var doc = JsonDocument.Parse(first.Out))
        {
            var e = doc.RootElement.GetProperty("embeddings");
            Assert.AreEqual(2, e.GetProperty("plugins").GetInt32(), first.Out);
            Assert.AreEqual(2, e.GetProperty("distinct_texts").GetInt32());
            Assert.AreEqual(0, e.GetProperty("reused").GetInt32());
        }
        File.WriteAllText(file, Market("Stream and replay events through kafka topics"));
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(1));
        var second = Agentops(tmp, new Dictionary<string, string>(), args);
        Assert.AreEqual(0, second.Exit, second.Err);
        using (var doc = JsonDocument.Parse(second.Out))
        {
            var e = doc.RootElement.GetProperty("embeddings");
            Assert.AreEqual(2, e.GetProperty("plugins").GetInt32(), "the marketplace was read again: both rows are new");
            Assert.AreEqual(1, e.GetProperty("distinct_texts").GetInt32(), "only kafka-kit's text changed");
            Assert.AreEqual(1, e.GetProperty("reused").GetInt32(), "redis-kit keeps its vector");
        }
    }
}
