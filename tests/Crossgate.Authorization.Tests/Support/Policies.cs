namespace Crossgate.Authorization.Tests.Support;

/// <summary>Policy texts the tests share, written the way people write them.</summary>
public static class Policies
{
    public static string Allow(string action, string resource = "*", string? condition = null) =>
        Statement("Allow", action, resource, condition);

    public static string Deny(string action, string resource = "*", string? condition = null) =>
        Statement("Deny", action, resource, condition);

    public static string Statement(string effect, string action, string resource, string? condition = null, string? sid = null) =>
        $$"""
        {"Version":"2012-10-17","Statement":[{{{(sid is null ? "" : $"\"Sid\":\"{sid}\",")}}"Effect":"{{effect}}","Action":"{{action}}","Resource":"{{resource}}"{{(condition is null ? "" : ",\"Condition\":" + condition)}}}]}
        """;

    public static string ResourceAllow(string principal, string action, string resource = "*", string? condition = null) =>
        ResourceStatement("Allow", principal, action, resource, condition);

    public static string ResourceDeny(string principal, string action, string resource = "*", string? condition = null) =>
        ResourceStatement("Deny", principal, action, resource, condition);

    public static string ResourceStatement(string effect, string principal, string action, string resource, string? condition = null) =>
        $$"""
        {"Version":"2012-10-17","Statement":[{"Effect":"{{effect}}","Principal":{{principal}},"Action":"{{action}}","Resource":"{{resource}}"{{(condition is null ? "" : ",\"Condition\":" + condition)}}}]}
        """;

    /// <summary>A role trust policy (no Resource element).</summary>
    public static string TrustAllow(string principal, string action = "sts:AssumeRole", string? condition = null) =>
        $$"""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{{principal}},"Action":"{{action}}"{{(condition is null ? "" : ",\"Condition\":" + condition)}}}]}
        """;

    public const string FullAwsAccess = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";

    public const string RcpFullAwsAccess = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}""";
}
