using AgentOps.Core.Security;

namespace AgentOps.Tests;

[TestClass]
public sealed class SecretScannerTests
{
    [TestMethod]
    [DataRow("key: sk-ant-api03-abcdefghijklmnopqrstuvwxyz012345", "anthropic-api-key")]
    [DataRow("export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7QWERTYU", "aws-access-key")]
    [DataRow("token ghp_abcdefghijklmnopqrstuvwxyz0123456789AB", "github-token")]
    [DataRow("Server=db;Database=app;User Id=sa;Password=hunter22;", "connection-string")]
    [DataRow("postgres://admin:s3cretpw@db.internal:5432/app", "url-credentials")]
    [DataRow("password = \"correct-horse-battery\"", "password-assignment")]
    [DataRow("mail jane.doe@acme-corp.com about it", "email")]
    [DataRow("-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----", "private-key")]
    public void FindsEachKindOfSecret(string text, string kind)
    {
        var finding = SecretScanner.Scan(text).Single();
        Assert.AreEqual(kind, finding.Kind);
    }

    [TestMethod]
    public void RedactsAndLocatesOnTheRightLine()
    {
        var text = "line one\napi_key: abcdef123456\nend";
        var redacted = SecretScanner.Redact(text, out var findings);
        Assert.AreEqual("line one\napi_key: [REDACTED]\nend", redacted);
        Assert.AreEqual(2, findings.Single().Line);
        Assert.AreEqual(10, findings.Single().Column);
    }

    [TestMethod]
    [DataRow("Set ANTHROPIC_API_KEY=${ANTHROPIC_API_KEY} before running")]
    [DataRow("write to user@example.com")]
    [DataRow("run the validator and commit")]
    public void PlaceholdersAreNotSecrets(string text) => Assert.AreEqual(0, SecretScanner.Scan(text).Count);
}
