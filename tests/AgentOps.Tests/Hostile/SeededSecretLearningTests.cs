using System.Text;
using System.Text.Json;
using AgentOps.Orchestration.Learning;
using AgentOps.Tests.Build;
using AgentOps.Tests.Learning;
using LibGit2Sharp;

namespace AgentOps.Tests.Hostile;

/// <summary>
/// The seeded-secret check of issue 12: every kind of secret in prompts, tool inputs and tool outputs
/// of real Claude Code 2.1.331 hook payloads and transcripts (fixtures copied from the shared samples),
/// recorded through the real hook path and learned into git. Afterwards secretlint finds nothing in
/// <c>git log -p --all</c>, the working files or the logs, and no seeded value appears there verbatim.
/// </summary>
[TestClass]
[TestCategory("Hostile")]
public sealed class SeededSecretLearningTests
{
    private const string SampleSession = "58ed81ac-a86d-4d14-b986-fe3ebfce84af";
    private const string SamplePrompt = "Please run a command and then delegate to a general agent.";
    private const string SampleCommand = "echo hello-from-main && git status --short | head -5";
    private const string SampleOutput = "hello-from-main";
    private const string SampleDescription = "Run helper subagent";

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Hostile", "Fixtures", name));

    private static string JsonText(string s) => JsonSerializer.Serialize(s)[1..^1];

    /// <summary>The sample with its prompt, command, output and description replaced (JSON-escaped).</summary>
    private static string Seeded(string sample, string session, string prompt, string command, string output, string description) =>
        sample.Replace(SampleSession, session)
            .Replace(JsonText(SamplePrompt), JsonText(prompt))
            .Replace(JsonText(SampleCommand), JsonText(command))
            .Replace(SampleOutput, JsonText(output))
            .Replace(SampleDescription, JsonText(description));

    [TestMethod]
    public void LearningFromEverySecretKindLeavesNothingForTheJudge()
    {
        var seeds = SecretCorpus.All;
        var project = LearningFixtures.NewProject().Project;
        var hooks = Fixture("general-purpose.hooks.jsonl");
        var t0 = DateTimeOffset.Parse("2026-11-24T11:17:47Z", System.Globalization.CultureInfo.InvariantCulture);

        // 1. Every seed in a prompt, a tool input, a tool output and a subagent description, through `record`.
        for (var i = 0; i < seeds.Count; i++)
        {
            var session = i == 0 ? seeds.Single(s => s.Kind == "github-classic-token").Core : Guid.NewGuid().ToString();
            var prompt = i == 1 ? SecretCorpus.LongTaskWithTokenAtTheCut() : seeds[i].Text + " — please run a command and then delegate to a general agent";
            var log = Seeded(hooks, session, prompt, "export " + seeds[(i + 1) % seeds.Count].Text + " && make deploy",
                seeds[(i + 2) % seeds.Count].Text, "Run helper subagent " + seeds[(i + 3) % seeds.Count].Text);
            var n = 0;
            foreach (var line in log.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                using var doc = JsonDocument.Parse(line);
                var payload = Encoding.UTF8.GetBytes(doc.RootElement.GetProperty("payload").GetRawText());
                Assert.IsTrue(HookRecorder.Record(payload, project, t0.AddMinutes(i).AddSeconds(n++)).Recorded);
            }
        }
        // Bad input holding secrets, some past the 200 characters the error log keeps.
        foreach (var seed in seeds.Where((_, i) => i % 3 == 0))
            HookRecorder.Record(Encoding.UTF8.GetBytes(new string('.', 150) + " not json: " + seed.Text + " " + new string('x', 300)), project, t0);

        var learned = LearningEngine.Learn(new LearnOptions { Project = project, Now = t0.AddDays(1) });
        Assert.IsTrue(learned.Commits.Any(c => c.Message.StartsWith("Learn pattern:", StringComparison.Ordinal)), "a pattern was learned and committed");

        // 2. The same seeds in transcripts, through learn-from.
        var transcripts = Path.Combine(LearningFixtures.TempDir(), "transcripts");
        Directory.CreateDirectory(transcripts);
        var transcript = Fixture("general-purpose.transcript.jsonl");
        var files = new List<string>();
        for (var i = 0; i < seeds.Count; i += 4)
        {
            var file = Path.Combine(transcripts, $"{Guid.NewGuid()}.jsonl");
            File.WriteAllText(file, Seeded(transcript, Path.GetFileNameWithoutExtension(file), seeds[i].Text + " then run a command and delegate to a general agent",
                "export " + seeds[(i + 1) % seeds.Count].Text, seeds[(i + 2) % seeds.Count].Text, "Run helper subagent " + seeds[(i + 3) % seeds.Count].Text));
            files.Add(file);
        }
        LearningEngine.Learn(new LearnOptions { Project = project, ExecutionFiles = files, Force = true, Now = t0.AddDays(2) });

        // The raw payloads are on disk (so the check below is not vacuous) and git-ignored.
        var executions = Path.Combine(project, ".agentops", "executions");
        Assert.IsTrue(Directory.EnumerateFiles(executions).Any(f => File.ReadAllText(f).Contains(seeds.Single(s => s.Kind == "gitlab-token").Core, StringComparison.Ordinal)));
        using (var repo = new Repository(project))
            Assert.IsTrue(repo.Ignore.IsPathIgnored(".agentops/executions/x.jsonl"));

        // 3. The judge: git history, working files (raw executions aside), logs.
        var dump = LearningFixtures.TempDir();
        var gitLog = ProcessRunner.Run("git", project, TimeSpan.FromMinutes(1), null, "log", "-p", "--all", "--format=fuller");
        Assert.AreEqual(0, gitLog.ExitCode, gitLog.StdErr);
        Assert.IsTrue(gitLog.StdOut.Contains("Learn pattern:", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(dump, "git-log-p-all.patch"), gitLog.StdOut);
        SecretLint.CopyTree(project, Path.Combine(dump, "work"), ".git", ".agentops/executions");
        Assert.IsTrue(File.Exists(Path.Combine(dump, "work", "_agentops", "logs", "record-errors.log")), "the error log is among the scanned files");
        Assert.IsTrue(Directory.EnumerateFiles(Path.Combine(dump, "work", "_agentops", "patterns"), "*.md", SearchOption.AllDirectories).Any());

        var findings = SecretLint.Scan(dump);
        Assert.AreEqual(0, findings.Count, "secretlint found: " + string.Join("; ", findings.Select(f => $"{Path.GetRelativePath(dump, f.File)}:{f.Line} {f.RuleId}")));

        var leaked = new List<string>();
        foreach (var file in Directory.EnumerateFiles(dump, "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            foreach (var s in seeds.Where(s => text.Contains(s.Core, StringComparison.Ordinal) || text.Contains(JsonText(s.Core), StringComparison.Ordinal)))
                leaked.Add($"{s.Kind} in {Path.GetRelativePath(dump, file)}");
        }
        Assert.AreEqual(0, leaked.Count, string.Join("; ", leaked));
    }
}
