using System.CommandLine;

namespace AgentOps.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("agentops: learn from Claude Code executions, rank plugins, plan tasks.");
        // Each command lives in Commands/<Name>Command.cs and exposes Create().
        return root.Parse(args).Invoke();
    }
}
