using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Core.Diagnostics;
using AgentOps.Tests.EndToEnd;
using AgentOps.Tests.Validation;
using LibGit2Sharp;
using static AgentOps.Tests.Catalog.CatalogFixtures;

namespace AgentOps.Tests.Catalog;

[TestClass]
public sealed class CatalogReaderTests
{
    [TestMethod]
    public void Folder_marketplace_yields_plugins_with_components_and_exact_invocations()
    {
        using var tmp = new TempDir();
        var root = tmp.File("mkt");
        Plugin(Path.Combine(root, "plugins", "ops"), "ops", "Operations helpers", ["kubernetes"],
            agents: [new("k8s-deployer", "Deploys services to Kubernetes clusters")], commands: [new("deploy", "Deploy the current service")],
            skill: "rollouts", hooks: true);
        CatalogFixtures.Write(Path.Combine(root, "plugins", "ops", "commands", "db", "migrate.md"), "---\ndescription: Run migrations\n---\nGo\n");
        Marketplace(root, "test-mkt", new Entry("ops", "Ops from the entry", Category: "devops", Keywords: ["ops"]));

        var snapshot = new FolderMarketplaceSource(root).Read("fp");
        Assert.AreEqual("test-mkt", snapshot.Name);
        Assert.AreEqual(0, snapshot.Diagnostics.Count, string.Join("\n", snapshot.Diagnostics));
        var p = snapshot.Plugins.Single();
        Assert.AreEqual("ops@test-mkt", p.Id);
        Assert.AreEqual("Operations helpers", p.Description, "plugin.json wins over the entry for the description");
        Assert.AreEqual("devops", p.Category, "category is marketplace metadata");
        CollectionAssert.IsSubsetOf(new[] { "kubernetes", "ops" }, p.Keywords.ToList());
        var invocations = p.Components.Select(c => $"{c.Kind} {c.Invocation}").ToList();
        CollectionAssert.Contains(invocations, "agent ops:k8s-deployer");
        CollectionAssert.Contains(invocations, "command /ops:deploy");
        CollectionAssert.Contains(invocations, "command /ops:db:migrate");
        CollectionAssert.Contains(invocations, "skill ops:rollouts");
        CollectionAssert.Contains(invocations, "hook SessionStart");
        Assert.AreEqual("Deploys services to Kubernetes clusters", p.Components.First(c => c.Kind == ComponentKinds.Agent).Description);
    }

    [TestMethod]
    public void Components_a_strict_false_entry_declares_are_read_from_the_folder_and_merged_with_plugin_json()
    {
        // Claude Code merges an entry's component fields with plugin.json; with "strict": false and no
        // plugin.json the entry is the whole manifest. Files named elsewhere than commands/, skills/ are found
        // only through these fields.
        using var tmp = new TempDir();
        var root = tmp.File("mkt");
        CatalogFixtures.Write(Path.Combine(root, "plugins", "lean", "tools", "release.md"), "---\ndescription: Cut a release\n---\nGo\n");
        CatalogFixtures.Write(Path.Combine(root, "plugins", "lean", "kb", "glossary", "SKILL.md"), "---\nname: glossary\ndescription: Terms\n---\nx\n");
        CatalogFixtures.Write(Path.Combine(root, "plugins", "full", ".claude-plugin", "plugin.json"),
            """{ "name": "full", "description": "Full", "mcpServers": "./config/servers.json", "hooks": "./config/hooks.json" }""");
        CatalogFixtures.Write(Path.Combine(root, "plugins", "full", "config", "servers.json"), """{ "mcpServers": { "ledger-db": { "command": "ledger" } } }""");
        CatalogFixtures.Write(Path.Combine(root, "plugins", "full", "config", "hooks.json"), """{ "hooks": { "PreCompact": [] } }""");
        CatalogFixtures.Write(Path.Combine(root, ".claude-plugin", "marketplace.json"), """
            {
              "name": "m", "owner": { "name": "o" },
              "plugins": [
                { "name": "lean", "source": "./plugins/lean", "description": "Lean", "strict": false,
                  "commands": ["./tools/release.md"], "skills": ["./kb/glossary"],
                  "mcpServers": { "wiki-search": { "command": "wiki" } },
                  "hooks": { "SessionStart": [{ "hooks": [{ "type": "command", "command": "true" }] }] } },
                { "name": "full", "source": "./plugins/full", "description": "Full", "commands": "./extra.md",
                  "mcpServers": { "entry-server": { "command": "e" } } }
              ]
            }
            """);

        var snapshot = new FolderMarketplaceSource(root).Read("fp");
        var lean = snapshot.Plugins.Single(p => p.Name == "lean").Components.Select(c => $"{c.Kind} {c.Invocation}").ToList();
        CollectionAssert.IsSubsetOf(new[] { "command /lean:release", "skill lean:glossary", "mcp wiki-search", "hook SessionStart" }, lean);
        Assert.AreEqual("Cut a release", snapshot.Plugins.Single(p => p.Name == "lean").Components.Single(c => c.Kind == ComponentKinds.Command).Description);
        var full = snapshot.Plugins.Single(p => p.Name == "full").Components.Select(c => $"{c.Kind} {c.Invocation}").ToList();
        CollectionAssert.IsSubsetOf(new[] { "mcp ledger-db", "hook PreCompact", "mcp entry-server" }, full,
            "MCP and hook files plugin.json names by path, and the entry's inline servers, all count");
    }

