using System.Net;
using System.Xml.Linq;
using Crossgate.Server.Tests.Iam;
using Crossgate.Server.Tests.Support;

namespace Crossgate.Server.Tests.Sts;

/// <summary>GetCallerIdentity needs no permission and answers even under an explicit deny of everything.</summary>
public sealed class GetCallerIdentityDenyTests
{
    [Fact]
    public async Task GetCallerIdentity_answers_under_an_explicit_deny()
    {
        await using var host = await IamTestHost.StartAsync();
        (await host.Services.Iam.PutUserPolicyAsync(IamTestHost.Account, "nobody", "deny-all",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}""")).GetValueOrThrow();

        var message = TestSigner.FormPost(host.Server.BaseAddress, "Action=GetCallerIdentity&Version=2011-06-15");
        var body = await message.Content!.ReadAsByteArrayAsync();
        new TestSigner(host.Nobody.AccessKeyId, host.Nobody.SecretAccessKey, "us-east-1", "sts").Sign(message, body, DateTimeOffset.UtcNow);
        using var response = await host.Server.Client.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        XNamespace ns = "https://sts.amazonaws.com/doc/2011-06-15/";
        Assert.Equal($"arn:aws:iam::{IamTestHost.Account}:user/nobody",
            XDocument.Parse(text).Root!.Descendants(ns + "Arn").Single().Value);

        // The same caller is refused anything else.
        var denied = await host.CallAsAsync(host.Nobody, "GetUser", ("UserName", "nobody"));
        Assert.Equal(HttpStatusCode.Forbidden, denied.Status);
    }
}
