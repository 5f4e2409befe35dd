using Crossgate.Server.Protocols.Query;

namespace Crossgate.Server.Services.Sts;

/// <summary>STS <c>GetCallerIdentity</c>: who signed the request. It needs no permission and works even under an
/// explicit deny, so the engine is not asked.</summary>
public static class GetCallerIdentityHandler
{
    public static ValueTask<QueryResponse> HandleAsync(QueryRequest request, CancellationToken cancellationToken)
    {
        var caller = request.Context.Caller.Caller;
        return ValueTask.FromResult(QueryResponse.Ok(result => result
            .Element("UserId", caller.UserId)
            .Element("Account", caller.Account)
            .Element("Arn", caller.Arn)));
    }
}