    [TestMethod]
    public void An_entry_without_a_folder_keeps_the_commands_mcp_servers_and_hooks_it_declares()
    {
        using var tmp = new TempDir();
        var file = tmp.Write("m.json", """
            {
              "name": "m", "owner": { "name": "o" },
              "plugins": [
                { "name": "remote", "source": { "source": "github", "repo": "o/r" }, "description": "Remote", "strict": false,
                  "commands": ["./commands/ship-it.md", "./commands/"], "agents": ["./agents/helper.md"],
                  "mcpServers": { "tide-tables": { "command": "tides" }, "not-a-server": 3 },
                  "hooks": { "hooks": { "Stop": [] } } }
              ]
            }
            """);
        var plugin = new FileMarketplaceSource(file).Read("fp").Plugins.Single();
        var invocations = plugin.Components.Select(c => $"{c.Kind} {c.Invocation}").ToList();
        CollectionAssert.AreEquivalent(new[] { "command /remote:ship-it", "mcp tide-tables", "hook Stop" }, invocations,
            "commands are named by their file as Claude Code names them; agents and skills wait for their files");
        using var store = Open(tmp.File("catalog.db"));
        BuildCatalog(store, JsonFile(file));
        Assert.AreEqual("remote", PluginRanker.Rank(store, "tide tables", LearnedSignals.None).Results.First().Plugin.Name,
            "found by the MCP server its entry declares");
    }

    [TestMethod]
    public void Lsp_servers_are_components_described_by_the_languages_they_read()
    {
        // Claude Code reads a plugin's LSP servers from .lsp.json or "lspServers" (inline or a path); a marketplace such as
        // claude-plugins-official declares them inline in entries whose folder the catalog never sees.
        using var tmp = new TempDir();
        var root = tmp.File("mkt");
        CatalogFixtures.Write(Path.Combine(root, "plugins", "elixir", ".lsp.json"),
            """{ "elixir-ls": { "command": "elixir-ls", "extensionToLanguage": { ".ex": "elixir", ".exs": "elixir" } } }""");
        CatalogFixtures.Write(Path.Combine(root, ".claude-plugin", "marketplace.json"), """
            {
              "name": "m", "owner": { "name": "o" },
              "plugins": [
                { "name": "elixir", "source": "./plugins/elixir", "description": "Editor support" },
                { "name": "remote-lsp", "source": { "source": "github", "repo": "o/r" }, "description": "Code intelligence", "strict": false,
                  "lspServers": { "zls": { "command": "zig-language-server", "extensionToLanguage": { ".zig": "zig" } }, "broken": "x" } }
              ]
            }
            """);

        var snapshot = new FolderMarketplaceSource(root).Read("fp");
        Assert.AreEqual(0, snapshot.Diagnostics.Count, string.Join("\n", snapshot.Diagnostics));
        var elixir = snapshot.Plugins.Single(p => p.Name == "elixir").Components.Single(c => c.Kind == ComponentKinds.LspServer);
        Assert.AreEqual("elixir-ls", elixir.Name);
        Assert.AreEqual("language server elixir-ls for elixir files (.ex .exs)", elixir.Description);
        var remote = snapshot.Plugins.Single(p => p.Name == "remote-lsp").Components.ToList();
        Assert.AreEqual("lsp zls: language server zls (zig-language-server) for zig files (.zig)",
            string.Join("; ", remote.Select(c => $"{c.Kind} {c.Name}: {c.Description}")), "a server that is not an object declares nothing");

        using var store = Open(tmp.File("catalog.db"));
        BuildCatalog(store, Folder(root));
        Assert.AreEqual("remote-lsp", PluginRanker.Rank(store, "zig", LearnedSignals.None).Results.First().Plugin.Name,
            "found by the language its server reads, which its description does not name");
    }

