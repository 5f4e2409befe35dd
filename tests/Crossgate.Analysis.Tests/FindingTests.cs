using static Crossgate.Analysis.Tests.TestStore;

namespace Crossgate.Analysis.Tests;

/// <summary>Each finding on the smallest organization that shows it, and its absence when the policy is right.</summary>
public sealed class FindingTests
{
    private const string A = "111111111111";
    private const string B = "222222222222";

    [Fact]
    public async Task TrustOfAnAccountOutsideTheOrganizationWithoutExternalId()
    {
        await using var store = await CreateAsync();
        await store.OrganizationAsync(A, B);
        var vendor = await store.RoleAsync(B, "Vendor", TrustAccount("999999999999"));
        var guarded = await store.RoleAsync(B, "Guarded", TrustAccount("888888888888", """{"StringEquals":{"sts:ExternalId":"s3cret"}}"""));
        var inside = await store.RoleAsync(B, "Inside", TrustAccount(A));
        var findings = (await store.GraphAsync()).Findings().Findings;
        var finding = findings.Single(f => f.Id == $"external-trust-without-external-id:{vendor}:arn:aws:iam::999999999999:root");
        Assert.Equal("high", finding.Severity);
        Assert.Contains("sts:ExternalId", finding.Fix, StringComparison.Ordinal);
        Assert.Single(finding.Path);
        Assert.DoesNotContain(findings, f => f.Id.StartsWith($"external-trust-without-external-id:{guarded}", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.Id.StartsWith($"external-trust-without-external-id:{inside}", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.Id == $"account-trust-without-condition:{guarded}:888888888888");
    }

    [Fact]
    public async Task ARoleEveryPrincipalOfAnAccountCanAssume()
    {
        await using var store = await CreateAsync();
        var one = await store.UserAsync(A, "one", Allow("sts:AssumeRole"));
        var two = await store.UserAsync(A, "two", Allow("sts:AssumeRole"));
        var open = await store.RoleAsync(B, "Open", TrustAccount(A));
        var finding = (await store.GraphAsync()).Findings().Findings.Single(f => f.Id == $"role-open-to-account:{open}:{A}");
        Assert.Equal("medium", finding.Severity);
        Assert.Equal([open, one, two], finding.Principals.ToArray());

        await store.UserAsync(A, "three", Allow("s3:GetObject"));
        Assert.DoesNotContain((await store.GraphAsync()).Findings().Findings, f => f.Id.StartsWith("role-open-to-account", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AChainThatCrossesOrganizations()
    {
        await using var store = await CreateAsync();
        await store.OrganizationAsync(A);
        await store.OrganizationAsync(B);
        var user = await store.UserAsync(A, "traveller", Allow("sts:AssumeRole"));
        var role = await store.RoleAsync(B, "Partner", TrustAccount(A, """{"StringEquals":{"sts:ExternalId":"x"}}"""));
        var graph = await store.GraphAsync();
        var finding = graph.Findings().Findings.Single(f => f.Id == $"cross-organization-chain:{user}->{role}");
        Assert.Equal("low", finding.Severity);
        Assert.Equal(user, graph.Nodes[finding.Path[0].From].Arn);
    }

    [Fact]
    public async Task APathToAnAdministratorRoleThroughAnotherAccount()
    {
        await using var store = await CreateAsync();
        var user = await store.UserAsync(A, "dev", Allow("sts:AssumeRole", $"arn:aws:iam::{B}:role/Admin"));
        var admin = await store.RoleAsync(B, "Admin", Trust($$"""{"AWS":"{{user}}"}"""));
        (await store.Iam.AttachRolePolicyAsync(B, "Admin", "arn:aws:iam::aws:policy/AdministratorAccess")).GetValueOrThrow();
        var graph = await store.GraphAsync();
        Assert.True(graph.IsAdministrator(graph.Find(admin)!.Index));
        var finding = graph.Findings().Findings.Single(f => f.Id == $"path-to-administrator:{user}");
        Assert.Equal([user, admin], finding.Principals.ToArray());
        Assert.Single(finding.Path);
        Assert.DoesNotContain(graph.Findings().Findings, f => f.Id == $"path-to-administrator:{admin}");
    }
}
