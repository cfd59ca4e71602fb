namespace AgentOps.Core.Diagnostics;

// Learning engine: AOP0900–0999. Missing fields, bad ids and missing sections use the pattern
// validator's codes (AOP0201, AOP0202, AOP0208: DiagnosticCodes.Validation.cs). (docs/diagnostics.md, docs/meta-orchestrator/LEARNING_SYSTEM.md).
public static partial class DiagnosticCodes
{
    /// <summary>A pattern file cannot be read (I/O).</summary>
    public const string PatternUnreadable = "AOP0900";
    /// <summary>A pattern frontmatter field has the wrong type (e.g. <c>executions: two</c>).</summary>
    public const string PatternFieldType = "AOP0902";
    /// <summary>A pattern frontmatter value is out of range (e.g. <c>success_rate: 1.5</c>, executions &lt; 3).</summary>
    public const string PatternFieldRange = "AOP0903";
    /// <summary>A pattern contains a secret (redacted before write; never committed).</summary>
    public const string PatternSecret = "AOP0906";
    /// <summary>A workflow or ledger line of a pattern could not be read (warning; the line is skipped).</summary>
    public const string PatternLineMalformed = "AOP0907";

    /// <summary>`agentops record` got stdin that is not a hook payload (logged, exit 0).</summary>
    public const string RecordBadInput = "AOP0910";
    /// <summary>A transcript or hook-log line is not JSON (skipped and counted).</summary>
    public const string ExecutionLineMalformed = "AOP0911";
    /// <summary>An execution.json file is invalid.</summary>
    public const string ExecutionJsonInvalid = "AOP0912";
    /// <summary>`agentops learn-from` names an execution that is neither a file nor a recorded id.</summary>
    public const string ExecutionNotFound = "AOP0913";
    /// <summary>`agentops record` refused an unsafe place: a relative, missing or nonexistent <c>cwd</c>, a symlinked
    /// .agentops/executions/logs folder, a log that is a symlink, FIFO or device (logged, exit 0).</summary>
    public const string RecordRefused = "AOP0914";
    /// <summary>An execution file is not a regular file (FIFO, device, symlink in the executions folder) or is
    /// larger than the limit: skipped, never opened.</summary>
    public const string ExecutionFileSkipped = "AOP0915";
    /// <summary>An execution's workflow is longer than a pattern keeps (PatternExtractor.MaxWorkflowSteps): the first
    /// steps are learned, the rest are not stored, and the warning names the file.</summary>
    public const string WorkflowCut = "AOP0917";
    /// <summary>A folder of the store (executions, patterns) cannot be listed (permissions, I/O): reported, the rest goes on.</summary>
    public const string StoreFolderUnreadable = "AOP0916";
    /// <summary>A pattern file does not parse (edited by hand?): copied to patterns/conflicts/ (tracked by git) before
    /// the learned version replaced it.</summary>
    public const string PatternHandEditBackedUp = "AOP0918";
    /// <summary>A session is still open (no Stop/SessionEnd, log written recently): not learned yet, learned once it ends.</summary>
    public const string SessionStillOpen = "AOP0919";

    /// <summary>The git index has staged changes: learn refuses to commit them with a pattern.</summary>
    public const string GitDirtyIndex = "AOP0920";
    /// <summary>HEAD is detached: learn does not commit onto no branch.</summary>
    public const string GitDetachedHead = "AOP0921";
    /// <summary>Another `agentops learn` held the store lock past the timeout.</summary>
    public const string GitLockTimeout = "AOP0922";
    /// <summary>The same pattern id has incompatible workflows on both sides of a merge.</summary>
    public const string MergeConflict = "AOP0923";
    /// <summary>merge-learnings source (branch, path or remote) not found.</summary>
    public const string MergeSourceNotFound = "AOP0924";
    /// <summary>The pattern store is not inside a git work tree, so nothing can be committed.</summary>
    public const string GitRepositoryNotFound = "AOP0925";

    /// <summary>A commit to the agentops/learnings branch failed (libgit2 error); nothing half-made.</summary>
    public const string LearningsBranchFailed = "AOP0940";
    /// <summary>merge-learnings source is not something patterns can be taken from (e.g. a file).</summary>
    public const string MergeSourceInvalid = "AOP0941";
    /// <summary>merge-learnings could not fetch from a remote name or URL (unreachable, refused, not a repository).</summary>
    public const string MergeSourceUnreachable = "AOP0942";
}
