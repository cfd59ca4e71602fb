using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Core.Diagnostics;
using AgentOps.Tests.Validation;
using static AgentOps.Tests.Catalog.CatalogFixtures;

namespace AgentOps.Tests.Catalog;

/// <summary>Broken marketplaces, plugins, index files and queries: reported with file and line, skipped, never fatal.</summary>
[TestClass]
public sealed class CatalogBadInputTests
{
    private static string GoodMarketplace(TempDir tmp)
    {
        var good = tmp.File("good");
        Plugin(Path.Combine(good, "plugins", "fine"), "fine", "A fine plugin for grafana dashboards");
        Marketplace(good, "good-mkt", new Entry("fine", "A fine plugin for grafana dashboards"));
        return good;
    }

    [TestMethod]
    public void Malformed_marketplace_json_is_reported_with_file_and_line_and_the_others_are_indexed()
    {
        using var tmp = new TempDir();
        var bad = tmp.File("bad");
        var file = tmp.Write("bad/.claude-plugin/marketplace.json", "{\n  \"name\": \"bad\",\n  \"plugins\": [\n    { \"name\": \"x\", }\n  ]\n");
        using var store = Open(tmp.File("catalog.db"));
        var report = BuildCatalog(store, Folder(bad), Folder(GoodMarketplace(tmp)));
        var d = report.Diagnostics.Single(x => x.Code == DiagnosticCodes.CatalogJsonInvalid);
        Assert.AreEqual(file, d.File);
        Assert.IsGreaterThan(1, d.Line);
        StringAssert.Contains(d.ToString(), $"{file}({d.Line},");
        Assert.AreEqual(1, store.FindByName("fine").Count);
    }

    [TestMethod]
    public void A_syntax_error_after_non_ascii_text_is_placed_at_its_character_column_without_the_parsers_own_position()
    {
        // Descriptions in Cyrillic take two bytes a letter: the column must count letters, as an editor does.
        using var tmp = new TempDir();
        var bad = tmp.File("bad");
        var file = tmp.Write("bad/.claude-plugin/marketplace.json",
            "{\n  \"name\": \"bad\",\n  \"plugins\": [\n    { \"name\": \"x\", \"description\": \"Проверка кода\", }\n  ]\n}\n");
        using var store = Open(tmp.File("catalog.db"));
        var report = BuildCatalog(store, Folder(bad), Folder(GoodMarketplace(tmp)));
        var d = report.Diagnostics.Single(x => x.Code == DiagnosticCodes.CatalogJsonInvalid);
        var line = File.ReadAllLines(file)[3];
        Assert.AreEqual(4, d.Line);
        Assert.AreEqual(line.IndexOf(", }", StringComparison.Ordinal) + 3, d.Column, "the column of the '}' after the trailing comma, in characters");
        StringAssert.DoesNotMatch(d.Message, new System.Text.RegularExpressions.Regex("LineNumber|BytePositionInLine|reader options"));
        Assert.AreEqual(1, store.FindByName("fine").Count);
    }

    [TestMethod]
    public void Entries_that_are_not_plugins_duplicates_and_missing_plugins_arrays_are_reported_and_skipped()
    {
        using var tmp = new TempDir();
        var root = tmp.File("m");
        var file = tmp.Write("m/.claude-plugin/marketplace.json", """
            {
              "name": "m",
              "plugins": [
                "not-an-object",
                { "description": "no name" },
                { "name": "dup", "source": { "source": "github", "repo": "a/b" }, "description": "first" },
                { "name": "dup", "source": { "source": "github", "repo": "a/c" }, "description": "second" }
              ]
            }
            """);
        var noArray = tmp.Write("n/.claude-plugin/marketplace.json", """{ "name": "n", "plugins": {} }""");
        using var store = Open(tmp.File("catalog.db"));
        var report = BuildCatalog(store, Folder(root), Folder(tmp.File("n")));
        Expect.Has(report.Diagnostics, DiagnosticCodes.CatalogEntryInvalid, 4);
        Expect.Has(report.Diagnostics, DiagnosticCodes.CatalogEntryInvalid, 5);
        Expect.Has(report.Diagnostics, DiagnosticCodes.CatalogDuplicatePlugin, 7);
        Assert.AreEqual(noArray, report.Diagnostics.Single(d => d.Code == DiagnosticCodes.CatalogMarketplaceShape).File);
        Assert.AreEqual("first", store.FindByName("dup").Single().Plugin.Description, "the first of two duplicates is kept");
        Assert.AreEqual(file, report.Diagnostics.First(d => d.Code == DiagnosticCodes.CatalogDuplicatePlugin).File);
    }

