using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using AgentOps.Core.Diagnostics;
using AgentOps.Core.Security;

namespace AgentOps.Orchestration.Learning;

/// <summary>
/// The hot path of <c>agentops record</c>: one hook payload (JSON on stdin) becomes one line
/// <c>{"hook":E,"received_at":T,"payload":{...}}</c> appended to
/// <c>&lt;project&gt;/.agentops/executions/&lt;session_id&gt;.jsonl</c>. Never throws and never fails the
/// hook: bad input is logged to <c>.agentops/logs/record-errors.log</c>. Each line is one write() on a
/// file opened with O_APPEND, so concurrent hooks never interleave.
/// </summary>
public static class HookRecorder
{
    public const int MaxPayloadBytes = 32 * 1024 * 1024;

    /// <summary>How deep a payload may nest (System.Text.Json's default is 64). A recorded line wraps the payload
    /// once more, so the readers of hook logs and transcripts take <see cref="LineOptions"/>, deeper still: a
    /// payload recorded at the limit was once a line the reader dropped as not JSON (its prompt lost).</summary>
    public const int MaxPayloadDepth = 256;

    /// <summary>For a line of a hook log or a transcript: any payload recorded here, in its wrapper, parses.</summary>
    public static readonly JsonDocumentOptions LineOptions = new() { MaxDepth = 4 * MaxPayloadDepth };
    private const int ErrorLogWindowBytes = 64 * 1024;
    private const int ErrorLogInputChars = 200;

    public sealed record RecordResult(bool Recorded, string? Path, string? Error);

    public static RecordResult Record(Stream input, string? project, DateTimeOffset receivedAt)
    {
        byte[] data;
        try
        {
            using var ms = new MemoryStream();
            var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
            try
            {
                int n;
                while ((n = input.Read(buffer, 0, buffer.Length)) > 0)
                {
                    ms.Write(buffer, 0, n);
                    if (ms.Length > MaxPayloadBytes) return Fail(project, $"payload larger than {MaxPayloadBytes} bytes", []);
                }
            }
            finally { ArrayPool<byte>.Shared.Return(buffer); }
            data = ms.ToArray();
        }
        catch (Exception ex) { return Fail(project, $"cannot read stdin: {ex.Message}", []); }
        return Record(data, project, receivedAt);
    }

