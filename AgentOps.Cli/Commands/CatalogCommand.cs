using System.CommandLine;
using System.Globalization;
using AgentOps.Orchestration.Catalog;
using AgentOps.Core.Diagnostics;
using AgentOps.Core.Json;
using AgentOps.Orchestration.Embeddings;
using Spectre.Console;

namespace AgentOps.Cli.Commands;

/// <summary>
/// <c>agentops catalog [--marketplace &lt;dir|file|git-url&gt;]... [--claude-home &lt;dir&gt;] [--db &lt;file&gt;] [--json]</c>:
/// builds or refreshes the plugin catalog incrementally from this tool's own marketplace, the
/// marketplaces Claude Code knows, and the given ones. Broken marketplaces and plugins are reported and skipped.
/// </summary>
public static class CatalogCommand
{
    public static Command Create()
    {
        var marketplaces = new Option<string[]>("--marketplace", "-m") { Description = "A marketplace folder, a marketplace.json file, or a git repository (path or file:// URL). Repeatable.", AllowMultipleArgumentsPerToken = false };
        var claudeHome = new Option<string?>("--claude-home") { Description = "Claude Code home to read known marketplaces and installed plugins from (default: ~/.claude when it has marketplaces)." };
        var noClaudeHome = new Option<bool>("--no-claude-home") { Description = "Do not read the Claude Code home." };
        var noDefault = new Option<bool>("--no-default") { Description = "Do not include this tool's own marketplace." };
        var force = new Option<bool>("--force") { Description = "Re-read every marketplace even when unchanged." };
        var db = CatalogCli.DbOption();
        var store = CatalogCli.StoreOption();
        var json = new Option<bool>("--json") { Description = "Stable JSON output." };
        var noEmbeddings = new Option<bool>("--no-embeddings") { Description = "Do not compute vectors (plugins are then found by words only)." };
        var cmd = new Command("catalog", "Build the plugin catalog (SQLite FTS5) from marketplaces; only changed marketplaces are re-read. " + CatalogCli.ExitCodeHelp)
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        foreach (var o in new Option[] { marketplaces, claudeHome, noClaudeHome, noDefault, force, db, store, json, noEmbeddings }) cmd.Options.Add(o);
        cmd.SetAction(r =>
        {
            if (CatalogCli.UsageProblem(r, out var exit)) return exit;
            var home = r.GetValue(claudeHome);
            if (home is not null && !Directory.Exists(home)) return CatalogCli.UsageError($"--claude-home '{home}' is not a folder");
            var sources = new List<CatalogSourceSpec>();
            if (!r.GetValue(noDefault) && DefaultCatalog.FindMarketplaceRoot() is { } own) sources.Add(new CatalogSourceSpec(SourceKinds.Folder, own));
            if (!r.GetValue(noClaudeHome) && (home ?? DefaultCatalog.ClaudeHome()) is { } h) sources.Add(CatalogSources.ClaudeHome(h));
            sources.AddRange((r.GetValue(marketplaces) ?? []).Select(CatalogSources.FromArgument));
            if (sources.Count == 0) return CatalogCli.UsageError("no marketplace to index: pass --marketplace <dir|file|git-url>");

            var path = CatalogCli.Database(r, db, store);
            DefaultCatalog.EnsureCacheIgnored(path);
            var openProblems = new List<Diagnostic>();
            var why = "turned off with --no-embeddings";
            var embedder = r.GetValue(noEmbeddings) ? null : EmbeddingService.TryCreate(out why);
            if (embedder is null)
                openProblems.Add(new Diagnostic(DiagnosticCodes.SemanticUnavailable, DiagnosticSeverity.Warning, "<model>", 0, 0,
                    $"no vectors computed ({why}): plugins will be found by words only"));
            CatalogBuildReport report;
            using (var catalog = CatalogStore.Open(path, openProblems))
                report = BuildWithProgress(catalog, sources, r.GetValue(force), embedder, showProgress: !r.GetValue(json));
            var diagnostics = openProblems.Concat(report.Diagnostics).ToList();
            if (r.GetValue(json)) WriteJson(report, diagnostics);
            else Print(report, diagnostics);
            return diagnostics.Any(d => d.IsError) ? ExitCodes.InvalidInput : ExitCodes.Ok;
        });
        return cmd;
    }

