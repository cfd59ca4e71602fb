namespace AgentOps.Orchestration.Catalog;

/// <summary>
/// How a category filter compares with a plugin's category: marketplaces write the same category as "Developer
/// Tools", "developer-tools" or "developer_tools", so case, spaces, underscores and hyphens do not count. The SQL
/// filter (<see cref="SqlFunction"/>) and the in-memory one (<see cref="Of"/>) compute the same key.
/// </summary>
public static class CategoryKey
{
    public static string Of(string category) =>
        string.Join('-', category.ToLowerInvariant().Split([' ', '_', '-', '\t'], StringSplitOptions.RemoveEmptyEntries));

    public static bool Matches(string? pluginCategory, string filter) => pluginCategory is not null && Of(pluginCategory) == Of(filter);

    /// <summary>The same key as a SQLite function, registered on every catalog connection.</summary>
    public const string SqlFunction = "category_key";
}
