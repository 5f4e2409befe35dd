using System.Text.Json;
using Crossgate.Analysis.Graph;
using Crossgate.Analysis.Output;
using Crossgate.Directory.Examples;

namespace Crossgate.Analysis.Tests;

/// <summary>The example organization (<c>crossgate init --example</c>) gives the answers a person reading its
/// policies gives: alex can go nowhere; bob, an administrator, can assume PlatformRole and CrossAccount-B himself
/// and the response roles only through PlatformRole with the external id; the outsider reaches nothing.</summary>
public sealed class ExampleOrganizationTests : IAsyncLifetime
{
    private const string Alex = "arn:aws:iam::111111111111:user/alex";
    private const string Bob = "arn:aws:iam::111111111111:user/bob";
    private const string PlatformRole = "arn:aws:iam::111111111111:role/PlatformRole";
    private const string CrossAccountB = "arn:aws:iam::222222222222:role/CrossAccount-B";
    private const string ResponseB = "arn:aws:iam::222222222222:role/PlatformResponseRole";
    private const string ResponseC = "arn:aws:iam::333333333333:role/PlatformResponseRole";
    private const string ExternalIdCondition = "StringEquals sts:ExternalId = " + ExampleOrganization.ExternalId;

    private TestStore _store = null!;
    private AccessGraph _graph = null!;