    [TestMethod]
    public void Lsp_declarations_that_are_not_server_maps_cost_nothing_but_themselves()
    {
        // A broken .lsp.json is reported where it is and skipped; an lspServers that is a number, a list of numbers or a
        // server that is not an object declares nothing; the plugin and its other components are kept.
        using var tmp = new TempDir();
        var root = tmp.File("mkt");
        Plugin(Path.Combine(root, "plugins", "odd"), "odd", "Odd plugin", [], commands: [new("deploy", "Deploy it")]);
        CatalogFixtures.Write(Path.Combine(root, "plugins", "odd", ".lsp.json"), "{ \"go\": { \"command\": ");
        // The .mcp.json-style wrapper: Claude Code reads it as one bad server named "lspServers" and loads nothing.
        CatalogFixtures.Write(Path.Combine(root, "plugins", "wrapped", ".lsp.json"),
            """{ "lspServers": { "gopls": { "command": "gopls", "extensionToLanguage": { ".go": "go" } } } }""");
        CatalogFixtures.Write(Path.Combine(root, ".claude-plugin", "marketplace.json"), """
            {
              "name": "m", "owner": { "name": "o" },
              "plugins": [
                { "name": "odd", "source": "./plugins/odd", "description": "Odd", "lspServers": [1, 2] },
                { "name": "remote", "source": { "source": "github", "repo": "o/r" }, "description": "Remote", "strict": false,
                  "lspServers": { "a": null, "b": [], "c": { "command": 7, "extensionToLanguage": { ".x": 3 } } } },
                { "name": "number", "source": { "source": "github", "repo": "o/n" }, "description": "Number", "lspServers": 5 },
                { "name": "wrapped", "source": "./plugins/wrapped", "description": "Wrapped" }
              ]
            }
            """);

        var snapshot = new FolderMarketplaceSource(root).Read("fp");
        var odd = snapshot.Plugins.Single(p => p.Name == "odd");
        CollectionAssert.AreEqual(new[] { "command /odd:deploy" }, odd.Components.Select(c => $"{c.Kind} {c.Invocation}").ToList());
        var warning = snapshot.Diagnostics.Single();
        Assert.AreEqual(DiagnosticCodes.CatalogComponentInvalid, warning.Code);
        StringAssert.EndsWith(warning.File, ".lsp.json");
        StringAssert.StartsWith(warning.Message, "LSP servers skipped:");
        Assert.AreEqual("lsp c: language server c", string.Join("; ", snapshot.Plugins.Single(p => p.Name == "remote").Components.Select(c => $"{c.Kind} {c.Name}: {c.Description}")),
            "an object is a server; what it says that is not text is left out");
        Assert.AreEqual(0, snapshot.Plugins.Single(p => p.Name == "number").Components.Count);
        Assert.AreEqual(0, snapshot.Plugins.Single(p => p.Name == "wrapped").Components.Count, "no server loads from a wrapped file");
    }

