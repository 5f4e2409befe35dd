using System.Net;
using System.Text.Json;
using Crossgate.Cli.Tests.EndToEnd;
using Crossgate.Web.Service;
using Crossgate.Web.Tests.Support;
using static Crossgate.Cli.Tests.EndToEnd.PlatformOrganization;

namespace Crossgate.Web.Tests.Scheduling;

/// <summary><c>--check-every</c>: every account checked again in the background, history kept, and a change
/// between rounds recorded as an event.</summary>
public sealed class ScheduledChecksTests(PlatformOrganization org) : IClassFixture<PlatformOrganization>
{
    [Fact]
    public async Task Every_account_is_checked_each_round_and_changes_become_events()
    {
        await using var api = await PlatformApiHost.StartAsync(org.EndpointUrl, adjust: o => o with { CheckEvery = TimeSpan.FromSeconds(1) });
        var admin = api.Client(api.AdminToken);
        await (await admin.PutJson("/api/v1/permissions",
            """{"Version":"2012-10-17","Statement":[{"Sid":"Operate","Effect":"Allow","Action":"ec2:DescribeInstances","Resource":"*"}]}""")).Json(HttpStatusCode.OK);
        foreach (var (alias, account) in new[] { ("correct", Correct), ("missing-group", MissingGroup), ("ssm", SsmByTag) })
        {
            await (await admin.PostJson("/api/v1/accounts", Http.AddBody(alias, RoleArnIn(account), runCheck: false))).Json(HttpStatusCode.Created);
        }

        var platform = await (await admin.GetAsync("/api/v1/platform")).Json(HttpStatusCode.OK);
        Assert.Equal("1s", platform.GetProperty("checkEvery").GetString());
        Assert.True(platform.GetProperty("nextScheduledCheck").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-1));

        await WaitUntilAsync(async () => await ChecksOf(admin, "ssm") >= 1 && await ChecksOf(admin, "correct") >= 1 && await ChecksOf(admin, "missing-group") >= 1);
        var accounts = (await (await admin.GetAsync("/api/v1/accounts")).Json(HttpStatusCode.OK)).GetProperty("accounts").EnumerateArray();
        Assert.All(accounts, a => Assert.Equal("ready", a.GetProperty("lastCheck").GetProperty("verdict").GetString()));

        // The profile now asks for what the roles lack: the next round records the change for every account.
        await (await admin.PutJson("/api/v1/permissions",
            """{"Version":"2012-10-17","Statement":[{"Sid":"Operate","Effect":"Allow","Action":"ec2:TerminateInstances","Resource":"*"}]}""")).Json(HttpStatusCode.OK);
        JsonElement[] events = [];
        await WaitUntilAsync(async () =>
        {
            events = [.. (await (await admin.GetAsync("/api/v1/events")).Json(HttpStatusCode.OK)).GetProperty("events").EnumerateArray()];
            return events.Select(e => e.GetProperty("alias").GetString()).Distinct().Count() == 3;
        });
        Assert.All(events, e => Assert.Equal("granted→denied", $"{e.GetProperty("from").GetString()}→{e.GetProperty("to").GetString()}"));
        Assert.True(api.Service.Scheduler!.RoundsCompleted >= 2);
    }

    [Fact]
    public void Durations_read_as_written_on_the_command_line()
    {
        Assert.True(Durations.TryParse("6h", out var six));
        Assert.Equal(TimeSpan.FromHours(6), six);
        Assert.True(Durations.TryParse("30m", out var half));
        Assert.Equal("30m", Durations.Format(half));
        Assert.Equal("1d", Durations.Format(TimeSpan.FromHours(24)));
        Assert.False(Durations.TryParse("0h", out _));
        Assert.False(Durations.TryParse("6 hours", out _));
        Assert.False(Durations.TryParse("-1h", out _));
    }

    private static async Task<int> ChecksOf(HttpClient admin, string alias) =>
        (await (await admin.GetAsync($"/api/v1/accounts/{alias}/checks")).Json(HttpStatusCode.OK)).GetProperty("checks").GetArrayLength();

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("the scheduled checks did not happen within 30 s");
    }
}
