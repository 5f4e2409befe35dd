using Crossgate.Server.Hosting;

namespace Crossgate.Server.Application;

/// <summary>Registers every STS, IAM and Organizations action the endpoint answers.</summary>
public static class ServiceRegistration
{
    public static HandlerRegistry RegisterAll(HandlerRegistry registry, CrossgateServices services)
    {
        // Each service adds its handlers here (one line per service).
        Services.Sts.StsService.Register(registry, services);
        Services.Iam.IamEndpoint.Register(registry, services);
        Services.Organizations.OrganizationsService.Register(registry, services);
        return registry;
    }
}
