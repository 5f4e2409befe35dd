using Crossgate.Server.Hosting;
using Crossgate.Web.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Crossgate.Web.Hosting;

/// <summary>The console and the API on the AWS endpoint's host (<c>crossgate serve</c>).</summary>
public sealed class PlatformHostExtension(PlatformService platform) : IHostExtension
{
    public void AddServices(IServiceCollection services) => PlatformWeb.AddServices(services, platform);

    public void Map(WebApplication app) => PlatformWeb.Map(app);
}
