using AgentOps.Core.Diagnostics;

namespace AgentOps.Orchestration.Catalog;

/// <summary>
/// One marketplace to index. The builder asks for <see cref="Fingerprint"/> first (mtime walk, file
/// stamp or commit sha: cheap) and calls <see cref="Read"/> only when it differs from the stored one,
/// which is what makes the rebuild incremental.
/// </summary>
public interface IMarketplaceSource
{
    /// <summary>Stable key of the marketplace in the index (a full path or URL).</summary>
    string Location { get; }
    string Kind { get; }

    /// <summary>Null when the source is unavailable now (reported in <paramref name="diagnostics"/>).</summary>
    string? Fingerprint(List<Diagnostic> diagnostics, bool allowNetwork);

    MarketplaceSnapshot Read(string fingerprint);
}
