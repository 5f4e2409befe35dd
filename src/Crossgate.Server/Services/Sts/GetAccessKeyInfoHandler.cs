using Crossgate.Directory;
using Crossgate.Directory.Storage;
using Crossgate.Server.Application;
using Crossgate.Server.Protocols.Query;
using Crossgate.Server.Validation;

namespace Crossgate.Server.Services.Sts;

/// <summary>STS <c>GetAccessKeyInfo</c>: the account an access key (<c>AKIA…</c> or <c>ASIA…</c>) belongs to.
/// Authorized as <c>sts:GetAccessKeyInfo</c> on <c>*</c>.</summary>
public sealed class GetAccessKeyInfoHandler(CrossgateServices services)
{
    public async ValueTask<QueryResponse> HandleAsync(QueryRequest request, CancellationToken cancellationToken)
    {
        var keyId = request.Parameters.Get("AccessKeyId");
        var validation = new ParameterValidation()
            .Required("accessKeyId", keyId).Length("accessKeyId", keyId, 16, 128)
            .Pattern("accessKeyId", keyId, StsPatterns.AccessKeyId(), StsPatterns.AccessKeyIdText);
        if (validation.Message is { } invalid)
        {
            return StsErrors.Validation(invalid);
        }

        var (_, denied) = await services.Guard.CheckAsync(request.Context, "sts:GetAccessKeyInfo", "*", cancellationToken: cancellationToken).ConfigureAwait(false);
        if (denied is not null)
        {
            return denied;
        }

        string? account = null;
        if (await services.View.FindAccessKeyAsync(keyId!, cancellationToken).ConfigureAwait(false) is { } key)
        {
            account = key.Value.AccountId;
        }
        else if (await services.View.FindSessionAsync(keyId!, cancellationToken).ConfigureAwait(false) is { } session)
        {
            account = session.Value.AccountId;
        }
        else if (keyId!.StartsWith(UniqueIds.TemporaryKeyPrefix, StringComparison.Ordinal) && UniqueIds.TryAccountOfAccessKeyId(keyId, out var carried))
        {
            // Sessions are not stored: their key id carries the account, as AWS's do.
            account = carried;
        }

        if (account is null)
        {
            return StsErrors.InvalidParameterValue("The specified access key ID is not valid.");
        }

        return QueryResponse.Ok(result => result.Element("Account", account));
    }
}
