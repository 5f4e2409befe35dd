using System.Text.Json.Nodes;
using Crossgate.Cli.Tests.Accounts;
using Crossgate.Directory;
using Crossgate.Directory.Export;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Platform.Templates;
using Crossgate.Platform.Tightening;
using Crossgate.Policies;
using Crossgate.Server.Application;
using Crossgate.Server.Hosting;
using Microsoft.Extensions.Logging;

namespace Crossgate.Cli.Tests.EndToEnd;

/// <summary>A Crossgate server on a free loopback port over a temporary SQLite store holding an organization: the
/// platform's management account (a user with the <c>template caller</c> policy, signing with the workspace's
/// environment key) and five targets whose response role is deployed from the <c>template role</c> output, three
/// of them broken on purpose.</summary>
public sealed class PlatformOrganization : IAsyncLifetime
{
    public const string PlatformAccount = "111111111111";
    public const string Correct = "222222222222";
    public const string WrongTrust = "333333333333";
    public const string NeedsExternalId = "444444444444";
    public const string MissingGroup = "555555555555";
    public const string SsmByTag = "666666666666";
    public const string Stranger = "999999999999";

    /// <summary>Roles carrying the vendor's 14-statement profile: as published; under an OU whose SCP denies S3 and
    /// KMS; and without the statement granting the resource-less SSM actions on "*".</summary>
    public const string VendorReady = "777777777777";
    public const string VendorRestricted = "888888888888";
    public const string VendorLostStar = "121212121212";
    public const string DenyScpName = "DenyStorageAndKeys";

    /// <summary>An administrator of the platform's account (AdministratorAccess), signing through the AWS
    /// credentials profile <see cref="AccountsWorkspace.AdminProfile"/>.</summary>
    public const string AdminUser = "admin";

    /// <summary>An administrator whose own policy denies sts:AssumeRole on the platform roles, signing through
    /// <see cref="AccountsWorkspace.DeniedProfile"/>.</summary>
    public const string DeniedUser = "denied";
    public const string RoleName = "PlatformResponseRole";
    public const string ExternalId = "e2e-external-id";
    public const string PlatformUser = "platform";

    /// <summary>The permission profile: one statement per group, named by Sid.</summary>
    public const string Profile = """
    {"Version":"2012-10-17","Statement":[
      {"Sid":"Inventory","Effect":"Allow","Action":["ec2:DescribeInstances","ec2:DescribeVolumes"],"Resource":"*"},
      {"Sid":"CheckPolicy","Effect":"Allow","Action":["iam:GetRole","iam:ListRolePolicies","iam:SimulatePrincipalPolicy"],"Resource":"*"},
      {"Sid":"Acquisition","Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":"*"},
      {"Sid":"Ssm","Effect":"Allow","Action":"ssm:SendCommand","Resource":"arn:aws:ec2:*:*:instance/*"}
    ]}
    """;

    /// <summary>What <see cref="MissingGroup"/>'s role was given: no Acquisition group, and Inventory without
    /// ec2:DescribeVolumes.</summary>
    private const string MissingGroupPolicy = """
    {"Version":"2012-10-17","Statement":[
      {"Sid":"Inventory","Effect":"Allow","Action":"ec2:DescribeInstances","Resource":"*"},
      {"Sid":"CheckPolicy","Effect":"Allow","Action":["iam:GetRole","iam:ListRolePolicies","iam:SimulatePrincipalPolicy"],"Resource":"*"},
      {"Sid":"Ssm","Effect":"Allow","Action":"ssm:SendCommand","Resource":"arn:aws:ec2:*:*:instance/*"}
    ]}
    """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crossgate-platform-e2e-" + Guid.NewGuid().ToString("N"));

    public IDirectoryStore Store { get; private set; } = null!;

    public CrossgateServer Server { get; private set; } = null!;

    /// <summary>The OU every target account is in.</summary>
    public string WorkloadsOuId { get; private set; } = string.Empty;

    public string EndpointUrl => Server.BaseAddress.ToString();

    public static string RoleArnIn(string account) => $"arn:aws:iam::{account}:role/{RoleName}";

    public static string VendorProfile => File.ReadAllText(CliRunner.Example("vendor-cross-account-profile.json"));

    /// <summary>Every member account, in the order the fixture creates them.</summary>
    public static readonly string[] Targets = [Correct, WrongTrust, NeedsExternalId, MissingGroup, SsmByTag, VendorReady, VendorRestricted, VendorLostStar];

