using System.Text.Json.Nodes;
using Crossgate.Policies;
using Crossgate.Policies.Parsing;

namespace Crossgate.Platform.Templates;

/// <summary>Builds the CloudFormation template that creates the platform's role in a target account. Nothing in it
/// names the target account: the trusted principal, role name, external id and session length are parameters
/// (defaulting to the values given), and ARNs use <c>AWS::Partition</c> and <c>AWS::AccountId</c>, so one
/// StackSet deploys it unchanged across an organization.</summary>
public static class RoleTemplateBuilder
{
    public const string RoleLogicalId = "PlatformRole";
    public const string AssumeRoleAction = "sts:AssumeRole";

    public static RoleTemplateResult Build(RoleTemplateRequest request)
    {
        if (Validate(request) is { } inputError)
        {
            return RoleTemplateResult.Fail(inputError);
        }

        var policies = new JsonArray();
        var combinedText = new System.Text.StringBuilder();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var policy in request.InlinePolicies)
        {
            if (!IamInputRules.IsPolicyName(policy.Name))
            {
                return Invalid($"The inline policy name '{policy.Name}' is not valid: 1 to 128 characters of letters, digits and '+=,.@_-'.");
            }

            if (!names.Add(policy.Name))
            {
                return Invalid($"Two inline policies are named '{policy.Name}'; a role's inline policy names must be unique.");
            }

            var parsed = PolicyParser.Parse(policy.Json, PolicyKind.Identity);
            if (!parsed.Success)
            {
                return RoleTemplateResult.Fail(new TemplateError(TemplateErrorKind.InvalidPolicy, $"The policy '{policy.Name}' is not a valid identity policy.")
                {
                    PolicyErrors = parsed.Errors,
                });
            }

            combinedText.Append(policy.Json);
            policies.Add((JsonNode)new JsonObject
            {
                ["PolicyName"] = policy.Name,
                ["PolicyDocument"] = JsonNode.Parse(policy.Json),
            });
        }

        if (request.IncludeSelfCheck)
        {
            if (!names.Add(SelfCheckPolicyName))
            {
                return Invalid($"The inline policy name '{SelfCheckPolicyName}' is the template's own self-check policy; rename yours or use --no-self-check.");
            }

            policies.Add((JsonNode)new JsonObject { ["PolicyName"] = SelfCheckPolicyName, ["PolicyDocument"] = SelfCheckPolicy() });
        }

        if (PolicySizeQuota.InlineRolePolicies(request.RoleName).Check(combinedText.ToString()) is { } tooLarge)
        {
            return RoleTemplateResult.Fail(new TemplateError(TemplateErrorKind.InvalidPolicy, "The inline policies are too large for one role.")
            {
                PolicyErrors = [tooLarge],
            });
        }

        var trust = TrustPolicyFor(request);
        var parsedTrust = PolicyParser.Parse(trust.ToJsonString(), PolicyKind.Trust);
        if (!parsedTrust.Success)
        {
            // Inputs were checked above, so a refused trust policy is a fault in this builder.
            throw new InvalidOperationException("Generated trust policy is invalid: " + string.Join("; ", parsedTrust.Errors));
        }

        var properties = new JsonObject
        {
            ["RoleName"] = Ref("RoleName"),
            ["Description"] = "Assumed by the cross-account platform; created by a Crossgate template.",
            ["MaxSessionDuration"] = Ref("MaxSessionDuration"),
            ["AssumeRolePolicyDocument"] = TrustPolicyTemplate(request),
        };
        if (policies.Count > 0)
        {
            properties["Policies"] = policies;
        }

        if (request.ManagedPolicyArns.Count > 0)
        {
            properties["ManagedPolicyArns"] = new JsonArray([.. request.ManagedPolicyArns.Select(ManagedPolicyArnTemplate)]);
        }

