using System.Text.Json.Nodes;

namespace AgentOps.Tests.EndToEnd;

/// <summary>One scripted reply of the fake model: text, optionally followed by one tool call.</summary>
public sealed record ModelTurn(string Text, string? ToolName = null, JsonObject? ToolInput = null, int? ErrorStatus = null)
{
    public bool IsToolCall => ToolName is not null;

    /// <summary>More tool calls in the same assistant turn (Claude Code runs them in parallel).</summary>
    public IReadOnlyList<ModelTurn> Also { get; init; } = [];

    /// <summary>Several tool calls in one turn, e.g. parallel subagents.</summary>
    public static ModelTurn Parallel(params ModelTurn[] calls) => calls[0] with { Also = calls[1..] };

    /// <summary>The API refuses the request (e.g. 400 invalid_request_error, which Claude Code does not
    /// retry): how a scripted step fails for real.</summary>
    public static ModelTurn ApiError(string message, int status = 400) => new(message, ErrorStatus: status);

    public static ModelTurn Say(string text) => new(text);

    public static ModelTurn Bash(string command, string description = "Run a command") =>
        new($"Running: {description}", "Bash", new JsonObject { ["command"] = command, ["description"] = description });

    /// <summary>Launch a subagent through the Agent tool, as Claude Code 2.1.331 names it.</summary>
    public static ModelTurn Agent(string subagentType, string prompt, string description = "Run subagent") =>
        new($"Delegating to {subagentType}.", "Agent", new JsonObject
        {
            ["description"] = description,
            ["prompt"] = prompt,
            ["subagent_type"] = subagentType,
            ["run_in_background"] = false,
        });

    public static ModelTurn Skill(string skill) =>
        new($"Using the {skill} skill.", "Skill", new JsonObject { ["skill"] = skill });
}
