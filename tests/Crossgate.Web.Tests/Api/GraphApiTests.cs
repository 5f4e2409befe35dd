using System.Net;
using System.Text.Json;
using Crossgate.Cli.Tests.EndToEnd;
using Crossgate.Web.Tests.Support;
using static Crossgate.Cli.Tests.EndToEnd.PlatformOrganization;

namespace Crossgate.Web.Tests.Api;

/// <summary><c>/api/v1/graph</c> through the real host over the end-to-end organization's directory store: the
/// platform user (and the administrator) can assume the response roles whose trust names the platform account,
/// the one needing an external id only under that condition, and the administrator denied AssumeRole only by escalating
/// first.</summary>
public sealed class GraphApiTests(PlatformOrganization org) : IClassFixture<PlatformOrganization>, IAsyncLifetime
{
    private static readonly string Platform = $"arn:aws:iam::{PlatformAccount}:user/{PlatformUser}";
    private static readonly string Admin = $"arn:aws:iam::{PlatformAccount}:user/{AdminUser}";
    private static readonly string Denied = $"arn:aws:iam::{PlatformAccount}:user/{DeniedUser}";

    private PlatformApiHost _api = null!;

    public async Task InitializeAsync() => _api = await PlatformApiHost.StartAsync(org.EndpointUrl, adjust: o => o with { Directory = org.Store });

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private static Dictionary<string, JsonElement> ByArn(JsonElement array) =>
        array.EnumerateArray().ToDictionary(e => e.GetProperty("arn").GetString()!);

    [Fact]
    public async Task The_graph_lists_accounts_principals_and_the_edges_the_engine_allows()
    {
        var graph = await (await _api.Client(_api.ReadOnlyToken).GetAsync("/api/v1/graph")).Json(HttpStatusCode.OK);

        var accounts = graph.GetProperty("accounts").EnumerateArray().ToDictionary(a => a.GetProperty("id").GetString()!);
        Assert.True(accounts[Correct].GetProperty("inStore").GetBoolean());
        Assert.False(string.IsNullOrEmpty(accounts[Correct].GetProperty("organizationId").GetString()));
        Assert.Equal("Correct", accounts[Correct].GetProperty("name").GetString());
        var nodes = ByArn(graph.GetProperty("nodes"));
        Assert.Equal("user", nodes[Platform].GetProperty("type").GetString());
        Assert.Equal(PlatformUser, nodes[Platform].GetProperty("label").GetString());
        Assert.Equal(PlatformAccount, nodes[Platform].GetProperty("accountId").GetString());
        Assert.Equal("role", nodes[RoleArnIn(Correct)].GetProperty("type").GetString());
        Assert.True(nodes[Admin].GetProperty("administrator").GetBoolean());
        Assert.False(nodes[Platform].GetProperty("administrator").GetBoolean());
        var edges = graph.GetProperty("edges").EnumerateArray()
            .Select(e => (From: e.GetProperty("from").GetString(), To: e.GetProperty("to").GetString(), Kind: e.GetProperty("kind").GetString())).ToList();
        Assert.Contains((Platform, RoleArnIn(Correct), "assume"), edges);
        Assert.DoesNotContain(edges, e => e.From == Platform && e.To == RoleArnIn(WrongTrust));
        Assert.DoesNotContain(edges, e => e.From == Denied && e.To == RoleArnIn(Correct));
    }

    [Fact]
    public async Task Reach_answers_in_the_shape_of_access_reach_with_conditions_on_the_way()
    {
        var reach = await (await _api.Client(_api.AdminToken).GetAsync($"/api/v1/graph/reach?principal={Uri.EscapeDataString(Platform)}")).Json(HttpStatusCode.OK);

        Assert.Equal(Platform, reach.GetProperty("principal").GetString());
        var reachable = ByArn(reach.GetProperty("reachable"));
        Assert.Equal(1, reachable[RoleArnIn(Correct)].GetProperty("hops").GetInt32());
        Assert.Empty(reachable[RoleArnIn(Correct)].GetProperty("requires").EnumerateArray());
        var path = reachable[RoleArnIn(Correct)].GetProperty("path")[0];
        Assert.Equal(Platform, path.GetProperty("from").GetString());
        Assert.Equal("sts:AssumeRole", path.GetProperty("action").GetString());
        Assert.Contains(reachable[RoleArnIn(NeedsExternalId)].GetProperty("requires").EnumerateArray(), r => r.GetString()!.Contains("sts:ExternalId"));
        Assert.False(reachable.ContainsKey(RoleArnIn(WrongTrust)));
        Assert.False(reachable.ContainsKey(Platform));
    }

