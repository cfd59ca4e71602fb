using System.Collections.Concurrent;
using AgentOps.Core.Diagnostics;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace AgentOps.Core.Json;

/// <summary>The JSON Schemas the project writes (AgentOps.Core/Schemas, embedded), one per manifest kind.</summary>
public enum ManifestKind { Plugin, Marketplace, Hooks }

/// <summary>
/// Validates a parsed manifest against its embedded schema with NJsonSchema and turns each
/// <see cref="ValidationError"/> into a diagnostic with a stable code, a message a plugin author
/// understands, and the line of the token at fault.
/// </summary>
public static class ManifestSchemas
{
    private static readonly ConcurrentDictionary<ManifestKind, JsonSchema> Cache = new();

    public static string FileName(ManifestKind kind) => kind switch
    {
        ManifestKind.Plugin => "plugin.schema.json",
        ManifestKind.Marketplace => "marketplace.schema.json",
        _ => "hooks.schema.json",
    };

    /// <summary>The schema text, for writing next to packed manifests or documentation.</summary>
    public static string Text(ManifestKind kind)
    {
        var name = $"AgentOps.Core.Schemas.{FileName(kind)}";
        using var stream = typeof(ManifestSchemas).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded schema {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static JsonSchema Schema(ManifestKind kind) =>
        Cache.GetOrAdd(kind, k => JsonSchema.FromJsonAsync(Text(k)).GetAwaiter().GetResult());

    // An invalid array item or property wraps every error found inside it; report each (two unknown
    // fields in one entry are two findings). Only anyOf/oneOf keep one: the closest alternative.
    private static IEnumerable<ValidationError> Flatten(ValidationError error) =>
        error is ChildSchemaValidationError child && error.Kind is not (ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf)
            ? child.Errors.SelectMany(kv => kv.Value).SelectMany(Flatten)
            : [error];

    public static IReadOnlyList<Diagnostic> Validate(ManifestKind kind, string path, JToken token)
    {
        var diagnostics = new List<Diagnostic>();
        foreach (var error in Schema(kind).Validate(token).SelectMany(Flatten))
            diagnostics.Add(SchemaErrorMapper.ToDiagnostic(error, path, token, kind));
        return diagnostics
            .DistinctBy(d => (d.Code, d.Line, d.Column, d.Message))
            .OrderBy(d => d.Line).ThenBy(d => d.Column).ToList();
    }
}
