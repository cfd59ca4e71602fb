using System.Text;
using AgentOps.Core.Diagnostics;

namespace AgentOps.Core.Validation;

/// <summary>
/// Reads a manifest, Markdown or script file as strict UTF-8 text, turning every way a file can be
/// unusable (missing, unreadable, empty, binary, not UTF-8, too large, a broken or looping symlink)
/// into a <see cref="Diagnostic"/> instead of an exception, so one bad file never stops the build.
/// </summary>
public static class TextFileReader
{
    /// <summary>Manifests and Markdown above this size are refused: no real one comes near it, and a
    /// 50 MB "plugin.json" must not be read into memory.</summary>
    public const long DefaultMaxBytes = 10L * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool TryRead(string path, out string text, out Diagnostic? diagnostic) =>
        TryRead(path, DefaultMaxBytes, out text, out diagnostic);

    public static bool TryRead(string path, long maxBytes, out string text, out Diagnostic? diagnostic)
    {
        text = "";
        diagnostic = null;
        try
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is not null && SymlinkProblem(info) is { } linkProblem)
            {
                diagnostic = linkProblem;
                return false;
            }
            // Never open anything but a regular file: a FIFO blocks the reader until a writer comes (the build
            // and validate hung on one), a device such as /dev/zero never ends.
            if (AgentOps.Core.Security.FileKind.OfTarget(path) is var type and not (AgentOps.Core.Security.FileType.Regular or AgentOps.Core.Security.FileType.Missing))
            {
                diagnostic = Error(DiagnosticCodes.NotRegularFile, path, 1, $"{AgentOps.Core.Security.FileKind.Describe(type)}, not a regular file: not read");
                return false;
            }
            if (!info.Exists)
            {
                diagnostic = Error(DiagnosticCodes.FileUnreadable, path, 0, "file not found");
                return false;
            }
            if (info.Length > maxBytes)
            {
                diagnostic = Error(DiagnosticCodes.FileTooLarge, path, 1,
                    $"file is {info.Length / (1024 * 1024.0):0.#} MB; the limit is {maxBytes / (1024 * 1024.0):0.#} MB");
                return false;
            }
            var bytes = ReadAtMost(path, maxBytes);
            if (bytes is null)
            {
                diagnostic = Error(DiagnosticCodes.FileTooLarge, path, 1,
                    $"file grew beyond the limit of {maxBytes / (1024 * 1024.0):0.#} MB while being read");
                return false;
            }
            return Decode(path, bytes, out text, out diagnostic);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            diagnostic = Error(DiagnosticCodes.FileUnreadable, path, 0, $"cannot read the file: {ex.Message}");
            return false;
        }
    }

    /// <summary>Decodes bytes already in memory with the same rules (empty, binary, strict UTF-8).</summary>
    public static bool Decode(string path, byte[] bytes, out string text, out Diagnostic? diagnostic)
    {
        text = "";
        diagnostic = null;
        if (bytes.Length == 0 || bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            diagnostic = Error(DiagnosticCodes.FileEmpty, path, 1, "file is empty");
            return false;
        }
        // Before the NUL test: UTF-16 and UTF-32 text is full of NULs but is not binary, and its author needs to
        // hear which encoding to change, not that the file is not text.
        if (WideTextEncoding.Describe(bytes) is { } encoding)
        {
            diagnostic = Error(DiagnosticCodes.FileNotUtf8, path, 1,
                $"file is {encoding}, not UTF-8: Claude Code reads plugin files as UTF-8; save it as UTF-8");
            return false;
        }
        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            diagnostic = Error(DiagnosticCodes.FileBinary, path, LineOf(bytes, nul), "file is binary (holds NUL bytes), not text");
            return false;
        }
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            text = StrictUtf8.GetString(bytes, start, bytes.Length - start);
            return true;
        }
        catch (DecoderFallbackException ex)
        {
            var at = Math.Clamp(start + Math.Max(ex.Index, 0), 0, bytes.Length - 1);
            diagnostic = Error(DiagnosticCodes.FileNotUtf8, path, LineOf(bytes, at),
                $"file is not valid UTF-8 (byte 0x{bytes[at]:X2} at offset {at}); save it as UTF-8");
            return false;
        }
    }

    // Reads up to maxBytes + 1 bytes: returns null when the file turns out larger (it grew, or Length lied).
    private static byte[]? ReadAtMost(string path, long maxBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes) return null;
        }
        return buffer.ToArray();
    }

    private static Diagnostic? SymlinkProblem(FileInfo info)
    {
        try
        {
            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !target.Exists)
                return Error(DiagnosticCodes.SymlinkBroken, info.FullName, 1, $"symbolic link points at '{info.LinkTarget}', which does not exist");
            return null;
        }
        catch (IOException)
        {
            // The runtime reports "too many levels of symbolic links" as an IOException.
            return Error(DiagnosticCodes.SymlinkLoop, info.FullName, 1, $"symbolic link '{info.LinkTarget}' loops back on itself");
        }
    }

    private static int LineOf(byte[] bytes, int index)
    {
        var line = 1;
        for (var i = 0; i < index && i < bytes.Length; i++)
            if (bytes[i] == (byte)'\n') line++;
        return line;
    }

    private static Diagnostic Error(string code, string path, int line, string message) =>
        new(code, DiagnosticSeverity.Error, path, line, line > 0 ? 1 : 0, message);
}
