using System.Text.RegularExpressions;

namespace AgentOps.Core.Validation;

/// <summary>
/// An npm-style version range as plugin dependencies declare it: exact (<c>1.2.3</c>), caret
/// (<c>^1.0.0</c>), tilde (<c>~1.2.3</c>), comparators (<c>&gt;=1.2 &lt;2</c>), wildcards (<c>1.x</c>, <c>*</c>)
/// and alternatives (<c>||</c>). Partial versions fill with zeros, as npm does.
/// </summary>
public sealed partial class VersionConstraint
{
    private readonly List<List<(string Op, SemanticVersion Version)>> _alternatives;

    private VersionConstraint(string text, List<List<(string, SemanticVersion)>> alternatives)
    {
        Text = text;
        _alternatives = alternatives;
    }

    public string Text { get; }

    public bool IsSatisfiedBy(SemanticVersion version) =>
        _alternatives.Any(all => all.All(c => c.Op switch
        {
            ">=" => version >= c.Version,
            ">" => version > c.Version,
            "<=" => version <= c.Version,
            "<" => version < c.Version,
            _ => version.CompareTo(c.Version) == 0,
        }));

    public static bool TryParse(string? text, out VersionConstraint constraint)
    {
        constraint = new VersionConstraint(text ?? "", []);
        if (string.IsNullOrWhiteSpace(text)) return false;
        var alternatives = new List<List<(string, SemanticVersion)>>();
        foreach (var alternative in text.Split("||"))
        {
            var comparators = new List<(string, SemanticVersion)>();
            // "1.2.3 - 2.0.0" hyphen ranges are rare in plugin manifests; they fail to parse and are reported.
            var parts = Spaces().Split(alternative.Trim()).Where(p => p.Length > 0).ToList();
            if (parts.Count == 0) parts.Add("*");
            for (var i = 0; i < parts.Count; i++)
            {
                var part = parts[i];
                if (part is ">=" or ">" or "<=" or "<" or "=" && i + 1 < parts.Count) part += parts[++i]; // ">= 1.2"
                if (!TryExpand(part, comparators)) return false;
            }
            alternatives.Add(comparators);
        }
        constraint = new VersionConstraint(text.Trim(), alternatives);
        return true;
    }

    private static bool TryExpand(string part, List<(string, SemanticVersion)> into)
    {
        var m = Comparator().Match(part);
        if (!m.Success) return false;
        var op = m.Groups["op"].Value;
        if (m.Groups["major"].Value is "" or "*" or "x" or "X") return op is "" or ">=" or "^" or "~"; // any version
        var major = int.Parse(m.Groups["major"].Value);
        int? minor = IsWild(m.Groups["minor"]) ? null : int.Parse(m.Groups["minor"].Value);
        int? patch = IsWild(m.Groups["patch"]) ? null : int.Parse(m.Groups["patch"].Value);
        var pre = m.Groups["pre"].Value;
        var low = new SemanticVersion(major, minor ?? 0, patch ?? 0, pre);
        SemanticVersion Next(int ma, int mi, int pa) => new(ma, mi, pa, "0"); // excludes prereleases of the bound, like npm's "-0"

        switch (op)
        {
            case "^":
                into.Add((">=", low));
                into.Add(("<", major > 0 || minor is null ? Next(major + 1, 0, 0)
                    : minor > 0 || patch is null ? Next(0, minor.Value + 1, 0) : Next(0, 0, patch.Value + 1)));
                return true;
            case "~":
                into.Add((">=", low));
                into.Add(("<", minor is null ? Next(major + 1, 0, 0) : Next(major, minor.Value + 1, 0)));
                return true;
            case "" or "=" when minor is null || patch is null:
                into.Add((">=", low));
                into.Add(("<", minor is null ? Next(major + 1, 0, 0) : Next(major, minor.Value + 1, 0)));
                return true;
            case "" or "=":
                into.Add(("=", low));
                return true;
            case ">" when minor is null || patch is null:
                into.Add((">=", minor is null ? Next(major + 1, 0, 0) : Next(major, minor.Value + 1, 0)));
                return true;
            case "<=" when minor is null || patch is null:
                into.Add(("<", minor is null ? Next(major + 1, 0, 0) : Next(major, minor.Value + 1, 0)));
                return true;
            default:
                into.Add((op, low));
                return true;
        }
    }

    private static bool IsWild(Group g) => !g.Success || g.Value is "" or "*" or "x" or "X";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
    [GeneratedRegex(@"^(?<op>\^|~|>=|<=|>|<|=)?v?(?<major>\d{1,9}|[*xX])?(?:\.(?<minor>\d{1,9}|[*xX]))?(?:\.(?<patch>\d{1,9}|[*xX]))?(?:-(?<pre>[0-9A-Za-z.\-]+))?(?:\+[0-9A-Za-z.\-]+)?$")]
    private static partial Regex Comparator();
}
