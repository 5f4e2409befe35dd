using Crossgate.Policies.Parsing;

namespace Crossgate.Policies.Tests.Parsing;

/// <summary>Test helpers: policies are written with single quotes (turned into double quotes) to keep tables readable.</summary>
internal static class PolicyJson
{
    public static string Q(string singleQuoted) => singleQuoted.Replace('\'', '"');

    /// <summary>A 2012-10-17 document holding one statement object built from <paramref name="statementBody"/>.</summary>
    public static string OneStatement(string statementBody) =>
        Q("{'Version':'2012-10-17','Statement':{" + statementBody + "}}");

    public static string IdentityStatement(string extra) =>
        OneStatement("'Effect':'Allow','Action':'s3:GetObject','Resource':'*'" + extra);

    public static string TrustStatement(string extra) =>
        OneStatement("'Effect':'Allow','Principal':{'AWS':'111111111111'},'Action':'sts:AssumeRole'" + extra);

    public static PolicyDocument AssertOk(string json, PolicyKind kind)
    {
        var result = PolicyParser.Parse(json, kind);
        Assert.True(result.Success, "expected success, got: " + string.Join("; ", result.Errors));
        Assert.Empty(result.Errors);
        return result.Document!;
    }

    public static void AssertFails(string json, PolicyKind kind, string message, string path) =>
        AssertFails(PolicyParser.Parse(json, kind), message, path);

    public static void AssertFails(PolicyParseResult result, string message, string path, string code = PolicyError.MalformedPolicyDocument)
    {
        Assert.False(result.Success);
        Assert.Null(result.Document);
        Assert.Contains(new PolicyError(code, message, path), result.Errors);
    }

    public static string Syntax => PolicyMessages.SyntaxErrors;
}
