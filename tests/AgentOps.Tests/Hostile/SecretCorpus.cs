namespace AgentOps.Tests.Hostile;

/// <summary>
/// One seeded secret: its kind, the text as a user would paste it, the part that must never reach
/// disk (<see cref="Core"/>), and whether the independent judge (secretlint's recommended preset)
/// recognises it on its own — the kinds it does not (PGP blocks, keys with no END line, passwords
/// holding '/') are checked by plain substring search instead.
/// </summary>
internal sealed record SeededSecret(string Kind, string Text, string Core, bool JudgeSees);

/// <summary>
/// Every kind of secret the review found leaking plus every kind secretlint's recommended preset knows,
/// generated from a fixed seed (random-looking, never a real credential, no "example" in them).
/// </summary>
internal static class SecretCorpus
{
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Hex = "0123456789abcdef";
    private const string Base64 = Alnum + "+/";

    public static IReadOnlyList<SeededSecret> All { get; } = Build(new Random(1207));

    private static string R(Random r, string alphabet, int n) => new(Enumerable.Range(0, n).Select(_ => alphabet[r.Next(alphabet.Length)]).ToArray());

    private static string KeyBody(Random r, string magic, int chars)
    {
        var body = magic + R(r, Base64, chars - magic.Length);
        return string.Join("\n", body.Chunk(64).Select(c => new string(c)));
    }

    private static List<SeededSecret> Build(Random r)
    {
        var list = new List<SeededSecret>();
        void Add(string kind, string text, string core, bool judge) => list.Add(new SeededSecret(kind, text, core, judge));

        var awsSecret = R(r, Alnum, 18) + "/" + R(r, Alnum, 10) + "+" + R(r, Alnum, 10);
        Add("aws-secret-key", $"AWS_SECRET_ACCESS_KEY={awsSecret}", awsSecret, true);
        var awsId = "AKIA" + R(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
        Add("aws-access-key", $"aws_access_key_id = {awsId}", awsId, false); // secretlint: ID scan off by default

        var rsa = KeyBody(r, "MIIEpAIBAAKCAQEA", 320);
        Add("rsa-private-key", $"-----BEGIN RSA PRIVATE KEY-----\n{rsa}\n-----END RSA PRIVATE KEY-----", rsa.Split('\n')[2], true);
        var pgp = "lQOYBGV" + R(r, Base64, 57) + "\n" + R(r, Base64, 64) + "\n" + R(r, Base64, 64);
        Add("pgp-private-key-block", $"-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v2\n\n{pgp}\n=Ab3d\n-----END PGP PRIVATE KEY BLOCK-----", pgp.Split('\n')[1], false);
        var noEnd = KeyBody(r, "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", 256);
        Add("private-key-no-end", $"-----BEGIN PRIVATE KEY-----\n{noEnd}\n(pasted from the example in the wiki)", noEnd.Split('\n')[1], false);
        var openssh = KeyBody(r, "b3BlbnNzaC1rZXktdjEAAAAA", 256);
        Add("openssh-private-key", $"-----BEGIN OPENSSH PRIVATE KEY-----\n{openssh}\n-----END OPENSSH PRIVATE KEY-----", openssh.Split('\n')[1], true);

        var xapp = $"xapp-1-A{R(r, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", 10)}-{R(r, "0123456789", 13)}-{R(r, Hex, 64)}";
        Add("slack-app-token", $"SLACK_APP_TOKEN {xapp}", xapp, true);
        var xoxb = $"xoxb-{R(r, "0123456789", 12)}-{R(r, "0123456789", 13)}-{R(r, Alnum, 24)}";
        Add("slack-bot-token", $"slack: {xoxb}", xoxb, true);
        var hook = $"https://hooks.slack.com/services/T{R(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 8)}/B{R(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 8)}/{R(r, Alnum, 24)}";
        Add("slack-webhook", $"post to {hook}", hook[^24..], true);

        var slashPassword = $"{R(r, Alnum, 6)}/{R(r, Alnum, 6)}";
        Add("url-password-with-slash", $"git clone https://deploy:{slashPassword}@git.internal.io/team/app.git", slashPassword, false);
        var basic = R(r, Alnum, 14);
        Add("basic-auth-url", $"curl https://svc_{R(r, Lower, 5)}:{basic}@api.internal.io/v1", basic, true);
        var pg = R(r, Alnum, 16);
        Add("postgres-uri", $"DATABASE_URL=postgres://app_{R(r, Lower, 4)}:{pg}@db.prod.internal:5432/app", pg, true);
        var mongo = R(r, Alnum, 16);
        Add("mongodb-uri", $"mongodb+srv://svc_{R(r, Lower, 4)}:{mongo}@cluster0.abcd.mongodb.net/prod", mongo, true);

