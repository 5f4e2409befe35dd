using Crossgate.Server.Protocols.Query;

namespace Crossgate.Server.Services.Iam;

// Temporary: filled in by the MFA, simulation and authorization-details files.
public sealed partial class IamEndpoint
{


    private IEnumerable<(string, QueryActionHandler)> AuthorizationDetailsActions() => [];
}
