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
        foreach (var (account, name) in new[] { (Correct, "Correct"), (WrongTrust, "Wrong trust"), (NeedsExternalId, "Needs external id"), (MissingGroup, "Missing group"), (SsmByTag, "SSM by tag") })
        {
            (await orgs.AddAccountAsync(root.OrganizationId, account, name, $"{account}@example.com", workloads.Id)).GetValueOrThrow();
        }

        // The platform's identity: the caller policy `crossgate template caller` writes, and permission to list the organization.
        (await iam.CreateUserAsync(PlatformAccount, PlatformUser)).GetValueOrThrow();
        var caller = CallerPolicyBuilder.Build(RoleName);
        Assert.True(caller.Success, caller.Error?.Message);
        (await iam.PutUserPolicyAsync(PlatformAccount, PlatformUser, "AssumePlatformRoles", caller.Policy.ToJsonString())).GetValueOrThrow();
        (await iam.PutUserPolicyAsync(PlatformAccount, PlatformUser, "ListOrganization",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["organizations:ListAccounts","organizations:ListAccountsForParent","organizations:ListOrganizationalUnitsForParent"],"Resource":"*"}]}""")).GetValueOrThrow();
        var key = new AccessKey
        {
            AccountId = PlatformAccount, UserName = PlatformUser, AccessKeyId = AccountsWorkspace.PlatformKeyId,
            SecretAccessKey = AccountsWorkspace.PlatformSecret, CreateDate = DateTimeOffset.UtcNow,
        };
        Assert.True((await Store.CommitAsync(new ChangeSet().Insert(EntityKinds.AccessKeys, key))).Success);

        await DeployAsync(iam, Correct, new RoleTemplateRequest { TrustedAccountId = PlatformAccount }, Profile);
        await DeployAsync(iam, WrongTrust, new RoleTemplateRequest { TrustedAccountId = Stranger }, Profile);
        await DeployAsync(iam, NeedsExternalId, new RoleTemplateRequest { TrustedAccountId = PlatformAccount, ExternalId = ExternalId }, Profile);
        await DeployAsync(iam, MissingGroup, new RoleTemplateRequest { TrustedAccountId = PlatformAccount }, MissingGroupPolicy);
        await DeployAsync(iam, SsmByTag, new RoleTemplateRequest { TrustedAccountId = PlatformAccount }, Tightened(Profile, "ssm:SendCommand=SSMEnabled:True"));
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
            (await iam.PutRolePolicyAsync(account, RoleName, inline["PolicyName"]!.GetValue<string>(), inline["PolicyDocument"]!.ToJsonString())).GetValueOrThrow();
        }
    }

    /// <summary>Writes <c>get-account-authorization-details</c> of every target account into a folder.</summary>
    public async Task<IReadOnlyList<string>> ExportTargetsAsync(string folder)
    {
        var files = new List<string>();
        foreach (var account in new[] { Correct, WrongTrust, NeedsExternalId, MissingGroup, SsmByTag })
        {
            var path = Path.Combine(folder, $"authorization-details-{account}.json");
            await File.WriteAllTextAsync(path, await AuthorizationDetailsExporter.ExportAsync(Store, account));
            files.Add(path);
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