    [TestMethod]
    public void The_display_name_claude_code_shows_is_kept_and_searched_as_a_name()
    {
        // displayName is what the /plugin UI shows instead of the id: people search by it.
        using var tmp = new TempDir();
        var root = tmp.File("mkt");
        CatalogFixtures.Write(Path.Combine(root, "plugins", "local", ".claude-plugin", "plugin.json"),
            """{ "name": "local", "displayName": "Lantern Keeper", "description": "Lights" }""");
        CatalogFixtures.Write(Path.Combine(root, ".claude-plugin", "marketplace.json"), """
            {
              "name": "m", "owner": { "name": "o" },
              "plugins": [
                { "name": "ttn", "displayName": "Tide Tables Navigator", "source": { "source": "github", "repo": "o/r" }, "description": "Harbour helper" },
                { "name": "local", "source": "./plugins/local", "description": "Lights" },
                { "name": "other", "source": { "source": "github", "repo": "o/s" }, "description": "Cooking helper" }
              ]
            }
            """);
        using var store = Open(tmp.File("catalog.db"));
        BuildCatalog(store, Folder(root));
        Assert.AreEqual("Tide Tables Navigator", store.FindByName("ttn").Single().Plugin.DisplayName);
        Assert.AreEqual("Lantern Keeper", store.FindByName("local").Single().Plugin.DisplayName, "from plugin.json when the entry has none");
        foreach (var (q, name) in new[] { ("navigator", "ttn"), ("lantern keeper", "local") })
        {
            var top = PluginRanker.Rank(store, q, LearnedSignals.None).Results.First();
            Assert.AreEqual(name, top.Plugin.Name, $"query '{q}'");
            CollectionAssert.Contains(top.Reasons.ToList(), $"matched name: {q.Replace(' ', ',').Replace(",", ", ")}", string.Join("; ", top.Reasons));
        }
    }

    [TestMethod]
    public void Descriptions_in_scripts_without_spaces_are_found_by_the_words_inside_them()
    {
        // Japanese and Chinese put no spaces between words: a query word inside a longer run must still match.
        using var tmp = new TempDir();
        var file = tmp.Write("m.json", """
            {
              "name": "m", "owner": { "name": "o" },
              "plugins": [
                { "name": "shashin", "source": { "source": "github", "repo": "o/a" }, "description": "写真の画像生成と編集を行うスキル" },
                { "name": "sekkei", "source": { "source": "github", "repo": "o/b" }, "description": "ドメイン駆動設計のレビュー支援" },
                { "name": "shuju", "source": { "source": "github", "repo": "o/c" }, "description": "数据库迁移和备份工具" },
                { "name": "plain", "source": { "source": "github", "repo": "o/d" }, "description": "Kubernetes deployment helper" }
              ]
            }
            """);
        using var store = Open(tmp.File("catalog.db"));
        BuildCatalog(store, JsonFile(file));
        foreach (var (q, name) in new[] { ("画像生成", "shashin"), ("駆動設計", "sekkei"), ("レビュー", "sekkei"), ("数据库", "shuju"), ("kubernetes", "plain") })
        {
            var top = PluginRanker.Rank(store, q, LearnedSignals.None).Results.First();
            Assert.AreEqual(name, top.Plugin.Name, $"query '{q}'");
            Assert.IsTrue(top.Reasons.Any(r => r.StartsWith("matched description", StringComparison.Ordinal)), $"'{q}': " + string.Join("; ", top.Reasons));
        }
        Assert.AreEqual("写真の画像生成と編集を行うスキル", store.FindByName("shashin").Single().Plugin.Description, "shown as written");
    }

    [TestMethod]
    public void This_repository_plugins_folder_is_read_from_its_agentplugin_projects()
    {
        var snapshot = new FolderMarketplaceSource(RepoRoot()).Read("fp");
        Assert.AreEqual(FolderMarketplaceSource.RepositoryMarketplaceName, snapshot.Name);
        var names = snapshot.Plugins.Select(p => p.Name).ToList();
        CollectionAssert.IsSubsetOf(new[] { "agentops-core", "agentops-devops", "agentops-meta-orchestrator", "agentops-product-dev" }, names);
        var devops = snapshot.Plugins.Single(p => p.Name == "agentops-devops");
        Assert.AreEqual("devops", devops.Category);
        CollectionAssert.Contains(devops.Keywords.ToList(), "kubernetes");
        CollectionAssert.Contains(devops.Dependencies.ToList(), "agentops-core");
        StringAssert.Contains(devops.Description, "Kubernetes");
    }

    [TestMethod]
    public void A_marketplace_json_on_its_own_indexes_every_entry_from_its_own_metadata()
    {
        var file = TestFixtures.MarketplaceFiles().Single(f => f.EndsWith("wshobson__agents.json", StringComparison.Ordinal));
        var snapshot = new FileMarketplaceSource(file).Read("fp");
        Assert.AreEqual("claude-code-workflows", snapshot.Name);
        Assert.IsGreaterThan(80, snapshot.Plugins.Count);
        Assert.IsTrue(snapshot.Plugins.All(p => p.Folder is null), "entries without folders are not read from disk");
        var k8s = snapshot.Plugins.Single(p => p.Name == "kubernetes-operations");
        Assert.AreEqual("infrastructure", k8s.Category);
        StringAssert.Contains(k8s.Description, "Kubernetes");
        Assert.AreEqual(0, snapshot.Diagnostics.Count(d => d.IsError));
    }

