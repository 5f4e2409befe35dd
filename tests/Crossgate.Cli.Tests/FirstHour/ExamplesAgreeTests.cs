using System.Text.Json.Nodes;
using Crossgate.Directory;
using Crossgate.Directory.Examples;
using Crossgate.Directory.Storage;

namespace Crossgate.Cli.Tests.FirstHour;

/// <summary>The documents in <c>examples/policies/</c> are the example organization's own, so that a documented
/// check on the example answers as the organization does (same external id, same permission groups).</summary>
public sealed class ExamplesAgreeTests : IDisposable
{
    private readonly string _data = System.IO.Directory.CreateTempSubdirectory("crossgate-examples-agree-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_data, recursive: true);
    }

    private static JsonNode File(string name) => JsonNode.Parse(System.IO.File.ReadAllText(CliRunner.Example(name)))!;

    /// <summary>The example's documents as <c>export</c> writes them: role name → trust policy, and role name → inline policies.</summary>
    private (Dictionary<string, JsonNode> Trust, Dictionary<string, JsonNode> Inline) Exported(string account)
    {
        Assert.Equal(0, CliRunner.Run("init", "--example", "--data", _data).ExitCode);
        var (exit, output, error) = CliRunner.Run("export", "--account", account, "--data", _data);
        Assert.True(exit == 0, error);
        var roles = JsonNode.Parse(output)!["RoleDetailList"]!.AsArray();
        return (
            roles.ToDictionary(r => (string)r!["RoleName"]!, r => r!["AssumeRolePolicyDocument"]!),
            roles.SelectMany(r => r!["RolePolicyList"]!.AsArray().Select(p => (Role: (string)r["RoleName"]!, Policy: p!)))
                .ToDictionary(p => p.Role + "/" + (string)p.Policy["PolicyName"]!, p => p.Policy["PolicyDocument"]!));
    }

    private static JsonNode Document(JsonNode node) => node is JsonValue value && value.TryGetValue<string>(out var text)
        ? JsonNode.Parse(Uri.UnescapeDataString(text))! // export URL-encodes documents, as IAM does
        : node;

    [Fact]
    public void The_response_role_trust_policy_and_its_external_id_are_the_organizations()
    {
        var (trust, _) = Exported(ExampleOrganization.TargetB);
        var file = File("platform-response-role-trust.json");

        Assert.Equal(ExampleOrganization.ExternalId, (string)file["Statement"]![0]!["Condition"]!["StringEquals"]!["sts:ExternalId"]!);
        Assert.True(JsonNode.DeepEquals(file, Document(trust[ExampleOrganization.PlatformResponseRole])),
            $"{file.ToJsonString()}\n{Document(trust[ExampleOrganization.PlatformResponseRole]).ToJsonString()}");
    }

    [Fact]
    public void The_CrossAccount_B_trust_policy_is_the_organizations()
    {
        var (trust, _) = Exported(ExampleOrganization.TargetB);

        Assert.True(JsonNode.DeepEquals(File("crossaccount-b-trust.json"), Document(trust[ExampleOrganization.CrossAccountRole])));
    }

    [Fact]
    public void The_permission_groups_are_the_response_roles()
    {
        var (_, inline) = Exported(ExampleOrganization.TargetB);

        Assert.True(JsonNode.DeepEquals(File("platform-permission-groups.json"),
            Document(inline[$"{ExampleOrganization.PlatformResponseRole}/{ExampleOrganization.PermissionGroupPolicy}"])));
    }

    [Fact]
    public async Task The_scp_is_the_organizations()
    {
        Assert.Equal(0, CliRunner.Run("init", "--example", "--data", _data).ExitCode);
        await using var store = await DirectoryStoreFactory.OpenAsync(_data);
        var organization = (await store.ListScopesAsync(EntityKinds.OrganizationPolicies)).Single();
        var policies = await store.ListAsync(EntityKinds.OrganizationPolicies, organization, ListQuery.All);
        var scp = policies.Items.Single(p => p.Value.Name == ExampleOrganization.DenyLeaveScp).Value;

        Assert.True(JsonNode.DeepEquals(File("scp-deny-leave-organization.json"), JsonNode.Parse(scp.Content)));
    }

    [Fact]
    public void The_user_policy_allows_exactly_the_role_the_tour_assumes()
    {
        var statement = File("assume-crossaccount-b.json")["Statement"]![0]!;

        Assert.Equal("sts:AssumeRole", (string)statement["Action"]!);
        Assert.Equal($"arn:aws:iam::{ExampleOrganization.TargetB}:role/{ExampleOrganization.CrossAccountRole}", (string)statement["Resource"]!);
    }
}
