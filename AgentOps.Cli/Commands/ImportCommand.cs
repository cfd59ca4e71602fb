using System.CommandLine;
using AgentOps.Core.Import;

namespace AgentOps.Cli.Commands;

/// <summary>
/// <c>agentops import &lt;dir&gt; [--output &lt;dir&gt;]</c>: a hand-written marketplace into SDK projects
/// (one .agentplugin per local plugin, marketplace.agentmarketplace with the metadata and the remote
/// entries). Prints what could not be carried over. Exit 0 imported, 1 not importable, 2 usage.
/// </summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var path = new Argument<string?>("dir") { Description = "The marketplace folder (holding .claude-plugin/marketplace.json).", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<string?>("--output") { Description = "Where to write the projects (default: the marketplace folder itself). Plugin folders are copied there." };
        var cmd = new Command("import", "Turn a hand-written Claude Code marketplace into AgentOps.Marketplace.Sdk projects. Exit 0 imported, 1 not importable, 2 usage.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        cmd.Arguments.Add(path);
        cmd.Options.Add(output);
        cmd.SetAction(r =>
        {
            if (r.UnmatchedTokens.Count > 0) return Usage($"unexpected argument '{r.UnmatchedTokens[0]}'");
            if (r.GetValue(path) is not { Length: > 0 } dir) return Usage("missing <dir>: the marketplace folder to import");
            if (!Directory.Exists(dir)) return Usage($"{dir}: no such folder");
            try
            {
                var result = MarketplaceImporter.Import(dir, r.GetValue(output) ?? dir);
                Console.WriteLine($"wrote {result.MarketplaceProject}");
                foreach (var p in result.PluginProjects) Console.WriteLine($"wrote {p}");
                foreach (var n in result.Notes) Console.WriteLine($"note: {n}");
                Console.WriteLine($"{result.PluginProjects.Count} plugin project(s), {result.Notes.Count} note(s); build with `dotnet build {Path.GetFileName(result.MarketplaceProject)}`");
                return 0;
            }
            catch (Exception ex) when (ex is ImportException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: {ex.Message}");
                return 1;
            }
        });
        return cmd;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        Console.Error.WriteLine("usage: agentops import <dir> [--output <dir>]");
        return 2;
    }
}