    [TestMethod]
    public void Claude_home_known_marketplaces_and_installed_plugins_are_read_in_the_real_format()
    {
        using var tmp = new TempDir();
        var mkt = tmp.File("mkt");
        Plugin(Path.Combine(mkt, "plugins", "local"), "local", "A local plugin for docs", agents: [new("writer", "Writes docs")]);
        Marketplace(mkt, "demo-mkt", new Entry("local", "Local entry"),
            new Entry("remote", "Remote plugin for kubernetes", Source: "./plugins/remote-not-shipped"));
        // The installed copy of "remote" lives in Claude Code's cache, as `claude plugin install` leaves it.
        var cache = tmp.File("home/.claude/plugins/cache/demo-mkt/remote/1.0.0");
        Plugin(cache, "remote", "Remote plugin for kubernetes", agents: [new("k8s", "Kubernetes helper")]);
        CatalogFixtures.Write(tmp.File("home/.claude/plugins/known_marketplaces.json"), $$"""
            {
              "demo-mkt": {
                "source": { "source": "directory", "path": "{{mkt}}" },
                "installLocation": "{{mkt}}",
                "lastUpdated": "2026-11-25T14:07:58.387Z"
              }
            }
            """);
        CatalogFixtures.Write(tmp.File("home/.claude/plugins/installed_plugins.json"), $$"""
            {
              "version": 2,
              "plugins": {
                "remote@demo-mkt": [
                  { "scope": "user", "installPath": "{{cache}}", "version": "1.0.0",
                    "installedAt": "2026-11-25T14:07:58.971Z", "lastUpdated": "2026-11-25T14:07:58.971Z",
                    "gitCommitSha": "0d02fdcca040c44a70dafa11f0b2a52e3af9cc7d" }
                ]
              }
            }
            """);

        using var store = Open(tmp.File("catalog.db"));
        var report = BuildCatalog(store, CatalogSources.ClaudeHome(tmp.File("home")));
        Assert.AreEqual(MarketplaceStatus.Read, report.Marketplaces.Single().Status);
        Assert.AreEqual(0, report.Diagnostics.Count(d => d.IsError), string.Join("\n", report.Diagnostics));
        var remote = store.FindByName("remote").Single().Plugin;
        Assert.IsTrue(remote.Installed);
        Assert.AreEqual("remote:k8s", remote.Components.Single(c => c.Kind == ComponentKinds.Agent).Invocation, "components come from the installed copy");
        Assert.IsFalse(store.FindByName("local").Single().Plugin.Installed);

        var installedOnly = PluginRanker.Rank(store, "plugin", LearnedSignals.None, new RankingOptions { InstalledOnly = true });
        Assert.AreEqual(0, installedOnly.Results.Count, "'plugin' is a stop word");
        var k8s = PluginRanker.Rank(store, "kubernetes docs", LearnedSignals.None, new RankingOptions { InstalledOnly = true });
        Assert.AreEqual("remote@demo-mkt", k8s.Results.Single().Plugin.Id);
        CollectionAssert.Contains(k8s.Results[0].Reasons.ToList(), "installed in Claude Code");
    }

    [TestMethod]
    [TestCategory("ClaudeCli")]
    public void A_marketplace_added_and_installed_with_the_real_CLI_is_read()
    {
        if (!ClaudeSession.IsInstalled) Assert.Inconclusive("run npm install --ignore-scripts --no-audit --no-fund to get the Claude Code CLI");
        using var tmp = new TempDir();
        var mkt = tmp.File("mkt");
        Plugin(Path.Combine(mkt, "plugins", "demo"), "demo", "Demo plugin for kubernetes", agents: [new("deployer", "Deploys to kubernetes")]);
        Marketplace(mkt, "demo-mkt", new Entry("demo", "Demo plugin for kubernetes", Category: "devops"));
        var home = tmp.File("home");
        Directory.CreateDirectory(home);
        Claude(home, tmp.Path, "plugin", "marketplace", "add", mkt);
        Claude(home, tmp.Path, "plugin", "install", "demo@demo-mkt");

        using var store = Open(tmp.File("catalog.db"));
        var report = BuildCatalog(store, CatalogSources.ClaudeHome(home));
        Assert.AreEqual(0, report.Diagnostics.Count(d => d.IsError), string.Join("\n", report.Diagnostics));
        var demo = store.FindByName("demo").Single().Plugin;
        Assert.AreEqual("demo-mkt", demo.Marketplace);
        Assert.IsTrue(demo.Installed, "installed_plugins.json written by the CLI marks it installed");
        Assert.AreEqual("demo:deployer", demo.Components.Single(c => c.Kind == ComponentKinds.Agent).Invocation);
    }

