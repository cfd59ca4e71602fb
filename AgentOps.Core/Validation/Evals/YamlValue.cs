using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace AgentOps.Core.Validation.Evals;

public enum YamlKind { String, Number, Boolean, Null, List, Mapping }

/// <summary>
/// What a YAML value is once Claude Code's JavaScript YAML reader has typed it (the YAML 1.2 core schema): YamlDotNet
/// leaves every scalar as text, but `max_turns: "10"` is a string to the CLI's schema and `max_turns: 10` a number, so
/// an eval case is judged on the type the CLI will see. A quoted scalar is always a string.
/// </summary>
public static partial class YamlValue
{
    public static YamlKind KindOf(YamlNode node) => node switch
    {
        YamlSequenceNode => YamlKind.List,
        YamlMappingNode => YamlKind.Mapping,
        YamlScalarNode s when s.Style is not YamlDotNet.Core.ScalarStyle.Plain => YamlKind.String,
        YamlScalarNode s when s.Value is null || NullText().IsMatch(s.Value) => YamlKind.Null,
        YamlScalarNode s when BoolText().IsMatch(s.Value!) => YamlKind.Boolean,
        YamlScalarNode s when Number(s) is not null => YamlKind.Number,
        _ => YamlKind.String,
    };

    /// <summary>The number a plain scalar stands for (decimal, 0x, 0o, float, .inf), else null.</summary>
    public static double? Number(YamlNode node)
    {
        if (node is not YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: { } text }) return null;
        if (IntText().IsMatch(text)) return double.Parse(text, CultureInfo.InvariantCulture);
        if (text.StartsWith("0x", StringComparison.Ordinal) && HexText().IsMatch(text)) return Convert.ToInt64(text[2..], 16);
        if (text.StartsWith("0o", StringComparison.Ordinal) && OctText().IsMatch(text)) return Convert.ToInt64(text[2..], 8);
        if (FloatText().IsMatch(text)) return double.Parse(text, CultureInfo.InvariantCulture);
        if (InfText().IsMatch(text)) return text.StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity;
        return NanText().IsMatch(text) ? double.NaN : null;
    }

    public static string? Text(YamlNode node) => KindOf(node) == YamlKind.String ? ((YamlScalarNode)node).Value ?? "" : null;

    /// <summary>How a message names the kind ("a number", "a list").</summary>
    public static string Describe(YamlKind kind) => kind switch
    {
        YamlKind.String => "text",
        YamlKind.Number => "a number",
        YamlKind.Boolean => "a boolean",
        YamlKind.Null => "empty (null)",
        YamlKind.List => "a list",
        _ => "a mapping",
    };

    [GeneratedRegex("^(~|null|Null|NULL|)$")] private static partial Regex NullText();
    [GeneratedRegex("^(true|True|TRUE|false|False|FALSE)$")] private static partial Regex BoolText();
    [GeneratedRegex("^[-+]?[0-9]+$")] private static partial Regex IntText();
    [GeneratedRegex("^0x[0-9a-fA-F]+$")] private static partial Regex HexText();
    [GeneratedRegex("^0o[0-7]+$")] private static partial Regex OctText();
    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")] private static partial Regex FloatText();
    [GeneratedRegex(@"^[-+]?\.(inf|Inf|INF)$")] private static partial Regex InfText();
    [GeneratedRegex(@"^\.(nan|NaN|NAN)$")] private static partial Regex NanText();
}
