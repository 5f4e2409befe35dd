using Crossgate.Server.Application;
using Crossgate.Server.Hosting;

namespace Crossgate.Server.Services.Organizations;

/// <summary>AWS Organizations over JSON 1.1 (<c>AWSOrganizationsV20161128.*</c>). Every operation is authorized by the
/// engine for the caller first, then refused to accounts outside an organization and, for most operations, to
/// member accounts, as AWS does.</summary>
public static class OrganizationsService
{
    public static HandlerRegistry Register(HandlerRegistry registry, CrossgateServices services)
    {
        var gate = new OrganizationsGate(services);
        new OrganizationOperations(services, gate).Map(registry);
        new AccountOperations(services, gate).Map(registry);
        new UnitOperations(services, gate).Map(registry);
        new PolicyOperations(services, gate).Map(registry);
        return registry;
    }
}