    public static RecordResult Record(ReadOnlySpan<byte> json, string? project, DateTimeOffset receivedAt, string? seq = null)
    {
        try
        {
            JsonDocument doc;
            // A lone surrogate escape ("\ud800" in a prompt) made GetString throw and the payload was dropped; it
            // becomes "\ufffd". Latin-1 maps bytes to chars one to one, so nothing but those ASCII escapes changes.
            try { doc = JsonDocument.Parse(System.Text.Encoding.Latin1.GetBytes(AgentOps.Core.Json.LoneSurrogates.Replace(System.Text.Encoding.Latin1.GetString(json))), new JsonDocumentOptions { MaxDepth = MaxPayloadDepth }); }
            catch (JsonException ex) { return Fail(project, $"stdin is not JSON: {ex.Message}", json); }
            using (doc)
            {
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object) return Fail(project, $"hook payload must be a JSON object, got {root.ValueKind}", json);
                var session = TranscriptParser.Str(root, "session_id");
                if (string.IsNullOrEmpty(session)) return Fail(project, "hook payload has no string 'session_id'", json);
                if (!IsSafeName(session)) return Fail(project, $"session_id '{Trunc(session)}' is not a safe file name", json);
                var evt = TranscriptParser.Str(root, "hook_event_name") ?? "";
                string folder, home;
                try { home = RecorderStore.ResolveProject(project, root); }
                catch (RecorderStore.UnsafeStoreException ex) { return Fail(project, ex.Message, json, DiagnosticCodes.RecordRefused); }
                try { folder = RecorderStore.Folder(home, "executions"); }
                catch (RecorderStore.UnsafeStoreException ex) { return Fail(home, ex.Message, json, DiagnosticCodes.RecordRefused); }
                var path = Path.Combine(folder, session + ".jsonl");

                var line = LogLine(root, evt, receivedAt, seq, json.Length);
                try { AppendLine(path, line); }
                catch (IOException ex) { return Fail(home, ex.Message, json, DiagnosticCodes.RecordRefused); }
                return new RecordResult(true, path, null);
            }
        }
        catch (Exception ex) { return Fail(project, $"cannot record: {ex.Message}", json); }
    }

    /// <summary>One hook-log line <c>{"hook":E,"received_at":T[,"seq":S],"payload":{...}}</c> ending in a newline.
    /// <paramref name="seq"/> is the spool file name of the event (<see cref="SpoolDrain"/>): it orders events
    /// fired in the same microsecond and lets a reader drop a line appended twice.</summary>
    internal static byte[] LogLine(JsonElement payload, string evt, DateTimeOffset receivedAt, string? seq, int sizeHint)
    {
        var buf = new ArrayBufferWriter<byte>(sizeHint + 160);
        using (var w = new Utf8JsonWriter(buf, new JsonWriterOptions { Indented = false, SkipValidation = true }))
        {
            w.WriteStartObject();
            w.WriteString("hook", evt);
            w.WriteString("received_at", receivedAt.UtcDateTime.ToString(seq is null ? "yyyy-MM-ddTHH:mm:ss.fffZ" : "yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture));
            if (seq is not null) w.WriteString("seq", seq);
            w.WritePropertyName("payload");
            payload.WriteTo(w);
            w.WriteEndObject();
        }
        var line = new byte[buf.WrittenCount + 1];
        buf.WrittenSpan.CopyTo(line);
        line[^1] = (byte)'\n';
        return line;
    }

    internal static bool IsSafeName(string s) =>
        s.Length <= 200 && s != "." && s != ".." && s.All(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_' or '.');

    private static string Trunc(string s) => s.Length > 60 ? s[..60] + "..." : s;

    private static RecordResult Fail(string? project, string message, ReadOnlySpan<byte> input, string code = DiagnosticCodes.RecordBadInput)
    {
        string? logPath = null;
        try
        {
            // Log into the given project, or into the current folder only when it already has a real
            // .agentops/ (hooks run in the project): a payload that names no usable project creates nothing.
            var home = project is not null && FileKind.OfTarget(project) == FileType.Directory ? project
                : FileKind.Of(Path.Combine(Environment.CurrentDirectory, ".agentops")) == FileType.Directory ? Environment.CurrentDirectory
                : null;
            if (home is null)
            {
                Console.Error.WriteLine($"agentops record: {code}: {Printable.Sanitize(SecretScanner.RedactThenTruncate(message, 400))}");
                return new RecordResult(false, null, message);
            }
            logPath = Path.Combine(RecorderStore.Folder(home, "logs"), "record-errors.log");
            // Redact first, then cut: a token cut in half is no longer recognised by any rule. The window
            // read is far larger than what is kept, so a key block starting in the kept part is seen whole
            // (or, without its END line, redacted to the end of the window).
            var window = Encoding.UTF8.GetString(input[..Math.Min(input.Length, ErrorLogWindowBytes)]);
            var head = SecretScanner.RedactThenTruncate(window.Replace('\n', ' ').Replace('\r', ' '), ErrorLogInputChars);
            var safeMessage = SecretScanner.RedactThenTruncate(message.Replace('\n', ' ').Replace('\r', ' '), 400);
            var text = $"{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} {code} {safeMessage} | input: {head}\n";
            AppendLine(logPath, Encoding.UTF8.GetBytes(text));
        }
        catch { /* never fail the hook */ }
        return new RecordResult(false, logPath, message);
    }

    /// <summary>Appends bytes as one write on a descriptor opened with O_APPEND (atomic per line for
    /// concurrent writers on local file systems); FileMode.Append elsewhere.</summary>
    public static void AppendLine(string path, byte[] line)
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            // O_NOFOLLOW: a symlink planted as the log is never followed (it could point at any file the user
            // can write); O_NONBLOCK: a FIFO planted there fails at once instead of blocking the hook.
            var flags = OperatingSystem.IsLinux() ? 0x1 | 0x40 | 0x400 | 0x80000 | 0x20000 | 0x800 /* O_WRONLY|O_CREAT|O_APPEND|O_CLOEXEC|O_NOFOLLOW|O_NONBLOCK */
                                                  : 0x1 | 0x200 | 0x8 | 0x1000000 | 0x100 | 0x4;
            var fd = Native.open(path, flags, Convert.ToInt32("600", 8));
            if (fd < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno == 2) throw new DirectoryNotFoundException(path);
                if (errno is 40 or 62) throw new IOException($"{path} is a symbolic link: not followed");
                throw new IOException($"open({path}) failed: errno {errno}");
            }
            if (FileKind.OfDescriptor(fd) is { } type && type != FileType.Regular)
            {
                Native.close(fd);
                throw new IOException($"{path} is {FileKind.Describe(type)}: not written");
            }
            try
            {
                var written = 0;
                unsafe
                {
                    fixed (byte* p = line)
                    {
                        while (written < line.Length)
                        {
                            var n = Native.write(fd, p + written, (nint)(line.Length - written));
                            if (n < 0)
                            {
                                var errno = Marshal.GetLastPInvokeError();
                                if (errno == 4) continue; // EINTR
                                throw new IOException($"write({path}) failed: errno {errno}");
                            }
                            written += (int)n;
                        }
                    }
                }
            }
            finally { Native.close(fd); }
            return;
        }
        using var fs = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
        fs.Write(line);
    }

    private static unsafe class Native
    {
        [DllImport("libc", SetLastError = true)]
        public static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, int mode);
        [DllImport("libc", SetLastError = true)]
        public static extern nint write(int fd, byte* buf, nint count);
        [DllImport("libc", SetLastError = true)]
        public static extern int close(int fd);
    }
}
