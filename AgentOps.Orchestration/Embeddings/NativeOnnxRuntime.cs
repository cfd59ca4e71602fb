using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace AgentOps.Orchestration.Embeddings;

/// <summary>
/// Makes ONNX Runtime's native library loadable when it is not beside the tool (the packed plugin leaves it out:
/// eng/ship/marketplace-exclude.txt). A tool that has it copies it into the model cache once; a tool without it
/// loads it from that cache, or from a NuGet package folder (<see cref="PackageFolders"/>) and caches it. Without
/// any, the model reports itself unavailable and ranking falls back to words (AOP1055), as before.
/// </summary>
public static class NativeOnnxRuntime
{
    private const string PackageId = "Microsoft.ML.OnnxRuntime";
    private static readonly object Gate = new();
    private static bool registered;

    private static string LibraryName =>
        OperatingSystem.IsWindows() ? "onnxruntime.dll" : OperatingSystem.IsMacOS() ? "libonnxruntime.dylib" : "libonnxruntime.so";

    private static string Version =>
        typeof(InferenceSession).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(InferenceSession).Assembly.GetName().Version!.ToString(3);

    private static string CacheFolder => Path.Combine(ModelFiles.CacheRoot(), "onnxruntime-" + Version, RuntimeInformation.RuntimeIdentifier);

    /// <summary>Call before the first InferenceSession. Never throws: a failure here only means the model stays unavailable.</summary>
    public static void EnsureLoadable()
    {
        lock (Gate)
        {
            if (registered) return;
            registered = true;
            try
            {
                var besideTool = new[] { Path.Combine(AppContext.BaseDirectory, LibraryName),
                    Path.Combine(AppContext.BaseDirectory, "runtimes", RuntimeInformation.RuntimeIdentifier, "native", LibraryName) }.FirstOrDefault(File.Exists);
                var cached = Path.Combine(CacheFolder, LibraryName);
                if (besideTool is not null)
                {
                    if (!File.Exists(cached)) CopyAtomically(besideTool, cached);
                    return; // the runtime's own probing finds it
                }
                if (!File.Exists(cached) && PackageFolders.Find(PackageId, Version, Path.Combine("runtimes", RuntimeInformation.RuntimeIdentifier, "native", LibraryName)) is { } packaged)
                    CopyAtomically(packaged, cached);
                if (!File.Exists(cached)) return;
                NativeLibrary.SetDllImportResolver(typeof(InferenceSession).Assembly, (name, _, _) =>
                    name.Contains("onnxruntime", StringComparison.OrdinalIgnoreCase) && NativeLibrary.TryLoad(cached, out var handle) ? handle : IntPtr.Zero);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException or InvalidOperationException) { }
        }
    }

    private static void CopyAtomically(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        var temp = to + "." + Environment.ProcessId + ".tmp";
        File.Copy(from, temp, overwrite: true);
        File.Move(temp, to, overwrite: true);
    }
}
