using System.Text;

namespace AgentOps.Core.Security;

/// <summary>
/// Text in Unicode compatibility form (NFKC): full-width and other look-alike forms read as the letters they show, so
/// "ｃｌａｕｄｅ" is "claude" to a name check and "ｄｏｃｋｅｒ" is "docker" to a search. Text with a lone surrogate (cut
/// mid-character) cannot be normalised and is read as written, never an exception.
/// </summary>
public static class NfkcText
{
    public static string Of(string text)
    {
        try { return text.Normalize(NormalizationForm.FormKC); }
        catch (ArgumentException) { return text; }
    }
}
