using System.Text.Json.Nodes;

namespace AgentOps.Tests.EndToEnd;

/// <summary>
/// What a scenario may look at in one POST /v1/messages request of Claude Code: the tools offered, the
/// user texts, the tool results so far and the system prompt. Scenarios decide from these only, so a
/// run is deterministic.
/// </summary>
public sealed class ModelRequest(JsonObject body)
{
    public JsonObject Body { get; } = body;

    private JsonArray Messages => Body["messages"] as JsonArray ?? [];

    public IReadOnlyList<string> ToolNames =>
        (Body["tools"] as JsonArray ?? []).Select(t => t?["name"]?.GetValue<string>() ?? "").ToList();

    /// <summary>Requests without tools are Claude Code's side requests (titles, summaries, checks).</summary>
    public bool IsSideRequest => ToolNames.Count == 0;

    /// <summary>All text of user turns that are not tool results, joined by newlines.</summary>
    public string UserText => string.Join('\n', Messages
        .Where(m => m?["role"]?.GetValue<string>() == "user")
        .SelectMany(m => Blocks(m!["content"]))
        .Where(b => b.Type == "text")
        .Select(b => b.Text));

    public string SystemText => Body["system"] switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonArray a => string.Join('\n', a.Select(b => b?["text"]?.GetValue<string>() ?? "")),
        _ => "",
    };

    /// <summary>Text of every tool_result block, in order: the model's view of what its tools returned.</summary>
    public IReadOnlyList<(string Text, bool IsError)> ToolResults => Messages
        .Where(m => m?["role"]?.GetValue<string>() == "user")
        .SelectMany(m => m!["content"] as JsonArray ?? [])
        .Where(b => b?["type"]?.GetValue<string>() == "tool_result")
        .Select(b => (ResultText(b!["content"]), b!["is_error"]?.GetValue<bool>() ?? false))
        .ToList();

    public int Step => ToolResults.Count;

    private static string ResultText(JsonNode? content) => content switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonArray a => string.Join('\n', a.Where(b => b?["type"]?.GetValue<string>() == "text").Select(b => b!["text"]!.GetValue<string>())),
        _ => "",
    };

    private static IEnumerable<(string Type, string Text)> Blocks(JsonNode? content) => content switch
    {
        JsonValue v => [("text", v.GetValue<string>())],
        JsonArray a => a.Select(b => (b?["type"]?.GetValue<string>() ?? "", b?["text"]?.GetValue<string>() ?? "")),
        _ => [],
    };
}
