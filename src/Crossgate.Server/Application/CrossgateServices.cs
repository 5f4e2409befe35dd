using Crossgate.Directory.Gathering;
using Crossgate.Directory.Iam;
using Crossgate.Directory.Organizations;
using Crossgate.Directory.Storage;

namespace Crossgate.Server.Application;

/// <summary>What the STS, IAM and Organizations handlers share: the store, its IAM and Organizations writers, the
/// policy gatherer that feeds the engine, and the clock.</summary>
public sealed class CrossgateServices
{
    public CrossgateServices(IDirectoryStore store, TimeProvider? time = null)
    {
        Store = store;
        Time = time ?? TimeProvider.System;
        Iam = new IamDirectory(store, Time);
        Organizations = new OrganizationsDirectory(store, Time);
        Gatherer = new PolicyGatherer(store);
        Guard = new RequestGuard(Gatherer, Time);
    }

    public IDirectoryStore Store { get; }

    public TimeProvider Time { get; }

    public IamDirectory Iam { get; }

    public OrganizationsDirectory Organizations { get; }

    public PolicyGatherer Gatherer { get; }

    public RequestGuard Guard { get; }
}
