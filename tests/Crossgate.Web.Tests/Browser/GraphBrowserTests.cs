using Crossgate.Cli.Tests.EndToEnd;
using Crossgate.Web.Tests.Support;
using Microsoft.Playwright;
using static Crossgate.Cli.Tests.EndToEnd.PlatformOrganization;

namespace Crossgate.Web.Tests.Browser;

/// <summary>The console's access graph page in a real browser over the end-to-end organization's directory store:
/// accounts drawn as boxes, a click on a principal shows what it can reach and who can reach it.</summary>
public sealed class GraphBrowserTests(PlatformOrganization org, ChromiumBrowser chromium)
    : IClassFixture<PlatformOrganization>, IClassFixture<ChromiumBrowser>, IAsyncLifetime
{
    private static readonly string Platform = $"arn:aws:iam::{PlatformAccount}:user/{PlatformUser}";

    private PlatformApiHost _api = null!;

    public async Task InitializeAsync() => _api = await PlatformApiHost.StartAsync(org.EndpointUrl, adjust: o => o with { Directory = org.Store });

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private static ILocator Node(IPage page, string arn) => page.Locator($"svg#graph g.node[data-arn='{arn}']");

    [Fact]
    public async Task Clicking_a_principal_shows_its_reach_and_who_can_reach_it()
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1000 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(_api.BaseAddress, $"/console/login?token={_api.Service.Sessions.OneTimeToken}").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Access graph" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access graph" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#graph-status")).ToContainTextAsync("principals in 9 accounts of the store");
        await Assertions.Expect(page.Locator("svg#graph g.account")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("svg#graph g.account text", new() { HasText = $"Correct ({Correct})" })).ToBeVisibleAsync();
        await Assertions.Expect(Node(page, RoleArnIn(Correct))).ToBeVisibleAsync();
        await ChromiumBrowser.ScreenshotAsync(page, "30-graph");

        await Node(page, Platform).ClickAsync();

        await Assertions.Expect(page.Locator("#selected")).ToHaveTextAsync($"user {PlatformUser} ({PlatformAccount})");
        var reach = page.Locator("#reach li", new() { HasText = $"{PlatformUser} ({PlatformAccount}) → {RoleName} ({Correct})" });
        await Assertions.Expect(reach.First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#reach li", new() { HasText = "sts:ExternalId" }).First).ToBeVisibleAsync();
        await Assertions.Expect(Node(page, Platform)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("selected"));
        await Assertions.Expect(Node(page, RoleArnIn(Correct))).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("reached"));
        await Assertions.Expect(Node(page, RoleArnIn(WrongTrust))).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("reached"));
        await Assertions.Expect(page.Locator("svg#graph line.on-path")).Not.ToHaveCountAsync(0);
        await ChromiumBrowser.ScreenshotAsync(page, "31-graph-reach");

        // The keyboard reaches principals too; who-can of a role lists the users that get there.
        await Node(page, RoleArnIn(Correct)).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#selected")).ToHaveTextAsync($"role {RoleName} ({Correct})");
        await Assertions.Expect(page.Locator("#who-can li", new() { HasText = PlatformUser }).First).ToBeVisibleAsync();
        await Assertions.Expect(Node(page, Platform)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("reaches"));
        await ChromiumBrowser.ScreenshotAsync(page, "32-graph-who-can");

        // An ARN typed in that is no principal: the reason beside the field.
        await page.GetByLabel("Principal").FillAsync("arn:aws:iam::111111111111:user/nobody");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show reach" }).ClickAsync();
        await Assertions.Expect(page.Locator("#principal-error")).ToContainTextAsync("not a principal");
    }
}
