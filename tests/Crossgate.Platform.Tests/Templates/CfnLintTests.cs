using Crossgate.Platform.Templates;
using Crossgate.Platform.Tests.Support;

namespace Crossgate.Platform.Tests.Templates;

/// <summary>Generated templates pass cfn-lint, in both syntaxes (cfn-lint is installed with pip when missing; the test
/// fails when it cannot be).</summary>
public class CfnLintTests
{
    private const string Groups = """
        {"Version":"2012-10-17","Statement":[
          {"Sid":"ReadOnlyInventory","Effect":"Allow","Action":["ec2:Describe*","s3:ListAllMyBuckets"],"Resource":"*"},
          {"Sid":"SsmOnTaggedInstances","Effect":"Allow","Action":"ssm:SendCommand","Resource":"arn:aws:ec2:*:*:instance/*",
           "Condition":{"StringEquals":{"ssm:resourceTag/SSMEnabled":"True"}}},
          {"Sid":"OwnObjects","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::audit-${aws:PrincipalAccount}/*"}]}
        """;

    public static TheoryData<string, TemplateFormat> Variants()
    {
        var data = new TheoryData<string, TemplateFormat>();
        foreach (var format in new[] { TemplateFormat.Yaml, TemplateFormat.Json })
        {
            data.Add("account", format);
            data.Add("role-external-id-policies", format);
            data.Add("managed", format);
        }

        return data;
    }

    private static RoleTemplateRequest Request(string variant) => variant switch
    {
        "account" => new RoleTemplateRequest { TrustedAccountId = "111111111111" },
        "role-external-id-policies" => new RoleTemplateRequest
        {
            TrustedAccountId = "111111111111",
            TrustedRoleArn = "arn:aws:iam::111111111111:role/platform/PlatformRole",
            ExternalId = "a=b,test@x:y/z.1_+",
            RoleName = "PlatformResponseRole",
            MaxSessionDuration = 43200,
            InlinePolicies = [new InlinePolicySource("PermissionGroups", Groups), new InlinePolicySource("Second", Groups.Replace("Sid\":\"", "Sid\":\"X"))],
        },
        _ => new RoleTemplateRequest
        {
            TrustedAccountId = "111111111111",
            ManagedPolicyArns = ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::222222222222:policy/ops/Extra"],
        },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Generated_templates_pass_cfn_lint(string variant, TemplateFormat format)
    {
        var cfnLint = ExternalTool.Require("cfn-lint", "/root/.pyenv/shims/cfn-lint");

        var result = RoleTemplateBuilder.Build(Request(variant));
        Assert.True(result.Success, result.Error?.ToString());
        var file = Path.Combine(Path.GetTempPath(), $"crossgate-role-{variant}-{Guid.NewGuid():N}.{(format == TemplateFormat.Json ? "json" : "yaml")}");
        try
        {
            var text = TemplateText.Render(result.Template, format);
            File.WriteAllText(file, text);
            var (exit, output, error) = ExternalTool.Run(cfnLint, [file]);
            Assert.True(exit == 0, $"cfn-lint exit {exit}\n{output}\n{error}\n{text}");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
