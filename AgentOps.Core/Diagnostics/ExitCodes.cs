namespace AgentOps.Core.Diagnostics;

/// <summary>
/// The exit codes of every `agentops` verb, one set for the whole tool (docs/meta-orchestrator/LEARNING_SYSTEM.md and
/// docs/marketplace/VALIDATE_AND_IMPORT.md list them per verb). A hook-facing verb (`record`) always exits 0.
/// </summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>Errors found (validate, catalog), or an invalid pattern / execution file: nothing learned.</summary>
    public const int InvalidInput = 1;
    /// <summary>Bad arguments (unknown option, empty query, options that exclude each other).</summary>
    public const int Usage = 2;
    /// <summary>Git refused: bare repository, or the learnings branch could not be written; nothing written.</summary>
    public const int GitRefused = 3;
    /// <summary>Another learn held the store lock past the timeout.</summary>
    public const int LockTimeout = 4;
    /// <summary>Some patterns conflicted (reported); the rest merged.</summary>
    public const int MergeConflict = 5;
    /// <summary>Pattern, execution or merge source not found.</summary>
    public const int NotFound = 6;
}
