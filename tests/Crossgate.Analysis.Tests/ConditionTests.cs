using static Crossgate.Analysis.Tests.TestStore;

namespace Crossgate.Analysis.Tests;

/// <summary>Conditions the store cannot settle travel on the edge; settled ones are decided; --context settles them.</summary>
public sealed class ConditionTests
{
    private const string A = "111111111111";
    private const string B = "222222222222";

    [Theory]
    [InlineData("""{"StringEquals":{"sts:ExternalId":"abc"}}""", "StringEquals sts:ExternalId = abc")]
    [InlineData("""{"Bool":{"aws:MultiFactorAuthPresent":"true"}}""", "Bool aws:MultiFactorAuthPresent = true")]
    [InlineData("""{"NumericLessThan":{"aws:MultiFactorAuthAge":"3600"}}""", "NumericLessThan aws:MultiFactorAuthAge = 3600")]
    [InlineData("""{"IpAddress":{"aws:SourceIp":["10.0.0.0/8","192.168.0.0/16"]}}""", "IpAddress aws:SourceIp = 10.0.0.0/8 | 192.168.0.0/16")]
    [InlineData("""{"StringEquals":{"aws:SourceVpc":"vpc-1234"}}""", "StringEquals aws:SourceVpc = vpc-1234")]
    [InlineData("""{"DateLessThan":{"aws:CurrentTime":"2030-01-01T00:00:00Z"}}""", "DateLessThan aws:CurrentTime = 2030-01-01T00:00:00Z")]
    [InlineData("""{"StringLike":{"sts:RoleSessionName":"ops-*"}}""", "StringLike sts:RoleSessionName = ops-*")]
    public async Task UnsettledConditionsAreCarriedOnTheEdge(string condition, string text)
    {
        await using var store = await CreateAsync();
        var user = await store.UserAsync(A, "ops", Allow("sts:AssumeRole"));
        var role = await store.RoleAsync(B, "Target", TrustAccount(A, condition));
        var graph = await store.GraphAsync();
        Assert.Equal([text], graph.Edge(user, role).Requires);
    }

    [Fact]
    public async Task AnIdentityPolicyThatDoesNotAllowTheActionIsNoEdgeWhateverTheConditions()
    {
        await using var store = await CreateAsync();
        var user = await store.UserAsync(A, "reader", Allow("s3:GetObject"));
        var role = await store.RoleAsync(B, "Target", TrustAccount(A, """{"StringEquals":{"sts:ExternalId":"abc"}}"""));
        var graph = await store.GraphAsync();
        graph.NoEdge(user, role);
    }

    [Fact]
    public async Task PrincipalTagsOfStorePrincipalsAreSettled()
    {
        await using var store = await CreateAsync();
        var tagged = await store.UserAsync(A, "red", Allow("sts:AssumeRole"));
        (await store.Iam.TagUserAsync(A, "red", [new Crossgate.Directory.Model.Tag("team", "red")])).GetValueOrThrow();
        var untagged = await store.UserAsync(A, "blue", Allow("sts:AssumeRole"));
        var role = await store.RoleAsync(B, "Target", TrustAccount(A, """{"StringEquals":{"aws:PrincipalTag/team":"red"}}"""));
        var graph = await store.GraphAsync();
        Assert.Empty(graph.Edge(tagged, role).Requires);
        graph.NoEdge(untagged, role);
    }

    [Fact]
    public async Task PrincipalTagsAndOrganizationOfAnAccountOutsideTheStoreAreCarried()
    {
        await using var store = await CreateAsync();
        var role = await store.RoleAsync(B, "Target", TrustAccount("999999999999",
            """{"StringEquals":{"aws:PrincipalTag/team":"red","aws:PrincipalOrgID":"o-abcdefghij"}}"""));
        var graph = await store.GraphAsync();
        var edge = graph.Edge("arn:aws:iam::999999999999:root", role);
        Assert.Contains("StringEquals aws:PrincipalTag/team = red", edge.Requires);
        Assert.Contains("StringEquals aws:PrincipalOrgID = o-abcdefghij", edge.Requires);
        Assert.Contains($"an identity policy in account 999999999999 allows sts:AssumeRole on {role}", edge.Requires);
    }

    [Fact]
    public async Task ContextValuesAreDecidedByTheEngine()
    {
        await using var store = await CreateAsync();
        var user = await store.UserAsync(A, "ops", Allow("sts:AssumeRole"));
        var role = await store.RoleAsync(B, "Target", TrustAccount(A, """{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}"""));
        var inside = await store.GraphAsync(new AnalysisOptions { Context = new Dictionary<string, string> { ["aws:SourceIp"] = "10.1.2.3" } });
        Assert.Empty(inside.Edge(user, role).Requires);
        var outside = await store.GraphAsync(new AnalysisOptions { Context = new Dictionary<string, string> { ["aws:SourceIp"] = "203.0.113.9" } });
        outside.NoEdge(user, role);
    }

    [Fact]
    public async Task ADenyWithAnUnsettledConditionIsARequirementNotARefusal()
    {
        await using var store = await CreateAsync();
        var user = await store.UserAsync(A, "ops", Allow("sts:AssumeRole"));
        var role = await store.RoleAsync(B, "Target", $$$$"""
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{{{A}}}}:root"},"Action":"sts:AssumeRole"},
              {"Sid":"NoOffice","Effect":"Deny","Principal":"*","Action":"sts:AssumeRole","Condition":{"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}]}
            """);
        var graph = await store.GraphAsync();
        Assert.Equal([$"not denied by {role}#trust (NoOffice): not (NotIpAddress aws:SourceIp = 10.0.0.0/8)"], graph.Edge(user, role).Requires);
    }

    [Fact]
    public async Task AnUnconditionalAllowBeatsAConditionalOne()
    {
        await using var store = await CreateAsync();
        var user = await store.UserAsync(A, "ops", Allow("sts:AssumeRole"));
        var role = await store.RoleAsync(B, "Target", $$$$"""
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{{{A}}}}:root"},"Action":"sts:AssumeRole","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}},
              {"Effect":"Allow","Principal":{"AWS":"{{{{user}}}}"},"Action":"sts:AssumeRole"}]}
            """);
        var graph = await store.GraphAsync();
        Assert.Empty(graph.Edge(user, role).Requires);
    }
}
