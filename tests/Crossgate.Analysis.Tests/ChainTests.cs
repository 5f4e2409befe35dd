using Crossgate.Directory.Model;
using static Crossgate.Analysis.Tests.TestStore;

namespace Crossgate.Analysis.Tests;

/// <summary>Chains across accounts, and what cuts them: SCPs, trust-policy denies, boundaries.</summary>
public sealed class ChainTests
{
    private const string A = "111111111111";
    private const string B = "222222222222";
    private const string C = "333333333333";

    /// <summary>alice (A) → Hop1 (B) → Hop2 (C) → Hop3 (A): three hops across three accounts.</summary>
    private static async Task<(string Alice, string Hop1, string Hop2, string Hop3)> ChainAsync(TestStore store)
    {
        var alice = await store.UserAsync(A, "alice", Allow("sts:AssumeRole", $"arn:aws:iam::{B}:role/Hop1"));
        var hop1 = await store.RoleAsync(B, "Hop1", Trust($$"""{"AWS":"{{alice}}"}"""), Allow("sts:AssumeRole", $"arn:aws:iam::{C}:role/Hop2"));
        var hop2 = await store.RoleAsync(C, "Hop2", TrustAccount(B), Allow("sts:AssumeRole", $"arn:aws:iam::{A}:role/Hop3"));
        var hop3 = await store.RoleAsync(A, "Hop3", Trust($$"""{"AWS":"{{hop2}}"}"""));
        return (alice, hop1, hop2, hop3);
    }

    [Fact]
    public async Task AChainOfThreeHopsAcrossThreeAccounts()
    {
        await using var store = await CreateAsync();
        var (alice, hop1, hop2, hop3) = await ChainAsync(store);
        var graph = await store.GraphAsync();
        var entry = graph.Reaches(alice, hop3);
        Assert.Equal(3, entry.Path.Hops);
        Assert.Equal([alice, hop1, hop2], entry.Path.Edges.Select(e => graph.Nodes[e.From].Arn).ToArray());

        var who = graph.WhoCan(hop3);
        Assert.Equal([hop2, hop1, alice], who.Principals.Select(p => p.Node.Arn).ToArray());

        var paths = graph.Paths(alice, hop3, maxHops: 5);
        Assert.Single(paths.Paths);
        Assert.Empty(graph.Paths(alice, hop3, maxHops: 2).Paths);
    }

    [Fact]
    public async Task AnScpOnTheMiddleAccountCutsTheChain()
    {
        await using var store = await CreateAsync();
        var (orgId, rootId) = await store.OrganizationAsync(A, B, C);
        var (alice, hop1, hop2, hop3) = await ChainAsync(store);
        var deny = (await store.Organizations.CreatePolicyAsync(orgId, "NoAssume", OrganizationPolicyType.ServiceControlPolicy,
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"sts:AssumeRole","Resource":"*"}]}""")).GetValueOrThrow();
        (await store.Organizations.AttachPolicyAsync(orgId, deny.Id, B)).GetValueOrThrow();
        var graph = await store.GraphAsync();
        graph.Reaches(alice, hop1);
        graph.NoEdge(hop1, hop2);
        graph.DoesNotReach(alice, hop2);
        graph.DoesNotReach(alice, hop3);
        graph.Reaches(hop2, hop3);
    }

    [Fact]
    public async Task ScpsCutTheChainOnlyWhileTheirTypeIsEnabled()
    {
        await using var store = await CreateAsync();
        var (orgId, rootId) = await store.OrganizationAsync(A, enableScps: false, B, C);
        var (alice, _, _, hop3) = await ChainAsync(store);

        // Nothing attached and nothing evaluated: a new organization does not cut the chain.
        (await store.GraphAsync()).Reaches(alice, hop3);

        (await store.Organizations.EnablePolicyTypeAsync(orgId, rootId, OrganizationPolicyTypeNames.ServiceControl)).GetValueOrThrow();
        var deny = (await store.Organizations.CreatePolicyAsync(orgId, "NoAssume", OrganizationPolicyType.ServiceControlPolicy,
            """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"sts:AssumeRole","Resource":"*"}]}""")).GetValueOrThrow();
        (await store.Organizations.AttachPolicyAsync(orgId, deny.Id, B)).GetValueOrThrow();
        (await store.GraphAsync()).DoesNotReach(alice, hop3);

        (await store.Organizations.DisablePolicyTypeAsync(orgId, rootId, OrganizationPolicyTypeNames.ServiceControl)).GetValueOrThrow();
        (await store.GraphAsync()).Reaches(alice, hop3);
    }

    [Fact]
    public async Task ADenyInTheTrustPolicyRemovesOnlyThatPrincipal()
    {
        await using var store = await CreateAsync();
        var kept = await store.UserAsync(A, "kept", Allow("sts:AssumeRole"));
        var refused = await store.UserAsync(A, "refused", Allow("sts:AssumeRole"));
        var role = await store.RoleAsync(B, "Target", $$"""
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Principal":{"AWS":"{{A}}"},"Action":"sts:AssumeRole"},
              {"Effect":"Deny","Principal":{"AWS":"{{refused}}"},"Action":"sts:AssumeRole"}]}
            """);
        var graph = await store.GraphAsync();
        graph.Edge(kept, role);
        graph.NoEdge(refused, role);
    }

    [Fact]
    public async Task RoleChainingIsLimitedToOneHour()
    {
        await using var store = await CreateAsync();
        var first = await store.RoleAsync(A, "First", TrustAccount(A), Allow("sts:AssumeRole"));
        var longRole = (await store.Iam.CreateRoleAsync(B, "Long", TrustAccount(A), maxSessionDuration: 43200)).GetValueOrThrow().Arn;
        var graph = await store.GraphAsync();
        Assert.Contains("at most 3600 seconds", graph.Edge(first, longRole).Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARoleTrustingAnAccountOutsideTheStore()
    {
        await using var store = await CreateAsync();
        var role = await store.RoleAsync(B, "Vendor", TrustAccount("999999999999"));
        var graph = await store.GraphAsync();
        var outsider = graph.Find("arn:aws:iam::999999999999:root")!;
        Assert.False(outsider.InStore);
        Assert.Equal(Graph.NodeKind.AccountRoot, outsider.Kind);
        var entry = graph.WhoCan(role).Principals.Single();
        Assert.Equal(outsider.Arn, entry.Node.Arn);
        Assert.Equal([$"an identity policy in account 999999999999 allows sts:AssumeRole on {role}"], entry.Requires);
    }
}
