namespace AgentOps.Orchestration.Catalog;

/// <summary>
/// The text a plugin's or component's vector is made from. Names are split into words ("pr-review-toolkit" →
/// "pr review toolkit") because the model reads words, and the most telling fields come first: the model reads
/// at most 128 word pieces, so a long keyword list must not push the description out.
/// </summary>
public static class EmbeddingText
{
    public static string ForPlugin(string name, string description, string category, IReadOnlyList<string> keywords, string componentNames)
    {
        var parts = new List<string> { Words(name) + "." };
        if (description.Length > 0) parts.Add(description.TrimEnd('.') + ".");
        if (category.Length > 0) parts.Add("Category: " + Words(category) + ".");
        if (keywords.Count > 0) parts.Add("Keywords: " + string.Join(", ", keywords.Take(16).Select(Words)) + ".");
        if (componentNames.Length > 0) parts.Add("Includes: " + Words(componentNames) + ".");
        return string.Join(' ', parts);
    }

    public static string ForComponent(string kind, string name, string description) =>
        $"{Words(name)} ({kind}): {description}";

    /// <summary>Hyphens, underscores and dots between words become spaces; leading ordinals like "003-" go.</summary>
    public static string Words(string identifier)
    {
        var s = identifier.Replace('-', ' ').Replace('_', ' ').Trim();
        var firstSpace = s.IndexOf(' ');
        if (firstSpace > 0 && s[..firstSpace].All(char.IsAsciiDigit)) s = s[(firstSpace + 1)..];
        return s;
    }
}
