using Crossgate.Server.Protocols;
using Crossgate.Server.Protocols.Query;

namespace Crossgate.Server.Tests.Wire;

/// <summary>A tiny in-test GetCallerIdentity, answered from the authenticated caller.</summary>
public static class StsHandlers
{
    public static ValueTask<QueryResponse> GetCallerIdentity(QueryRequest request, CancellationToken _)
    {
        var caller = request.Context.Caller.Caller;
        return ValueTask.FromResult(QueryResponse.Ok(result => result
            .Element("UserId", caller.UserId)
            .Element("Account", caller.Account)
            .Element("Arn", caller.Arn)));
    }
}
