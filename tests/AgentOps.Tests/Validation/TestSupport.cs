using AgentOps.Core.Diagnostics;

namespace AgentOps.Tests.Validation;

/// <summary>A throw-away folder for one test, deleted afterwards.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "aop-val-" + Guid.NewGuid().ToString("N")[..10]));

    public string Path { get; }

    public string File(string relative) => System.IO.Path.Combine(Path, relative);

    public string Write(string relative, string text)
    {
        var full = File(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, text);
        return full;
    }

    public string WriteBytes(string relative, byte[] bytes)
    {
        var full = File(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllBytes(full, bytes);
        return full;
    }

    public string Link(string relative, string target)
    {
        var full = File(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.CreateSymbolicLink(full, target);
        return full;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

internal static class Expect
{
    /// <summary>Asserts a diagnostic with this code exists at this line, and returns it.</summary>
    public static Diagnostic Has(IEnumerable<Diagnostic> diagnostics, string code, int line)
    {
        var all = diagnostics.ToList();
        var found = all.FirstOrDefault(d => d.Code == code && d.Line == line);
        Assert.IsNotNull(found, $"expected {code} at line {line}; got:\n{string.Join("\n", all)}");
        return found;
    }

    public static void None(IEnumerable<Diagnostic> diagnostics, string code)
    {
        var hits = diagnostics.Where(d => d.Code == code).ToList();
        Assert.AreEqual(0, hits.Count, $"unexpected {code}:\n{string.Join("\n", hits)}");
    }

    public static void Clean(IEnumerable<Diagnostic> diagnostics)
    {
        var all = diagnostics.ToList();
        Assert.AreEqual(0, all.Count, string.Join("\n", all));
    }
}
