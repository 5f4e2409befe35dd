using System.Diagnostics;
using System.Text.Json;
using Crossgate.Directory.Examples;
using Crossgate.Server.Services.Organizations;

namespace Crossgate.Server.Tests.Organizations;

/// <summary>Unmodified boto3 (python3 on this machine) reads every shape, timestamp, paginator and error.</summary>
public sealed class OrganizationsBoto3Tests
{
    [Fact]
    public async Task Boto3_walks_accounts_units_and_policies()
    {
        await using var server = await OrganizationsServer.StartAsync();
        var script = Path.Combine(AppContext.BaseDirectory, "Organizations", "boto3_organizations.py");

        var output = await RunPython(script, server.BaseAddress.ToString().TrimEnd('/'),
            server.Admin.AccessKeyId, server.Admin.Secret, server.MemberAdmin.AccessKeyId, server.MemberAdmin.Secret, server.Ids.WorkloadsOuId);
        var root = JsonDocument.Parse(output).RootElement;

        Assert.Equal("IN_PROGRESS", root.GetProperty("createState").GetString());
        Assert.False(root.GetProperty("listedWhileInProgress").GetBoolean());
        Assert.Equal(["IN_PROGRESS", "SUCCEEDED"], root.GetProperty("polledStates").EnumerateArray().Select(s => s.GetString()));
        Assert.True(root.GetProperty("requestedIsDatetime").GetBoolean());
        Assert.True(root.GetProperty("described").GetBoolean());
        Assert.Equal(DateTime.UtcNow.Year, root.GetProperty("joinedYear").GetInt32());
        Assert.Equal("Boto", root.GetProperty("accountName").GetString());

        var newId = root.GetProperty("newId").GetString()!;
        var expected = new[] { ExampleOrganization.Management, ExampleOrganization.TargetB, ExampleOrganization.TargetC, newId }.Order(StringComparer.Ordinal);
        Assert.Equal(expected, root.GetProperty("accounts").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(4, root.GetProperty("pageCount").GetInt32());

        var ou = root.GetProperty("ou").GetString()!;
        Assert.Equal([newId], root.GetProperty("inOu").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(new[] { ou, server.Ids.WorkloadsOuId }.Order(StringComparer.Ordinal), root.GetProperty("units").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal([ou], root.GetProperty("targets").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("DuplicatePolicyAttachmentException", root.GetProperty("duplicate").GetProperty("code").GetString());

        var memberList = root.GetProperty("memberListAccounts");
        Assert.Equal("AccessDeniedException", memberList.GetProperty("code").GetString());
        Assert.Equal(OrganizationsErrors.MemberAccessDeniedMessage, memberList.GetProperty("message").GetString());
        var leave = root.GetProperty("memberLeave");
        Assert.Equal("AccessDeniedException", leave.GetProperty("code").GetString());
        Assert.Contains("explicit deny in a service control policy", leave.GetProperty("message").GetString());
        Assert.Equal(server.Ids.OrganizationId, root.GetProperty("memberOrganization").GetString());
    }

    private static async Task<string> RunPython(string script, params string[] args)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        Assert.True(process.ExitCode == 0, $"boto3 script failed: {await stderr}");
        return await stdout;
    }
}
