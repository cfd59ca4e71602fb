using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentOps.Tests.EndToEnd;

/// <summary>
/// A scripted fake of the Anthropic Messages API on 127.0.0.1 and a free port, for running the real
/// Claude Code CLI offline: it answers POST /v1/messages (streamed SSE or plain JSON) with the turn the
/// scenario picks for that request, answers side requests (no tools) with short text or JSON that fills
/// the requested schema, and logs every request for assertions. Dispose stops it.
/// </summary>
public sealed class FakeAnthropicApi : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<ModelRequest, ModelTurn> _scenario;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _ids;

    public FakeAnthropicApi(Func<ModelRequest, ModelTurn> scenario)
    {
        _scenario = scenario;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }
    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>Every /v1/messages request with the turn it got, in arrival order.</summary>
    public ConcurrentQueue<(ModelRequest Request, ModelTurn Reply)> Requests { get; } = new();

    /// <summary>Requests of the main conversation and subagents (not side requests).</summary>
    public IReadOnlyList<(ModelRequest Request, ModelTurn Reply)> ModelRequests =>
        Requests.Where(r => !r.Request.IsSideRequest).ToList();

    /// <summary>Unexpected failures inside the server, for tests to assert there were none.</summary>
    public ConcurrentQueue<string> Errors { get; } = new();

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening) { return; }
            catch (HttpListenerException) { return; }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            var path = context.Request.Url!.AbsolutePath;
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var raw = await reader.ReadToEndAsync();
            if (context.Request.HttpMethod == "POST" && path == "/v1/messages/count_tokens")
            {
                await WriteAsync(context, 200, "application/json", """{"input_tokens":1234}""");
            }
            else if (context.Request.HttpMethod == "POST" && path == "/v1/messages")
            {
                var body = JsonNode.Parse(raw) as JsonObject ?? new JsonObject();
                var request = new ModelRequest(body);
                var turn = request.IsSideRequest ? SideReply(body) : _scenario(request);
                Requests.Enqueue((request, turn));
                var stream = body["stream"]?.GetValue<bool>() ?? false;
                if (turn.ErrorStatus is { } status)
                    await WriteAsync(context, status, "application/json", new JsonObject
                    {
                        ["type"] = "error",
                        ["error"] = new JsonObject { ["type"] = status == 400 ? "invalid_request_error" : "api_error", ["message"] = turn.Text },
                    }.ToJsonString());
                else if (stream) await WriteAsync(context, 200, "text/event-stream", Sse(body, turn));
                else await WriteAsync(context, 200, "application/json", Message(body, turn, final: true).ToJsonString());
            }
            else if (context.Request.HttpMethod == "GET" && path == "/v1/models")
            {
                await WriteAsync(context, 200, "application/json", """{"data":[],"has_more":false,"first_id":null,"last_id":null}""");
            }
            else
            {
                await WriteAsync(context, 404, "application/json", """{"type":"error","error":{"type":"not_found_error","message":"not found"}}""");
            }
        }
        catch (Exception ex)
        {
            Errors.Enqueue(ex.ToString());
            try { context.Response.Abort(); } catch (Exception) { /* the client went away */ }
        }
    }

    private static async Task WriteAsync(HttpListenerContext context, int status, string contentType, string payload)
    {
        var bytes = Encoding.UTF8.GetBytes(payload);
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength64 = bytes.Length;
        context.Response.Headers["request-id"] = "req_fake_" + Guid.NewGuid().ToString("N")[..12];
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    /// <summary>Side requests: a title, a summary, or JSON matching output_config.format.schema.</summary>
    private static ModelTurn SideReply(JsonObject body)
    {
        var format = body["output_config"]?["format"];
        if (format?["type"]?.GetValue<string>() == "json_schema")
            return ModelTurn.Say(FillSchema(format["schema"])?.ToJsonString() ?? "{}");
        return ModelTurn.Say("Fake title");
    }

    private static JsonNode? FillSchema(JsonNode? schema)
    {
        if (schema?["enum"] is JsonArray values && values.Count > 0) return values[0]?.DeepClone();
        return schema?["type"]?.GetValue<string>() switch
        {
            "object" => new JsonObject((schema["properties"] as JsonObject ?? [])
                .Select(p => KeyValuePair.Create(p.Key, FillSchema(p.Value)))),
            "array" => new JsonArray(),
            "boolean" => JsonValue.Create(false),
            "integer" or "number" => JsonValue.Create(0),
            _ => JsonValue.Create("Fake session title"),
        };
    }

    private JsonArray Blocks(ModelTurn turn)
    {
        var blocks = new JsonArray { new JsonObject { ["type"] = "text", ["text"] = turn.Text } };
        foreach (var call in turn.IsToolCall ? turn.Also.Prepend(turn) : [])
            blocks.Add(new JsonObject
            {
                ["type"] = "tool_use",
                ["id"] = $"toolu_fake{Interlocked.Increment(ref _ids):D6}{Guid.NewGuid():N}"[..30],
                ["name"] = call.ToolName,
                ["input"] = call.ToolInput!.DeepClone(),
            });
        return blocks;
    }

    private JsonObject Message(JsonObject body, ModelTurn turn, bool final) => new()
    {
        ["id"] = "msg_" + Guid.NewGuid().ToString("N")[..24],
        ["type"] = "message",
        ["role"] = "assistant",
        ["model"] = body["model"]?.GetValue<string>() ?? "claude-fake",
        ["content"] = final ? Blocks(turn) : new JsonArray(),
        ["stop_reason"] = final ? (turn.IsToolCall ? "tool_use" : "end_turn") : null,
        ["stop_sequence"] = null,
        ["usage"] = new JsonObject
        {
            ["input_tokens"] = 100, ["output_tokens"] = 20,
            ["cache_creation_input_tokens"] = 0, ["cache_read_input_tokens"] = 0,
        },
    };

    /// <summary>The event sequence of a streamed reply, deltas cut in small pieces like the real API.</summary>
    private string Sse(JsonObject body, ModelTurn turn)
    {
        var sb = new StringBuilder();
        void Event(string name, JsonObject data) => sb.Append($"event: {name}\ndata: {data.ToJsonString()}\n\n");

        Event("message_start", new JsonObject { ["type"] = "message_start", ["message"] = Message(body, turn, final: false) });
        var index = 0;
        foreach (var block in Blocks(turn).Cast<JsonObject>())
        {
            var isText = block["type"]!.GetValue<string>() == "text";
            var start = isText
                ? new JsonObject { ["type"] = "text", ["text"] = "" }
                : new JsonObject { ["type"] = "tool_use", ["id"] = block["id"]!.DeepClone(), ["name"] = block["name"]!.DeepClone(), ["input"] = new JsonObject() };
            Event("content_block_start", new JsonObject { ["type"] = "content_block_start", ["index"] = index, ["content_block"] = start });
            var payload = isText ? block["text"]!.GetValue<string>() : block["input"]!.ToJsonString();
            foreach (var piece in payload.Chunk(24).Select(c => new string(c)))
            {
                var delta = isText
                    ? new JsonObject { ["type"] = "text_delta", ["text"] = piece }
                    : new JsonObject { ["type"] = "input_json_delta", ["partial_json"] = piece };
                Event("content_block_delta", new JsonObject { ["type"] = "content_block_delta", ["index"] = index, ["delta"] = delta });
            }
            Event("content_block_stop", new JsonObject { ["type"] = "content_block_stop", ["index"] = index });
            index++;
        }
        Event("message_delta", new JsonObject
        {
            ["type"] = "message_delta",
            ["delta"] = new JsonObject { ["stop_reason"] = turn.IsToolCall ? "tool_use" : "end_turn", ["stop_sequence"] = null },
            ["usage"] = new JsonObject { ["output_tokens"] = 20 },
        });
        Event("message_stop", new JsonObject { ["type"] = "message_stop" });
        return sb.ToString();
    }

    public void Dispose()
    {
        _stop.Cancel();
        try { _listener.Stop(); _listener.Close(); } catch (ObjectDisposedException) { }
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        _stop.Dispose();
    }
}