    /// <summary>Builds; when many vectors are to be made, shows a progress bar (on a terminal only: redirected output stays clean).</summary>
    private static CatalogBuildReport BuildWithProgress(CatalogStore catalog, IReadOnlyList<CatalogSourceSpec> sources, bool force, ITextEmbedder? embedder, bool showProgress)
    {
        if (embedder is null || !showProgress || Console.IsOutputRedirected)
            return CatalogBuilder.Build(catalog, sources, prune: true, allowNetwork: true, force: force, embedder: embedder);
        CatalogBuildReport? report = null;
        AnsiConsole.Progress().AutoClear(true).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("embedding plugins", autoStart: true, maxValue: 1);
                var progress = new InlineProgress(p => { task.MaxValue = p.Total; task.Value = p.Done; });
                report = CatalogBuilder.Build(catalog, sources, prune: true, allowNetwork: true, force: force, embedder: embedder, progress: progress);
                task.Value = task.MaxValue;
            });
        return report!;
    }

    // Progress<T> would post to a synchronisation context; the bar only needs the numbers, so report inline.
    private sealed class InlineProgress(Action<EmbeddingProgress> report) : IProgress<EmbeddingProgress>
    {
        public void Report(EmbeddingProgress value) => report(value);
    }

    private static void WriteJson(CatalogBuildReport report, IReadOnlyList<Diagnostic> diagnostics) => LearningCli.WriteJson(w =>
    {
        w.WriteStartObject();
        w.WriteString("database", report.Database);
        w.WriteNumber("elapsed_ms", Math.Round(report.Elapsed.TotalMilliseconds, 1));
        w.WriteNumber("plugins", report.TotalPlugins);
        w.WriteNumber("components", report.TotalComponents);
        w.WriteNumber("read", report.Read);
        w.WriteNumber("unchanged", report.Unchanged);
        w.WriteStartObject("embeddings");
        w.WriteString("model", report.Embedding.ModelId);
        w.WriteNumber("plugins", report.Embedding.Plugins);
        w.WriteNumber("components", report.Embedding.Components);
        w.WriteNumber("distinct_texts", report.Embedding.DistinctTexts);
        w.WriteNumber("reused", report.Embedding.Reused);
        w.WriteNumber("elapsed_ms", Math.Round(report.Embedding.Elapsed.TotalMilliseconds, 1));
        w.WriteEndObject();
        w.WriteObjects("marketplaces", report.Marketplaces, (w, m) =>
        {
            w.WriteString("name", m.Name);
            w.WriteString("location", m.Location);
            w.WriteString("kind", m.Kind);
            w.WriteString("status", m.Status.ToString().ToLowerInvariant());
            w.WriteNumber("plugins", m.Plugins);
            w.WriteNumber("problems", m.Problems);
        });
        CatalogCli.WriteDiagnostics(w, diagnostics);
        w.WriteEndObject();
    });

    private static void Print(CatalogBuildReport report, IReadOnlyList<Diagnostic> diagnostics)
    {
        var inv = CultureInfo.InvariantCulture;
        var t = new Table().Border(TableBorder.Rounded).AddColumns("Marketplace", "Kind", "Status", "Plugins", "Problems", "Location");
        foreach (var m in report.Marketplaces)
            t.AddRow(Markup.Escape(m.Name), m.Kind, m.Status.ToString().ToLowerInvariant(), m.Plugins.ToString(inv), m.Problems.ToString(inv), Markup.Escape(m.Location));
        TerminalOutput.Current.Write(t);
        TerminalOutput.Current.MarkupLine(Markup.Escape(string.Create(inv,
            $"{report.TotalPlugins} plugins, {report.TotalComponents} components; {report.Read} read, {report.Unchanged} unchanged in {report.Elapsed.TotalMilliseconds:0} ms; {report.Database}")));
        if (report.Embedding.Plugins + report.Embedding.Components > 0)
            TerminalOutput.Current.MarkupLine(Markup.Escape(string.Create(inv,
                $"vectors: {report.Embedding.Plugins} plugins, {report.Embedding.Components} components in {report.Embedding.Elapsed.TotalMilliseconds:0} ms ({report.Embedding.ModelId}; {report.Embedding.DistinctTexts} texts embedded, {report.Embedding.Reused} unchanged kept their vectors)")));
        CatalogCli.PrintDiagnostics(diagnostics);
    }
}
