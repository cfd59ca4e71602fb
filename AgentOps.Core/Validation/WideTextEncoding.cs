namespace AgentOps.Core.Validation;

/// <summary>
/// Recognises text saved as UTF-16 or UTF-32 (Windows editors and PowerShell's redirection write UTF-16 LE by
/// default). Such a file holds NUL bytes, so without this check it was reported as binary, which sent its
/// author looking for the wrong problem: it is text, in an encoding Claude Code does not read.
/// </summary>
internal static class WideTextEncoding
{
    // Enough of the file to tell: real UTF-16 text has a NUL in every other byte from the first character on.
    private const int SniffBytes = 1024;

    /// <summary>"UTF-16 LE", "UTF-16 BE", "UTF-32 LE" or "UTF-32 BE" with how it was told, or null for anything else.</summary>
    public static string? Describe(ReadOnlySpan<byte> bytes)
    {
        // UTF-32 LE's mark starts with UTF-16 LE's (FF FE), so it is tested first.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00])) return "UTF-32 LE (byte-order mark FF FE 00 00)";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF])) return "UTF-32 BE (byte-order mark 00 00 FE FF)";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return "UTF-16 LE (byte-order mark FF FE)";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return "UTF-16 BE (byte-order mark FE FF)";
        return WithoutMark(bytes[..Math.Min(bytes.Length, SniffBytes)]);
    }

    // Without a mark: mostly-ASCII UTF-16 has NULs at the odd offsets (LE) or the even ones (BE) and none at
    // the other. Asking for NULs in at least half the pairs keeps binary files (NULs anywhere) out.
    private static string? WithoutMark(ReadOnlySpan<byte> head)
    {
        var pairs = head.Length / 2;
        if (pairs < 2) return null;
        var (nulAtEven, nulAtOdd) = (0, 0);
        for (var i = 0; i < pairs * 2; i += 2)
        {
            if (head[i] == 0) nulAtEven++;
            if (head[i + 1] == 0) nulAtOdd++;
        }
        if (nulAtEven == 0 && nulAtOdd * 2 >= pairs) return "UTF-16 LE (no byte-order mark; a NUL in every other byte)";
        if (nulAtOdd == 0 && nulAtEven * 2 >= pairs) return "UTF-16 BE (no byte-order mark; a NUL in every other byte)";
        return null;
    }
}
