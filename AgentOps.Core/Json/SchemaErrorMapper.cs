using AgentOps.Core.Diagnostics;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace AgentOps.Core.Json;

/// <summary>
/// Maps NJsonSchema's error kinds onto our codes: wrong type (AOP0002), required missing (AOP0003),
/// unknown property (AOP0004, a warning because Claude Code ignores unknown fields), any other
/// rejected value (AOP0005). For anyOf/oneOf failures it explains the closest alternative instead of
/// NJsonSchema's generic "NotAnyOf".
/// </summary>
internal static class SchemaErrorMapper
{
    private static readonly HashSet<ValidationErrorKind> TypeKinds =
    [
        ValidationErrorKind.StringExpected, ValidationErrorKind.NumberExpected, ValidationErrorKind.IntegerExpected,
        ValidationErrorKind.BooleanExpected, ValidationErrorKind.ObjectExpected, ValidationErrorKind.ArrayExpected,
        ValidationErrorKind.NullExpected,
    ];

    // Fields the CLI recognises as marketplace-entry fields when they appear in plugin.json.
    private static readonly HashSet<string> MarketplaceOnlyFields = ["category", "tags", "strict", "source"];

    public static Diagnostic ToDiagnostic(ValidationError error, string path, JToken root, ManifestKind kind)
    {
        if (error is ChildSchemaValidationError child && Closest(child) is { } inner)
            return ToDiagnostic(inner, path, root, kind);

        var (line, col) = error.HasLineInfo ? (error.LineNumber, error.LinePosition) : (1, 1);
        var where = JsonPath(error);
        var custom = CustomMessage(error.Schema);

        if (error.Kind == ValidationErrorKind.NoAdditionalPropertiesAllowed)
        {
            var name = error.Property ?? where;
            var why = kind == ManifestKind.Plugin && MarketplaceOnlyFields.Contains(name)
                ? $"field '{name}' belongs in the marketplace entry (marketplace.json), not plugin.json; Claude Code ignores it here"
                : $"unknown field '{name}'; Claude Code ignores it at load time (keep extra metadata elsewhere)";
            return new Diagnostic(DiagnosticCodes.SchemaUnknownProperty, DiagnosticSeverity.Warning, path, line, col,
                Prefix(ParentPath(where), why));
        }
        if (error.Kind == ValidationErrorKind.PropertyRequired)
            return new Diagnostic(DiagnosticCodes.SchemaRequiredMissing, DiagnosticSeverity.Error, path, line, col,
                Prefix(ParentPath(where), $"required property '{error.Property}' is missing"));
        if (TypeKinds.Contains(error.Kind))
        {
            var expected = error.Kind.ToString().Replace("Expected", "").ToLowerInvariant();
            var actual = root.SelectToken(ToSelectPath(where))?.Type.ToString().ToLowerInvariant() ?? "another type";
            return new Diagnostic(DiagnosticCodes.SchemaWrongType, DiagnosticSeverity.Error, path, line, col,
                Prefix(where, custom ?? $"expected {Article(expected)}, found {actual}"));
        }
        var message = custom ?? error.Kind switch
        {
            ValidationErrorKind.PatternMismatch => $"value does not match the pattern {error.Schema?.Pattern}",
            ValidationErrorKind.NotInEnumeration => $"value must be one of {string.Join(", ", error.Schema?.Enumeration ?? [])}",
            ValidationErrorKind.UriExpected => "value must be an absolute URL (https://…)",
            ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf => "value matches none of the allowed forms",
            _ => $"value is not accepted ({error.Kind})",
        };
        return new Diagnostic(DiagnosticCodes.SchemaInvalidValue, DiagnosticSeverity.Error, path, line, col, Prefix(where, message));
    }

    // The alternative of an anyOf that came closest: fewest errors, and not rejected for its very type.
    private static ValidationError? Closest(ChildSchemaValidationError child)
    {
        if (CustomMessage(child.Schema) is not null && child.Errors.Count > 1
            && child.Errors.Values.All(errors => errors.Any(e => IsShapeMismatch(e, child))))
            return null; // no alternative fits the shape: the schema's own message says what is expected
        var best = child.Errors
            .Select(kv => kv.Value.ToList())
            .Where(errors => errors.Count > 0)
            .OrderBy(errors => errors.Any(e => IsShapeMismatch(e, child)) ? 1 : 0)
            .ThenBy(errors => errors.Count)
            .FirstOrDefault();
        return best?.FirstOrDefault();
    }

    // A branch that failed on the value's own type, or on the discriminating "source" enum, is not the one meant.
    private static bool IsShapeMismatch(ValidationError e, ChildSchemaValidationError parent) =>
        (TypeKinds.Contains(e.Kind) && e.Path == parent.Path)
        || (e.Kind == ValidationErrorKind.NotInEnumeration && e.Property == "source")
        || (e.Kind == ValidationErrorKind.PatternMismatch && e.Path == parent.Path);

    private static string? CustomMessage(JsonSchema? schema)
    {
        for (var s = schema; s is not null; s = s.HasReference ? s.Reference : null)
            if (s.ExtensionData?.TryGetValue("x-message", out var value) == true && value is string text)
                return text;
        return null;
    }

    private static string JsonPath(ValidationError error)
    {
        var p = error.Path ?? "";
        return p.StartsWith("#/", StringComparison.Ordinal) ? p[2..] : p.TrimStart('#');
    }

    private static string ParentPath(string where)
    {
        var cut = Math.Max(where.LastIndexOf('.'), where.LastIndexOf('['));
        return cut > 0 ? where[..cut] : "";
    }

    private static string ToSelectPath(string where) => where.Length == 0 ? "" : where;
    private static string Prefix(string where, string message) => where.Length == 0 ? message : $"{where}: {message}";
    private static string Article(string noun) => noun.Length > 0 && "aeiou".Contains(noun[0]) ? $"an {noun}" : $"a {noun}";
}
