using System.Reflection;

namespace AgentOps.Bench;

/// <summary>A bench scenario: one file per scenario under Scenarios/, found by reflection, so adding one
/// never touches this file. Run: <c>dotnet run -c Release --project bench/AgentOps.Bench -- &lt;name&gt;</c>.</summary>
public interface IBenchScenario
{
    string Name { get; }
    string Description { get; }
    int Run(string[] args);
}

public static class Program
{
    public static int Main(string[] args)
    {
        var scenarios = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IBenchScenario).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => (IBenchScenario)Activator.CreateInstance(t)!)
            .OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        var name = args.FirstOrDefault();
        var scenario = scenarios.FirstOrDefault(s => s.Name == name);
        if (scenario is null)
        {
            Console.WriteLine("usage: AgentOps.Bench <scenario> [args]");
            foreach (var s in scenarios) Console.WriteLine($"  {s.Name,-16} {s.Description}");
            return name is null ? 0 : 2;
        }
        return scenario.Run(args[1..]);
    }
}
