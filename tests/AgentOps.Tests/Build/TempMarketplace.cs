using System.Text.RegularExpressions;

namespace AgentOps.Tests.Build;

/// <summary>
/// A throw-away marketplace outside the repo that consumes the SDK the way a third party does:
/// `Sdk="AgentOps.Marketplace.Sdk/1.0.0"` resolved from the repo's artifacts/packages, extracted into the repo's own
/// package folder (which the repo's build refreshes when it repacks the SDK), never into the user's global cache.
/// </summary>
internal sealed partial class TempMarketplace : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "aop-mkt-" + Guid.NewGuid().ToString("N")[..10]);

    public string ProjectFile { get; }

    public TempMarketplace(string name = "temp-marketplace")
    {
        ProjectFile = $"{name}.agentmarketplace";
        Directory.CreateDirectory(Root);
        Write("nuget.config", $"""
            <configuration>
              <config><add key="globalPackagesFolder" value="{RepoMarketplace.PackageFolder}" /></config>
              <packageSources><clear /><add key="sdk" value="{Path.Combine(RepoMarketplace.Root, "artifacts", "packages")}" /></packageSources>
            </configuration>
            """);
        Write("README.md", $"# {name}\n\nA marketplace written by a test; its README covers its plugins.\n");
        Write($"{name}.agentmarketplace", $"""
            <Project Sdk="AgentOps.Marketplace.Sdk/1.0.0">
              <PropertyGroup>
                <MarketplaceName>{name}</MarketplaceName>
                <MarketplaceOwnerName>Test Owner</MarketplaceOwnerName>
                <MarketplaceDescription>A marketplace written by a test to exercise the SDK.</MarketplaceDescription>
              </PropertyGroup>
            </Project>
            """);
    }

    /// <summary>Adds plugins/&lt;folder&gt;/&lt;folder&gt;.agentplugin with the given extra project XML.</summary>
    public void Plugin(string folder, string extraXml = "", string? description = "A plugin written by a test.")
    {
        Write($"plugins/{folder}/{folder}.agentplugin", $"""
            <Project Sdk="AgentOps.Marketplace.Sdk/1.0.0">
              <PropertyGroup>
                <Version>1.0.0</Version>
                <Description>{description}</Description>
                <Authors>Test Author</Authors>
              </PropertyGroup>
            {extraXml}
            </Project>
            """);
        Write($"plugins/{folder}/commands/hello.md", "---\ndescription: Say hello\n---\nSay hello to $ARGUMENTS.\n");
    }

    public string Write(string relative, string text) => WriteBytes(relative, System.Text.Encoding.UTF8.GetBytes(text));

    public string WriteBytes(string relative, byte[] bytes)
    {
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public ProcessRunner.Output Build(string target = "build") => ProcessRunner.Dotnet(Root, target, ProjectFile, "-nologo");

    /// <summary>Diagnostics in MSBuild's canonical form: path(line,col): error CODE: message.</summary>
    public static IReadOnlyList<(string File, int Line, int Column, string Severity, string Code, string Message)> Diagnostics(string log) =>
        Canonical().Matches(log).Select(m => (m.Groups["file"].Value.Trim(), Number(m.Groups["line"].Value), Number(m.Groups["col"].Value),
            m.Groups["sev"].Value, m.Groups["code"].Value, m.Groups["msg"].Value)).Distinct().ToList();

    private static int Number(string text) => text.Length == 0 ? 0 : int.Parse(text);

    // The location is optional: a finding about a whole file or link has no (line,col).
    [GeneratedRegex(@"^(?<file>[^\n(]+?)(\((?<line>\d+),(?<col>\d+)\))? ?: (?<sev>error|warning) (?<code>AOP\d{4}): (?<msg>[^\n\[]*)", RegexOptions.Multiline)]
    private static partial Regex Canonical();

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
