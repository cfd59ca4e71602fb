using AgentOps.Core.Diagnostics;
using AgentOps.Core.Markdown;
using YamlDotNet.RepresentationModel;

namespace AgentOps.Core.Validation.Evals;

/// <summary>
/// Reads one case folder the way Claude Code 2.1.331 does (case.yaml, prompt.md, graders/*.md) into an
/// <see cref="EvalCase"/>. YAML goes through <see cref="MarkdownDocument"/>, the codebase's one YAML reader. What the CLI
/// refuses while reading (bad YAML, an unknown prompt.md key, a grader file without <c>type:</c>) is reported here;
/// the assembled case is checked by <see cref="EvalCaseRules"/>.
/// </summary>
public static class EvalCaseReader
{
    /// <summary>The frontmatter keys prompt.md may set, by where the CLI puts them (its own lists).</summary>
    public static readonly IReadOnlySet<string> PromptTopKeys = new HashSet<string>(StringComparer.Ordinal)
        { "schema_version", "name", "description", "tags", "plugins", "runs", "expected_outcome" };
    public static readonly IReadOnlySet<string> PromptExecutionKeys = new HashSet<string>(StringComparer.Ordinal)
        { "model", "max_turns", "timeout_seconds", "allowed_tools", "disallowed_tools", "artifact_publish", "growthbook_overrides", "append_system_prompt", "env" };

    /// <summary>The CLI's cap on grader files per case.</summary>
    public const int MaxGraderFiles = 256;

    /// <summary>Null when the folder defines nothing (the caller reports it) or a file could not be read at all.</summary>
    public static EvalCase? Read(string directory, List<Diagnostic> diagnostics)
    {
        var caseFile = Path.Combine(directory, "case.yaml");
        var promptFile = Path.Combine(directory, "prompt.md");
        var before = diagnostics.Count;

        IReadOnlyDictionary<string, FrontmatterField>? yaml = null;
        if (File.Exists(caseFile))
        {
            if (!TextFileReader.TryRead(caseFile, out var text, out var problem)) diagnostics.Add(problem!);
            else
            {
                yaml = MarkdownDocument.ParseYamlFile(caseFile, text, out var errors);
                diagnostics.AddRange(errors);
                if (yaml.Count == 0) yaml = null; // an empty case.yaml counts as absent, as in the CLI
            }
        }
        MarkdownDocument? prompt = null;
        if (File.Exists(promptFile))
        {
            if (!TextFileReader.TryRead(promptFile, out var text, out var problem)) diagnostics.Add(problem!);
            else { prompt = MarkdownDocument.Parse(promptFile, text); diagnostics.AddRange(prompt.Errors); }
        }
        var graderDocs = ReadGraderFiles(directory, diagnostics);
        if (diagnostics.Count > before && diagnostics.Skip(before).Any(d => d.IsError)) return null;

        var evalCase = new EvalCase { Directory = directory, CaseFile = yaml is null ? null : caseFile, PromptFile = prompt is null ? null : promptFile };
        if (yaml is not null) AddCaseYaml(evalCase, caseFile, yaml);
        if (prompt is not null) AddPrompt(evalCase, prompt, diagnostics);
        foreach (var doc in graderDocs) AddGraderFile(evalCase, doc, diagnostics);
        var defined = yaml is not null || evalCase.Top.Count > 0 || evalCase.Execution.Count > 0 || evalCase.Graders.Count > 0;
        return defined ? evalCase : null;
    }

    private static void AddCaseYaml(EvalCase evalCase, string file, IReadOnlyDictionary<string, FrontmatterField> yaml)
    {
        foreach (var (key, field) in yaml)
        {
            evalCase.CaseYamlKeys.Add(key);
            var value = new EvalValue(file, field.Value, field.Line, field.Column);
            if (key == "graders") { evalCase.GradersValue = value; continue; }
            evalCase.Top[key] = value;
            if (key != "execution" || field.Value is not YamlMappingNode execution) continue;
            foreach (var (k, v) in execution.Children)
                evalCase.Execution[(k as YamlScalarNode)?.Value ?? k.ToString()] = new EvalValue(file, v, (int)k.Start.Line, (int)k.Start.Column);
        }
        if (evalCase.GradersValue?.Node is YamlSequenceNode graders)
            foreach (var item in graders.Children)
            {
                var fields = item is YamlMappingNode map
                    ? map.Children.ToDictionary(c => (c.Key as YamlScalarNode)?.Value ?? c.Key.ToString(),
                        c => new EvalValue(file, c.Value, (int)c.Key.Start.Line, (int)c.Key.Start.Column), StringComparer.Ordinal)
                    : [];
                evalCase.Graders.Add(new EvalGrader(file, (int)item.Start.Line, (int)item.Start.Column, fields));
            }
    }

