using System.Diagnostics;
using System.Text.Json;
using Crossgate.Server.Protocols;
using Crossgate.Server.Tests.Support;

namespace Crossgate.Server.Tests.Wire;

/// <summary>The unmodified AWS CLI on this machine (`aws`, v1 here) against the endpoint with --endpoint-url.</summary>
public sealed class AwsCliTests
{
    private const string AccessKeyId = "AKIAAWSCLITEST000001";
    private const string Secret = "cli/Secret+Key/000000000000000000000000";

    private static async Task<(int ExitCode, string Stdout, string Stderr)> Aws(Uri endpoint, string secret, params string[] args)
    {
        var start = new ProcessStartInfo("aws") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("--endpoint-url");
        start.ArgumentList.Add(endpoint.ToString().TrimEnd('/'));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["AWS_ACCESS_KEY_ID"] = AccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = secret;
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Aws_cli_get_caller_identity_and_a_wrong_secret()
    {
        await using var server = await ServerFixture.StartAsync(
            new InMemoryCredentials().Add(AccessKeyId, Secret, account: "123456789012"),
            r => r.MapQuery(AwsService.Sts, "GetCallerIdentity", StsHandlers.GetCallerIdentity));

        var ok = await Aws(server.BaseAddress, Secret, "sts", "get-caller-identity", "--output", "json");
        var wrong = await Aws(server.BaseAddress, Secret + "x", "sts", "get-caller-identity");

        Assert.True(ok.ExitCode == 0, ok.Stderr);
        using var identity = JsonDocument.Parse(ok.Stdout);
        Assert.Equal("123456789012", identity.RootElement.GetProperty("Account").GetString());
        Assert.NotEqual(0, wrong.ExitCode);
        Assert.Contains("An error occurred (SignatureDoesNotMatch) when calling the GetCallerIdentity operation: " +
                        "The request signature we calculated does not match the signature you provided.", wrong.Stderr);
    }
}
