using Crossgate.Directory.Iam;
using Crossgate.Directory.Model;
using Crossgate.Directory.Organizations;
using Crossgate.Directory.Storage;

namespace Crossgate.Directory.Examples;

/// <summary>The cross-account example of the reference (shared/reference/cross-account-example.md): a management and
/// identity account with users and the platform's role, two target accounts in the OU <c>Workloads</c> (the second
/// missing one permission group on purpose), an SCP on the OU, and an outsider account. The files in
/// <c>examples/policies/</c> hold the same documents (a test keeps them equal).</summary>
public static class ExampleOrganization
{
    public const string Management = "111111111111";
    public const string TargetB = "222222222222";
    public const string TargetC = "333333333333";
    public const string Outsider = "444444444444";
    public const string ExternalId = "crossgate-example-external-id";
    public const string CrossAccountRole = "CrossAccount-B";
    public const string PlatformRole = "PlatformRole";
    public const string PlatformResponseRole = "PlatformResponseRole";
    public const string PermissionGroupPolicy = "PlatformPermissionGroups";
    public const string DenyLeaveScp = "DenyLeaveOrganization";

    /// <summary>The platform's permission groups, one statement each, named by <c>Sid</c>.</summary>
    public static IReadOnlyList<(string Sid, string Statement)> PermissionGroups { get; } =
    [
        ("RequiredForEC2Import", """{"Sid":"RequiredForEC2Import","Effect":"Allow","Action":["ec2:DescribeInstances","ec2:DescribeVolumes","ec2:DescribeSnapshots","ec2:CreateSnapshot"],"Resource":"*"}"""),
        ("RequiredToCheckPolicy", """{"Sid":"RequiredToCheckPolicy","Effect":"Allow","Action":["iam:GetRole","iam:GetRolePolicy","iam:ListRolePolicies","iam:ListAttachedRolePolicies","iam:SimulatePrincipalPolicy"],"Resource":"*"}"""),
        ("RequiredForSSMOnTaggedInstances", """{"Sid":"RequiredForSSMOnTaggedInstances","Effect":"Allow","Action":"ssm:SendCommand","Resource":"arn:aws:ec2:*:*:instance/*","Condition":{"StringEquals":{"aws:ResourceTag/SSMEnabled":"True"}}}"""),
        ("RequiredForS3Acquisition", """{"Sid":"RequiredForS3Acquisition","Effect":"Allow","Action":["s3:GetObject","s3:ListBucket","s3:GetBucketLocation"],"Resource":"*"}"""),
    ];

    /// <summary>The group left out of <see cref="TargetC"/>'s <see cref="PlatformResponseRole"/>.</summary>
    public const string MissingInTargetC = "RequiredForS3Acquisition";

    public static string PermissionGroupDocument(IEnumerable<string> sids) =>
        $$"""{"Version":"2012-10-17","Statement":[{{string.Join(",", PermissionGroups.Where(g => sids.Contains(g.Sid)).Select(g => g.Statement))}}]}""";

