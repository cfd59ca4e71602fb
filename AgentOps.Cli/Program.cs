using System.CommandLine;
using System.Reflection;
using AgentOps.Cli.Commands;

namespace AgentOps.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        // Hot path: `record` runs on every Claude Code hook; dispatch it before building the command tree.
        if (args.Length > 0 && args[0] == "record" && RecordCommand.RunFast(args) is var fast and >= 0) return fast;
        // `--version` answers without building the command tree (start-up goal: bench `startup`).
        if (args is ["--version"])
        {
            Console.Out.WriteLine(typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown");
            return 0;
        }

        var root = new RootCommand("agentops: learn from Claude Code executions, rank plugins, plan tasks.");
        // Each command lives in Commands/<Name>Command.cs and exposes Create().
        root.Subcommands.Add(RecordCommand.Create());
        root.Subcommands.Add(ExtractCommand.Create());
        root.Subcommands.Add(LearnCommand.Create());
        root.Subcommands.Add(LearnFromCommand.Create());
        root.Subcommands.Add(ValidatePatternCommand.Create());
        root.Subcommands.Add(ShowPatternsCommand.Create());
        root.Subcommands.Add(MetaStatsCommand.Create());
        root.Subcommands.Add(MergeLearningsCommand.Create());
        root.Subcommands.Add(CatalogCommand.Create());
        root.Subcommands.Add(AnalyzePluginsCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(PlanCommand.Create());
        try { return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false }); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            // Hostile or unlucky files (a FIFO or folder named as a database, a permission, a disk error) the
            // commands do not handle themselves: one clear line and exit 1, never a stack trace.
            Console.Error.WriteLine($"error: {AgentOps.Core.Security.SecretScanner.Redact(ex.Message, out _)}");
            return 1;
        }
    }
}
