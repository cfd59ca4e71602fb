namespace AgentOps.Bench; public static class Program { public static int Main(string[] args) { System.Console.WriteLine("bench: no scenario yet"); return 0; } }
