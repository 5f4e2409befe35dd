using Crossgate.Directory.Gathering;
using Crossgate.Directory.Sessions;
using Crossgate.Directory.Iam;
using Crossgate.Directory.Organizations;
using Crossgate.Directory.Storage;

namespace Crossgate.Server.Application;

/// <summary>What the STS, IAM and Organizations handlers share: the store, its IAM and Organizations writers, the
/// in-memory view that authentication and authorization read, the policy gatherer that feeds the engine, the key
/// that seals session tokens, and the clock.</summary>
public sealed class CrossgateServices
{
    /// <param name="sessionTokens">Seals session tokens; a fresh random key when left out (tokens then die with the
    /// process).</param>
    public CrossgateServices(IDirectoryStore store, TimeProvider? time = null, SessionTokenSealer? sessionTokens = null)
    {
        Store = store;
        Time = time ?? TimeProvider.System;
        View = new DirectoryView(store);
        SessionTokens = sessionTokens ?? SessionTokenSealer.WithRandomKey();
        Iam = new IamDirectory(store, Time);
        Organizations = new OrganizationsDirectory(store, Time);
        Gatherer = new PolicyGatherer(View);
        Guard = new RequestGuard(Gatherer, Time);
    }

    /// <summary>The durable store; writers read it directly so that their version checks see the latest rows.</summary>
    public IDirectoryStore Store { get; }

    /// <summary>The store as the request path reads it: from memory, current with every write.</summary>
    public DirectoryView View { get; }

    public SessionTokenSealer SessionTokens { get; }

    public TimeProvider Time { get; }

    public IamDirectory Iam { get; }

    public OrganizationsDirectory Organizations { get; }

    public PolicyGatherer Gatherer { get; }

    public RequestGuard Guard { get; }

    /// <summary>How long an Organizations <c>CreateAccount</c> stays <c>IN_PROGRESS</c> before it has
    /// <c>SUCCEEDED</c> (AWS takes minutes; clients poll <c>DescribeCreateAccountStatus</c> either way).</summary>
    public TimeSpan AccountCreationTime { get; init; } = DefaultAccountCreationTime;

    public static readonly TimeSpan DefaultAccountCreationTime = TimeSpan.FromSeconds(2);
}
