using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AgentOps.Tests.EndToEnd;

/// <summary>
/// The scripted model for the meta-orchestrator's commands. It only does what the expanded command
/// text asks: it runs the `agentops` command line it finds there through Bash, then (for orchestrate)
/// launches each planned subagent in order with the Agent tool, then finishes. Subagents answer at
/// once; one subagent type can be told to fail (the API refuses its request), which fails that step
/// for real in Claude Code.
/// </summary>
internal sealed partial class OrchestrateModel(string verb)
{
    /// <summary>Every subagent prompt starts with this, so subagent conversations are told apart.</summary>
    public const string SubtaskMarker = "SUBTASK";

    public string? FailingSubagentType { get; init; }

    /// <summary>The tool command the model found in the command text (null until the first request).</summary>
    public string? CommandRun { get; private set; }

    /// <summary>What the tool printed, as the model received it.</summary>
    public string? ToolOutput { get; private set; }

    public List<string> SubagentsLaunched { get; } = [];

    public ModelTurn Next(ModelRequest request)
    {
        var user = request.UserText;
        if (SubtaskPrompt().Match(user) is { Success: true } subtask)
        {
            var type = subtask.Groups["type"].Value;
            return type == FailingSubagentType
                ? ModelTurn.ApiError($"scripted failure of {type}")
                : ModelTurn.Say($"Finished the {type} part: nothing blocking found.");
        }

        var results = request.ToolResults;
        if (results.Count == 0)
        {
            // The first command line for this verb, as a user with no extra options runs it: optional
            // [--options] dropped; a template still holding a <placeholder> is not runnable.
            CommandRun = ToolCommand().Matches(user).Where(m => m.Groups["verb"].Value == verb)
                .Select(m => OptionalPart().Replace(m.Groups["cmd"].Value, "").Trim().TrimEnd('`'))
                .FirstOrDefault(c => !c.Contains('<'))
                ?? throw new InvalidOperationException($"the expanded command text names no `agentops {verb}` command line:\n{user}");
            return ModelTurn.Bash(CommandRun, $"agentops {verb}");
        }

        ToolOutput ??= results[0].Text;
        if (verb != "plan") return ModelTurn.Say("Here is what agentops reported:\n" + ToolOutput);

        var steps = PlannedSubagents(ToolOutput);
        var next = results.Count - 1;
        if (next < steps.Count)
        {
            var (id, type, instructions) = steps[next];
            SubagentsLaunched.Add(type);
            return ModelTurn.Agent(type, $"{SubtaskMarker} {type} (plan step {id}): {instructions}", $"Plan step {id}");
        }
        return ModelTurn.Say($"Orchestration finished: {steps.Count} planned steps run.");
    }

    /// <summary>The subagent steps of an `agentops plan --json` output, in plan order.</summary>
    public static List<(string Id, string Type, string Instructions)> PlannedSubagents(string planJson)
    {
        var start = planJson.IndexOf('{');
        var plan = JsonNode.Parse(planJson[start..])!;
        return plan["steps"]!.AsArray()
            .Where(s => s!["subagent_type"] is JsonValue)
            .Select(s => (s!["id"]!.GetValue<string>(), s["subagent_type"]!.GetValue<string>(), s["instructions"]?.GetValue<string>() ?? ""))
            .ToList();
    }

    [GeneratedRegex(@"\s*\[[^\]\n]*\]")]
    private static partial Regex OptionalPart();

    [GeneratedRegex(@"^SUBTASK (?<type>\S+)", RegexOptions.Multiline)]
    private static partial Regex SubtaskPrompt();

    // A line that runs the plugin's launcher: "…/bin/agentops" <verb> …
    [GeneratedRegex(@"(?<cmd>""[^""\n]*/bin/agentops""\s+(?<verb>[a-z-]+)[^\n`]*)")]
    private static partial Regex ToolCommand();
}
