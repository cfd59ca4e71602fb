using System.Text;

namespace AgentOps.Orchestration.Catalog.Ranking;

/// <summary>The text of a table embedded in this assembly (the glossary, the concept lexicon); a missing one is a build defect.</summary>
internal static class EmbeddedTable
{
    public static string Read(string resourceName)
    {
        using var stream = typeof(EmbeddedTable).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"{resourceName} is not embedded in AgentOps.Orchestration");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
