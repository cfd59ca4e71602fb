using System.Text.RegularExpressions;

namespace AgentOps.Orchestration.Catalog.Ranking;

/// <summary>
/// When two catalog entries are the same plugin listed by different marketplaces: same name and the same source
/// repository (a github/git URL or owner/repo in the entry's source), or same name and the same description
/// (case and spacing aside). The ranker keeps the best-scored entry of each group and lists the others as
/// "also in". Names alone are not enough: "data-engineering" in two marketplaces are two different plugins.
/// </summary>
public static partial class DuplicateGroups
{
    /// <summary>Keys under which a plugin may be merged with another; two plugins sharing any key are one.</summary>
    public static IEnumerable<string> Keys(CatalogPlugin p)
    {
        var name = p.Name.ToLowerInvariant();
        if (Repository(p.Source) is { } repo) yield return name + "\nrepo\n" + repo;
        var description = Normalise(p.Description);
        if (description.Length >= 12) yield return name + "\ndesc\n" + description;
    }

    /// <summary>"owner/repo" (lower case) of a GitHub or git URL source, or of a "github:owner/repo" source.</summary>
    public static string? Repository(string source)
    {
        var url = GitUrl().Match(source);
        if (url.Success) return (url.Groups[1].Value + "/" + url.Groups[2].Value).ToLowerInvariant();
        var github = GitHubShort().Match(source);
        return github.Success ? (github.Groups[1].Value + "/" + github.Groups[2].Value).ToLowerInvariant() : null;
    }

    private static string Normalise(string text) =>
        Whitespace().Replace(text.Trim().TrimEnd('.').ToLowerInvariant(), " ");

    /// <summary>Groups <paramref name="ranked"/> (best first) into first-of-group and the rest, keeping the order.</summary>
    public static List<(T Best, List<T> Others)> Group<T>(IEnumerable<T> ranked, Func<T, CatalogPlugin> plugin)
    {
        var groups = new List<(T Best, List<T> Others)>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in ranked)
        {
            var keys = Keys(plugin(item)).ToList();
            var index = keys.Select(k => byKey.TryGetValue(k, out var i) ? i : -1).FirstOrDefault(i => i >= 0, -1);
            if (index < 0)
            {
                index = groups.Count;
                groups.Add((item, []));
            }
            else groups[index].Others.Add(item);
            foreach (var k in keys) byKey.TryAdd(k, index);
        }
        return groups;
    }

    [GeneratedRegex(@"(?:github\.com|gitlab\.com|bitbucket\.org)[/:]([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+?)(?:\.git)?(?=[/#?\s]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex GitUrl();

    [GeneratedRegex(@"^github:\s*([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+?)(?:\.git)?(?:\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex GitHubShort();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