    private static void Claude(string home, string cwd, params string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo(ClaudeSession.BinaryPath) { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["HOME"] = home;
        foreach (var v in new[] { "DISABLE_TELEMETRY", "DISABLE_AUTOUPDATER", "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "DISABLE_ERROR_REPORTING" }) psi.Environment[v] = "1";
        using var p = System.Diagnostics.Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        if (!p.WaitForExit(60_000)) { p.Kill(true); Assert.Fail("claude " + string.Join(' ', args) + " timed out"); }
        Assert.AreEqual(0, p.ExitCode, output);
    }

    [TestMethod]
    public void Git_marketplace_is_cloned_from_a_local_path_and_a_file_url_then_fetched()
    {
        using var tmp = new TempDir();
        var origin = tmp.File("origin");
        Plugin(Path.Combine(origin, "plugins", "first"), "first", "First plugin about terraform");
        Marketplace(origin, "git-mkt", new Entry("first", "First plugin about terraform"));
        Repository.Init(origin);
        Commit(origin, "init");

        foreach (var url in new[] { origin, new Uri(origin).AbsoluteUri })
        {
            using var store = Open(tmp.File($"catalog-{url.Length}.db"));
            var spec = new CatalogSourceSpec(SourceKinds.Git, url);
            var first = BuildCatalog(store, spec);
            Assert.AreEqual(MarketplaceStatus.Read, first.Marketplaces.Single().Status, string.Join("\n", first.Diagnostics));
            Assert.AreEqual("first@git-mkt", store.FindByName("first").Single().Plugin.Id);
            Assert.AreEqual(MarketplaceStatus.Unchanged, BuildCatalog(store, spec).Marketplaces.Single().Status, "same commit: not re-read");
        }

        // A new commit upstream: the next build fetches it and re-reads the marketplace.
        Plugin(Path.Combine(origin, "plugins", "second"), "second", "Second plugin about grafana");
        Marketplace(origin, "git-mkt", new Entry("first", "First plugin about terraform"), new Entry("second", "Second plugin about grafana"));
        Commit(origin, "add second");
        using (var store = Open(tmp.File($"catalog-{origin.Length}.db")))
        {
            var report = BuildCatalog(store, new CatalogSourceSpec(SourceKinds.Git, origin));
            Assert.AreEqual(MarketplaceStatus.Read, report.Marketplaces.Single().Status);
            Assert.AreEqual(1, store.FindByName("second").Count);
        }
    }

    [TestMethod]
    public void A_git_source_that_cannot_be_cloned_is_reported_not_fatal()
    {
        using var tmp = new TempDir();
        using var store = Open(tmp.File("catalog.db"));
        var folder = tmp.File("ok");
        Plugin(Path.Combine(folder, "plugins", "fine"), "fine", "Fine plugin");
        Marketplace(folder, "ok-mkt", new Entry("fine", "Fine plugin"));
        var report = BuildCatalog(store, new CatalogSourceSpec(SourceKinds.Git, new Uri(tmp.File("no-such-repo")).AbsoluteUri), Folder(folder));
        Assert.IsTrue(report.Diagnostics.Any(d => d.Code == DiagnosticCodes.CatalogGitFailed), string.Join("\n", report.Diagnostics));
        Assert.AreEqual(1, store.FindByName("fine").Count, "the other marketplace is still indexed");
    }

    internal static void Commit(string path, string message)
    {
        using var repo = new Repository(path);
        Commands.Stage(repo, "*");
        var sig = new Signature("dev", "dev@users.noreply.github.com", DateTimeOffset.UtcNow);
        repo.Commit(message, sig, sig);
    }
}