        var ghp = "ghp_" + R(r, Alnum, 36);
        Add("github-classic-token", $"export GITHUB_TOKEN={ghp}", ghp, true);
        var pat = "github_pat_" + R(r, Alnum + "_", 82);
        Add("github-fine-grained-token", $"token {pat}", pat, true);
        var glpat = "glpat-" + R(r, Alnum, 20);
        Add("gitlab-token", glpat, glpat, true);
        var openai = "sk-" + R(r, Alnum, 20) + "T3BlbkFJ" + R(r, Alnum, 20);
        Add("openai-api-key", $"OPENAI_API_KEY={openai}", openai, true);
        var anthropic = "sk-ant-api03-" + R(r, Alnum + "_-", 93) + "AA";
        Add("anthropic-api-key", $"ANTHROPIC_API_KEY={anthropic}", anthropic, true);
        var stripe = "sk_live_" + R(r, Alnum, 24);
        Add("stripe-key", stripe, stripe, true);
        var sendgrid = "SG." + R(r, Alnum, 22) + "." + R(r, Alnum, 43);
        Add("sendgrid-key", sendgrid, sendgrid, true);
        var npm = "npm_" + R(r, Alnum, 36);
        Add("npm-token", $"//registry.npmjs.org/:_authToken={npm}", npm, true);
        var shopify = "shpat_" + R(r, Hex, 32);
        Add("shopify-token", shopify, shopify, true);
        var hf = "hf_" + R(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 34);
        Add("huggingface-token", hf, hf, true);
        var groq = "gsk_" + R(r, Alnum, 52);
        Add("groq-key", groq, groq, true);
        var linear = "lin_api_" + R(r, Alnum, 40);
        Add("linear-key", linear, linear, true);
        var notion = "ntn_" + R(r, "0123456789", 11) + R(r, Alnum, 35);
        Add("notion-token", notion, notion, true);
        var vault = "hvs." + R(r, Alnum, 95);
        Add("vault-token", $"VAULT_TOKEN={vault}", vault, true);
        var vercel = "vcp_" + R(r, Alnum, 24);
        Add("vercel-token", vercel, vercel, true);
        var databricks = "dapi" + R(r, Hex, 32);
        Add("databricks-token", databricks, databricks, true);
        var docker = "dckr_pat_" + R(r, Alnum, 27);
        Add("docker-token", docker, docker, true);
        var figma = "figd_" + R(r, Alnum, 40);
        Add("figma-token", figma, figma, true);
        var cloudflare = "cfut_" + R(r, Alnum, 40) + R(r, Hex, 8);
        Add("cloudflare-token", cloudflare, cloudflare, true);
        var tailscale = $"tskey-auth-{R(r, Alnum, 12)}-{R(r, Alnum, 30)}";
        Add("tailscale-key", tailscale, tailscale, true);
        var grafana = $"glsa_{R(r, Alnum, 32)}_{R(r, Hex, 8)}";
        Add("grafana-token", grafana, grafana, true);
        // A service-account token is base64 of a JSON object (the judge decodes it).
        var onePasswordJson = $"{{\"email\":\"{R(r, Lower, 13)}@1passwordserviceaccounts.lcl\",\"secretKey\":\"A3-{R(r, "ABCDEFGHJKLMNPQRSTVWXYZ23456789", 30)}\",\"srpX\":\"{R(r, Hex, 64)}\"}}";
        // The closing brace must start its own base64 group so the token ends in "fQ==", as real ones do.
        while (onePasswordJson.Length % 3 != 1) onePasswordJson = onePasswordJson[..^2] + "0\"}";
        var onePassword = "ops_" + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(onePasswordJson));
        Add("1password-token", onePassword, onePassword[..60], true);

        var jwt = $"eyJhbGciOiJIUzI1NiJ9.eyJ{R(r, Alnum, 40)}.{R(r, Alnum + "_-", 43)}";
        Add("jwt", $"Authorization: Bearer {jwt}", jwt, false);
        var google = "AIza" + R(r, Alnum + "_-", 35);
        Add("google-api-key", google, google, false);
        var dbPassword = R(r, Alnum, 14);
        Add("password-assignment", $"DB_PASSWORD=\"{dbPassword}\"", dbPassword, false);
        var adoPassword = R(r, Alnum, 12);
        Add("ado-connection-string", $"Server=sql01;Database=app;User Id=sa;Password={adoPassword};", adoPassword, false);
        return list;
    }

    /// <summary>A long task with a GitHub token straddling character 117, where the old code cut task text.</summary>
    public static string LongTaskWithTokenAtTheCut()
    {
        var token = All.Single(s => s.Kind == "github-classic-token").Core;
        return "Please run a command and then delegate to a general agent; the CI needs the deploy token " + token + " to push";
    }
}
