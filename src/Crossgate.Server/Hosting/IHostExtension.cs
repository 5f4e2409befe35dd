using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Crossgate.Server.Hosting;

/// <summary>Something served beside the AWS endpoint on the same host (the platform's console and API): it adds its
/// services, then its middleware and routes, which run before the endpoint's own handler.</summary>
public interface IHostExtension
{
    void AddServices(IServiceCollection services);

    void Map(WebApplication app);
}