    [TestMethod]
    public void Missing_folders_bad_manifests_bad_components_and_escaping_sources_keep_the_plugin_from_its_entry()
    {
        using var tmp = new TempDir();
        var root = tmp.File("m");
        Plugin(Path.Combine(root, "plugins", "ok"), "ok", "Fine", agents: [new("good", "A good agent")]);
        CatalogFixtures.Write(Path.Combine(root, "plugins", "ok", "agents", "broken.md"), "---\nname: [unclosed\ndescription: x\n---\n");
        File.WriteAllBytes(Path.Combine(root, "plugins", "ok", "agents", "binary.md"), [0x2D, 0x00, 0x01]);
        CatalogFixtures.Write(Path.Combine(root, "plugins", "badjson", ".claude-plugin", "plugin.json"), "{ \"name\": ");
        Directory.CreateDirectory(tmp.File("outside"));
        var file = Marketplace(root, "m",
            new Entry("missing", "Missing folder but described: prometheus exporters"),
            new Entry("badjson", "Bad manifest but described: sentry releases"),
            new Entry("ok", "Ok"),
            new Entry("escape", "Escaping source: jaeger traces", Source: "./../outside"));
        var manifest = Path.Combine(file, ".claude-plugin", "marketplace.json");

        using var store = Open(tmp.File("catalog.db"));
        var report = BuildCatalog(store, Folder(root));
        var missing = report.Diagnostics.Single(d => d.Code == DiagnosticCodes.CatalogSourceFolderMissing);
        Assert.AreEqual(manifest, missing.File);
        Assert.IsGreaterThan(0, missing.Line);
        Assert.IsTrue(report.Diagnostics.Any(d => d.Code == DiagnosticCodes.CatalogPluginManifestInvalid && d.File.EndsWith("plugin.json", StringComparison.Ordinal)));
        Assert.AreEqual(2, report.Diagnostics.Count(d => d.Code == DiagnosticCodes.CatalogComponentInvalid), string.Join("\n", report.Diagnostics));
        Assert.IsTrue(report.Diagnostics.Any(d => d.Code == DiagnosticCodes.CatalogSourceEscapes && d.File == manifest && d.Line > 0));

        Assert.AreEqual(4, report.TotalPlugins, "every plugin is still indexed");
        Assert.AreEqual("ok:good", store.FindByName("ok").Single().Plugin.Components.Single().Invocation, "the good agent survives its broken neighbours");
        Assert.AreEqual(0, store.FindByName("escape").Single().Plugin.Components.Count, "an escaping folder is never read");
        foreach (var (q, name) in new[] { ("prometheus exporters", "missing"), ("sentry releases", "badjson"), ("jaeger traces", "escape") })
            Assert.AreEqual(name, PluginRanker.Rank(store, q, LearnedSignals.None).Results.First().Plugin.Name);
    }

    [TestMethod]
    public void Unknown_sources_and_broken_claude_home_files_are_reported()
    {
        using var tmp = new TempDir();
        tmp.Write("home/.claude/plugins/known_marketplaces.json", """{ "gone": { "source": { "source": "github", "repo": "a/b" }, "installLocation": "/no/such/dir" } }""");
        tmp.Write("home2/.claude/plugins/known_marketplaces.json", "[1, 2");
        using var store = Open(tmp.File("catalog.db"));
        Directory.CreateDirectory(tmp.File("no-manifest/docs"));
        var report = BuildCatalog(store, Folder(tmp.File("nowhere")), Folder(tmp.File("no-manifest")), CatalogSources.ClaudeHome(tmp.File("home")),
            CatalogSources.ClaudeHome(tmp.File("home2")), Folder(GoodMarketplace(tmp)));
        Assert.IsTrue(report.Diagnostics.Any(d => d.Code == DiagnosticCodes.CatalogSourceNotFound && d.File == tmp.File("nowhere")));
        Assert.IsTrue(report.Diagnostics.Any(d => d.Code == DiagnosticCodes.CatalogSourceNotFound && d.File == tmp.File("no-manifest") && d.Message.StartsWith("not a marketplace", StringComparison.Ordinal)),
            "a folder without marketplace.json and without plugins is reported");
        Assert.IsTrue(report.Diagnostics.Any(d => d.Code == DiagnosticCodes.CatalogKnownMarketplaceMissing && d.Line == 1));
        Assert.IsTrue(report.Diagnostics.Any(d => d.Code == DiagnosticCodes.CatalogJsonInvalid && d.File.Contains("home2", StringComparison.Ordinal)));
        Assert.AreEqual(1, store.FindByName("fine").Count);
    }

