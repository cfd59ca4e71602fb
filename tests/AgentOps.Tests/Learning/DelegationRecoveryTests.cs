using AgentOps.Core.Patterns;
using AgentOps.Orchestration.Learning;

namespace AgentOps.Tests.Learning;

/// <summary>The one-pass search for the failed delegation that fails a session answers what asking each failed
/// step about every later step answered (the rule it replaced), on random sessions where roles, blanks and
/// descriptions extending each other all occur.</summary>
[TestClass]
public sealed class DelegationRecoveryTests
{
    /// <summary>Blanks, texts that name no capability, and pairs where one text extends the other: with the same
    /// capability ("Change the database" / "… (retry)") and with another ("Write" is design, "Write the docs"
    /// documentation; "Review the API" is api, "Review the API docs and write the docs" documentation).</summary>
    private static readonly string?[] Descriptions =
    [
        null, "", "Change the database", "Change the database (retry)", "Change", "Change the database schema",
        "Write", "Write the docs", "Review the API", "Review the API docs and write the docs", "Investigate",
        "Investigate the 502 spike in the gateway logs", "Investigate the 502 spike in the gateway logs and deploy the fix to kubernetes",
    ];

    /// <summary>The rule as TranscriptParser wrote it before: quadratic, obviously right.</summary>
    private static ExecutionStep? AskingEveryLaterStep(IReadOnlyList<ExecutionStep> built) =>
        built.Select((s, i) => (s, i)).FirstOrDefault(x => x.s.Kind != StepKinds.Tool && !x.s.Succeeded
            && !built.Skip(x.i + 1).Any(r => r.Name == x.s.Name && r.Kind == x.s.Kind && r.Succeeded && StepCapability.SameRole(x.s.Description, r.Description))).s;

    [TestMethod]
    public void Random_sessions_get_the_answer_of_the_quadratic_rule()
    {
        var random = new Random(20261203);
        for (var session = 0; session < 5_000; session++)
        {
            var steps = Enumerable.Range(0, random.Next(1, 14)).Select(i => new ExecutionStep(
                random.Next(2) == 0 ? "a" : "b",
                random.Next(4) switch { 0 => StepKinds.Tool, 1 => StepKinds.Command, _ => StepKinds.Subagent },
                DateTimeOffset.UnixEpoch.AddSeconds(i), 1,
                random.Next(3) == 0 ? StepOutcome.Error : StepOutcome.Success, null,
                Descriptions[random.Next(Descriptions.Length)])).ToList();
            Assert.AreSame(AskingEveryLaterStep(steps), DelegationRecovery.FirstUnrecovered(steps), string.Join("; ", steps));
        }
    }
}
