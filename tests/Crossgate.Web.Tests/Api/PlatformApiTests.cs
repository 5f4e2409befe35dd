using System.Net;
using System.Text.Json;
using Crossgate.Cli.Tests.EndToEnd;
using Crossgate.Tests.Shared;
using Crossgate.Platform.Registry;
using Crossgate.Web.Tests.Support;
using static Crossgate.Cli.Tests.EndToEnd.PlatformOrganization;

namespace Crossgate.Web.Tests.Api;

/// <summary>The API through the real host, against a Crossgate endpoint holding an organization whose roles come
/// from the generated template (some broken on purpose). Every test runs on both stores.</summary>
public abstract class PlatformApiTests(PlatformOrganization org) : IAsyncLifetime
{
    private PlatformApiHost _api = null!;

    protected abstract Task<string?> StoreConnectionAsync();

    internal PlatformApiHost Api => _api;

    protected HttpClient Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _api = await PlatformApiHost.StartAsync(org.EndpointUrl, await StoreConnectionAsync());
        Admin = _api.Client(_api.AdminToken);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private Task<HttpResponseMessage> Add(string alias, string account, bool runCheck = true, string? externalId = null) =>
        Admin.PostJson("/api/v1/accounts", Http.AddBody(alias, RoleArnIn(account), runCheck, externalId));

    private async Task StoreProfile() => await (await Admin.PutJson("/api/v1/permissions", Profile)).Json(HttpStatusCode.OK);

