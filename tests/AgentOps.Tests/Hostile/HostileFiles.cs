using System.Diagnostics;
using AgentOps.Tests.Build;

namespace AgentOps.Tests.Hostile;

/// <summary>Hostile inputs of issue 12 and the real `agentops` in a process (a stack overflow or a hang
/// must show as an exit code or a timeout, not take the test host down).</summary>
internal static class HostileFiles
{
    /// <summary>~40,000 nested flow sequences (80 KB): overflowed YamlDotNet's recursive node builder.</summary>
    public static string DeepYaml(int levels = 40_000) => "description: " + new string('[', levels) + new string(']', levels) + "\n";

    /// <summary>Nine levels of ten aliases ("billion laughs") under <paramref name="field"/>.</summary>
    public static string BillionLaughs(string field = "tools")
    {
        var sb = new System.Text.StringBuilder("a0: &a0 [Read, Read, Read, Read, Read, Read, Read, Read, Read, Read]\n");
        for (var i = 1; i <= 9; i++)
            sb.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        sb.Append($"{field}: *a9\n");
        return sb.ToString();
    }

    public static string Command(string frontmatter) => $"---\n{frontmatter}---\nDo the thing.\n";

    public static void Mkfifo(string path) =>
        Assert.AreEqual(0, ProcessRunner.Run("mkfifo", Path.GetDirectoryName(path)!, TimeSpan.FromSeconds(10), null, path).ExitCode, "mkfifo");

    /// <summary>`dotnet agentops.dll args` with a deadline: a hang fails the test instead of the run.</summary>
    public static (int Exit, string Out, string Err) Agentops(string workingDirectory, TimeSpan timeout, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false, WorkingDirectory = workingDirectory };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "agentops.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"agentops {string.Join(' ', args)} hung (> {timeout.TotalSeconds:0} s)");
        }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>A plugin folder with a valid manifest and one command.</summary>
    public static string Plugin(string root, string name = "alpha", string? manifest = null)
    {
        var dir = Path.Combine(root, name);
        Directory.CreateDirectory(Path.Combine(dir, ".claude-plugin"));
        Directory.CreateDirectory(Path.Combine(dir, "commands"));
        File.WriteAllText(Path.Combine(dir, ".claude-plugin", "plugin.json"), manifest ?? $"{{ \"name\": \"{name}\", \"version\": \"1.0.0\", \"description\": \"The {name} plugin for tests\" }}");
        File.WriteAllText(Path.Combine(dir, "commands", "ok.md"), Command("description: A fine command\n"));
        return dir;
    }
}
