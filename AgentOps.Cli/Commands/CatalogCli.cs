using System.CommandLine;
using System.Text.Json;
using AgentOps.Orchestration.Catalog;
using AgentOps.Core.Diagnostics;

namespace AgentOps.Cli.Commands;

/// <summary>
/// What the catalog, analyze-plugins and plan commands share: the store and database options, usage
/// errors (exit 2, also for unknown options: these commands check their own tokens), diagnostics out.
/// </summary>
internal static class CatalogCli
{

    public const string ExitCodeHelp = "Exit codes: 0 ok; 1 errors (reported, the rest still indexed); 2 usage.";

    public static Option<string?> DbOption() => new("--db") { Description = "Catalog database file (default: <store>/cache/catalog.db)." };
    public static Option<string?> StoreOption() => new("--store") { Description = "Pattern store root the learned signals come from (default: <cwd>/.agentops)." };

    public static string StoreRoot(ParseResult r, Option<string?> store) => Path.GetFullPath(r.GetValue(store) ?? Path.Combine(Environment.CurrentDirectory, ".agentops"));

    public static string Database(ParseResult r, Option<string?> db, Option<string?> store) =>
        r.GetValue(db) is { Length: > 0 } d ? Path.GetFullPath(d) : DefaultCatalog.DatabasePath(StoreRoot(r, store));

    /// <summary>Unknown options or extra words: a usage error (exit 2) with the offending tokens named.</summary>
    public static bool UsageProblem(ParseResult r, out int exit)
    {
        exit = ExitCodes.Ok;
        if (r.UnmatchedTokens.Count > 0)
        {
            Console.Error.WriteLine($"usage error: unexpected '{string.Join(" ", r.UnmatchedTokens)}' (see --help)");
            exit = ExitCodes.Usage;
            return true;
        }
        // --db naming a folder, a FIFO (SQLite's open would block on it) or a device: refused before anything opens it.
        if (r.CommandResult.Command.Options.OfType<Option<string?>>().FirstOrDefault(o => o.Name == "--db") is { } dbOption
            && r.GetValue(dbOption) is { Length: > 0 } db
            && CatalogStore.NotADatabaseFile(db) is { } what)
        {
            exit = UsageError($"--db {db}: {what}, not a database file");
            return true;
        }
        return false;
    }

    /// <summary>Words of a free-text argument that look like options ("--limt"): System.CommandLine hands
    /// unknown options to a ZeroOrMore argument, so they are caught here.</summary>
    public static bool UnknownOption(string[] words, out int exit)
    {
        exit = ExitCodes.Ok;
        var bad = words.FirstOrDefault(w => w.StartsWith("--", StringComparison.Ordinal) && w.Length > 2);
        if (bad is null) return false;
        exit = UsageError($"unknown option '{bad}' (see --help)");
        return true;
    }

    public static int UsageError(string message)
    {
        Console.Error.WriteLine("usage error: " + message);
        return ExitCodes.Usage;
    }

    public static void PrintDiagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics) Console.Error.WriteLine(d.ToString());
    }

    public static void WriteDiagnostics(Utf8JsonWriter w, IEnumerable<Diagnostic> diagnostics) => DiagnosticJson.WriteArray(w, diagnostics);
}
