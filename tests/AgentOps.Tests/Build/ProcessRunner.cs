using System.Diagnostics;

namespace AgentOps.Tests.Build;

/// <summary>Runs a process to completion with a timeout, capturing both streams.</summary>
internal static class ProcessRunner
{
    public sealed record Output(int ExitCode, string StdOut, string StdErr)
    {
        public string All => StdOut + "\n" + StdErr;
    }

    public static Output Run(string fileName, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? env, params string[] args) =>
        RunWithInput(fileName, workingDirectory, timeout, env, null, args);

    /// <summary>Runs with <paramref name="stdin"/> written to standard input (null: closed at once).</summary>
    public static Output RunWithInput(string fileName, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? env, string? stdin, params string[] args)
    {
        var psi = StartInfo(fileName, workingDirectory, args);
        foreach (var (key, value) in env ?? new Dictionary<string, string>()) psi.Environment[key] = value;
        using var process = Process.Start(psi)!;
        if (stdin is not null) process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not finish in {timeout}");
        }
        return new Output(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>All three streams redirected, arguments passed as a list (no shell quoting).</summary>
    public static ProcessStartInfo StartInfo(string fileName, string workingDirectory, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        return psi;
    }

    /// <summary>`dotnet ...` with MSBuild node reuse off, so no build server outlives the test.</summary>
    public static Output Dotnet(string workingDirectory, params string[] args) =>
        Run("dotnet", workingDirectory, TimeSpan.FromMinutes(8), new Dictionary<string, string>
        {
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        }, args);
}