    private static Dictionary<string, JsonElement> Groups(JsonElement check) =>
        check.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("sid").GetString()!);

    private static string[] Strings(JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];

    private async Task<string[]> Aliases() =>
        [.. (await (await Admin.GetAsync("/api/v1/accounts")).Json(HttpStatusCode.OK)).GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("alias").GetString()!)];

    [Fact]
    public async Task Adding_a_working_role_answers_201_with_the_account_and_its_check_per_group()
    {
        await StoreProfile();

        var response = await Add("correct", Correct);

        var account = await response.Json(HttpStatusCode.Created);
        Assert.Equal("/api/v1/accounts/correct", response.Headers.Location?.OriginalString);
        Assert.Equal("correct", account.GetProperty("alias").GetString());
        Assert.Equal(Correct, account.GetProperty("accountId").GetString());
        Assert.Equal(RoleArnIn(Correct), account.GetProperty("roleArn").GetString());
        Assert.True(account.GetProperty("assumable").GetBoolean());
        Assert.False(account.TryGetProperty("externalId", out _));
        Assert.False(account.TryGetProperty("reason", out _));
        Assert.True(account.GetProperty("addedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        var check = account.GetProperty("lastCheck");
        Assert.Equal("ready", check.GetProperty("verdict").GetString());
        Assert.True(check.GetProperty("id").GetInt64() > 0);
        Assert.True(check.GetProperty("finishedAt").GetDateTimeOffset() >= check.GetProperty("startedAt").GetDateTimeOffset());
        var groups = Groups(check);
        Assert.Equal(["Acquisition", "CheckPolicy", "Inventory", "Ssm"], groups.Keys.Order());
        foreach (var group in groups.Values)
        {
            Assert.Equal("granted", group.GetProperty("status").GetString());
            Assert.Empty(Strings(group, "missingActions"));
            Assert.Empty(Strings(group, "conditions"));
            Assert.Empty(Strings(group, "reasons"));
        }
    }

    [Fact]
    public async Task A_role_missing_a_group_is_added_with_an_incomplete_check_naming_the_missing_actions()
    {
        await StoreProfile();

        var account = await (await Add("missing-group", MissingGroup)).Json(HttpStatusCode.Created);

        var check = account.GetProperty("lastCheck");
        Assert.Equal("incomplete", check.GetProperty("verdict").GetString());
        var groups = Groups(check);
        Assert.Equal("denied", groups["Acquisition"].GetProperty("status").GetString());
        Assert.Equal("partial", groups["Inventory"].GetProperty("status").GetString());
        Assert.Equal(["ec2:DescribeVolumes"], Strings(groups["Inventory"], "missingActions"));
        Assert.NotEmpty(Strings(groups["Inventory"], "reasons"));
        Assert.Equal("granted", groups["CheckPolicy"].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Without_a_stored_profile_the_check_is_notChecked_and_says_why()
    {
        var account = await (await Add("correct", Correct)).Json(HttpStatusCode.Created);

        var check = account.GetProperty("lastCheck");
        Assert.Equal("notChecked", check.GetProperty("verdict").GetString());
        Assert.Contains("No permission profile is stored", check.GetProperty("reason").GetString());
        Assert.Empty(check.GetProperty("groups").EnumerateArray());
    }

    [Fact]
    public async Task Adding_without_the_check_answers_with_no_lastCheck()
    {
        var account = await (await Add("correct", Correct, runCheck: false)).Json(HttpStatusCode.Created);

        Assert.Equal(JsonValueKind.Null, account.GetProperty("lastCheck").ValueKind);
        Assert.Empty((await (await Admin.GetAsync("/api/v1/accounts/correct/checks")).Json(HttpStatusCode.OK)).GetProperty("checks").EnumerateArray());
    }

    [Fact]
    public async Task A_role_that_cannot_be_assumed_is_refused_with_422_and_the_reason_and_is_not_registered()
    {
        var detail = await (await Add("wrong-trust", WrongTrust)).Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains($"must name account {PlatformAccount}", detail);

        detail = await (await Add("needs-external-id", NeedsExternalId)).Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("external id", detail);

        var added = await (await Add("needs-external-id", NeedsExternalId, externalId: ExternalId)).Json(HttpStatusCode.Created);
        Assert.Equal(ExternalId, added.GetProperty("externalId").GetString());
        Assert.Equal(["needs-external-id"], await Aliases());
    }

    [Fact]
    public async Task Malformed_role_arns_and_the_role_name_rule_are_422()
    {
        var detail = await (await Admin.PostJson("/api/v1/accounts", Http.AddBody("x", "arn:aws:iam::12345:role/R"))).Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("12345", detail);
        await (await Admin.PostJson("/api/v1/accounts", Http.AddBody("x", "not an arn"))).Problem(HttpStatusCode.UnprocessableEntity);

        await Api.Registry.SetPolicyAsync(new RegistryPolicy("Crossgate"));
        detail = await (await Add("correct", Correct)).Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("does not contain 'Crossgate'", detail);
        Assert.Empty(await Aliases());
    }

    [Fact]
    public async Task An_alias_taken_in_any_case_or_a_role_registered_twice_is_409()
    {
        await (await Add("Correct", Correct, runCheck: false)).Json(HttpStatusCode.Created);

        var detail = await (await Add("CORRECT", MissingGroup, runCheck: false)).Problem(HttpStatusCode.Conflict);
        Assert.Contains("already registered", detail);
        detail = await (await Add("second-alias", Correct, runCheck: false)).Problem(HttpStatusCode.Conflict);
        Assert.Contains("registered once", detail);
        Assert.Equal(["Correct"], await Aliases());
    }

    [Fact]
    public async Task Accounts_are_listed_shown_and_removed()
    {
        await (await Add("b-correct", Correct, runCheck: false)).Json(HttpStatusCode.Created);
        await (await Add("a-missing", MissingGroup, runCheck: false)).Json(HttpStatusCode.Created);
        await (await Admin.PostAsync("/api/v1/accounts/a-missing/checks", null)).Json(HttpStatusCode.Created);

        var list = (await (await Admin.GetAsync("/api/v1/accounts")).Json(HttpStatusCode.OK)).GetProperty("accounts").EnumerateArray().ToList();
        Assert.Equal(["a-missing", "b-correct"], list.Select(a => a.GetProperty("alias").GetString()));
        Assert.Equal("notChecked", list[0].GetProperty("lastCheck").GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, list[1].GetProperty("lastCheck").ValueKind);

        var shown = await (await Admin.GetAsync("/api/v1/accounts/B-CORRECT")).Json(HttpStatusCode.OK);
        Assert.Equal("b-correct", shown.GetProperty("alias").GetString());
        await (await Admin.GetAsync("/api/v1/accounts/nobody")).Problem(HttpStatusCode.NotFound);

        var removed = await Admin.DeleteAsync("/api/v1/accounts/a-missing");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Empty(await removed.Content.ReadAsByteArrayAsync());
        await (await Admin.GetAsync("/api/v1/accounts/a-missing")).Problem(HttpStatusCode.NotFound);
        await (await Admin.DeleteAsync("/api/v1/accounts/a-missing")).Problem(HttpStatusCode.NotFound);
        await (await Admin.GetAsync("/api/v1/accounts/a-missing/checks")).Problem(HttpStatusCode.NotFound);
        Assert.Equal(["b-correct"], await Aliases());
    }

    [Fact]
    public async Task The_account_list_follows_writes_made_outside_the_service_and_answers_304_when_unchanged()
    {
        var first = await Admin.GetAsync("/api/v1/accounts");
        await first.Json(HttpStatusCode.OK);
        var version = first.Headers.ETag;
        Assert.NotNull(version);
        using (var unchanged = new HttpRequestMessage(HttpMethod.Get, "/api/v1/accounts"))
        {
            unchanged.Headers.IfNoneMatch.Add(version);
            Assert.Equal(HttpStatusCode.NotModified, (await Admin.SendAsync(unchanged)).StatusCode);
        }

        // Another process (the CLI, a second service on the same database) writes straight into the stores.
        var now = DateTimeOffset.UtcNow;
        Assert.Null(await Api.Registry.AddAsync(new RegisteredAccount { Alias = "outside", AccountId = Correct, RoleArn = RoleArnIn(Correct), RegisteredAt = now }));
        Assert.Equal(["outside"], await Aliases());
        await Api.Store.AddCheckAsync(new Crossgate.Platform.ServiceStore.StoredCheck(0, "outside", now, now, true, null, "ready", []));
        var listed = await Admin.GetAsync("/api/v1/accounts");
        var account = Assert.Single((await listed.Json(HttpStatusCode.OK)).GetProperty("accounts").EnumerateArray());
        Assert.Equal("ready", account.GetProperty("lastCheck").GetProperty("verdict").GetString());
        Assert.NotEqual(version, listed.Headers.ETag);
        Assert.True(await Api.Registry.RemoveAsync("OUTSIDE"));
        Assert.Empty(await Aliases());
    }

    [Fact]
    public async Task Checks_are_kept_newest_first_and_limited()
    {
        await (await Add("missing-group", MissingGroup, runCheck: false)).Json(HttpStatusCode.Created);
        var first = await (await Admin.PostAsync("/api/v1/accounts/missing-group/checks", null)).Json(HttpStatusCode.Created);
        await StoreProfile();
        var second = await (await Admin.PostAsync("/api/v1/accounts/missing-group/checks", null)).Json(HttpStatusCode.Created);
        Assert.Equal("notChecked", first.GetProperty("verdict").GetString());
        Assert.Equal("incomplete", second.GetProperty("verdict").GetString());

        var all = (await (await Admin.GetAsync("/api/v1/accounts/missing-group/checks")).Json(HttpStatusCode.OK)).GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal([second.GetProperty("id").GetInt64(), first.GetProperty("id").GetInt64()], all.Select(c => c.GetProperty("id").GetInt64()));
        var one = (await (await Admin.GetAsync("/api/v1/accounts/missing-group/checks?limit=1")).Json(HttpStatusCode.OK)).GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal(second.GetProperty("id").GetInt64(), Assert.Single(one).GetProperty("id").GetInt64());
        Assert.Equal("incomplete", (await (await Admin.GetAsync("/api/v1/accounts/missing-group")).Json(HttpStatusCode.OK)).GetProperty("lastCheck").GetProperty("verdict").GetString());

        foreach (var bad in new[] { "abc", "0", "-1", "1001", "1.5" })
        {
            await (await Admin.GetAsync($"/api/v1/accounts/missing-group/checks?limit={bad}")).Problem(HttpStatusCode.BadRequest);
        }

        await (await Admin.PostAsync("/api/v1/accounts/nobody/checks", null)).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_group_changing_status_between_checks_is_an_event()
    {
        await (await Add("correct", Correct, runCheck: false)).Json(HttpStatusCode.Created);
        await (await Admin.PutJson("/api/v1/permissions",
            """{"Version":"2012-10-17","Statement":[{"Sid":"Operate","Effect":"Allow","Action":"ec2:DescribeInstances","Resource":"*"}]}""")).Json(HttpStatusCode.OK);
        await (await Admin.PostAsync("/api/v1/accounts/correct/checks", null)).Json(HttpStatusCode.Created);
        Assert.Empty((await (await Admin.GetAsync("/api/v1/events")).Json(HttpStatusCode.OK)).GetProperty("events").EnumerateArray());

        // The same group now asks for an action the role does not have.
        await (await Admin.PutJson("/api/v1/permissions",
            """{"Version":"2012-10-17","Statement":[{"Sid":"Operate","Effect":"Allow","Action":"ec2:TerminateInstances","Resource":"*"}]}""")).Json(HttpStatusCode.OK);
        await (await Admin.PostAsync("/api/v1/accounts/correct/checks", null)).Json(HttpStatusCode.Created);

        var change = Assert.Single((await (await Admin.GetAsync("/api/v1/events")).Json(HttpStatusCode.OK)).GetProperty("events").EnumerateArray());
        Assert.Equal("correct", change.GetProperty("alias").GetString());
        Assert.Equal("groupStatus", change.GetProperty("kind").GetString());
        Assert.Equal("Operate", change.GetProperty("sid").GetString());
        Assert.Equal("granted", change.GetProperty("from").GetString());
        Assert.Equal("denied", change.GetProperty("to").GetString());
        Assert.Contains("from granted to denied", change.GetProperty("message").GetString());
        await (await Admin.GetAsync("/api/v1/events?limit=x")).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Discovery_registers_the_assumable_roles_under_the_account_names_and_says_why_not_for_the_others()
    {
        var results = (await (await Admin.PostJson("/api/v1/discover", $$"""{"roleName":"{{RoleName}}"}""")).Json(HttpStatusCode.OK))
            .GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("accountId").GetString()!);

        Assert.Subset(results.Keys.ToHashSet(), new HashSet<string> { PlatformAccount, Correct, WrongTrust, NeedsExternalId, MissingGroup, SsmByTag });
        Assert.True(results[Correct].GetProperty("added").GetBoolean());
        Assert.Equal("Correct", results[Correct].GetProperty("accountName").GetString());
        Assert.Equal("Correct", results[Correct].GetProperty("alias").GetString());
        Assert.Equal("SSM-by-tag", results[SsmByTag].GetProperty("alias").GetString());
        Assert.False(results[Correct].TryGetProperty("reason", out _));
        Assert.False(results[WrongTrust].GetProperty("added").GetBoolean());
        Assert.Equal(JsonValueKind.Null, results[WrongTrust].GetProperty("alias").ValueKind);
        Assert.Contains($"must name account {PlatformAccount}", results[WrongTrust].GetProperty("reason").GetString());
        Assert.Equal(results.Values.Where(r => r.GetProperty("added").GetBoolean()).Select(r => r.GetProperty("alias").GetString()!).Order(), (await Aliases()).Order());
        Assert.Subset((await Aliases()).ToHashSet(), new HashSet<string> { "Correct", "Missing-group", "SSM-by-tag" });

        // Again: the registered ones are reported as such, not added twice.
        results = (await (await Admin.PostJson("/api/v1/discover", $$"""{"roleName":"{{RoleName}}","externalId":"{{ExternalId}}"}""")).Json(HttpStatusCode.OK))
            .GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("accountId").GetString()!);
        Assert.False(results[Correct].GetProperty("added").GetBoolean());
        Assert.Contains("Already registered as 'Correct'", results[Correct].GetProperty("reason").GetString());
        Assert.True(results[NeedsExternalId].GetProperty("added").GetBoolean());
    }

    [Fact]
    public async Task Discovery_can_be_limited_to_OUs_and_refuses_what_is_not_an_OU()
    {
        var results = (await (await Admin.PostJson("/api/v1/discover", $$"""{"roleName":"{{RoleName}}","ouIds":["{{org.WorkloadsOuId}}"]}""")).Json(HttpStatusCode.OK))
            .GetProperty("results").EnumerateArray().Select(r => r.GetProperty("accountId").GetString()).Order();
        Assert.Subset(results.ToHashSet(), new HashSet<string?> { Correct, WrongTrust, NeedsExternalId, MissingGroup, SsmByTag });
        Assert.DoesNotContain(PlatformAccount, results);
        Assert.DoesNotContain(VendorRestricted, results); // in another OU

        await (await Admin.PostJson("/api/v1/discover", $$"""{"roleName":"{{RoleName}}","ouIds":["Workloads"]}""")).Problem(HttpStatusCode.UnprocessableEntity);
        await (await Admin.PostJson("/api/v1/discover", """{"roleName":"bad name!"}""")).Problem(HttpStatusCode.UnprocessableEntity);
        await (await Admin.PostJson("/api/v1/discover", """{"ouIds":[]}""")).Problem(HttpStatusCode.BadRequest);
        Assert.Subset((await Aliases()).ToHashSet(), new HashSet<string> { "Correct", "Missing-group", "SSM-by-tag" });
    }

    [Fact]
    public async Task The_permission_profile_is_stored_validated_and_read_back()
    {
        var detail = await (await Admin.GetAsync("/api/v1/permissions")).Problem(HttpStatusCode.NotFound);
        Assert.Contains("PUT", detail);

        var stored = await Admin.PutJson("/api/v1/permissions", Profile);
        Assert.Equal(Profile, await stored.Content.ReadAsStringAsync());
        var read = await Admin.GetAsync("/api/v1/permissions");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("application/json", read.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Profile, await read.Content.ReadAsStringAsync());

        await (await Admin.PutJson("/api/v1/permissions", """{"Version":"2012-10-17","Statement":""")).Problem(HttpStatusCode.BadRequest);
        await (await Admin.PutJson("/api/v1/permissions", "[1,2]")).Problem(HttpStatusCode.BadRequest);
        detail = await (await Admin.PutJson("/api/v1/permissions", """{"Version":"2012-10-17","Statement":[{"Effect":"Perhaps","Action":"s3:GetObject","Resource":"*"}]}""")).Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Effect", detail);
        await (await Admin.PutJson("/api/v1/permissions", """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:GetObject","Resource":"*"}]}""")).Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(Profile, await (await Admin.GetAsync("/api/v1/permissions")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_role_template_trusts_the_platform_and_carries_the_profile()
    {
        await (await Admin.GetAsync("/api/v1/templates/role")).Problem(HttpStatusCode.Conflict);
        await StoreProfile();

        var yaml = await Admin.GetAsync("/api/v1/templates/role?format=yaml");
        Assert.Equal(HttpStatusCode.OK, yaml.StatusCode);
        Assert.Equal("application/yaml", yaml.Content.Headers.ContentType?.MediaType);
        var text = await yaml.Content.ReadAsStringAsync();
        Assert.Contains("AWSTemplateFormatVersion", text);
        Assert.Contains(PlatformAccount, text);
        Assert.Contains("ec2:DescribeVolumes", text);

        var json = await (await Admin.GetAsync("/api/v1/templates/role?format=json&roleName=Responder&externalId=abc-123")).Json(HttpStatusCode.OK);
        Assert.True(json.GetProperty("Resources").EnumerateObject().Any());
        Assert.Contains("Responder", json.ToString());
        Assert.Contains("abc-123", json.ToString());

        await (await Admin.GetAsync("/api/v1/templates/role?format=xml")).Problem(HttpStatusCode.BadRequest);
        await (await Admin.GetAsync("/api/v1/templates/role?roleName=no%20spaces")).Problem(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Without_a_valid_token_every_endpoint_is_401_and_a_revoked_token_stops_at_once()
    {
        var anonymous = Api.Client(null);
        var wrong = Api.Client("cgt_not-a-token");
        foreach (var client in new[] { anonymous, wrong })
        {
            foreach (var (method, path) in Endpoints)
            {
                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
                await response.Problem(HttpStatusCode.Unauthorized);
                Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
            }
        }

        var basic = Api.Client(null);
        basic.DefaultRequestHeaders.Authorization = new("Basic", "YTpi");
        await (await basic.GetAsync("/api/v1/accounts")).Problem(HttpStatusCode.Unauthorized);

        var fresh = await Api.CreateTokenAsync("fresh", readOnly: false);
        var client2 = Api.Client(fresh);
        await (await client2.GetAsync("/api/v1/accounts")).Json(HttpStatusCode.OK);
        Assert.True(await Api.Store.RevokeTokenAsync("FRESH"));
        await (await client2.GetAsync("/api/v1/accounts")).Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_read_only_token_reads_everything_and_changes_nothing()
    {
        await StoreProfile();
        await (await Add("correct", Correct)).Json(HttpStatusCode.Created);
        var reader = Api.Client(Api.ReadOnlyToken);

        await (await reader.GetAsync("/api/v1/accounts")).Json(HttpStatusCode.OK);
        await (await reader.GetAsync("/api/v1/accounts/correct")).Json(HttpStatusCode.OK);
        await (await reader.GetAsync("/api/v1/accounts/correct/checks")).Json(HttpStatusCode.OK);
        await (await reader.GetAsync("/api/v1/events")).Json(HttpStatusCode.OK);
        await (await reader.GetAsync("/api/v1/permissions")).Json(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/templates/role")).StatusCode);
        Assert.True((await (await reader.GetAsync("/api/v1/platform")).Json(HttpStatusCode.OK)).GetProperty("readOnly").GetBoolean());

        Assert.Contains("read-only", await (await reader.PostJson("/api/v1/accounts", Http.AddBody("other", RoleArnIn(MissingGroup)))).Problem(HttpStatusCode.Forbidden));
        await (await reader.DeleteAsync("/api/v1/accounts/correct")).Problem(HttpStatusCode.Forbidden);
        await (await reader.PostAsync("/api/v1/accounts/correct/checks", null)).Problem(HttpStatusCode.Forbidden);
        await (await reader.PostJson("/api/v1/discover", $$"""{"roleName":"{{RoleName}}"}""")).Problem(HttpStatusCode.Forbidden);
        await (await reader.PutJson("/api/v1/permissions", """{"Version":"2012-10-17","Statement":[{"Sid":"X","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""")).Problem(HttpStatusCode.Forbidden);

        Assert.Equal(["correct"], await Aliases());
        Assert.Single((await (await Admin.GetAsync("/api/v1/accounts/correct/checks")).Json(HttpStatusCode.OK)).GetProperty("checks").EnumerateArray());
        Assert.Equal(Profile, await (await Admin.GetAsync("/api/v1/permissions")).Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("""{"roleArn": "arn:aws:iam::222222222222:role/PlatformResponseRole", "alias": """, 400)]
    [InlineData("""not json at all""", 400)]
    [InlineData("""{"roleArn":"arn:aws:iam::222222222222:role/PlatformResponseRole","alias":"x","colour":"blue"}""", 400)]
    [InlineData("""{"alias":"x"}""", 400)]
    [InlineData("""{"roleArn":null,"alias":"x"}""", 400)]
    [InlineData("""{"roleArn":"arn:aws:iam::222222222222:role/PlatformResponseRole","alias":"x","runAccountCheck":"yes"}""", 400)]
    [InlineData("""{"roleArn":42,"alias":"x"}""", 400)]
    [InlineData("""[]""", 400)]
    [InlineData("""null""", 400)]
    [InlineData("""{"roleArn":"arn:aws:iam::222222222222:role/PlatformResponseRole\n","alias":"x"}""", 422)]
    [InlineData("""{"roleArn":"arn:aws:iam::222222222222:role/Platform\nResponseRole","alias":"x"}""", 422)]
    [InlineData("""{"roleArn":"arn:aws:iam::222222222222:role/PlatformResponseRole","alias":"with space"}""", 422)]
    [InlineData("""{"roleArn":"arn:aws:iam::222222222222:role/PlatformResponseRole","alias":""}""", 422)]
    public async Task Bad_input_to_add_is_a_4xx_problem_and_changes_nothing(string body, int status)
    {
        var detail = await (await Admin.PostJson("/api/v1/accounts", body)).Problem((HttpStatusCode)status);
        Assert.DoesNotContain("Crossgate.Web", detail); // no .NET type names
        Assert.Empty(await Aliases());
    }

    [Fact]
    public async Task An_alias_of_500_characters_a_10_MB_body_and_a_wrong_content_type_are_4xx_problems()
    {
        var longAlias = new string('a', 500);
        var detail = await (await Admin.PostJson("/api/v1/accounts", Http.AddBody(longAlias, RoleArnIn(Correct)))).Problem(HttpStatusCode.UnprocessableEntity);
        Assert.True(detail.Length < 400, detail);
        await (await Admin.GetAsync("/api/v1/accounts/" + longAlias)).Problem(HttpStatusCode.NotFound);

        var huge = "{\"roleArn\":\"" + new string('x', 10 * 1024 * 1024) + "\",\"alias\":\"huge\"}";
        await (await Admin.PostJson("/api/v1/accounts", huge)).Problem(HttpStatusCode.RequestEntityTooLarge);
        await (await Admin.PutJson("/api/v1/permissions", huge)).Problem(HttpStatusCode.RequestEntityTooLarge);

        // Without a Content-Length (chunked), the limit holds as the body is read.
        var chunked = new HttpRequestMessage(HttpMethod.Post, "/api/v1/accounts") { Content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(huge))) };
        chunked.Content.Headers.ContentType = new("application/json");
        chunked.Headers.TransferEncodingChunked = true;
        await (await Admin.SendAsync(chunked)).Problem(HttpStatusCode.RequestEntityTooLarge);

        var text = await Admin.PostAsync("/api/v1/accounts", new StringContent(Http.AddBody("x", RoleArnIn(Correct)), System.Text.Encoding.UTF8, "text/plain"));
        await text.Problem(HttpStatusCode.UnsupportedMediaType);
        await (await Admin.PostAsync("/api/v1/accounts", null)).Problem(HttpStatusCode.UnsupportedMediaType);
        await (await Admin.PostJson("/api/v1/accounts", "")).Problem(HttpStatusCode.BadRequest);

        Assert.Empty(await Aliases());
        await (await Admin.GetAsync("/api/v1/permissions")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unknown_routes_and_methods_are_problems_and_the_OpenAPI_document_describes_every_route()
    {
        Assert.Contains("/api/v1/nothing-here", await (await Admin.GetAsync("/api/v1/nothing-here")).Problem(HttpStatusCode.NotFound));
        await (await Admin.PatchAsync("/api/v1/accounts", new StringContent("{}"))).Problem(HttpStatusCode.MethodNotAllowed);
        await (await Admin.PutJson("/api/v1/events", "{}")).Problem(HttpStatusCode.MethodNotAllowed);

        var document = await (await Admin.GetAsync("/api/v1/openapi.json")).Json(HttpStatusCode.OK);
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths");
        foreach (var (method, path) in Endpoints.Where(e => !e.Path.EndsWith("openapi.json", StringComparison.Ordinal)))
        {
            var template = path.Replace("/correct", "/{alias}").Split('?')[0];
            Assert.True(paths.TryGetProperty(template, out var item), $"{template} is missing from the OpenAPI document");
            Assert.True(item.TryGetProperty(method.ToLowerInvariant(), out _), $"{method} {template} is missing");
        }

        var add = paths.GetProperty("/api/v1/accounts").GetProperty("post");
        Assert.True(add.GetProperty("responses").TryGetProperty("422", out _));
        Assert.True(add.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
    }

    [Fact]
    public async Task A_check_that_outlasts_the_wait_answers_202_and_finishes_in_the_background()
    {
        await using var slow = await PlatformApiHost.StartAsync(org.EndpointUrl, await StoreConnectionAsync(), o => o with { CheckWaitLimit = TimeSpan.Zero });
        var admin = slow.Client(slow.AdminToken);

        var accepted = await (await admin.PostJson("/api/v1/accounts", Http.AddBody("correct", RoleArnIn(Correct)))).Json(HttpStatusCode.Accepted);
        Assert.Equal("correct", accepted.GetProperty("alias").GetString());

        JsonElement lastCheck = default;
        for (var i = 0; i < 100 && lastCheck.ValueKind != JsonValueKind.Object; i++)
        {
            await Task.Delay(100);
            lastCheck = (await (await admin.GetAsync("/api/v1/accounts/correct")).Json(HttpStatusCode.OK)).GetProperty("lastCheck");
        }

        Assert.Equal("notChecked", lastCheck.GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task The_platform_endpoint_names_the_identity_the_platform_uses()
    {
        var platform = await (await Admin.GetAsync("/api/v1/platform")).Json(HttpStatusCode.OK);
        Assert.Equal($"arn:aws:iam::{PlatformAccount}:user/{PlatformUser}", platform.GetProperty("identity").GetString());
        Assert.Equal("token 'admin'", platform.GetProperty("caller").GetString());
        Assert.False(platform.GetProperty("readOnly").GetBoolean());
        Assert.Equal(JsonValueKind.Null, platform.GetProperty("checkEvery").ValueKind);
    }

    private static readonly (string Method, string Path)[] Endpoints =
    [
        ("GET", "/api/v1/accounts"), ("POST", "/api/v1/accounts"), ("GET", "/api/v1/accounts/correct"), ("DELETE", "/api/v1/accounts/correct"),
        ("POST", "/api/v1/accounts/correct/checks"), ("GET", "/api/v1/accounts/correct/checks"), ("POST", "/api/v1/discover"),
        ("GET", "/api/v1/permissions"), ("PUT", "/api/v1/permissions"), ("GET", "/api/v1/templates/role"), ("GET", "/api/v1/events"),
        ("GET", "/api/v1/platform"), ("GET", "/api/v1/openapi.json"),
    ];
}

public sealed class SqlitePlatformApiTests(PlatformOrganization org) : PlatformApiTests(org), IClassFixture<PlatformOrganization>
{
    protected override Task<string?> StoreConnectionAsync() => Task.FromResult<string?>(null);
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresPlatformApiTests(PlatformOrganization org, PostgresServer postgres) : PlatformApiTests(org), IClassFixture<PlatformOrganization>
{
    protected override async Task<string?> StoreConnectionAsync() => await postgres.CreateDatabaseAsync();
}
