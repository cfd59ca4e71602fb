using System.Reflection;
using System.Text.RegularExpressions;

namespace AgentOps.Core.Diagnostics;

/// <summary>
/// Every diagnostic code as data. The table in docs/diagnostics.md is the single source: it is embedded in this
/// assembly and read once, so the doc, the SARIF rules (helpUri), the JSON output and the severity switches can never
/// disagree. Each constant of <see cref="DiagnosticCodes"/> must have a row and each row a constant (a test holds both
/// ways); a row's Rule column names the classes that emit the code.
/// </summary>
public static partial class DiagnosticRegistry
{
    public const string DocsUri = "https://github.com/agentops-marketplace/agentops-marketplace/blob/main/docs/diagnostics.md";
    private const string ResourceName = "AgentOps.Core.diagnostics.md";

    private static readonly Lazy<IReadOnlyDictionary<string, DiagnosticDescriptor>> Table = new(Load);

    public static IReadOnlyCollection<DiagnosticDescriptor> All => (IReadOnlyCollection<DiagnosticDescriptor>)Table.Value.Values;

    /// <summary>The code's row, or null for a code the doc does not have.</summary>
    public static DiagnosticDescriptor? Find(string code) => Table.Value.GetValueOrDefault(code);

    private static IReadOnlyDictionary<string, DiagnosticDescriptor> Load()
    {
        using var stream = typeof(DiagnosticRegistry).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded in AgentOps.Core");
        using var reader = new StreamReader(stream);
        var names = ConstantNames();
        return Parse(reader.ReadToEnd()).ToDictionary(
            d => d.Code,
            d => d with { Name = names.GetValueOrDefault(d.Code, d.Code) },
            StringComparer.Ordinal);
    }

    /// <summary>The rows of the Markdown table whose first cell is a code; columns found by their header names.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> Parse(string markdown)
    {
        var rows = new List<DiagnosticDescriptor>();
        string[]? header = null;
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.Trim();
            if (!line.StartsWith('|')) { header = null; continue; }
            var cells = SplitRow(line);
            if (cells.Length > 0 && cells[0] == "Code") { header = cells; continue; }
            if (header is null || cells.Length == 0 || !CodePattern().IsMatch(cells[0])) continue;
            string Cell(string name) { var i = Array.IndexOf(header, name); return i >= 0 && i < cells.Length ? cells[i] : ""; }
            rows.Add(new DiagnosticDescriptor(
                cells[0],
                ParseSeverity(Cell("Severity")),
                cells[0],
                RuleNames().Matches(Cell("Rule")).Select(m => m.Groups[1].Value).ToList(),
                Cell("Where"),
                Cell("Meaning"),
                Cell("Fix")));
        }
        return rows;
    }

    /// <summary>Cells of a table row; a <c>|</c> inside backticks or escaped as <c>\|</c> stays in its cell.</summary>
    private static string[] SplitRow(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var inCode = false;
        for (var i = 1; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '`') inCode = !inCode;
            if (c == '\\' && i + 1 < line.Length && line[i + 1] == '|') { cell.Append('|'); i++; continue; }
            if (c == '|' && !inCode) { cells.Add(cell.ToString().Trim()); cell.Clear(); continue; }
            cell.Append(c);
        }
        return cells.ToArray();
    }

    private static DiagnosticSeverity ParseSeverity(string text) => text.Trim().ToLowerInvariant() switch
    {
        "error" => DiagnosticSeverity.Error,
        "warning" => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };

    /// <summary>Code → constant name in <see cref="DiagnosticCodes"/> ("SourceFolderMissing"): the rule's short name.</summary>
    public static IReadOnlyDictionary<string, string> ConstantNames() =>
        typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .GroupBy(f => (string)f.GetRawConstantValue()!)
            .ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);

    [GeneratedRegex(@"^AOP\d{4}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"`([A-Za-z][A-Za-z0-9_.]*)`")]
    private static partial Regex RuleNames();
}
