using System.CommandLine;
using AgentOps.Core.Import;

namespace AgentOps.Cli.Commands;

/// <summary>
/// <c>agentops import &lt;dir&gt; [--output &lt;dir&gt;]</c>: a hand-written marketplace into SDK projects
/// (one .agentplugin per local plugin, marketplace.agentmarketplace with the metadata and the remote
/// entries). Prints what could not be carried over. The projects name the SDK with its version and a nuget.config
/// names where the SDK package comes from, so `dotnet build` works in the output folder anywhere.
/// Exit 0 imported, 1 not importable, 2 usage.
/// </summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var path = new Argument<string?>("dir") { Description = "The marketplace folder (holding .claude-plugin/marketplace.json).", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<string?>("--output") { Description = "Where to write the projects (default: the marketplace folder itself). Plugin folders are copied there." };
        var sdkVersion = new Option<string?>("--sdk-version") { Description = $"The AgentOps.Marketplace.Sdk version the projects name (default: this tool's, {ToolVersion.Current})." };
        var sdkSource = new Option<string?>("--sdk-source")
        {
            Description = "A folder or feed URL holding the AgentOps.Marketplace.Sdk package, written to nuget.config beside the projects " +
                          "(default: the artifacts/packages folder of the build this tool came from, when there is one).",
        };
        var cmd = new Command("import", "Turn a hand-written Claude Code marketplace into AgentOps.Marketplace.Sdk projects. Exit 0 imported, 1 not importable, 2 usage.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        cmd.Arguments.Add(path);
        cmd.Options.Add(output);
        cmd.Options.Add(sdkVersion);
        cmd.Options.Add(sdkSource);
        cmd.SetAction(r =>
        {
            if (r.UnmatchedTokens.Count > 0) return Usage($"unexpected argument '{r.UnmatchedTokens[0]}'");
            if (r.GetValue(path) is not { Length: > 0 } dir) return Usage("missing <dir>: the marketplace folder to import");
            if (!Directory.Exists(dir)) return Usage($"{dir}: no such folder");
            try
            {
                var outputRoot = Path.GetFullPath(r.GetValue(output) ?? dir);
                var version = r.GetValue(sdkVersion) ?? ToolVersion.Current;
                var result = MarketplaceImporter.Import(dir, outputRoot, version);
                Console.WriteLine($"wrote {result.MarketplaceProject}");
                foreach (var p in result.PluginProjects) Console.WriteLine($"wrote {p}");
                foreach (var n in result.Notes) Console.WriteLine($"note: {n}");
                var feed = r.GetValue(sdkSource) ?? SdkPackageSource.FindBuildOutput(AppContext.BaseDirectory, version);
                if (feed is null)
                    Console.WriteLine($"note: no package source for {SdkProjectMap.Sdk} {version} was given (--sdk-source) or found beside this tool; " +
                                      $"add one to a nuget.config in {outputRoot} before building");
                else if (SdkPackageSource.WriteConfig(outputRoot, feed))
                    Console.WriteLine($"wrote {Path.Combine(outputRoot, SdkPackageSource.ConfigFile)} (SDK package source: {feed})");
                else
                    Console.WriteLine($"note: kept the existing {SdkPackageSource.ConfigFile}; it must list a source with {SdkProjectMap.Sdk} {version} ({feed})");
                var project = Path.GetRelativePath(Environment.CurrentDirectory, result.MarketplaceProject);
                Console.WriteLine($"{result.PluginProjects.Count} plugin project(s), {result.Notes.Count} note(s); build with `dotnet build {project}`");
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
        Console.Error.WriteLine("usage: agentops import <dir> [--output <dir>] [--sdk-version <version>] [--sdk-source <folder or URL>]");
        return 2;
    }
}
