using System.Text.RegularExpressions;

namespace AgentOps.Core.Security;

/// <summary>One detection rule: a pattern, which part of a match is the secret, and which values are
/// placeholders rather than secrets.</summary>
internal sealed record SecretRule(string Kind, Regex Pattern, Func<string, string, bool> IsSecret, Func<Match, (string Kind, Group Group)> Resolve);

/// <summary>
/// The rules of <see cref="SecretScanner"/>, most specific first (an earlier rule's match wins where
/// two overlap). Vendor tokens follow the formats secretlint's recommended preset knows, with lower
/// length bounds so a slightly shortened or reformatted token is still caught.
/// </summary>
internal static partial class SecretRules
{
    private const string Bound = @"(?<![A-Za-z0-9_\-])"; // not inside a longer word

    // Tokens recognisable by their prefix alone: group name = kind (with '_' read as '-').
    private static readonly (string Kind, string Pattern)[] PrefixTokens =
    [
        ("anthropic_api_key", @"sk-ant-[A-Za-z0-9_\-]{20,}"),
        ("openai_api_key", @"sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_\-]{20,}"),
        ("aws_access_key", @"(?:A3T[A-Z0-9]|AKIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])"),
        ("github_token", @"(?:gh[pousr]_[A-Za-z0-9_]{20,}|github_pat_[A-Za-z0-9_]{22,})"),
        ("gitlab_token", @"(?:glpat|glptt|gldt|glrt|glcbt|glimt|glft|glsoat|gloas)-[A-Za-z0-9_\-]{20,}"),
        ("grafana_token", @"(?:glc_[A-Za-z0-9+/]{32,}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})"),
        ("slack_token", @"(?:xox[a-z]|xapp)-[A-Za-z0-9\-]{10,}"),
        ("slack_webhook", @"https://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9/_\-]{10,}"),
        ("google_api_key", @"AIza[0-9A-Za-z_\-]{35}"),
        ("stripe_key", @"(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}"),
        ("sendgrid_key", @"SG\.[A-Za-z0-9_\-]{16,}\.[A-Za-z0-9_\-]{16,}"),
        ("shopify_token", @"shp(?:pa|ca|at|ss)_[A-Za-z0-9]{32,}"),
        ("npm_token", @"npm_[A-Za-z0-9]{36,}"),
        ("huggingface_token", @"hf_[A-Za-z0-9]{30,}"),
        ("groq_api_key", @"gsk_[A-Za-z0-9]{40,}"),
        ("linear_api_key", @"lin_(?:api|oauth)_[A-Za-z0-9_]{32,}"),
        ("notion_token", @"(?:ntn_[0-9]{11}[A-Za-z0-9]{35,}|secret_[A-Za-z0-9]{43})"),
        ("onepassword_token", @"ops_ey[A-Za-z0-9+/=]{100,}"),
        ("vault_token", @"hv[sbr]\.[A-Za-z0-9_\-]{24,}"),
        ("vercel_token", @"vc[pickar]_[A-Za-z0-9]{20,}"),
        ("databricks_token", @"dapi[a-f0-9]{32}(?:-[0-9])?"),
        ("docker_token", @"dckr_(?:pat|oat)_[A-Za-z0-9_\-]{27,}"),
        ("figma_token", @"figd_[A-Za-z0-9_\-]{40,}"),
        ("cloudflare_token", @"(?:cfk|cfut|cfat)_[A-Za-z0-9]{40,}"),
        ("tailscale_key", @"tskey-[a-z]{2,20}-[A-Za-z0-9_]{8,}-[A-Za-z0-9_]{16,}"),
        ("pypi_token", @"pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_\-]{50,}"),
        ("jwt", @"eyJ[A-Za-z0-9_\-]{10,}\.eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{10,}"),
    ];

    private static readonly Regex PrefixTokenPattern = new(
        Bound + "(?:" + string.Join("|", PrefixTokens.Select(t => $"(?<{t.Kind}>{t.Pattern})")) + ")",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, SecretScanner.Timeout);