    [Fact]
    public async Task Who_can_names_every_principal_that_reaches_a_role_and_how()
    {
        var client = _api.Client(_api.AdminToken);
        var whoCan = await (await client.GetAsync($"/api/v1/graph/who-can?target={Uri.EscapeDataString(RoleArnIn(Correct))}")).Json(HttpStatusCode.OK);

        Assert.Equal(RoleArnIn(Correct), whoCan.GetProperty("target").GetString());
        var principals = ByArn(whoCan.GetProperty("principals"));
        Assert.Equal(1, principals[Platform].GetProperty("hops").GetInt32());
        Assert.Equal(1, principals[Admin].GetProperty("hops").GetInt32());
        // Denied sts:AssumeRole on the role itself, an administrator still gets there by becoming someone who may.
        var detour = principals[Denied];
        Assert.True(detour.GetProperty("hops").GetInt32() >= 2);
        Assert.Equal("escalation", detour.GetProperty("path")[0].GetProperty("kind").GetString());

        var performers = await (await client.GetAsync(
            $"/api/v1/graph/who-can?action=iam:SimulatePrincipalPolicy&resource={Uri.EscapeDataString(Platform)}")).Json(HttpStatusCode.OK);
        Assert.Equal("iam:SimulatePrincipalPolicy", performers.GetProperty("action").GetString());
        Assert.Contains(Platform, ByArn(performers.GetProperty("principals")).Keys);
    }

    [Theory]
    [InlineData("/api/v1/graph/reach", HttpStatusCode.BadRequest, "principal")]
    [InlineData("/api/v1/graph/reach?principal=", HttpStatusCode.BadRequest, "principal")]
    [InlineData("/api/v1/graph/reach?principal=arn%3Aaws%3Aiam%3A%3A111111111111%3Auser%2Fa%0Ab", HttpStatusCode.BadRequest, "control characters")]
    [InlineData("/api/v1/graph/reach?principal=arn:aws:iam::111111111111:user/nobody", HttpStatusCode.NotFound, "not a principal")]
    [InlineData("/api/v1/graph/who-can", HttpStatusCode.BadRequest, "either")]
    [InlineData("/api/v1/graph/who-can?target=arn:aws:iam::1:root&action=s3:GetObject&resource=*", HttpStatusCode.BadRequest, "either")]
    [InlineData("/api/v1/graph/who-can?action=s3:GetObject", HttpStatusCode.BadRequest, "resource")]
    [InlineData("/api/v1/graph/who-can?action=GetObject&resource=arn:aws:s3:::b", HttpStatusCode.BadRequest, "service:Action")]
    [InlineData("/api/v1/graph/who-can?target=arn:aws:iam::222222222222:role/Nothing", HttpStatusCode.NotFound, "not a principal")]
    public async Task Bad_questions_are_problems(string path, HttpStatusCode status, string says)
    {
        var detail = await (await _api.Client(_api.AdminToken).GetAsync(path)).Problem(status);

        Assert.Contains(says, detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_long_principal_is_refused_and_the_graph_needs_a_token()
    {
        var client = _api.Client(_api.AdminToken);
        await (await client.GetAsync($"/api/v1/graph/reach?principal={new string('a', 3000)}")).Problem(HttpStatusCode.BadRequest);
        await (await _api.Client(null).GetAsync("/api/v1/graph")).Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Without_a_directory_store_the_graph_is_a_404_problem_that_says_why()
    {
        await using var bare = await PlatformApiHost.StartAsync(org.EndpointUrl);

        var detail = await (await bare.Client(bare.AdminToken).GetAsync("/api/v1/graph")).Problem(HttpStatusCode.NotFound);

        Assert.Contains("no directory store", detail);
    }
}