    private static void AddPrompt(EvalCase evalCase, MarkdownDocument prompt, List<Diagnostic> diagnostics)
    {
        foreach (var (key, field) in prompt.Fields)
        {
            var value = new EvalValue(prompt.Path, field.Value, field.Line, field.Column);
            if (PromptTopKeys.Contains(key)) evalCase.Top[key] = value;
            else if (PromptExecutionKeys.Contains(key)) evalCase.Execution[key] = value;
            else diagnostics.Add(new Diagnostic(DiagnosticCodes.EvalCaseInvalid, DiagnosticSeverity.Error, prompt.Path, field.Line, field.Column,
                $"unknown prompt.md frontmatter key '{key}': claude plugin eval refuses the case (expected one of: {string.Join(", ", PromptTopKeys.Concat(PromptExecutionKeys))})"));
        }
        var body = prompt.Body.Trim();
        if (body.Length > 0)
            evalCase.Execution["prompt"] = new EvalValue(prompt.Path, new YamlScalarNode(body) { Style = YamlDotNet.Core.ScalarStyle.Literal }, TextLine(prompt), 1);
    }

    private static void AddGraderFile(EvalCase evalCase, MarkdownDocument doc, List<Diagnostic> diagnostics)
    {
        var name = Path.GetFileNameWithoutExtension(doc.Path);
        if (!doc.HasFrontmatter)
        {
            // The CLI skips such a file without a word: the grader the author meant never runs.
            diagnostics.Add(new Diagnostic(DiagnosticCodes.EvalIgnoredContent, DiagnosticSeverity.Warning, doc.Path, 1, 1,
                $"grader file without frontmatter: claude plugin eval ignores it silently, so grader '{name}' never runs; start it with '---', 'type: llm' (or regex, tool_used…), '---'"));
            return;
        }
        var type = doc.Field("type");
        if (type is null || YamlValue.KindOf(type.Value) != YamlKind.String)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.EvalGraderInvalid, DiagnosticSeverity.Error, doc.Path, type?.Line ?? 1, type?.Column ?? 1,
                "grader frontmatter must include 'type:' (regex | tool_order | tool_used | file_exists | llm | baseline)"));
            return;
        }
        var fields = doc.Fields.ToDictionary(f => f.Key, f => new EvalValue(doc.Path, f.Value.Value, f.Value.Line, f.Value.Column), StringComparer.Ordinal);
        fields.TryAdd("name", new EvalValue(doc.Path, new YamlScalarNode(name) { Style = YamlDotNet.Core.ScalarStyle.SingleQuoted }, 1, 1));
        // The body is the grader's text: an llm/baseline grader's criteria, a regex grader's pattern, unless the frontmatter sets it.
        var bodyKey = type.Scalar switch { "llm" or "baseline" => "criteria", "regex" => "pattern", _ => null };
        var body = doc.Body.Trim();
        if (bodyKey is not null && body.Length > 0)
            fields.TryAdd(bodyKey, new EvalValue(doc.Path, new YamlScalarNode(body) { Style = YamlDotNet.Core.ScalarStyle.Literal }, TextLine(doc), 1));
        evalCase.Graders.Add(new EvalGrader(doc.Path, 1, 1, fields));
    }

    /// <summary>The line of the body's first non-blank line: where its text (the prompt, the criteria) starts.</summary>
    private static int TextLine(MarkdownDocument doc) =>
        doc.BodyLine + doc.Body[..(doc.Body.Length - doc.Body.TrimStart().Length)].Count(c => c == '\n');

    private static List<MarkdownDocument> ReadGraderFiles(string directory, List<Diagnostic> diagnostics)
    {
        var folder = Path.Combine(directory, "graders");
        if (!System.IO.Directory.Exists(folder)) return [];
        var files = System.IO.Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal).ToList();
        if (files.Count > MaxGraderFiles)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.EvalGraderInvalid, DiagnosticSeverity.Error, folder, 0, 0,
                $"graders/ holds {files.Count} .md files: claude plugin eval refuses more than {MaxGraderFiles}"));
            return [];
        }
        var docs = new List<MarkdownDocument>();
        foreach (var file in files)
        {
            if (!TextFileReader.TryRead(file, out var text, out var problem)) { diagnostics.Add(problem!); continue; }
            var doc = MarkdownDocument.Parse(file, text);
            diagnostics.AddRange(doc.Errors);
            if (doc.Errors.Count == 0) docs.Add(doc);
        }
        return docs;
    }
}