    // Words that make an assignment's value a secret wherever they stand in its name
    // (AWS_SECRET_ACCESS_KEY, DB_PASSWORD, client_secret, x-api-key…).
    private const string SecretName = @"[A-Za-z0-9_.\-]{0,60}?(?:password|passwd|passphrase|pwd|secret)[A-Za-z0-9_.\-]{0,60}";
    private const string TokenName = @"[A-Za-z0-9_.\-]{0,60}?(?:token|api[_\-]?key|apikey|access[_\-]?key|private[_\-]?key|auth[_\-]?key|credentials?|signing[_\-]?key)[A-Za-z0-9_.\-]{0,60}";
    // name, optional quote (plain, backslash-escaped or \u0022-escaped as System.Text.Json writes it), ':' '=' '=>' or ':=', optional (escaped) quote, value.
    private const string Quote = @"(?:\\?[""']|\\u0022|\\u0027)";
    private const string Assign = Quote + @"?\s*(?::=|=>|:|=)\s*" + Quote + @"?(?<secret>[^\s""'`,;\\()\[\]{}<>]{6,})";

    public static readonly SecretRule[] All =
    [
        new("private-key", PrivateKey(), (_, v) => IsRealKeyBlock(v), WholeMatch("private-key")),
        new("token", PrefixTokenPattern, (_, v) => !IsPlaceholder(v), PrefixKind),
        new("aws-secret-key", AwsSecretKey(), (_, v) => !IsPlaceholder(v), SecretGroup("aws-secret-key")),
        new("connection-string", ConnectionString(), (_, v) => !IsPlaceholder(v), SecretGroup("connection-string")),
        new("url-credentials", UrlCredentials(), (_, v) => IsUrlSecret(v), SecretGroup("url-credentials")),
        new("npm-auth-token", NpmAuthToken(), (_, v) => !IsPlaceholder(v), SecretGroup("npm-auth-token")),
        new("password-assignment", PasswordAssignment(), (_, v) => !IsPlaceholder(v) && !IsPlainWord(v), SecretGroup("password-assignment")),
        new("token-assignment", TokenAssignment(), (_, v) => !IsPlaceholder(v) && LooksRandom(v), SecretGroup("token-assignment")),
        new("authorization-header", AuthorizationHeader(), (_, v) => !IsPlaceholder(v) && LooksRandom(v), SecretGroup("authorization-header")),
        new("email", Email(), (_, v) => !IsPlaceholder(v) && !IsPublicAddress(v), WholeMatch("email")),
    ];

    private static Func<Match, (string, Group)> WholeMatch(string kind) => m => (kind, m);
    private static Func<Match, (string, Group)> SecretGroup(string kind) => m => (kind, m.Groups["secret"]);

    private static (string, Group) PrefixKind(Match m)
    {
        foreach (var (kind, _) in PrefixTokens)
            if (m.Groups[kind] is { Success: true } g) return (kind.Replace('_', '-'), g);
        return ("token", m);
    }

    /// <summary>Placeholders in docs and examples are not secrets (never applied to key blocks).</summary>
    internal static bool IsPlaceholder(string value) =>
        value.Contains("example", StringComparison.OrdinalIgnoreCase)
        || value.Contains("REDACTED", StringComparison.Ordinal)
        || value.Contains("${", StringComparison.Ordinal) || value.Contains("{{", StringComparison.Ordinal)
        || value.StartsWith('$') || value.StartsWith('%')
        || value.Contains('<') || value.Contains('…')
        || value.All(c => c is 'x' or 'X' or '*' or '.' or '-' or '_' or '0');

