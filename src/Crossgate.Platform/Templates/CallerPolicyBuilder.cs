using System.Text.Json.Nodes;
using Crossgate.Policies;

namespace Crossgate.Platform.Templates;

/// <summary>The identity policy the platform's own principal needs: <c>sts:AssumeRole</c> on the platform role
/// in every account (<c>arn:aws:iam::*:role/[PATH/]NAME</c>). Without it, a trusting role is still out of reach.
/// Given the caller's own ARN, it also lets the caller ask IAM's simulator about itself and read its own policies,
/// which is how onboarding tells whether a refused AssumeRole is the caller's side or the target's.</summary>
public static class CallerPolicyBuilder
{
    public const string StatementId = "AssumePlatformRoleInEveryAccount";

    public const string SelfCheckStatementId = "DiagnoseOwnAccess";
    public const string ReadPoliciesStatementId = "ReadOwnManagedPolicies";

    public static CallerPolicyResult Build(string roleName, string path = "/", string? callerArn = null)
    {
        var error = IamInputRules.CheckRoleName(roleName) ?? IamInputRules.CheckPath(path) ?? (callerArn is null ? null : CheckCaller(callerArn));
        if (error is not null)
        {
            return CallerPolicyResult.Fail(new TemplateError(TemplateErrorKind.InvalidInput, error));
        }

        var statements = new JsonArray(new JsonObject
        {
            ["Sid"] = StatementId,
            ["Effect"] = "Allow",
            ["Action"] = RoleTemplateBuilder.AssumeRoleAction,
            ["Resource"] = $"arn:aws:iam::*:role{path}{roleName}",
        });
        if (callerArn is not null)
        {
            AddSelfCheck(statements, callerArn);
        }

        var policy = new JsonObject { ["Version"] = PolicyDocument.CurrentVersion, ["Statement"] = statements };

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

    /// <summary>The simulator on the caller itself and reading its own policies (inline and attached), scoped to its
    /// ARN; the managed policies it may read are its account's and AWS's.</summary>
    private static void AddSelfCheck(JsonArray statements, string callerArn)
    {
        var parts = callerArn.Split(':', 6);
        var kind = parts[5].StartsWith("role/", StringComparison.Ordinal) ? "Role" : "User";
        statements.Add((JsonNode)new JsonObject
        {
            ["Sid"] = SelfCheckStatementId,
            ["Effect"] = "Allow",
            ["Action"] = new JsonArray("iam:SimulatePrincipalPolicy", $"iam:Get{kind}Policy", $"iam:List{kind}Policies", $"iam:ListAttached{kind}Policies"),
            ["Resource"] = callerArn,
        });
        statements.Add((JsonNode)new JsonObject
        {
            ["Sid"] = ReadPoliciesStatementId,
            ["Effect"] = "Allow",
            ["Action"] = new JsonArray([.. RoleTemplateBuilder.SelfCheckPolicyActions.Select(a => (JsonNode?)a)]),
            ["Resource"] = new JsonArray($"arn:{parts[1]}:iam::{parts[4]}:policy/*", $"arn:{parts[1]}:iam::aws:policy/*"),
        });
    }

    /// <summary>The caller must be an IAM user or role (a role session's ARN names its role instead).</summary>
    private static string? CheckCaller(string callerArn)
    {
        var parts = callerArn.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || !IamInputRules.IsPartition(parts[1]) || parts[2] != "iam" || parts[3].Length != 0
            || !IamInputRules.IsAccountId(parts[4]) || !(parts[5].StartsWith("role/", StringComparison.Ordinal) || parts[5].StartsWith("user/", StringComparison.Ordinal))
            || parts[5].EndsWith('/') || parts[5].AsSpan().IndexOfAny('*', '?') >= 0)
        {
            return $"'{callerArn}' is not the ARN of an IAM user or role: expected arn:aws:iam::ACCOUNT:role/[PATH/]NAME or arn:aws:iam::ACCOUNT:user/[PATH/]NAME " +
                   "(for a role session, give the role's ARN).";
        }

        return null;
    }
}