    public async Task InitializeAsync()
    {
        _store = await TestStore.CreateAsync();
        (await ExampleOrganization.CreateAsync(_store.Store)).GetValueOrThrow();
        _graph = await _store.GraphAsync();
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public void AlexWithoutPoliciesReachesNothing() => Assert.Empty(_graph.Reach(Alex).Reachable);

    [Fact]
    public void BobAssumesPlatformRoleAndCrossAccountBDirectly()
    {
        var platform = _graph.Reaches(Bob, PlatformRole);
        Assert.Equal(1, platform.Path.Hops);
        Assert.Empty(platform.Requires);
        Assert.Equal("sts-001", platform.Path.Edges[0].Technique);
        Assert.Contains(platform.Path.Edges[0].Statements, s => s.Policy == PlatformRole + "#trust");
        Assert.Contains(platform.Path.Edges[0].Statements, s => s.Policy == "arn:aws:iam::aws:policy/AdministratorAccess");

        var crossAccount = _graph.Reaches(Bob, CrossAccountB);
        Assert.Equal(1, crossAccount.Path.Hops);
        Assert.Empty(crossAccount.Requires);
    }

    [Fact]
    public void ResponseRolesAreReachedThroughPlatformRoleWithTheExternalId()
    {
        foreach (var response in new[] { ResponseB, ResponseC })
        {
            var entry = _graph.Reaches(Bob, response);
            Assert.Equal(2, entry.Path.Hops);
            Assert.Equal(PlatformRole, _graph.Nodes[entry.Path.Edges[0].To].Arn);
            Assert.Equal([ExternalIdCondition], entry.Requires);
        }

        var direct = _graph.Edge(PlatformRole, ResponseB);
        Assert.Equal([ExternalIdCondition], direct.Requires);
        Assert.Contains(direct.Statements, s => s.Policy == PlatformRole + "#AssumeResponseRoles");
        _graph.NoEdge(Bob, ResponseB);
    }

    [Fact]
    public void AnAdministratorControlsItsAccount()
    {
        var root = _graph.Reaches(Bob, "arn:aws:iam::111111111111:root");
        Assert.Equal(EdgeKind.Escalation, root.Path.Edges[0].Kind);
        Assert.Equal("iam-007", root.Path.Edges[0].Technique);
        Assert.Equal("iam-002", _graph.Edge(Bob, Alex).Technique);
        Assert.Contains(_graph.Edges, e => _graph.Nodes[e.From].Arn == Bob && _graph.Nodes[e.To].Arn == PlatformRole && e.Technique == "iam-012");
    }

    [Fact]
    public void WhoCanReachTheResponseRole()
    {
        var who = _graph.WhoCan(ResponseB);
        Assert.Equal([PlatformRole, Bob], who.Principals.Select(p => p.Node.Arn).ToArray());
        Assert.Equal(1, who.Principals[0].Path.Hops);
        Assert.Equal(2, who.Principals[1].Path.Hops);
        Assert.DoesNotContain(who.Principals, p => p.Node.Arn == Alex);
    }

    [Fact]
    public async Task TheRightExternalIdSettlesTheConditionAndAWrongOneClosesTheWay()
    {
        var right = await _store.GraphAsync(new AnalysisOptions { Context = new Dictionary<string, string> { ["sts:ExternalId"] = ExampleOrganization.ExternalId } });
        Assert.Empty(right.Reaches(Bob, ResponseC).Requires);

        var wrong = await _store.GraphAsync(new AnalysisOptions { Context = new Dictionary<string, string> { ["sts:ExternalId"] = "guess" } });
        wrong.DoesNotReach(Bob, ResponseC);
        wrong.Reaches(Bob, CrossAccountB);
    }

    [Fact]
    public void WhoCanReadS3InTargetB()
    {
        var who = _graph.WhoCanPerform("s3:GetObject", "arn:aws:s3:::target-b-bucket/report.csv");
        var viaRole = who.Principals.Single(p => p.Node.Arn == CrossAccountB);
        Assert.Equal(0, viaRole.Path.Hops);
        Assert.Contains(viaRole.Action!.Statements, s => s.Policy == "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
        Assert.DoesNotContain(who.Principals, p => p.Node.Arn == Alex);
    }

    [Fact]
    public void FindingsAreTheOnesAReaderWouldRaise()
    {
        var findings = _graph.Findings().Findings;
        var crossAccount = findings.Single(f => f.Id == $"account-trust-without-condition:{CrossAccountB}:111111111111");
        Assert.Equal("medium", crossAccount.Severity);
        Assert.Contains(crossAccount.Path, e => _graph.Nodes[e.From].Arn == Bob);
        Assert.Equal("low", findings.Single(f => f.Id == $"account-trust-without-condition:{PlatformRole}:111111111111").Severity);

        // Same organization, external id required, no "*", no outsider: nothing else about trust.
        Assert.DoesNotContain(findings, f => f.Id.StartsWith("external-trust", StringComparison.Ordinal) || f.Id.StartsWith("wildcard-trust", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.Id.StartsWith("cross-organization", StringComparison.Ordinal));
    }

    [Fact]
    public void ReachJsonFollowsTheContract()
    {
        using var json = JsonDocument.Parse(GraphJson.Reach(_graph, _graph.Reach(Bob)));
        var root = json.RootElement;
        Assert.Equal(Bob, root.GetProperty("principal").GetString());
        var response = root.GetProperty("reachable").EnumerateArray().Single(e => e.GetProperty("arn").GetString() == ResponseB);
        Assert.Equal(2, response.GetProperty("hops").GetInt32());
        var edge = response.GetProperty("path")[1];
        Assert.Equal(PlatformRole, edge.GetProperty("from").GetString());
        Assert.Equal(ResponseB, edge.GetProperty("to").GetString());
        Assert.Equal("assume", edge.GetProperty("kind").GetString());
        Assert.Equal("sts:AssumeRole", edge.GetProperty("action").GetString());
        Assert.Equal("sts-001", edge.GetProperty("technique").GetString());
        Assert.Equal(ExternalIdCondition, edge.GetProperty("requires")[0].GetString());
        Assert.Equal(ResponseB + "#trust", edge.GetProperty("statements")[0].GetProperty("policy").GetString());
    }

    [Fact]
    public void DrawingsGroupAccountsAndLabelConditions()
    {
        var edges = _graph.Reach(Bob).Reachable.SelectMany(e => e.Path.Edges).ToList();
        var dot = GraphDrawing.Dot(_graph, edges);
        Assert.Contains("subgraph cluster_", dot, StringComparison.Ordinal);
        Assert.Contains("label=\"Target B (222222222222)\"", dot, StringComparison.Ordinal);
        Assert.Contains(ExternalIdCondition, dot, StringComparison.Ordinal);
        var mermaid = GraphDrawing.Mermaid(_graph, edges);
        Assert.StartsWith("flowchart LR", mermaid, StringComparison.Ordinal);
        Assert.Contains("subgraph a222222222222", mermaid, StringComparison.Ordinal);
        Assert.Contains("-.->", mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public void FindingsStreamedAreTheFindingsText()
    {
        var findings = _graph.Findings();
        using var stream = new MemoryStream();
        GraphJson.Findings(stream, _graph, findings);
        Assert.Equal(GraphJson.Findings(_graph, findings) + "\n", System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
