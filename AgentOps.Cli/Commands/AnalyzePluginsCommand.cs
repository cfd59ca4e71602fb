using System.CommandLine;
using System.Globalization;
using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Core.Diagnostics;
using AgentOps.Core.Json;
using AgentOps.Orchestration.Embeddings;
using Spectre.Console;

namespace AgentOps.Cli.Commands;

/// <summary>
/// <c>agentops analyze-plugins "&lt;query&gt;" [--limit N] [--category C] [--installed] [--json]</c>: ranks the
/// catalog's plugins for a need, each with the reasons it ranked (matched fields, synonyms, learned
/// success rate and usage, install state), dependency closure and complementary plugins. With no query, a
/// category or --installed lists those plugins (<see cref="PluginRanker.Browse"/>).
/// </summary>
public static class AnalyzePluginsCommand
{
    public static Command Create()
    {
        var query = new Argument<string[]>("query") { Description = "What you need, in words.", Arity = ArgumentArity.ZeroOrMore };
        var limit = new Option<string?>("--limit", "-n") { Description = "How many plugins to list (1-1000, default 10)." };
        var category = new Option<string?>("--category") { Description = "Only plugins of this marketplace category (e.g. devops, development)." };
        var installed = new Option<bool>("--installed") { Description = "Only plugins installed in Claude Code." };
        var json = new Option<bool>("--json") { Description = "Stable JSON output." };
        var lexical = new Option<bool>("--lexical") { Description = "Rank by words only (do not load the embedding model)." };
        var timings = new Option<bool>("--timings") { Description = "Print where the time went (model load, catalog, query) to stderr." };
        var db = CatalogCli.DbOption();
        var store = CatalogCli.StoreOption();
        var cmd = new Command("analyze-plugins", "Rank the catalog's plugins for a need and explain each rank. " + CatalogCli.ExitCodeHelp)
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        cmd.Arguments.Add(query);
        foreach (var o in new Option[] { limit, category, installed, json, lexical, timings, db, store }) cmd.Options.Add(o);
        cmd.SetAction(r =>
        {
            if (CatalogCli.UsageProblem(r, out var exit)) return exit;
            if (CatalogCli.UnknownOption(r.GetValue(query) ?? [], out exit)) return exit;
            var text = string.Join(' ', r.GetValue(query) ?? []);
            var n = 10;
            if (r.GetValue(limit) is { } l && (!int.TryParse(l, NumberStyles.Integer, CultureInfo.InvariantCulture, out n) || n < 1 || n > 1000))
                return CatalogCli.UsageError($"--limit must be a whole number from 1 to 1000, got '{l}'");
            var parsed = ParsedQuery.Parse(text);
            // No query but a category or --installed lists those plugins (the seed's `/analyze-plugins --category devops`).
            var browse = parsed.IsEmpty && text.Trim().Length == 0 && (r.GetValue(category) is not null || r.GetValue(installed));
            if (parsed.IsEmpty && !browse)
            {
                CatalogCli.PrintDiagnostics(parsed.Diagnostics);
                return ExitCodes.Usage;
            }
            var storeRoot = CatalogCli.StoreRoot(r, store);
            var diagnostics = new List<Diagnostic>();
            // Search learns from the user's own executions only (LearnedSignals.OwnOnly); bad shipped patterns are still reported.
            var learned = LearnedSignals.Load(DefaultCatalog.PatternStores(storeRoot)).OwnOnly();
            diagnostics.AddRange(learned.Diagnostics);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            // The model loads here, only for ranking: --version, validate and the rest never touch it.
            var why = browse ? "no query to rank by" : "turned off with --lexical";
            var embedder = r.GetValue(lexical) || browse ? null : EmbeddingService.TryCreate(out why);
            if (embedder is null && !browse)
                diagnostics.Add(new Diagnostic(DiagnosticCodes.SemanticUnavailable, DiagnosticSeverity.Warning, "<model>", 0, 0,
                    $"ranking by words only: {why}"));
            var modelMs = clock.Elapsed.TotalMilliseconds;
            var options = new RankingOptions { Limit = n, Category = r.GetValue(category), InstalledOnly = r.GetValue(installed), Embedder = embedder, SemanticUnavailableReason = why };
            var openMs = 0.0;
            var result = CatalogSession.Use(CatalogCli.Database(r, db, store), DefaultCatalog.Sources(), diagnostics,
                catalog =>
                {
                    openMs = clock.Elapsed.TotalMilliseconds - modelMs;
                    return browse ? PluginRanker.Browse(catalog, learned, options) : PluginRanker.Rank(catalog, text, learned, options);
                }, embedder);
            diagnostics.AddRange(result.Diagnostics);
            if (r.GetValue(timings))
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"timings: since process start {(DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime).TotalMilliseconds:0} ms; model load {modelMs:0} ms, catalog open {openMs:0} ms, query {clock.Elapsed.TotalMilliseconds - modelMs - openMs:0} ms"));
            if (r.GetValue(json)) WriteJson(result, diagnostics);
            else Print(result, diagnostics);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static void WriteJson(RankingResult result, IReadOnlyList<Diagnostic> diagnostics) => LearningCli.WriteJson(w =>
    {
        w.WriteStartObject();
        w.WriteString("query", result.Query.Text);
        w.WriteObjects("concepts", result.Query.Concepts, (w, c) =>
        {
            w.WriteString("word", c.Word);
            w.WriteStrings("synonyms", c.Synonyms);
        });
        w.WriteNumber("candidates", result.Candidates);
        w.WriteStartObject("semantic");
        w.WriteBoolean("used", result.Semantic.Used);
        w.WriteStringOrNull("model", result.Semantic.ModelId);
        w.WriteStringOrNull("reason", result.Semantic.Reason);
        w.WriteString("ranking", result.Query.IsEmpty ? "listed (no query)" : result.Semantic.Used ? "hybrid (words and meaning)" : "lexical (words only)");
        w.WriteEndObject();
        w.WriteObjects("results", result.Results, (w, p) =>
        {
            w.WriteNumber("rank", p.Rank);
            w.WriteString("id", p.Plugin.Id);
            w.WriteString("name", p.Plugin.Name);
            w.WriteString("display_name", p.Plugin.DisplayName);
            w.WriteString("marketplace", p.Plugin.Marketplace);
            w.WriteString("version", p.Plugin.Version);
            w.WriteString("category", p.Plugin.Category);
            w.WriteString("description", p.Plugin.Description);
            w.WriteBoolean("installed", p.Plugin.Installed);
            w.WriteNumber("score", Math.Round(p.Score, 4));
            w.WriteNumber("text_score", Math.Round(p.TextScore, 4));
            w.WriteNumber("coverage", Math.Round(p.Coverage, 4));
            w.WriteNumberOrNull("meaning_score", p.Dense is { } dense ? Math.Round(dense.Score, 4) : null);
            w.WriteStrings("also_in", p.AlsoIn);
            w.WriteStartObject("matched_fields");
            foreach (var (field, words) in p.MatchedFields) w.WriteStrings(field, words);
            w.WriteEndObject();
            w.WriteStrings("synonyms", p.SynonymMatches);
            if (p.Learned is { } l)
            {
                w.WriteStartObject("learned");
                w.WriteNumber("executions", l.Executions);
                w.WriteNumber("success_rate", Math.Round(l.SuccessRate, 4));
                w.WriteNumber("reliability", Math.Round(l.Reliability, 4));
                if (l.LastUsed is { } lu) w.WriteString("last_used", lu.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); else w.WriteNull("last_used");
                w.WriteNumber("multiplier", Math.Round(l.Multiplier, 4));
                w.WriteStrings("patterns", l.Patterns);
                w.WriteEndObject();
            }
            else w.WriteNull("learned");
            w.WriteStrings("dependencies", p.Dependencies);
            w.WriteObjects("components", p.Plugin.Components.Where(c => c.Kind is ComponentKinds.Agent or ComponentKinds.Command or ComponentKinds.Skill), (w, c) =>
            {
                w.WriteString("kind", c.Kind);
                w.WriteString("invocation", c.Invocation);
            });
            w.WriteStrings("reasons", p.Reasons);
        });
        w.WriteObjects("complements", result.Complements, (w, c) =>
        {
            w.WriteString("plugin", c.Plugin);
            w.WriteStringOrNull("marketplace", c.Marketplace);
            w.WriteString("with", c.WithPlugin);
            w.WriteNumber("executions", c.Executions);
            w.WriteBoolean("in_catalog", c.InCatalog);
        });
        CatalogCli.WriteDiagnostics(w, diagnostics);
        w.WriteEndObject();
    });

    private static void Print(RankingResult result, IReadOnlyList<Diagnostic> diagnostics)
    {
        var inv = CultureInfo.InvariantCulture;
        // Hybrid ranking is the normal case (its reasons say "meaning: …"); the fallback is announced first.
        if (result.Query.IsEmpty) Console.WriteLine("No query: listed by what was learned of each plugin, then by name.");
        else if (!result.Semantic.Used) Console.WriteLine($"Ranked by words only ({result.Semantic.Reason}).");
        if (result.Results.Count == 0) Console.WriteLine(result.Query.IsEmpty ? "No plugin is listed there." : $"No plugin matches \"{result.Query.Text}\".");
        foreach (var p in result.Results)
        {
            var shown = p.Plugin.DisplayName.Length > 0 && p.Plugin.DisplayName != p.Plugin.Name ? $" \"{AgentOps.Core.Security.Printable.Sanitize(p.Plugin.DisplayName)}\"" : "";
            Console.WriteLine(string.Create(inv, $"{p.Rank}. {AgentOps.Core.Security.Printable.Sanitize(p.Plugin.Id)}{shown}  (score {p.Score:0.00}{(p.Plugin.Category.Length > 0 ? ", " + p.Plugin.Category : "")})"));
            if (p.Plugin.Description.Length > 0) Console.WriteLine("   " + AgentOps.Core.Security.Printable.Sanitize(p.Plugin.Description.Length > 160 ? p.Plugin.Description[..157] + "..." : p.Plugin.Description));
            foreach (var reason in p.Reasons) Console.WriteLine("   - " + reason);
            var agents = p.Plugin.Components.Where(c => c.Kind == ComponentKinds.Agent).Select(c => c.Invocation).Take(6).ToList();
            if (agents.Count > 0) Console.WriteLine("   agents: " + string.Join(", ", agents));
        }
        if (result.Complements.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("Often used together:");
            foreach (var c in result.Complements)
                Console.WriteLine($"   - {c.Plugin}{(c.Marketplace is null ? " (not in the catalog)" : "@" + c.Marketplace)} with {c.WithPlugin} in {c.Executions} executions");
        }
        CatalogCli.PrintDiagnostics(diagnostics);
    }
}
