using AgentOps.Core.Diagnostics;
using Newtonsoft.Json.Linq;

namespace AgentOps.Core.Validation.Evals;

/// <summary>
/// Checks a plugin's eval suite (<c>claude plugin eval</c>) at build time, as commands, agents and skills are: the suite
/// folder is plugin.json's <c>experimental.evals</c>, else <c>evals/</c>; every folder in it holding a case.yaml or a
/// prompt.md is a case, other folders are searched, and the ones the CLI never reads as cases (results/, mocks/,
/// node_modules/, .claude/, .git/) are left alone.
/// </summary>
public static class EvalSuiteValidator
{
    public const string DefaultFolder = "evals";

    /// <summary>Folder names the CLI skips while looking for cases (.git in any case).</summary>
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "node_modules", ".claude", "results", "mocks" };

    public static IReadOnlyList<Diagnostic> Validate(string pluginDirectory, JToken? manifest)
    {
        var suite = Path.Combine(pluginDirectory, FolderOf(manifest));
        var d = new List<Diagnostic>();
        if (!Directory.Exists(suite)) return d;
        foreach (var caseDir in CaseFolders(suite))
        {
            var evalCase = EvalCaseReader.Read(caseDir, d);
            if (evalCase is not null) d.AddRange(EvalCaseRules.Check(evalCase));
            else if (!d.Any(x => x.IsError && x.File.StartsWith(caseDir + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
                d.Add(new Diagnostic(DiagnosticCodes.EvalCaseInvalid, DiagnosticSeverity.Error, caseDir, 0, 0,
                    "no case definition: case.yaml and prompt.md are empty here (write the user prompt to test in prompt.md, or define the case in case.yaml)"));
        }
        return d;
    }

    /// <summary>The suite folder relative to the plugin: <c>experimental.evals</c> when it is a usable relative path
    /// (the CLI ignores it otherwise, with a warning, and so falls back to evals/ as this does).</summary>
    public static string FolderOf(JToken? manifest) =>
        ((manifest as JObject)?["experimental"] as JObject)?["evals"] is JValue { Type: JTokenType.String } v && IsRelativeFolder((string)v!) ? ((string)v!).TrimEnd('/') : DefaultFolder;

    public static bool IsRelativeFolder(string path) =>
        path.Length > 0 && !Path.IsPathRooted(path) && !path.Contains('\\')
        && path.TrimEnd('/').Split('/').All(s => s.Length > 0 && s != "." && s != "..");

    /// <summary>Folders holding case.yaml or prompt.md, in a stable order; links are not followed (a loop must not hang the build).</summary>
    public static IEnumerable<string> CaseFolders(string suite)
    {
        var pending = new Stack<string>([suite]);
        var found = new List<string>();
        while (pending.TryPop(out var dir))
        {
            if (File.Exists(Path.Combine(dir, "case.yaml")) || File.Exists(Path.Combine(dir, "prompt.md"))) { found.Add(dir); continue; }
            IEnumerable<DirectoryInfo> subs;
            try { subs = new DirectoryInfo(dir).EnumerateDirectories().ToList(); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { continue; } // SymlinkValidator reports unlistable folders
            foreach (var sub in subs.Where(s => s.LinkTarget is null && !Skipped.Contains(s.Name) && !s.Name.Equals(".git", StringComparison.OrdinalIgnoreCase)))
                pending.Push(sub.FullName);
        }
        return found.Order(StringComparer.Ordinal);
    }
}
