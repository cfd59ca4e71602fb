namespace AgentOps.Tasks; internal static class AssemblyInfo { }
