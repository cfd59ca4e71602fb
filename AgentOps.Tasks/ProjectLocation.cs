using System.Xml;
using System.Xml.Linq;

namespace AgentOps.Tasks;

/// <summary>Finds the line of a property or item in a project file, so a bad value is reported where
/// the author wrote it rather than in the generated JSON.</summary>
internal static class ProjectLocation
{
    public static (int Line, int Column) Of(string projectFile, string elementName, string? include = null)
    {
        try
        {
            var doc = XDocument.Load(projectFile, LoadOptions.SetLineInfo);
            var element = doc.Descendants().FirstOrDefault(e => e.Name.LocalName == elementName
                && (include is null || ((string?)e.Attribute("Include"))?.Split(';').Select(i => i.Trim()).Contains(include) == true));
            return element is IXmlLineInfo info && info.HasLineInfo() ? (info.LineNumber, info.LinePosition) : (1, 1);
        }
        catch (Exception ex) when (ex is XmlException or IOException or UnauthorizedAccessException)
        {
            return (1, 1); // MSBuild itself reports an unreadable project
        }
    }
}
