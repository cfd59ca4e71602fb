namespace AgentOps.Core.Diagnostics;

// Plugin eval suites (`claude plugin eval`, Claude Code 2.1.331): AOP1200–1219. One row each in docs/diagnostics.md.
public static partial class DiagnosticCodes
{
    /// <summary>An eval case Claude Code refuses to load: a field missing, of the wrong type or out of range, an unknown
    /// prompt.md key, no prompt, no case definition, a `plugins` entry that does not exist, an env name not EVAL_*.</summary>
    public const string EvalCaseInvalid = "AOP1200";
    /// <summary>An eval grader Claude Code refuses: unknown type, a key its type does not take, a required key missing,
    /// a bad value, a duplicate name, or no grader at all.</summary>
    public const string EvalGraderInvalid = "AOP1201";
    /// <summary>A prompt or grader still holds the blank `claude plugin eval init --bare` template text (the CLI refuses it).</summary>
    public const string EvalTemplateText = "AOP1202";
    /// <summary>Eval content Claude Code ignores without a word: an unknown case.yaml key, a grader file without frontmatter.</summary>
    public const string EvalIgnoredContent = "AOP1203";
    /// <summary>The `PluginEvalDir` property is not a folder inside the plugin (absolute, `..`, `.`, empty segment).</summary>
    public const string EvalDirInvalid = "AOP1204";
}
