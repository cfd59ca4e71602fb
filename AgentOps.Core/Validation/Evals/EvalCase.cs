using YamlDotNet.RepresentationModel;

namespace AgentOps.Core.Validation.Evals;

/// <summary>One value of an eval case with the file and 1-based line/column it came from (case.yaml, prompt.md or a grader file).</summary>
public sealed record EvalValue(string File, YamlNode Node, int Line, int Column);

/// <summary>One grader: an item of case.yaml <c>graders:</c> or a <c>graders/&lt;name&gt;.md</c> file (its name is the file's).</summary>
public sealed record EvalGrader(string File, int Line, int Column, IReadOnlyDictionary<string, EvalValue> Fields);

/// <summary>
/// A case as <c>claude plugin eval</c> assembles it before checking it: case.yaml as the base, prompt.md's frontmatter keys
/// over its top-level and <c>execution</c> keys, prompt.md's body as <c>execution.prompt</c>, grader files appended to its
/// graders. Every value keeps where it was written, so a finding points at the file and line to fix.
/// </summary>
public sealed class EvalCase
{
    public required string Directory { get; init; }
    /// <summary>case.yaml when it holds a mapping; null when absent or empty (the CLI then defaults schema_version and name).</summary>
    public string? CaseFile { get; init; }
    public string? PromptFile { get; init; }
    public Dictionary<string, EvalValue> Top { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, EvalValue> Execution { get; } = new(StringComparer.Ordinal);
    /// <summary>The <c>graders:</c> value of case.yaml, when it is written there (its type is checked).</summary>
    public EvalValue? GradersValue { get; set; }
    public List<EvalGrader> Graders { get; } = [];

    /// <summary>Where a finding about the case as a whole (a missing field) is reported: its first file, line 1.</summary>
    public string DefinitionFile => CaseFile ?? PromptFile ?? Directory;

    /// <summary>Keys that exist only in case.yaml (prompt.md's frontmatter cannot name them): they are warned of when unknown.</summary>
    public HashSet<string> CaseYamlKeys { get; } = new(StringComparer.Ordinal);
}
