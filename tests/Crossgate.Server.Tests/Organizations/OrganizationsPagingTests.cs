namespace Crossgate.Server.Tests.Organizations;

/// <summary><c>NextToken</c>/<c>MaxResults</c>: pages cover every item once, and bad values are refused.</summary>
public sealed class OrganizationsPagingTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(20)]
    public async Task Pages_of_units_cover_every_unit_once(int maxResults)
    {
        await using var server = await OrganizationsServer.StartAsync();
        var root = server.Ids.RootId;
        var expected = new List<string> { server.Ids.WorkloadsOuId };
        for (var i = 0; i < 6; i++)
        {
            var unit = await server.CallAsync(server.Admin, "CreateOrganizationalUnit", $$"""{"ParentId":"{{root}}","Name":"Unit{{i}}"}""");
            expected.Add(unit.Str("OrganizationalUnit", "Id"));
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var body = token is null
                ? $$"""{"ParentId":"{{root}}","MaxResults":{{maxResults}}}"""
                : $$"""{"ParentId":"{{root}}","MaxResults":{{maxResults}},"NextToken":"{{token}}"}""";
            var page = await server.CallAsync(server.Admin, "ListOrganizationalUnitsForParent", body);
            Assert.True(page.Ok, page.Text);
            var ids = page.Ids("OrganizationalUnits");
            Assert.True(ids.Count <= maxResults);
            seen.AddRange(ids);
            token = page.Body.TryGetProperty("NextToken", out var next) ? next.GetString() : null;
            pages++;
        }
        while (token is not null);

        Assert.Equal(expected.Order(StringComparer.Ordinal), seen);
        Assert.Equal((int)Math.Ceiling(expected.Count / (double)maxResults), pages);
    }

    [Fact]
    public async Task Accounts_page_one_at_a_time()
    {
        await using var server = await OrganizationsServer.StartAsync();

        var first = await server.CallAsync(server.Admin, "ListAccounts", """{"MaxResults":1}""");
        var second = await server.CallAsync(server.Admin, "ListAccounts", $$"""{"MaxResults":1,"NextToken":"{{first.Str("NextToken")}}"}""");
        var third = await server.CallAsync(server.Admin, "ListAccounts", $$"""{"MaxResults":1,"NextToken":"{{second.Str("NextToken")}}"}""");

        Assert.Equal(["111111111111"], first.Ids("Accounts"));
        Assert.Equal(["222222222222"], second.Ids("Accounts"));
        Assert.Equal(["333333333333"], third.Ids("Accounts"));
        Assert.False(third.Body.TryGetProperty("NextToken", out _));
    }

    [Theory]
    [InlineData("""{"MaxResults":21}""", "MAX_VALUE_EXCEEDED")]
    [InlineData("""{"MaxResults":0}""", "MIN_VALUE_EXCEEDED")]
    [InlineData("""{"NextToken":"not-a-token"}""", "INVALID_NEXT_TOKEN")]
    [InlineData("""{"NextToken":"aGVsbG8="}""", "INVALID_NEXT_TOKEN")]
    public async Task Bad_paging_values_are_invalid_input(string body, string reason)
    {
        await using var server = await OrganizationsServer.StartAsync();

        var reply = await server.CallAsync(server.Admin, "ListAccounts", body);

        Assert.Equal("InvalidInputException", reply.ErrorType);
        Assert.Equal(reason, reply.Str("Reason"));
    }
}
