using Crossgate.Server.Application;
using Crossgate.Server.Hosting;
using Crossgate.Server.Protocols;

namespace Crossgate.Server.Services.Sts;

/// <summary>The STS actions the endpoint answers (Query protocol, <c>https://sts.amazonaws.com/doc/2011-06-15/</c>).</summary>
public static class StsService
{
    public static HandlerRegistry Register(HandlerRegistry registry, CrossgateServices services)
    {
        var assumeRole = new AssumeRoleHandler(services);
        var sessionToken = new GetSessionTokenHandler(services);
        var accessKeyInfo = new GetAccessKeyInfoHandler(services);
        return registry
            .MapQuery(AwsService.Sts, "GetCallerIdentity", GetCallerIdentityHandler.HandleAsync)
            .MapQuery(AwsService.Sts, "AssumeRole", assumeRole.HandleAsync)
            .MapQuery(AwsService.Sts, "GetSessionToken", sessionToken.HandleAsync)
            .MapQuery(AwsService.Sts, "GetAccessKeyInfo", accessKeyInfo.HandleAsync);
    }
}
