using Amazon.Runtime;
using Amazon.SecurityToken.Model;
using Crossgate.Directory.Examples;
using Crossgate.Directory.Iam;
using Crossgate.Server.Tests.EndToEnd;
using Crossgate.Server.Tests.Support;

namespace Crossgate.Server.Tests.Honesty;

/// <summary>The endpoint says what it does not do: services it does not serve are named as such, and an MFA code is
/// good once.</summary>
public sealed class HonestyTests : IAsyncLifetime
{
    private const string A = ExampleOrganization.Management;
    private DirectoryServerFixture _server = null!;

    public async Task InitializeAsync() => _server = await DirectoryServerFixture.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("s3", "Action=ListBuckets")]
    [InlineData("ec2", "Action=DescribeInstances&Version=2016-11-15")]
    public async Task A_request_for_an_unserved_service_names_it_and_the_served_ones(string service, string form)
    {
        var key = _server.ManagementRoot.GetCredentials();
        using var client = new HttpClient();
        using var message = TestSigner.FormPost(_server.Server.BaseAddress, form);
        new TestSigner(key.AccessKey, key.SecretKey, "us-east-1", service).Sign(message, System.Text.Encoding.UTF8.GetBytes(form), DateTimeOffset.UtcNow);

        using var response = await client.SendAsync(message);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("<Code>UnsupportedService</Code>", body);
        Assert.Contains($"Crossgate does not serve the service '{service}'. This endpoint serves iam, sts, organizations only.", body);
    }

    [Fact]
    public async Task A_virtual_MFA_code_cannot_be_used_twice_within_its_window()
    {
        var alex = await _server.UserKeyAsync(A, "alex");
        var device = (await _server.Services.Iam.CreateVirtualMfaDeviceAsync(A, "alex-phone")).GetValueOrThrow();
        var seed = Totp.Base32Decode(device.Base32Seed);
        var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / Totp.StepSeconds;
        (await _server.Services.Iam.EnableMfaDeviceAsync(A, "alex", device.SerialNumber, Totp.CodeAt(seed, step - 2), Totp.CodeAt(seed, step - 1))).GetValueOrThrow();
        using var sts = _server.Sts(alex);
        var code = Totp.Code(device.Base32Seed, DateTimeOffset.UtcNow);

        await sts.GetSessionTokenAsync(new GetSessionTokenRequest { SerialNumber = device.SerialNumber, TokenCode = code });
        var replay = await Assert.ThrowsAnyAsync<AmazonServiceException>(() =>
            sts.GetSessionTokenAsync(new GetSessionTokenRequest { SerialNumber = device.SerialNumber, TokenCode = code }));
        var older = await Assert.ThrowsAnyAsync<AmazonServiceException>(() =>
            sts.GetSessionTokenAsync(new GetSessionTokenRequest { SerialNumber = device.SerialNumber, TokenCode = Totp.CodeAt(seed, step - 1) }));

        Assert.Equal(("AccessDenied", "MultiFactorAuthentication failed with invalid MFA one time pass code."), (replay.ErrorCode, replay.Message));
        Assert.Equal("AccessDenied", older.ErrorCode);
    }

    [Fact]
    public async Task A_trust_policy_naming_a_principal_missing_from_the_store_is_refused_as_AWS_refuses_it()
    {
        string Trust(string principal) => Uri.EscapeDataString(
            $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"{{principal}}"},"Action":"sts:AssumeRole"}]}""");
        var nobody = $"arn:aws:iam::{A}:user/Nobody";

        var create = await IamAsync($"Action=CreateRole&Version=2010-05-08&RoleName=TrustsNobody&AssumeRolePolicyDocument={Trust(nobody)}");
        var foreign = await IamAsync($"Action=CreateRole&Version=2010-05-08&RoleName=TrustsForeign&AssumeRolePolicyDocument={Trust("arn:aws:iam::999999999999:user/Anyone")}");
        var existing = await IamAsync($"Action=CreateRole&Version=2010-05-08&RoleName=TrustsAlex&AssumeRolePolicyDocument={Trust($"arn:aws:iam::{A}:user/alex")}");
        var update = await IamAsync($"Action=UpdateAssumeRolePolicy&Version=2010-05-08&RoleName=TrustsAlex&PolicyDocument={Trust($"arn:aws:iam::{A}:role/Missing")}");

        Assert.Equal(400, create.Status);
        Assert.Contains("<Code>MalformedPolicyDocument</Code>", create.Body);
        Assert.Contains($"<Message>Invalid principal in policy: \"AWS\":\"{nobody}\"</Message>", System.Net.WebUtility.HtmlDecode(create.Body).Replace("&quot;", "\""));
        Assert.Equal(200, foreign.Status);
        Assert.Equal(200, existing.Status);
        Assert.Equal(400, update.Status);
        Assert.Contains($"Invalid principal in policy: \"AWS\":\"arn:aws:iam::{A}:role/Missing\"", System.Net.WebUtility.HtmlDecode(update.Body));
    }

    private async Task<(int Status, string Body)> IamAsync(string form)
    {
        var key = _server.ManagementRoot.GetCredentials();
        using var client = new HttpClient();
        using var message = TestSigner.FormPost(_server.Server.BaseAddress, form);
        new TestSigner(key.AccessKey, key.SecretKey, "us-east-1", "iam").Sign(message, System.Text.Encoding.UTF8.GetBytes(form), DateTimeOffset.UtcNow);
        using var response = await client.SendAsync(message);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
