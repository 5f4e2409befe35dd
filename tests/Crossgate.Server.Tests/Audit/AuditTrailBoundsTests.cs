using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Server.Hosting;
using Crossgate.Server.Services.Audit;
using Crossgate.Server.Tests.Organizations;

namespace Crossgate.Server.Tests.Audit;

/// <summary>What one event may keep: nothing of an unauthenticated or refused call's body, at most CloudTrail's
/// 100 KB of parameters, and capped free text, so that no caller can grow the trail by sending large requests.</summary>
public sealed class AuditTrailBoundsTests
{
    private static readonly string Huge = new('x', 3 * 1024 * 1024);

    [Fact]
    public async Task Unsigned_and_unknown_key_requests_are_recorded_without_their_bodies()
    {
        await using var server = await OrganizationsServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var form = $"Action=CreateUser&Version=2010-05-08&UserName=u&Path={Huge}";

        using var unsigned = await client.PostAsync("/", new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"));
        var stranger = server.Admin with { AccessKeyId = "AKIAUNKNOWNKEY000000" };
        await server.PostFormAsync(stranger, "iam", form);
        var json = await server.CallAsync(stranger, "CreateOrganizationalUnit", JsonSerializer.Serialize(new { ParentId = "r-abcd", Name = Huge }));

        Assert.Equal(403, (int)unsigned.StatusCode);
        Assert.Equal("UnrecognizedClientException", json.ErrorType);
        var events = await EventsAsync(server, e => e.ErrorCode is "MissingAuthenticationToken" or "InvalidClientTokenId" or "UnrecognizedClientException", 3);
        Assert.Equal(3, events.Count);
        foreach (var recorded in events)
        {
            Assert.Null(recorded.RequestParameters);
            Assert.True(JsonSerializer.Serialize(recorded).Length < 4096, JsonSerializer.Serialize(recorded)[..200]);
        }
    }

    [Fact]
    public async Task A_refused_call_is_recorded_without_its_parameters()
    {
        await using var server = await OrganizationsServer.StartAsync();

        var denied = await server.CallAsync(server.Unprivileged, "DescribeAccount", """{"AccountId":"222222222222"}""");

        Assert.Equal("AccessDeniedException", denied.ErrorType);
        var recorded = Assert.Single(await EventsAsync(server, e => e.RequestId == denied.RequestId, 1));
        Assert.Null(recorded.RequestParameters);
    }

    [Fact]
    public async Task An_authenticated_call_keeps_at_most_100_KB_of_parameters_and_a_capped_error_message()
    {
        await using var server = await OrganizationsServer.StartAsync();
        var value = new string('y', 300 * 1024);

        var reply = await server.CallAsync(server.Admin, "CreateOrganizationalUnit", JsonSerializer.Serialize(new { ParentId = value, Name = value }));
        var small = await server.CallAsync(server.Admin, "DescribeAccount", """{"AccountId":"222222222222"}""");

        Assert.False(reply.Ok);
        var big = Assert.Single(await EventsAsync(server, e => e.RequestId == reply.RequestId, 1));
        Assert.Null(big.RequestParameters);
        Assert.True(big.ErrorMessage is null || big.ErrorMessage.Length <= AuditTrailObserver.MaxTextLength + 1);
        var kept = Assert.Single(await EventsAsync(server, e => e.RequestId == small.RequestId, 1));
        Assert.NotNull(kept.RequestParameters);
    }

    [Fact]
    public void Query_parameters_over_100_KB_are_left_out()
    {
        var parameters = new Crossgate.Server.Protocols.Query.QueryParameters([new("UserName", new string('a', AuditParameters.MaxBytes + 1))]);

        Assert.Null(AuditParameters.FromQuery(parameters));
        Assert.Null(AuditParameters.FromJson(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { A = new string('a', AuditParameters.MaxBytes) }))));
    }

    private static async Task<IReadOnlyList<AuditEvent>> EventsAsync(OrganizationsServer server, Func<AuditEvent, bool> match, int atLeast)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            await server.Audit.FlushAsync();
            var events = (await server.Store.QueryAuditAsync(new AuditQuery { MaxResults = 1000 })).Where(match).ToList();
            if (events.Count >= atLeast || DateTime.UtcNow > deadline) return events;
            await Task.Delay(25);
        }
    }
}
