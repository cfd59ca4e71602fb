using System.Text.RegularExpressions;

namespace AgentOps.Tests.Content;

/// <summary>Every relative link in every Markdown file of the repository points at a file or folder that exists.</summary>
[TestClass]
public sealed partial class DocsLinkTests
{
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { ".git", "node_modules", "bin", "obj", "artifacts", "TestResults", ".packages" };

    [TestMethod]
    public void Relative_links_in_all_markdown_files_resolve()
    {
        var files = MarkdownFiles(ContentRepo.Root).ToList();
        Assert.IsTrue(files.Count >= 40, $"expected the repository's docs, found {files.Count} Markdown files");
        var broken = BrokenLinks(ContentRepo.Root, files, out var checkedLinks);
        Assert.IsTrue(checkedLinks >= 50, $"only {checkedLinks} relative links found; is the link pattern right?");
        Assert.AreEqual(0, broken.Count, "broken links:\n" + string.Join("\n", broken));
    }

    /// <summary>"file(line): target" of each relative link that resolves to nothing; "/x" is taken from <paramref name="root"/>.</summary>
    private static List<string> BrokenLinks(string root, IEnumerable<string> files, out int checkedLinks)
    {
        var broken = new List<string>();
        checkedLinks = 0;
        foreach (var file in files)
            foreach (var (line, target) in Links(File.ReadAllLines(file)))
            {
                checkedLinks++;
                var path = Uri.UnescapeDataString(target.Split('#')[0]);
                if (path.Length == 0) continue; // an anchor in the same file
                var full = path.StartsWith('/') ? Path.Combine(root, path.TrimStart('/')) : Path.Combine(Path.GetDirectoryName(file)!, path);
                if (!File.Exists(full) && !Directory.Exists(full))
                    broken.Add($"{Path.GetRelativePath(root, file)}({line}): {target}");
            }
        return broken;
    }

    [TestMethod]
    [TestCategory("Build")]
    public void The_packed_marketplace_ships_the_user_readme_and_its_links_resolve_inside_it()
    {
        Build.RepoMarketplace.EnsurePacked();
        var packed = Build.RepoMarketplace.PackedFolder;
        Assert.AreEqual(File.ReadAllText(Path.Combine(ContentRepo.Root, "MARKETPLACE_README.md")), File.ReadAllText(Path.Combine(packed, "README.md")),
            "users get MARKETPLACE_README.md as README.md, not the developers' README");
        var broken = BrokenLinks(packed, MarkdownFiles(packed).ToList(), out var checkedLinks);
        Assert.IsTrue(checkedLinks >= 4, $"only {checkedLinks} links in the packed marketplace's Markdown");
        Assert.AreEqual(0, broken.Count, "links that do not resolve inside the packed marketplace:\n" + string.Join("\n", broken));
    }

    [TestMethod]
    public void The_link_finder_sees_inline_links_and_ignores_code_and_urls()
    {
        string[] text =
        [
            "See [a](docs/a.md) and [b](../b.md#part), <https://x.org>, [c](https://example.com/c.md).",
            "```",
            "[not a link](inside/code.md)",
            "```",
            "Inline `[nor](this.md)` and ![img](assets/i.png) and [anchor](#here).",
        ];
        var found = Links(text).ToList();
        CollectionAssert.AreEqual(new[] { (1, "docs/a.md"), (1, "../b.md#part"), (5, "assets/i.png"), (5, "#here") }, found);
    }

    private static IEnumerable<string> MarkdownFiles(string dir)
    {
        foreach (var file in Directory.EnumerateFiles(dir, "*.md")) yield return file;
        foreach (var sub in Directory.EnumerateDirectories(dir))
        {
            var info = new DirectoryInfo(sub);
            if (Skipped.Contains(info.Name) || info.LinkTarget is not null) continue; // core/* links are checked through their targets
            foreach (var file in MarkdownFiles(sub)) yield return file;
        }
    }

    /// <summary>(line, target) of each relative Markdown link outside fenced and inline code.</summary>
    internal static IEnumerable<(int Line, string Target)> Links(IReadOnlyList<string> lines)
    {
        var inFence = false;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal)) { inFence = !inFence; continue; }
            if (inFence) continue;
            var text = InlineCode().Replace(lines[i], "");
            foreach (Match m in Link().Matches(text))
            {
                var target = m.Groups["target"].Value.Trim();
                if (Regex.IsMatch(target, "^[a-z][a-z0-9+.-]*:", RegexOptions.IgnoreCase)) continue; // http:, mailto:, ...
                yield return (i + 1, target);
            }
        }
    }

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"!?\[[^\]]*\]\((?<target>[^)\s]+)(\s+""[^""]*"")?\)")]
    private static partial Regex Link();
}
