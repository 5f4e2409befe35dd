using System.Diagnostics;
using System.Text.Json;
using Crossgate.Server.Errors;
using Crossgate.Server.Protocols;
using Crossgate.Server.Protocols.Json;
using Crossgate.Server.Protocols.Query;
using Crossgate.Server.Tests.Support;

namespace Crossgate.Server.Tests.Wire;

/// <summary>boto3 (python3 on this machine) talks to the endpoint over all three protocols.</summary>
public sealed class Boto3Tests
{
    private const string AccessKeyId = "AKIABOTO3TEST0000001";
    private const string Secret = "boto3/Secret+Key/0000000000000000000000";

    [Fact]
    public async Task Boto3_calls_STS_IAM_and_Organizations_and_reads_errors()
    {
        await using var server = await ServerFixture.StartAsync(
            new InMemoryCredentials().Add(AccessKeyId, Secret, account: "123456789012"),
            r => r
                .MapQuery(AwsService.Sts, "GetCallerIdentity", StsHandlers.GetCallerIdentity)
                .MapQuery(AwsService.Iam, "CreateUser", (request, _) => ValueTask.FromResult(QueryResponse.Ok(result => result
                    .Struct("User", user => user
                        .Element("Path", request.Parameters.Get("Path"))
                        .Element("UserName", request.Parameters.Get("UserName"))
                        .Element("UserId", "AIDABOB0000000000001")
                        .Element("Arn", "arn:aws:iam::123456789012:user/eng/bob")
                        .Element("CreateDate", DateTimeOffset.UnixEpoch)
                        .List("Tags", request.Parameters.StructList("Tags"),
                            (w, t) => w.Element("Key", t.Get("Key")).Element("Value", t.Get("Value")))))))
                .MapJson(AwsService.Organizations, "DescribeOrganization", (_, _) => ValueTask.FromResult(JsonResponse.Ok(json =>
                {
                    json.WriteStartObject();
                    json.WriteStartObject("Organization");
                    json.WriteString("Id", "o-a1b2c3d4e5");
                    json.WriteEndObject();
                    json.WriteEndObject();
                })))
                .MapJson(AwsService.Organizations, "ListAccounts", (_, _) => ValueTask.FromResult<JsonResponse>(
                    new AwsError("AWSOrganizationsNotInUseException", "Your account is not a member of an organization.", 400))));

        var script = Path.Combine(AppContext.BaseDirectory, "Wire", "boto3_client.py");
        var output = await RunPython(script, server.BaseAddress.ToString().TrimEnd('/'), AccessKeyId, Secret);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;

        Assert.Equal("123456789012", root.GetProperty("identity").GetProperty("Account").GetString());
        Assert.Equal("bob", root.GetProperty("user").GetProperty("UserName").GetString());
        Assert.Equal("/eng/", root.GetProperty("user").GetProperty("Path").GetString());
        var tag = root.GetProperty("user").GetProperty("Tags")[0];
        Assert.Equal(("team", "a b&c"), (tag.GetProperty("Key").GetString(), tag.GetProperty("Value").GetString()));
        Assert.Equal("o-a1b2c3d4e5", root.GetProperty("organization").GetProperty("Id").GetString());

        var wrong = root.GetProperty("wrongSecret");
        Assert.Equal("SignatureDoesNotMatch", wrong.GetProperty("code").GetString());
        Assert.Equal(AuthErrors.SignatureDoesNotMatchMessage, wrong.GetProperty("message").GetString());
        Assert.Equal(403, wrong.GetProperty("status").GetInt32());
        Assert.Equal("InvalidSignatureException", root.GetProperty("orgsWrongSecret").GetProperty("code").GetString());
        var modeled = root.GetProperty("orgsModeledError");
        Assert.Equal("AWSOrganizationsNotInUseException", modeled.GetProperty("code").GetString());
        Assert.Equal("Your account is not a member of an organization.", modeled.GetProperty("message").GetString());

        // boto3 presigns STS with the operation's method, POST: the URL is accepted as a bodiless POST, and not as a GET
        // (the method is part of the signature).
        var url = root.GetProperty("presignedUrl").GetString();
        var presigned = await server.Client.PostAsync(url, null);
        var asGet = await server.Client.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, asGet.StatusCode);
        Assert.True(presigned.IsSuccessStatusCode, root.GetProperty("presignedUrl").GetString() + "\n" + await presigned.Content.ReadAsStringAsync());
        Assert.Contains("<Account>123456789012</Account>", await presigned.Content.ReadAsStringAsync());
    }

    private static async Task<string> RunPython(string script, params string[] args)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(process.ExitCode == 0, $"boto3 script failed: {await stderr}");
        return await stdout;
    }
}