        var template = new JsonObject
        {
            ["AWSTemplateFormatVersion"] = "2010-09-09",
            ["Description"] = "The role the cross-account platform assumes in each target account. Deploy to every account, e.g. with a service-managed StackSet.",
            ["Parameters"] = Parameters(request),
            ["Resources"] = new JsonObject
            {
                [RoleLogicalId] = new JsonObject
                {
                    ["Type"] = "AWS::IAM::Role",
                    ["Properties"] = properties,
                },
            },
            ["Outputs"] = new JsonObject
            {
                ["RoleArn"] = new JsonObject
                {
                    ["Description"] = "Register this ARN with the platform (crossgate accounts add --role-arn).",
                    ["Value"] = new JsonObject { ["Fn::GetAtt"] = new JsonArray(RoleLogicalId, "Arn") },
                },
            },
        };
        return RoleTemplateResult.Ok(template, parsedTrust.Document);
    }

    public const string SelfCheckPolicyName = "CrossgateSelfCheck";

    /// <summary>What the online account check asks with the role's own session: IAM's simulator on the role and
    /// reading its policies (to compare the conditions of its grants), scoped to the role's own ARN; the policies it
    /// reads are its account's and AWS's managed ones.</summary>
    public static readonly string[] SelfCheckRoleActions =
        ["iam:SimulatePrincipalPolicy", "iam:GetRole", "iam:GetRolePolicy", "iam:ListRolePolicies", "iam:ListAttachedRolePolicies"];

    public static readonly string[] SelfCheckPolicyActions = ["iam:GetPolicy", "iam:GetPolicyVersion"];

    private static JsonObject SelfCheckPolicy() => new()
    {
        ["Version"] = PolicyDocument.CurrentVersion,
        ["Statement"] = new JsonArray(
            new JsonObject
            {
                ["Sid"] = "CrossgateCheckItself",
                ["Effect"] = "Allow",
                ["Action"] = new JsonArray([.. SelfCheckRoleActions.Select(a => (JsonNode?)a)]),
                ["Resource"] = new JsonObject { ["Fn::Sub"] = "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${RoleName}" },
            },
            new JsonObject
            {
                ["Sid"] = "CrossgateReadItsPolicies",
                ["Effect"] = "Allow",
                ["Action"] = new JsonArray([.. SelfCheckPolicyActions.Select(a => (JsonNode?)a)]),
                ["Resource"] = new JsonArray(
                    new JsonObject { ["Fn::Sub"] = "arn:${AWS::Partition}:iam::${AWS::AccountId}:policy/*" },
                    new JsonObject { ["Fn::Sub"] = "arn:${AWS::Partition}:iam::aws:policy/*" }),
            }),
    };

    /// <summary>The trust policy the template installs, with the parameters' defaults filled in.</summary>
    public static JsonObject TrustPolicyFor(RoleTemplateRequest request) =>
        TrustDocument(request, request.TrustedRoleArn is { } roleArn
            ? roleArn
            : $"arn:aws:iam::{request.TrustedAccountId}:root", request.ExternalId);

    private static TemplateError? Validate(RoleTemplateRequest request)
    {
        var error = IamInputRules.CheckAccountId(request.TrustedAccountId, "The trusted account")
            ?? IamInputRules.CheckRoleName(request.RoleName)
            ?? (request.ExternalId is { } externalId ? IamInputRules.CheckExternalId(externalId) : null)
            ?? (request.MaxSessionDuration is { } duration ? IamInputRules.CheckSessionDuration(duration) : null)
            ?? request.ManagedPolicyArns.Select(IamInputRules.CheckManagedPolicyArn).FirstOrDefault(e => e is not null);
        if (error is null && request.TrustedRoleArn is { } trustedRoleArn)
        {
            if (!RoleArn.TryParse(trustedRoleArn, out var arn, out error))
            {
                error = "The trusted role: " + error;
            }
            else if (arn!.AccountId != request.TrustedAccountId)
            {
                error = $"The trusted role {trustedRoleArn} belongs to account {arn.AccountId}, not to the trusted account {request.TrustedAccountId}.";
            }
        }

        if (error is null && request.ManagedPolicyArns.Distinct(StringComparer.Ordinal).Count() != request.ManagedPolicyArns.Count)
        {
            error = "The same managed policy is given twice.";
        }

        return error is null ? null : new TemplateError(TemplateErrorKind.InvalidInput, error);
    }

    private static RoleTemplateResult Invalid(string message) =>
        RoleTemplateResult.Fail(new TemplateError(TemplateErrorKind.InvalidInput, message));

    private static JsonObject Parameters(RoleTemplateRequest request)
    {
        var parameters = new JsonObject();
        if (request.TrustedRoleArn is { } roleArn)
        {
            parameters["TrustedRoleArn"] = new JsonObject
            {
                ["Type"] = "String",
                ["Description"] = "The platform's role, the only principal allowed to assume this role.",
                ["AllowedPattern"] = @"^arn:aws[a-z-]*:iam::\d{12}:role/[\x21-\x7E]{1,512}$",
                ["Default"] = roleArn,
            };
        }
        else
        {
            parameters["TrustedAccountId"] = new JsonObject
            {
                ["Type"] = "String",
                ["Description"] = "The platform's account, whose principals may assume this role when their own policies allow it.",
                ["AllowedPattern"] = @"^\d{12}$",
                ["Default"] = request.TrustedAccountId,
            };
        }

        parameters["RoleName"] = new JsonObject
        {
            ["Type"] = "String",
            ["Description"] = "The role's name, the same in every account.",
            ["AllowedPattern"] = @"^[\w+=,.@-]{1,64}$",
            ["Default"] = request.RoleName,
        };
        if (request.ExternalId is { } externalId)
        {
            parameters["ExternalId"] = new JsonObject
            {
                ["Type"] = "String",
                ["Description"] = "The external id the platform must pass to AssumeRole.",
                ["MinLength"] = 2,
                ["MaxLength"] = 1224,
                ["AllowedPattern"] = @"^[\w+=,.@:/-]*$",
                ["Default"] = externalId,
            };
        }

        parameters["MaxSessionDuration"] = new JsonObject
        {
            ["Type"] = "Number",
            ["Description"] = "The longest session, in seconds, the platform may request (at least one hour).",
            ["MinValue"] = IamInputRules.MinSessionDuration,
            ["MaxValue"] = IamInputRules.MaxSessionDuration,
            ["Default"] = request.MaxSessionDuration ?? IamInputRules.MinSessionDuration,
        };
        return parameters;
    }

    private static JsonObject TrustPolicyTemplate(RoleTemplateRequest request)
    {
        JsonNode principal = request.TrustedRoleArn is not null
            ? Ref("TrustedRoleArn")
            : new JsonObject { ["Fn::Sub"] = "arn:${AWS::Partition}:iam::${TrustedAccountId}:root" };
        return TrustDocument(request, principal, request.ExternalId is null ? null : Ref("ExternalId"));
    }

    private static JsonObject TrustDocument(RoleTemplateRequest request, JsonNode principal, JsonNode? externalId)
    {
        var statement = new JsonObject
        {
            ["Sid"] = request.TrustedRoleArn is null ? "TrustPlatformAccount" : "TrustPlatformRole",
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject { ["AWS"] = principal },
            ["Action"] = AssumeRoleAction,
        };
        if (externalId is not null)
        {
            statement["Condition"] = new JsonObject
            {
                ["StringEquals"] = new JsonObject { ["sts:ExternalId"] = externalId },
            };
        }

        return new JsonObject
        {
            ["Version"] = PolicyDocument.CurrentVersion,
            ["Statement"] = new JsonArray(statement),
        };
    }

    // A role can attach only AWS managed policies and its own account's, so an account id in a managed policy ARN
    // becomes the stack's account, and the partition the stack's partition.
    private static JsonNode ManagedPolicyArnTemplate(string arn)
    {
        var parts = arn.Split(':', 6);
        var owner = parts[4] == "aws" ? "aws" : "${AWS::AccountId}";
        var resource = parts[5].Replace("${", "${!", StringComparison.Ordinal); // Fn::Sub's escape for a literal "${"
        return new JsonObject { ["Fn::Sub"] = $"arn:${{AWS::Partition}}:iam::{owner}:{resource}" };
    }

    private static JsonObject Ref(string name) => new() { ["Ref"] = name };
}