    // A value of a password/secret key that is a word of configuration, not a password
    // ("secrets: inherit", "password: required", "secret: true").
    private static readonly HashSet<string> ConfigWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "inherit", "required", "optional", "string", "boolean", "number", "integer", "true", "false", "null", "none",
        "undefined", "hidden", "masked", "prompt", "secret", "secrets", "password", "changeme", "default", "enabled", "disabled",
    };

    private static bool IsPlainWord(string value) => ConfigWords.Contains(value.TrimEnd('.', ':'));

    /// <summary>A token-like value: letters and digits mixed, at least 8 characters (not "max_tokens: 100000",
    /// not "access_key: the-one-in-vault").</summary>
    private static bool LooksRandom(string value) =>
        value.Length >= 8 && value.Any(char.IsDigit) && value.Any(char.IsLetter) && !IsPlainWord(value);

    // "https://host:8080/x@y" is a port, not a password.
    private static bool IsUrlSecret(string credentials)
    {
        var colon = credentials.IndexOf(':');
        var password = colon >= 0 ? credentials[(colon + 1)..] : credentials;
        if (password.Length == 0 || PortThenPath().IsMatch(password)) return false;
        return !IsPlaceholder(password) && !password.StartsWith('{');
    }

    /// <summary>A key block is a secret unless its body is empty or only placeholder marks ("...", "xxxx").
    /// "example" elsewhere does not make a key a placeholder.</summary>
    private static bool IsRealKeyBlock(string block)
    {
        var body = KeyMarkers().Replace(block, "").Replace("\\n", "").Replace("\\r", "");
        body = new string(body.Where(c => !char.IsWhiteSpace(c)).ToArray());
        return body.Length > 0 && !body.All(c => c is '.' or '*' or 'x' or 'X' or '…' or '<' or '>' or '-');
    }

    private static bool IsPublicAddress(string email) =>
        email.EndsWith("@users.noreply.github.com", StringComparison.OrdinalIgnoreCase)
        || email.StartsWith("noreply@", StringComparison.OrdinalIgnoreCase)
        || email.EndsWith("@localhost", StringComparison.OrdinalIgnoreCase);

    // BEGIN … PRIVATE KEY (PEM, OpenSSH, PGP "PRIVATE KEY BLOCK", encrypted) up to its END line, or to the end
    // of the text when the END line is missing (a truncated key is still a key).
    [GeneratedRegex(@"-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----|\z)", RegexOptions.CultureInvariant, 5000)]
    private static partial Regex PrivateKey();
    [GeneratedRegex(@"-----(?:BEGIN|END)[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----", RegexOptions.CultureInvariant)]
    private static partial Regex KeyMarkers();
    [GeneratedRegex(@"(?i)aws.{0,30}?(?:secret|key).{0,30}?(?:\\?[""']|\\u0022|\\u0027)?\s*(?::=|=>|:|=)\s*(?:\\?[""']|\\u0022|\\u0027)?(?<secret>[A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])", RegexOptions.CultureInvariant, 5000)]
    private static partial Regex AwsSecretKey();
    [GeneratedRegex(@"(?i)\b(?:Server|Data Source|Host|Address|Addr)\s*=[^;\n]+;[^\n]*?(?:Password|Pwd)\s*=\s*(?<secret>[^;\s""']+)", RegexOptions.CultureInvariant, 5000)]
    private static partial Regex ConnectionString();
    // Any scheme; the user part holds no '/', the password may (it is everything up to the '@').
    [GeneratedRegex(@"(?i)(?<![A-Za-z0-9+.\-])[a-z][a-z0-9+.\-]{1,30}://(?<secret>[^\s:/@""'<>\\]{1,256}:[^\s@""'<>\\]{1,256})@[A-Za-z0-9\[]", RegexOptions.CultureInvariant, 5000)]
    private static partial Regex UrlCredentials();
    [GeneratedRegex(@"^\d{1,5}(?:/|$)")]
    private static partial Regex PortThenPath();
    [GeneratedRegex(@"_(?:authToken|auth|password)\s*=\s*(?<secret>[^\s$][^\s]{5,})", RegexOptions.CultureInvariant, 5000)]
    private static partial Regex NpmAuthToken();
    [GeneratedRegex(@"(?i)(?<![A-Za-z0-9])" + SecretName + Assign, RegexOptions.CultureInvariant, 5000)]
    private static partial Regex PasswordAssignment();
    [GeneratedRegex(@"(?i)(?<![A-Za-z0-9])" + TokenName + Assign, RegexOptions.CultureInvariant, 5000)]
    private static partial Regex TokenAssignment();
    [GeneratedRegex(@"(?i)\b(?:Bearer|Basic|token)\s+(?<secret>[A-Za-z0-9_\-.=+/]{20,})", RegexOptions.CultureInvariant, 5000)]
    private static partial Regex AuthorizationHeader();
    [GeneratedRegex(@"\b[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}\b", RegexOptions.CultureInvariant, 5000)]
    private static partial Regex Email();
}
