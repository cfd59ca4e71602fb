using System.Reflection;

namespace AgentOps.Cli.Commands;

/// <summary>The tool's own version (1.0.0 without the +commit suffix): the SARIF driver version and the SDK
/// version `agentops import` writes, since the tool and the SDK are built and versioned together.</summary>
internal static class ToolVersion
{
    public static string Current { get; } =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