    [TestMethod]
    public void A_truncated_a_garbage_and_an_older_version_database_are_rebuilt()
    {
        using var tmp = new TempDir();
        var good = GoodMarketplace(tmp);
        var db = tmp.File("catalog.db");
        using (var store = Open(db))
        {
            // Enough rows for several pages, so truncation cuts real data.
            var gen = CatalogGenerator.Generate(tmp.File("gen"), 300, withFolders: 0);
            BuildCatalog(store, [Folder(good), .. gen.Select(Folder)]);
        }
        var bytes = File.ReadAllBytes(db);
        File.WriteAllBytes(db, bytes[..(bytes.Length / 2)]);
        var diags = new List<Diagnostic>();
        using (var store = CatalogStore.Open(db, diags))
        {
            Assert.IsTrue(diags.Any(d => d.Code == DiagnosticCodes.CatalogDatabaseCorrupt), string.Join("\n", diags));
            Assert.AreEqual(0, store.PluginCount());
            BuildCatalog(store, Folder(good));
            Assert.AreEqual(1, store.PluginCount());
        }

        File.WriteAllText(db, "this is not a database at all, just text that is long enough to have a header......................................");
        diags.Clear();
        using (var store = CatalogStore.Open(db, diags))
            Assert.IsTrue(diags.Any(d => d.Code == DiagnosticCodes.CatalogDatabaseCorrupt));

        diags.Clear();
        using (var old = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False"))
        {
            old.Open();
            using var cmd = old.CreateCommand();
            cmd.CommandText = "PRAGMA user_version = 1";
            cmd.ExecuteNonQuery();
        }
        using (var store = CatalogStore.Open(db, diags))
        {
            Assert.AreEqual(DiagnosticCodes.CatalogDatabaseVersion, diags.Single().Code);
            Assert.AreEqual(0, store.Sources().Count, "rebuilt empty, ready to be filled");
        }
    }

    [TestMethod]
    public void Empty_punctuation_huge_syntax_and_non_latin_queries_never_throw()
    {
        using var tmp = new TempDir();
        var root = tmp.File("m");
        Marketplace(root, "m",
            new Entry("tokyo", "日本語 ドキュメント 翻訳 ツール", Source: "./nope"),
            new Entry("moscow", "Документация и перевод для разработчиков", Source: "./nope"),
            new Entry("plain", "Kubernetes manifests and helm charts", Source: "./nope"));
        using var store = Open(tmp.File("catalog.db"));
        BuildCatalog(store, Folder(root));

        foreach (var q in new[] { "", "   ", "!!! ??? ... --- ***", "the and of with" })
        {
            var r = PluginRanker.Rank(store, q, LearnedSignals.None);
            Assert.AreEqual(0, r.Results.Count);
            Assert.AreEqual(DiagnosticCodes.QueryEmpty, r.Diagnostics.Single().Code, $"query '{q}'");
        }
        var huge = string.Concat(Enumerable.Repeat("kubernetes helm ", 70_000)); // > 1 MB
        var big = PluginRanker.Rank(store, huge, LearnedSignals.None);
        Assert.IsTrue(big.Diagnostics.Any(d => d.Code == DiagnosticCodes.QueryTruncated));
        Assert.AreEqual("plain", big.Results.First().Plugin.Name);
        var many = string.Join(' ', Enumerable.Range(0, 100).Select(i => $"word{i}"));
        Assert.IsTrue(PluginRanker.Rank(store, many, LearnedSignals.None).Diagnostics.Any(d => d.Code == DiagnosticCodes.QueryTruncated));

        foreach (var q in new[] { "\"kubernetes", "helm*", "NEAR(helm kubernetes)", "kubernetes:helm", "-helm", "(helm OR", "{name}: helm", "helm AND NOT" })
            Assert.AreEqual("plain", PluginRanker.Rank(store, q, LearnedSignals.None).Results.First().Plugin.Name, $"query '{q}'");
        Assert.AreEqual("tokyo", PluginRanker.Rank(store, "翻訳", LearnedSignals.None).Results.Single().Plugin.Name);
        Assert.AreEqual("moscow", PluginRanker.Rank(store, "документация", LearnedSignals.None).Results.Single().Plugin.Name);
    }

    [TestMethod]
    public void Cyclic_and_missing_dependencies_are_reported_by_the_closure_without_looping()
    {
        using var tmp = new TempDir();
        var root = tmp.File("m");
        Marketplace(root, "m",
            new Entry("a", "Plugin a about kafka", Source: "./x", Dependencies: ["b"]),
            new Entry("b", "Plugin b", Source: "./x", Dependencies: ["c", "ghost"]),
            new Entry("c", "Plugin c", Source: "./x", Dependencies: ["a"]));
        using var store = Open(tmp.File("catalog.db"));
        BuildCatalog(store, Folder(root));
        var a = store.FindByName("a").Single().Plugin;
        var closure = DependencyClosure.Compute(store, a);
        CollectionAssert.AreEqual(new[] { "c@m", "b@m" }, closure.InstallOrder.ToList());
        CollectionAssert.AreEqual(new[] { "ghost" }, closure.Missing.ToList());
        Assert.IsTrue(closure.Diagnostics.Any(d => d.Code == DiagnosticCodes.ClosureDependencyCycle && d.Message.Contains("a@m -> b@m -> c@m -> a@m", StringComparison.Ordinal)),
            string.Join("\n", closure.Diagnostics));
        Assert.IsTrue(closure.Diagnostics.Any(d => d.Code == DiagnosticCodes.ClosureDependencyMissing));
        var ranked = PluginRanker.Rank(store, "kafka", LearnedSignals.None).Results.Single();
        CollectionAssert.AreEqual(new[] { "c@m", "b@m", "ghost (missing)" }, ranked.Dependencies.ToList());
    }
}
