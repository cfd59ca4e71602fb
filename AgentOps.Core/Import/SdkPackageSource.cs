using System.Security;
using System.Text;

namespace AgentOps.Core.Import;

/// <summary>
/// Where imported projects get the AgentOps.Marketplace.Sdk package from: a nuget.config beside them naming that
/// package source (NuGet resolves an MSBuild SDK from the sources of the nearest nuget.config). Without it a build
/// outside this repository fails with MSB4236 (SDK not found).
/// </summary>
public static class SdkPackageSource
{
    public const string ConfigFile = "nuget.config";

    /// <summary>The artifacts/packages folder of the build a tool ran from, when it holds the SDK package of
    /// <paramref name="version"/>: found from the tool's own folder upwards (repo build, packed plugin's tool/).</summary>
    public static string? FindBuildOutput(string startDirectory, string version)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            var packages = Path.Combine(dir.FullName, "artifacts", "packages");
            if (File.Exists(Path.Combine(packages, $"{SdkProjectMap.Sdk}.{version}.nupkg"))) return packages;
        }
        return null;
    }

    /// <summary>Writes <c>nuget.config</c> in <paramref name="outputRoot"/> mapping AgentOps.* to <paramref name="source"/>
    /// (a folder or feed URL) and everything else to nuget.org. Returns false, writing nothing, when one exists there.</summary>
    public static bool WriteConfig(string outputRoot, string source)
    {
        var file = Path.Combine(outputRoot, ConfigFile);
        if (File.Exists(file)) return false;
        var value = SecurityElement.Escape(Uri.TryCreate(source, UriKind.Absolute, out var uri) && !uri.IsFile ? source : Path.GetFullPath(source));
        var text = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <!-- Written by `agentops import`: where the build finds the AgentOps.Marketplace.Sdk package. -->
              <packageSources>
                <clear />
                <add key="agentops-sdk" value="{value}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="agentops-sdk">
                  <package pattern="AgentOps.*" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>

            """;
        Directory.CreateDirectory(outputRoot);
        var temp = file + ".tmp-" + Environment.ProcessId;
        File.WriteAllText(temp, text.Replace("\r\n", "\n"), new UTF8Encoding(false));
        File.Move(temp, file);
        return true;
    }
}
