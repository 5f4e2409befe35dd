using System.Net;
using System.Text.RegularExpressions;
using Crossgate.Cli.Tests.EndToEnd;
using Crossgate.Web.Tests.Support;
using Microsoft.Playwright;
using static Crossgate.Cli.Tests.EndToEnd.PlatformOrganization;

namespace Crossgate.Web.Tests.Browser;

/// <summary>The console in a real browser (Debian's chromium through Playwright) against the platform service and
/// a Crossgate endpoint holding the test organization. Each step saves a screenshot under screenshots/.</summary>
public sealed class ConsoleBrowserTests(PlatformOrganization org, ChromiumBrowser chromium)
    : IClassFixture<PlatformOrganization>, IClassFixture<ChromiumBrowser>, IAsyncLifetime
{
    private PlatformApiHost _api = null!;

    public async Task InitializeAsync() => _api = await PlatformApiHost.StartAsync(org.EndpointUrl);

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private string Url(string path) => new Uri(_api.BaseAddress, path).ToString();

    private async Task<IPage> PageAsync(int width = 1280, int height = 900)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        return await context.NewPageAsync();
    }

    [Fact]
    public async Task An_operator_signs_in_adds_accounts_sees_each_group_discovers_and_removes()
    {
        var page = await PageAsync();
        var loginUrl = Url($"/console/login?token={_api.Service.Sessions.OneTimeToken}");

        // The one-time URL signs in and lands on the accounts page.
        await page.GotoAsync(loginUrl);
        await Assertions.Expect(page).ToHaveURLAsync(Url("/console/"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Accounts" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#summary")).ToHaveTextAsync("0 accounts");
        await Assertions.Expect(page.Locator("#who")).ToContainTextAsync("one-time login");
        await ChromiumBrowser.ScreenshotAsync(page, "01-accounts-empty");

        // Used twice, it no longer signs in.
        var other = await PageAsync();
        var reused = await other.GotoAsync(loginUrl);
        Assert.Equal((int)HttpStatusCode.Unauthorized, reused!.Status);
        await Assertions.Expect(other.Locator(".error")).ToContainTextAsync("works once");
        await ChromiumBrowser.ScreenshotAsync(other, "02-login-url-used-twice");

        // The permission profile, replaced through its page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Permission profile" }).ClickAsync();
        await page.Locator("#document").FillAsync(Profile);
        await page.GetByRole(AriaRole.Button, new() { Name = "Replace profile" }).ClickAsync();
        await Assertions.Expect(page.Locator("#replace-status")).ToContainTextAsync("replaced");
        await Assertions.Expect(page.Locator("#profile")).ToContainTextAsync("Acquisition");
        await ChromiumBrowser.ScreenshotAsync(page, "03-permission-profile");

        // An account that works: added, checked, every group shown.
        await AddAsync(page, RoleArnIn(Correct), "correct");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/console/accounts/correct"));
        await Assertions.Expect(page.Locator("#last-check .verdict")).ToHaveTextAsync("ready");
        await Assertions.Expect(page.Locator("#groups tbody tr")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("#groups .s-granted")).ToHaveCountAsync(4);
        await ChromiumBrowser.ScreenshotAsync(page, "04-account-ready");

        // One that cannot be assumed: the reason beside the role ARN field, nothing added.
        await AddAsync(page, RoleArnIn(WrongTrust), "wrong-trust");
        var error = page.Locator("#roleArn-error");
        await Assertions.Expect(error).ToBeVisibleAsync();
        await Assertions.Expect(error).ToContainTextAsync($"must name account {PlatformAccount}");
        await Assertions.Expect(page.Locator("#roleArn")).ToHaveAttributeAsync("aria-invalid", "true");
        await ChromiumBrowser.ScreenshotAsync(page, "05-add-account-not-assumable");

        // An alias already taken: the error beside the alias.
        await AddAsync(page, RoleArnIn(MissingGroup), "CORRECT");
        await Assertions.Expect(page.Locator("#alias-error")).ToContainTextAsync("already registered");

        // One that is assumable but lacks a group: each group's verdict with what is missing.
        await AddAsync(page, RoleArnIn(MissingGroup), "missing-group");
        await Assertions.Expect(page.Locator("#last-check .verdict")).ToHaveTextAsync("incomplete");
        var acquisition = page.Locator("#groups tbody tr", new() { HasText = "Acquisition" });
        await Assertions.Expect(acquisition.Locator(".status")).ToHaveTextAsync("denied");
        var inventory = page.Locator("#groups tbody tr", new() { HasText = "Inventory" });
        await Assertions.Expect(inventory.Locator(".status")).ToHaveTextAsync("partial");
        await Assertions.Expect(inventory).ToContainTextAsync("ec2:DescribeVolumes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run account check" }).ClickAsync();
        await Assertions.Expect(page.Locator("#history tbody tr")).ToHaveCountAsync(2);
        Assert.StartsWith("https://signin.aws.amazon.com/switchrole?roleName=PlatformResponseRole&account=555555555555",
            await page.Locator("#switch-role").GetAttributeAsync("href"));
        await ChromiumBrowser.ScreenshotAsync(page, "06-account-incomplete");

        // Discovery from Organizations: a table of what worked.
        await page.GetByRole(AriaRole.Link, new() { Name = "Discover" }).ClickAsync();
        await page.GetByLabel("Role name").FillAsync(RoleName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Discover accounts" }).ClickAsync();
        await Assertions.Expect(page.Locator("#results tbody tr", new() { HasText = Correct })).ToContainTextAsync("Already registered");
        await Assertions.Expect(page.Locator("#results tbody tr", new() { HasText = SsmByTag })).ToContainTextAsync("yes");
        await Assertions.Expect(page.Locator("#results tbody tr", new() { HasText = WrongTrust })).ToContainTextAsync($"must name account {PlatformAccount}");
        await Assertions.Expect(page.Locator("#discover-status")).ToContainTextAsync("accounts found");
        await ChromiumBrowser.ScreenshotAsync(page, "07-discover");

        // The accounts page: each verdict as text, and the filter.
        await page.GetByRole(AriaRole.Link, new() { Name = "Accounts", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#accounts tbody tr", new() { HasText = "missing-group" })).ToContainTextAsync("incomplete");
        await Assertions.Expect(page.Locator("#accounts tbody tr", new() { HasText = "correct" }).First).ToContainTextAsync("ready");
        await Assertions.Expect(page.Locator("#accounts tbody tr", new() { HasText = "SSM-by-tag" })).ToContainTextAsync("not checked");
        await ChromiumBrowser.ScreenshotAsync(page, "08-accounts");
        await page.GetByLabel("Filter").FillAsync("incomplete");
        await Assertions.Expect(page.Locator("#accounts tbody tr")).ToHaveCountAsync(1);
        await page.GetByLabel("Filter").FillAsync(string.Empty);

        // Remove an account.
        await page.GetByRole(AriaRole.Link, new() { Name = "missing-group" }).ClickAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove account" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/console/\\?removed=missing-group"));
        await Assertions.Expect(page.Locator("#accounts")).Not.ToContainTextAsync("missing-group");
        await ChromiumBrowser.ScreenshotAsync(page, "09-accounts-after-remove");

        // Monitoring: the schedule and the timeline.
        await page.GetByRole(AriaRole.Link, new() { Name = "Monitoring" }).ClickAsync();
        await Assertions.Expect(page.Locator("#schedule")).ToContainTextAsync($"arn:aws:iam::{PlatformAccount}:user/{PlatformUser}");
        await ChromiumBrowser.ScreenshotAsync(page, "10-monitoring");

        // Phone width: the same accounts, one card per row.
        var phone = await PageAsync(390, 844);
        await phone.GotoAsync(Url($"/console/login?token={await _api.CreateTokenAsync("phone", readOnly: false)}"));
        await Assertions.Expect(phone.Locator("#accounts tbody tr", new() { HasText = "correct" }).First).ToBeVisibleAsync();
        var width = await phone.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the accounts page is {width} px wide at phone width");
        await ChromiumBrowser.ScreenshotAsync(phone, "11-accounts-phone");
        await phone.GotoAsync(Url("/console/accounts/correct"));
        await Assertions.Expect(phone.Locator("#groups tbody tr")).ToHaveCountAsync(4);
        await ChromiumBrowser.ScreenshotAsync(phone, "12-account-phone");
    }

    [Fact]
    public async Task A_read_only_token_sees_everything_and_is_offered_no_change()
    {
        await _api.Service.Store.SetPermissionsAsync(Profile);
        var admin = _api.Client(_api.AdminToken);
        await (await admin.PostJson("/api/v1/accounts", Http.AddBody("correct", RoleArnIn(Correct)))).Json(HttpStatusCode.Created);

        var page = await PageAsync();
        await page.GotoAsync(Url("/console/login"));
        await ChromiumBrowser.ScreenshotAsync(page, "20-login");
        await page.GetByLabel("API token").FillAsync(_api.ReadOnlyToken);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#who")).ToContainTextAsync("read-only");
        await Assertions.Expect(page.Locator("#accounts tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Add account" }).First).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "correct" }).ClickAsync();
        await Assertions.Expect(page.Locator("#groups tbody tr")).ToHaveCountAsync(4);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Remove account" })).ToBeHiddenAsync();
        await ChromiumBrowser.ScreenshotAsync(page, "21-read-only-account");

        // Even a hand-made request from the page is refused.
        var status = await page.EvaluateAsync<int>(
            "async () => (await fetch('/api/v1/accounts/correct', {method: 'DELETE', headers: {'X-CSRF-Token': (await (await fetch('/console/session')).json()).csrf}})).status");
        Assert.Equal(403, status);
        Assert.Single((await (await admin.GetAsync("/api/v1/accounts")).Json(HttpStatusCode.OK)).GetProperty("accounts").EnumerateArray());

        // A token revoked while signed in ends the session at once.
        Assert.True(await _api.Store.RevokeTokenAsync("auditor"));
        await page.ReloadAsync();
        await Assertions.Expect(page).ToHaveURLAsync(Url("/console/login"));
    }

    [Fact]
    public async Task Changes_without_the_CSRF_token_or_from_another_origin_are_refused()
    {
        var page = await PageAsync();
        await page.GotoAsync(Url($"/console/login?token={_api.Service.Sessions.OneTimeToken}"));
        await Assertions.Expect(page.Locator("#summary")).ToHaveTextAsync("0 accounts");

        var status = await page.EvaluateAsync<int>(
            "async () => (await fetch('/api/v1/permissions', {method: 'PUT', headers: {'Content-Type': 'application/json'}, body: '{}'})).status");
        Assert.Equal(403, status);

        var cookies = await page.Context.CookiesAsync();
        var session = Assert.Single(cookies, c => c.Name == "crossgate_console");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, session.SameSite);
        Assert.Equal(0, await page.EvaluateAsync<int>("document.cookie.length"));

        // A sign-in form posted from elsewhere is refused.
        using var client = new HttpClient { BaseAddress = _api.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/console/login") { Content = new FormUrlEncodedContent([new("token", _api.AdminToken)]) };
        request.Headers.Add("Origin", "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(request)).StatusCode);
    }

    private static async Task AddAsync(IPage page, string roleArn, string alias)
    {
        if (!page.Url.EndsWith("/console/add", StringComparison.Ordinal))
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Add account" }).First.ClickAsync();
        }

        await Assertions.Expect(page.GetByLabel("Run account check after adding account")).ToBeCheckedAsync();
        await page.GetByLabel("Role ARN").FillAsync(roleArn);
        await page.GetByLabel("Alias").FillAsync(alias);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add role" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}