    /// <summary>Creates the example in an empty store; refuses (with the first error) when any part exists.</summary>
    public static async Task<DirectoryResult<ExampleOrganizationIds>> CreateAsync(IDirectoryStore store, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var iam = new IamDirectory(store, time);
        var orgs = new OrganizationsDirectory(store, time);
        var steps = new ExampleSteps();

        var root = steps.Take(await orgs.CreateOrganizationAsync(Management, "Management", "management@example.com", cancellationToken));
        if (root is null)
        {
            return steps.Error!;
        }

        var orgId = root.OrganizationId;
        var workloads = steps.Take(await orgs.CreateOrganizationalUnitAsync(orgId, root.Id, "Workloads", cancellationToken));
        if (workloads is null)
        {
            return steps.Error!;
        }

        steps.Take(await orgs.AddAccountAsync(orgId, TargetB, "Target B", "target-b@example.com", workloads.Id, cancellationToken));
        steps.Take(await orgs.AddAccountAsync(orgId, TargetC, "Target C", "target-c@example.com", workloads.Id, cancellationToken));
        steps.Take(await orgs.CreateStandaloneAccountAsync(Outsider, "Outsider", "outsider@example.net", cancellationToken));
        var scp = steps.Take(await orgs.CreatePolicyAsync(orgId, DenyLeaveScp, OrganizationPolicyType.ServiceControlPolicy,
            """{"Version":"2012-10-17","Statement":[{"Sid":"DenyLeaveOrganization","Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}]}""",
            "Member accounts may not leave the organization", cancellationToken));
        if (scp is not null)
        {
            steps.Take(await orgs.AttachPolicyAsync(orgId, scp.Id, workloads.Id, cancellationToken));
        }

        // Account A: the identity account.
        steps.Take(await iam.CreateUserAsync(Management, "alex", cancellationToken: cancellationToken));
        steps.Take(await iam.CreateUserAsync(Management, "bob", cancellationToken: cancellationToken));
        steps.Take(await iam.CreateGroupAsync(Management, "Admins", cancellationToken: cancellationToken));
        steps.Take(await iam.AttachGroupPolicyAsync(Management, "Admins", "arn:aws:iam::aws:policy/AdministratorAccess", cancellationToken: cancellationToken));
        steps.Take(await iam.AddUserToGroupAsync(Management, "Admins", "bob", cancellationToken: cancellationToken));
        steps.Take(await iam.CreateRoleAsync(Management, PlatformRole,
            $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{Management}}:root"},"Action":"sts:AssumeRole"}]}""",
            description: "The platform's own role", cancellationToken: cancellationToken));
        steps.Take(await iam.PutRolePolicyAsync(Management, PlatformRole, "AssumeResponseRoles",
            $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::*:role/{{PlatformResponseRole}}"}]}""",
            cancellationToken: cancellationToken));
        // Discovery lists the organization's accounts (or those under the OUs it is given, walking child OUs) before
        // assuming the response role in each.
        steps.Take(await iam.PutRolePolicyAsync(Management, PlatformRole, "DiscoverAccounts",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["organizations:ListAccounts","organizations:ListAccountsForParent","organizations:ListOrganizationalUnitsForParent","organizations:DescribeOrganization"],"Resource":"*"}]}""",
            cancellationToken: cancellationToken));
        // Onboarding asks IAM's simulator about the platform's own side when an AssumeRole is refused (the statements
        // `crossgate template caller --caller-arn` writes).
        steps.Take(await iam.PutRolePolicyAsync(Management, PlatformRole, "DiagnoseOwnAccess",
            $$"""{"Version":"2012-10-17","Statement":[{"Sid":"DiagnoseOwnAccess","Effect":"Allow","Action":["iam:SimulatePrincipalPolicy","iam:GetRolePolicy","iam:ListRolePolicies","iam:ListAttachedRolePolicies"],"Resource":"arn:aws:iam::{{Management}}:role/{{PlatformRole}}"},{"Sid":"ReadOwnManagedPolicies","Effect":"Allow","Action":["iam:GetPolicy","iam:GetPolicyVersion"],"Resource":["arn:aws:iam::{{Management}}:policy/*","arn:aws:iam::aws:policy/*"]}]}""",
            cancellationToken: cancellationToken));

        // Account B: a role trusting account A, and the platform's response role.
        steps.Take(await iam.CreateRoleAsync(TargetB, CrossAccountRole,
            $$"""{"Version":"2012-10-17","Statement":[{"Sid":"TrustIdentityAccount","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{Management}}:root"},"Action":"sts:AssumeRole"}]}""",
            description: "Assumable from the identity account", cancellationToken: cancellationToken));
        steps.Take(await iam.AttachRolePolicyAsync(TargetB, CrossAccountRole, "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", cancellationToken: cancellationToken));
        await CreateResponseRoleAsync(iam, steps, TargetB, PermissionGroups.Select(g => g.Sid), cancellationToken);

        // Account C: the same response role with one permission group missing.
        await CreateResponseRoleAsync(iam, steps, TargetC, PermissionGroups.Select(g => g.Sid).Where(s => s != MissingInTargetC), cancellationToken);

        return steps.Error is { } error
            ? error
            : new ExampleOrganizationIds(orgId, root.Id, workloads.Id, scp!.Id);
    }

    private static async Task CreateResponseRoleAsync(IamDirectory iam, ExampleSteps steps, string account, IEnumerable<string> groups, CancellationToken cancellationToken)
    {
        steps.Take(await iam.CreateRoleAsync(account, PlatformResponseRole,
            $$"""{"Version":"2012-10-17","Statement":[{"Sid":"TrustPlatformRoleWithExternalId","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{Management}}:role/{{PlatformRole}}"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"{{ExternalId}}"}""" + "}}]}",
            description: "Assumed by the platform with an external id", maxSessionDuration: 3600, cancellationToken: cancellationToken));
        steps.Take(await iam.PutRolePolicyAsync(account, PlatformResponseRole, PermissionGroupPolicy, PermissionGroupDocument(groups), cancellationToken: cancellationToken));
    }

    /// <summary>Keeps the first refusal; later steps still run so that one message says what went wrong first.</summary>
    private sealed class ExampleSteps
    {
        public IamError? Error { get; private set; }

        public T? Take<T>(DirectoryResult<T> result)
        {
            if (!result.Success)
            {
                Error ??= result.Error;
                return default;
            }

            return result.Value;
        }
    }
}

/// <summary>The generated ids of the example organization.</summary>
public sealed record ExampleOrganizationIds(string OrganizationId, string RootId, string WorkloadsOuId, string DenyLeaveScpId);
