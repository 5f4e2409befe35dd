using System.Text.Json;
using Crossgate.Directory.Examples;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Server.Tests.Organizations;

namespace Crossgate.Server.Tests.Audit;

/// <summary>Every request, allowed or not, lands in the store's trail as a CloudTrail-like event without secrets.</summary>
public sealed class AuditTrailTests
{
    [Fact]
    public async Task Allowed_and_denied_calls_are_both_recorded()
    {
        await using var server = await OrganizationsServer.StartAsync();

        var allowed = await server.CallAsync(server.Admin, "ListAccounts");
        var denied = await server.CallAsync(server.Unprivileged, "ListAccounts");

        var events = await EventsAsync(server, e => e.EventName == "ListAccounts", 2);
        var ok = Assert.Single(events, e => e.RequestId == allowed.RequestId);
        var refused = Assert.Single(events, e => e.RequestId == denied.RequestId);

        Assert.Equal("organizations.amazonaws.com", ok.EventSource);
        Assert.Null(ok.ErrorCode);
        Assert.Equal(ExampleOrganization.Management, ok.RecipientAccountId);
        Assert.Equal("us-east-1", ok.AwsRegion);
        Assert.Equal("127.0.0.1", ok.SourceIpAddress);
        var identity = JsonDocument.Parse(ok.UserIdentity).RootElement;
        Assert.Equal("IAMUser", identity.GetProperty("type").GetString());
        Assert.Equal(server.Admin.Arn, identity.GetProperty("arn").GetString());
        Assert.Equal(ExampleOrganization.Management, identity.GetProperty("accountId").GetString());
        Assert.Equal(server.Admin.AccessKeyId, identity.GetProperty("accessKeyId").GetString());
        Assert.Equal("bob", identity.GetProperty("userName").GetString());
        Assert.StartsWith("AIDA", identity.GetProperty("principalId").GetString());

        Assert.Equal("AccessDeniedException", refused.ErrorCode);
        Assert.Equal(denied.Message, refused.ErrorMessage);
        Assert.Equal(server.Unprivileged.Arn, JsonDocument.Parse(refused.UserIdentity).RootElement.GetProperty("arn").GetString());
    }

    [Fact]
    public async Task Parameters_are_kept_and_personal_data_hidden()
    {
        await using var server = await OrganizationsServer.StartAsync();

        var created = await server.CallAsync(server.Admin, "CreateAccount", """{"Email":"private@example.com","AccountName":"Private"}""");
        Assert.True(created.Ok, created.Text);
        var described = await server.CallAsync(server.Admin, "DescribeAccount", """{"AccountId":"222222222222"}""");

        var createEvent = Assert.Single(await EventsAsync(server, e => e.EventName == "CreateAccount", 1));
        Assert.DoesNotContain("private@example.com", createEvent.RequestParameters);
        Assert.DoesNotContain("Private", createEvent.RequestParameters);
        var describeEvent = Assert.Single(await EventsAsync(server, e => e.EventName == "DescribeAccount", 1));
        Assert.Equal("222222222222", JsonDocument.Parse(describeEvent.RequestParameters!).RootElement.GetProperty("accountId").GetString());
        Assert.Equal(described.RequestId, describeEvent.RequestId);
    }

    [Fact]
    public async Task Query_requests_are_recorded_without_passwords_or_mfa_codes()
    {
        await using var server = await OrganizationsServer.StartAsync();
        const string password = "Sup3r-Secret-Passw0rd!";
        const string tokenCode = "918273";

        await server.PostFormAsync(server.Admin, "iam", $"Action=CreateLoginProfile&Version=2010-05-08&UserName=alex&Password={Uri.EscapeDataString(password)}");
        await server.PostFormAsync(server.Admin, "sts",
            $"Action=AssumeRole&Version=2011-06-15&RoleArn={Uri.EscapeDataString("arn:aws:iam::222222222222:role/R")}&RoleSessionName=s&SerialNumber=mfa&TokenCode={tokenCode}");

        var iam = Assert.Single(await EventsAsync(server, e => e.EventName == "CreateLoginProfile", 1));
        var sts = Assert.Single(await EventsAsync(server, e => e.EventName == "AssumeRole", 1));

        Assert.Equal("iam.amazonaws.com", iam.EventSource);
        Assert.Equal("sts.amazonaws.com", sts.EventSource);
        Assert.Equal("alex", JsonDocument.Parse(iam.RequestParameters!).RootElement.GetProperty("userName").GetString());
        Assert.Equal("arn:aws:iam::222222222222:role/R", JsonDocument.Parse(sts.RequestParameters!).RootElement.GetProperty("roleArn").GetString());
        foreach (var recorded in new[] { iam, sts })
        {
            var all = JsonSerializer.Serialize(recorded);
            Assert.DoesNotContain(password, all);
            Assert.DoesNotContain(tokenCode, all);
            Assert.DoesNotContain(server.Admin.Secret, all);
        }
    }

    [Fact]
    public async Task Unauthenticated_requests_are_recorded_with_the_claimed_key()
    {
        await using var server = await OrganizationsServer.StartAsync();
        var stranger = server.Admin with { AccessKeyId = "AKIAUNKNOWNKEY000000" };

        var reply = await server.CallAsync(stranger, "ListAccounts");

        Assert.Equal("UnrecognizedClientException", reply.ErrorType);
        var recorded = Assert.Single(await EventsAsync(server, e => e.RequestId == reply.RequestId, 1));
        Assert.Equal("UnrecognizedClientException", recorded.ErrorCode);
        Assert.Null(recorded.RecipientAccountId);
        var identity = JsonDocument.Parse(recorded.UserIdentity).RootElement;
        Assert.Equal("Unknown", identity.GetProperty("type").GetString());
        Assert.Equal("AKIAUNKNOWNKEY000000", identity.GetProperty("accessKeyId").GetString());
    }

    /// <summary>The observer runs once the answer is written, so the event may land just after the client has it.</summary>
    private static async Task<IReadOnlyList<AuditEvent>> EventsAsync(OrganizationsServer server, Func<AuditEvent, bool> match, int atLeast)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var events = (await server.Store.QueryAuditAsync(new AuditQuery { MaxResults = 1000 })).Where(match).ToList();
            if (events.Count >= atLeast || DateTime.UtcNow > deadline)
            {
                return events;
            }

            await Task.Delay(25);
        }
    }
}