    public async Task InitializeAsync()
    {
        // The workspace's static constructor puts the platform's key in the environment; this store holds it.
        AccountsWorkspace.EnsureCredentials();
        Store = await DirectoryStoreFactory.OpenAsync(_folder);
        var services = new CrossgateServices(Store);
        await BuildAsync(services);
        Server = CrossgateServer.Create(
            new CrossgateServerOptions { Host = "127.0.0.1", Port = 0 },
            new DirectoryCredentialResolver(services),
            registry => ServiceRegistration.RegisterAll(registry, services),
            configureLogging: logging => logging.SetMinimumLevel(LogLevel.Warning));
        await Server.StartAsync();
    }

    private async Task BuildAsync(CrossgateServices services)
    {
        var orgs = services.Organizations;
        var iam = services.Iam;
        var root = (await orgs.CreateOrganizationAsync(PlatformAccount, "Platform", "platform@example.com")).GetValueOrThrow();
        var workloads = (await orgs.CreateOrganizationalUnitAsync(root.OrganizationId, root.Id, "Workloads")).GetValueOrThrow();
        WorkloadsOuId = workloads.Id;
        var restricted = (await orgs.CreateOrganizationalUnitAsync(root.OrganizationId, root.Id, "Restricted")).GetValueOrThrow();
        foreach (var (account, name, unit) in new[]
        {
            (Correct, "Correct", workloads.Id), (WrongTrust, "Wrong trust", workloads.Id), (NeedsExternalId, "Needs external id", workloads.Id),
            (MissingGroup, "Missing group", workloads.Id), (SsmByTag, "SSM by tag", workloads.Id), (VendorReady, "Vendor ready", workloads.Id),
            (VendorRestricted, "Vendor restricted", restricted.Id), (VendorLostStar, "Vendor lost star", workloads.Id),
        })
        {
            (await orgs.AddAccountAsync(root.OrganizationId, account, name, $"{account}@example.com", unit)).GetValueOrThrow();
        }

        var deny = (await orgs.CreatePolicyAsync(root.OrganizationId, DenyScpName, OrganizationPolicyType.ServiceControlPolicy,
            """{"Version":"2012-10-17","Statement":[{"Sid":"NoStorageNoKeys","Effect":"Deny","Action":["s3:*","kms:*"],"Resource":"*"}]}""")).GetValueOrThrow();
        (await orgs.AttachPolicyAsync(root.OrganizationId, deny.Id, restricted.Id)).GetValueOrThrow();

        // The platform's identity: the caller policy `crossgate template caller` writes, and permission to list the organization.
        (await iam.CreateUserAsync(PlatformAccount, PlatformUser)).GetValueOrThrow();
        // With its own ARN, the template also lets it ask the simulator which side refused an AssumeRole.
        var caller = CallerPolicyBuilder.Build(RoleName, callerArn: $"arn:aws:iam::{PlatformAccount}:user/{PlatformUser}");
        Assert.True(caller.Success, caller.Error?.Message);
        (await iam.PutUserPolicyAsync(PlatformAccount, PlatformUser, "AssumePlatformRoles", caller.Policy.ToJsonString())).GetValueOrThrow();
        (await iam.PutUserPolicyAsync(PlatformAccount, PlatformUser, "ReadOrganization",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["organizations:List*","organizations:Describe*"],"Resource":"*"}]}""")).GetValueOrThrow();
        (await iam.CreateUserAsync(PlatformAccount, AdminUser)).GetValueOrThrow();
        (await iam.AttachUserPolicyAsync(PlatformAccount, AdminUser, "arn:aws:iam::aws:policy/AdministratorAccess")).GetValueOrThrow();
        (await iam.CreateUserAsync(PlatformAccount, DeniedUser)).GetValueOrThrow();
        (await iam.AttachUserPolicyAsync(PlatformAccount, DeniedUser, "arn:aws:iam::aws:policy/AdministratorAccess")).GetValueOrThrow();
        (await iam.PutUserPolicyAsync(PlatformAccount, DeniedUser, "NoPlatformRoles",
            $$"""{"Version":"2012-10-17","Statement":[{"Sid":"NeverAssumePlatformRoles","Effect":"Deny","Action":"sts:AssumeRole","Resource":"arn:aws:iam::*:role/{{RoleName}}"}]}""")).GetValueOrThrow();
        var now = DateTimeOffset.UtcNow;
        Assert.True((await Store.CommitAsync(new ChangeSet()
            .Insert(EntityKinds.AccessKeys, new AccessKey
            {
                AccountId = PlatformAccount, UserName = PlatformUser, AccessKeyId = AccountsWorkspace.PlatformKeyId,
                SecretAccessKey = AccountsWorkspace.PlatformSecret, CreateDate = now,
            })
            .Insert(EntityKinds.AccessKeys, new AccessKey
            {
                AccountId = PlatformAccount, UserName = AdminUser, AccessKeyId = AccountsWorkspace.AdminKeyId,
                SecretAccessKey = AccountsWorkspace.AdminSecret, CreateDate = now,
            })
            .Insert(EntityKinds.AccessKeys, new AccessKey
            {
                AccountId = PlatformAccount, UserName = DeniedUser, AccessKeyId = AccountsWorkspace.DeniedKeyId,
                SecretAccessKey = AccountsWorkspace.DeniedSecret, CreateDate = now,
            }))).Success);

        await DeployAsync(iam, Correct, new RoleTemplateRequest { TrustedAccountId = PlatformAccount }, Profile);
        await DeployAsync(iam, WrongTrust, new RoleTemplateRequest { TrustedAccountId = Stranger }, Profile);
        await DeployAsync(iam, NeedsExternalId, new RoleTemplateRequest { TrustedAccountId = PlatformAccount, ExternalId = ExternalId }, Profile);
        await DeployAsync(iam, MissingGroup, new RoleTemplateRequest { TrustedAccountId = PlatformAccount }, MissingGroupPolicy);
        await DeployAsync(iam, SsmByTag, new RoleTemplateRequest { TrustedAccountId = PlatformAccount }, Tightened(Profile, "ssm:SendCommand=SSMEnabled:True"));
        await DeployAsync(iam, VendorReady, new RoleTemplateRequest { TrustedAccountId = PlatformAccount }, VendorProfile);
        await DeployAsync(iam, VendorRestricted, new RoleTemplateRequest { TrustedAccountId = PlatformAccount }, VendorProfile);
        await DeployAsync(iam, VendorLostStar, new RoleTemplateRequest { TrustedAccountId = PlatformAccount }, WithoutStatement(VendorProfile, "SSMDiscovery"));
    }

    private static string WithoutStatement(string policy, string sid)
    {
        var document = JsonNode.Parse(policy)!.AsObject();
        var statements = document["Statement"]!.AsArray();
        statements.Remove(statements.Single(s => s!["Sid"]!.GetValue<string>() == sid));
        return document.ToJsonString();
    }

    /// <summary>The profile as <c>crossgate policy tighten --tag-condition</c> rewrites it.</summary>
    private static string Tightened(string policy, string tagCondition)
    {
        Assert.True(TagCondition.TryParse(tagCondition, out var condition, out var error), error);
        var parsed = PolicyParser.Parse(policy, PolicyKind.Identity);
        Assert.True(parsed.Success);
        var result = PolicyTightener.Default.Tighten(parsed.Document!, new TighteningOptions { TagConditions = [condition!] });
        Assert.True(result.Success);
        return result.Json!.ToJsonString();
    }

    /// <summary>Does what CloudFormation would with the generated template and its parameters' defaults: creates the
    /// role with the template's trust policy, session length and inline policies.</summary>
    private static async Task DeployAsync(Crossgate.Directory.Iam.IamDirectory iam, string account, RoleTemplateRequest request, string policy)
    {
        var built = RoleTemplateBuilder.Build(request with { RoleName = RoleName, InlinePolicies = [new InlinePolicySource("PlatformPermissionGroups", policy)] });
        Assert.True(built.Success, built.Error?.Message);
        var properties = built.Template["Resources"]![RoleTemplateBuilder.RoleLogicalId]!["Properties"]!.AsObject();
        var parameters = built.Template["Parameters"]!.AsObject();
        var trust = RoleTemplateBuilder.TrustPolicyFor(request).ToJsonString();
        var maxSession = parameters["MaxSessionDuration"]!["Default"]!.GetValue<int>();
        (await iam.CreateRoleAsync(account, parameters["RoleName"]!["Default"]!.GetValue<string>(), trust, maxSessionDuration: maxSession)).GetValueOrThrow();
        foreach (var inline in properties["Policies"]!.AsArray().Select(p => p!.AsObject()))
        {
            var document = Resolve(inline["PolicyDocument"]!.DeepClone(), account);
            (await iam.PutRolePolicyAsync(account, RoleName, inline["PolicyName"]!.GetValue<string>(), document.ToJsonString())).GetValueOrThrow();
        }
    }

    /// <summary>CloudFormation's <c>Fn::Sub</c> with the pseudo parameters and the role name, as the stack would.</summary>
    private static JsonNode Resolve(JsonNode node, string account)
    {
        switch (node)
        {
            case JsonObject o when o.Count == 1 && o["Fn::Sub"] is JsonValue sub:
                return JsonValue.Create(sub.GetValue<string>().Replace("${AWS::Partition}", "aws").Replace("${AWS::AccountId}", account).Replace("${RoleName}", RoleName))!;
            case JsonObject o:
                foreach (var name in o.Select(p => p.Key).ToList())
                {
                    o[name] = Resolve(o[name]!.DeepClone(), account);
                }

                return o;
            case JsonArray a:
                return new JsonArray([.. a.Select(item => (JsonNode?)Resolve(item!.DeepClone(), account))]);
            default:
                return node;
        }
    }

    /// <summary>Writes <c>get-account-authorization-details</c> of every target account into a folder.</summary>
    public async Task<IReadOnlyList<string>> ExportTargetsAsync(string folder)
    {
        var files = new List<string>();
        foreach (var account in Targets)
        {
            var path = Path.Combine(folder, $"authorization-details-{account}.json");
            await File.WriteAllTextAsync(path, await AuthorizationDetailsExporter.ExportAsync(Store, account));
            files.Add(path);
        }

        return files;
    }

    /// <summary>Writes what <c>aws organizations describe-organization</c>, <c>list-roots</c>,
    /// <c>list-organizational-units-for-parent</c>, <c>list-accounts-for-parent</c>, <c>list-policies</c>,
    /// <c>describe-policy</c> and <c>list-targets-for-policy</c> answer the platform, for an offline import.</summary>
    public async Task<IReadOnlyList<string>> ExportOrganizationAsync(string folder)
    {
        using var http = new HttpClient();
        var client = new Crossgate.Platform.Aws.JsonClient(http, new Crossgate.Platform.Aws.AwsTarget(Server.BaseAddress),
            new Crossgate.Platform.Aws.AwsCredentialSet(AccountsWorkspace.PlatformKeyId, AccountsWorkspace.PlatformSecret, null), "organizations", "AWSOrganizationsV20161128");
        var files = new List<string>();
        async Task<JsonObject> Save(string name, string operation, JsonObject input, (string Name, string Value)? top = null)
        {
            var answer = (await client.CallAsync(operation, input, CancellationToken.None))!.AsObject();
            if (top is { } member)
            {
                answer[member.Name] = member.Value;
            }

            var path = Path.Combine(folder, name);
            await File.WriteAllTextAsync(path, answer.ToJsonString());
            files.Add(path);
            return answer;
        }

        await Save("organization.json", "DescribeOrganization", []);
        var roots = await Save("roots.json", "ListRoots", []);
        var parents = new Queue<string>(roots["Roots"]!.AsArray().Select(r => r!["Id"]!.GetValue<string>()));
        while (parents.TryDequeue(out var parent))
        {
            var units = await Save($"ous-for-parent-{parent}.json", "ListOrganizationalUnitsForParent", new JsonObject { ["ParentId"] = parent }, ("ParentId", parent));
            foreach (var unit in units["OrganizationalUnits"]!.AsArray())
            {
                parents.Enqueue(unit!["Id"]!.GetValue<string>());
            }

            await Save($"accounts-for-parent-{parent}.json", "ListAccountsForParent", new JsonObject { ["ParentId"] = parent }, ("ParentId", parent));
        }

        var policies = await Save("scps.json", "ListPolicies", new JsonObject { ["Filter"] = "SERVICE_CONTROL_POLICY" });
        foreach (var policy in policies["Policies"]!.AsArray())
        {
            var id = policy!["Id"]!.GetValue<string>();
            await Save($"policy-{id}.json", "DescribePolicy", new JsonObject { ["PolicyId"] = id });
            await Save($"targets-{id}.json", "ListTargetsForPolicy", new JsonObject { ["PolicyId"] = id }, ("PolicyId", id));
        }

        return files;
    }

    public async Task DisposeAsync()
    {
        await Server.StopAsync();
        await Server.DisposeAsync();
        await Store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
