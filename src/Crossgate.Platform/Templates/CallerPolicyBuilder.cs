using System.Text.Json.Nodes;
using Crossgate.Policies;

namespace Crossgate.Platform.Templates;

/// <summary>The identity policy the platform's own principal needs: <c>sts:AssumeRole</c> on the platform role
/// in every account (<c>arn:aws:iam::*:role/[PATH/]NAME</c>). Without it, a trusting role is still out of reach.</summary>
public static class CallerPolicyBuilder
{
    public const string StatementId = "AssumePlatformRoleInEveryAccount";

    public static CallerPolicyResult Build(string roleName, string path = "/")
    {
        var error = IamInputRules.CheckRoleName(roleName) ?? IamInputRules.CheckPath(path);
        if (error is not null)
        {
            return CallerPolicyResult.Fail(new TemplateError(TemplateErrorKind.InvalidInput, error));
        }

        var policy = new JsonObject
        {
            ["Version"] = PolicyDocument.CurrentVersion,
            ["Statement"] = new JsonArray(new JsonObject
            {
                ["Sid"] = StatementId,
                ["Effect"] = "Allow",
                ["Action"] = RoleTemplateBuilder.AssumeRoleAction,
                ["Resource"] = $"arn:aws:iam::*:role{path}{roleName}",
            }),
        };

        var parsed = PolicyParser.Parse(policy.ToJsonString(), PolicyKind.Identity);
        if (!parsed.Success)
        {
            // A path may hold characters the policy grammar refuses in a resource; say so rather than emit it.
            return CallerPolicyResult.Fail(new TemplateError(TemplateErrorKind.InvalidPolicy, "The caller policy for this role is not valid.")
            {
                PolicyErrors = parsed.Errors,
            });
        }

        return CallerPolicyResult.Ok(policy, parsed.Document);
    }
}
