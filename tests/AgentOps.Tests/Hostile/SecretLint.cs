using System.Text.Json;
using AgentOps.Tests.Build;
using AgentOps.Tests.Learning;

namespace AgentOps.Tests.Hostile;

/// <summary>One secretlint finding: the file, its 1-based line and the rule that fired.</summary>
internal sealed record SecretLintFinding(string File, int Line, string RuleId);

/// <summary>
/// The independent judge: secretlint with its recommended preset, pinned in package.json /
/// package-lock.json and installed by <c>npm ci</c> like the Claude Code CLI. Run from node_modules,
/// offline. Our own scanner never judges its own output.
/// </summary>
internal static class SecretLint
{
    public static string BinaryPath => Path.Combine(LearningFixtures.RepoRoot(), "node_modules", ".bin", "secretlint");

    /// <summary>Scans every file under <paramref name="folder"/> (dot-folders included by copying them
    /// under plain names first is the caller's job: secretlint's glob skips dot-paths).</summary>
    public static IReadOnlyList<SecretLintFinding> Scan(string folder)
    {
        Assert.IsTrue(File.Exists(BinaryPath), $"secretlint is not installed at {BinaryPath}: run `npm ci --ignore-scripts --no-audit --no-fund`");
        var config = Path.Combine(Path.GetTempPath(), "agentops-secretlintrc-" + Guid.NewGuid().ToString("N")[..8] + ".json");
        File.WriteAllText(config, """{"rules":[{"id":"@secretlint/secretlint-rule-preset-recommend"}]}""");
        try
        {
            var output = ProcessRunner.Run(BinaryPath, folder, TimeSpan.FromMinutes(3), new Dictionary<string, string> { ["NODE_PATH"] = Path.Combine(LearningFixtures.RepoRoot(), "node_modules") },
                "--secretlintrc", config, "--format", "json", "--no-color", "**/*");
            Assert.IsTrue(output.ExitCode is 0 or 1, $"secretlint failed (exit {output.ExitCode}): {output.StdErr}");
            var findings = new List<SecretLintFinding>();
            using var doc = JsonDocument.Parse(output.StdOut.Trim().Length == 0 ? "[]" : output.StdOut);
            foreach (var file in doc.RootElement.EnumerateArray())
                foreach (var m in file.GetProperty("messages").EnumerateArray())
                    findings.Add(new SecretLintFinding(file.GetProperty("filePath").GetString()!,
                        m.GetProperty("loc").GetProperty("start").GetProperty("line").GetInt32(), m.GetProperty("ruleId").GetString()!));
            return findings;
        }
        finally { File.Delete(config); }
    }

    /// <summary>Copies a tree for scanning, renaming dot-folders and dot-files (".agentops" → "_agentops")
    /// so secretlint's glob sees them; skips the folders given (relative, '/'-separated).</summary>
    public static void CopyTree(string from, string to, params string[] skip)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true }))
        {
            var rel = Path.GetRelativePath(from, file).Replace('\\', '/');
            if (skip.Any(s => rel == s || rel.StartsWith(s + "/", StringComparison.Ordinal))) continue;
            if (new FileInfo(file).LinkTarget is not null) continue;
            var target = Path.Combine(to, string.Join('/', rel.Split('/').Select(p => p.StartsWith('.') ? "_" + p[1..] : p)));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
