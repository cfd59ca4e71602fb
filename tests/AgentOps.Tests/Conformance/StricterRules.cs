using AgentOps.Core.Validation;

namespace AgentOps.Tests.Conformance;

/// <summary>
/// The error codes by which we reject what `claude plugin validate` accepts, on purpose: the product's
/// own list (<see cref="StricterThanClaudeCode"/>), documented in docs/marketplace/VALIDATE_AND_IMPORT.md
/// ("Stricter than the CLI") with its reason; the conformance tests fail on any other error the CLI does not share.
/// </summary>
public static class StricterRules
{
    public static IReadOnlyDictionary<string, string> Codes => StricterThanClaudeCode.Reasons;
}
