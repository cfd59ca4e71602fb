using AgentOps.Tests.Build;

namespace AgentOps.Tests.Content;

/// <summary>Runs a plugin's bash script with a controlled environment and stdin.</summary>
internal static class ScriptRunner
{
    /// <summary>A PATH without any `agentops` or user tools: the system folders bash and coreutils live in.</summary>
    public const string SystemPath = "/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin";

    public static ProcessRunner.Output Bash(string script, string workingDirectory, IDictionary<string, string?>? env = null, string? stdin = null, params string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("bash")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(script);
        foreach (var a in args) psi.ArgumentList.Add(a);
        // Start from a clean slate: nothing from the test runner's Claude or agentops settings leaks in.
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("CLAUDE", StringComparison.Ordinal) || k.StartsWith("AGENTOPS", StringComparison.Ordinal)).ToList())
            psi.Environment.Remove(key);
        psi.Environment["PATH"] = SystemPath + ":" + Path.GetDirectoryName(DotnetHost());
        foreach (var (key, value) in env ?? new Dictionary<string, string?>())
        {
            if (value is null) psi.Environment.Remove(key);
            else psi.Environment[key] = value;
        }
        using var process = System.Diagnostics.Process.Start(psi)!;
        // A script that exits without reading its stdin closes the pipe first: that is not a failure of the script.
        try
        {
            if (stdin is not null) process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }
        catch (IOException) { }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} {string.Join(' ', args)} did not finish: a hook script must never block");
        }
        return new ProcessRunner.Output(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The dotnet host running the tests (so the launcher can find `dotnet` on the reduced PATH).</summary>
    public static string DotnetHost()
    {
        var fromEnv = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromEnv) && File.Exists(fromEnv)) return fromEnv;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            if (File.Exists(Path.Combine(dir, "dotnet"))) return Path.Combine(dir, "dotnet");
        return "/usr/bin/dotnet";
    }
}
