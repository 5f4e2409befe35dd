using Crossgate.Directory.Storage;
using Crossgate.Server.Application;
using Crossgate.Server.Errors;
using Crossgate.Server.Protocols.Json;

namespace Crossgate.Server.Services.Organizations;

/// <summary>Who may call what. IAM (and SCPs) decide first, through the engine; then Organizations itself refuses
/// accounts outside an organization, and member accounts for the operations only the management account may call.</summary>
internal sealed class OrganizationsGate(CrossgateServices services)
{
    public async Task<OrganizationsCaller> CallerAsync(JsonRequest request, CancellationToken cancellationToken)
    {
        var accountId = request.Context.Caller.Caller.Account;
        var account = await services.Store.GetAccountAsync(accountId, cancellationToken).ConfigureAwait(false);
        var organization = account?.Value.OrganizationId is { } orgId
            ? (await services.Store.GetOrganizationAsync(orgId, cancellationToken).ConfigureAwait(false))?.Value
            : null;
        return new OrganizationsCaller(accountId, organization);
    }

    /// <summary>Null when the call may go on. <paramref name="resource"/> is used only for the management account;
    /// others are checked against <c>*</c> in their own account, since the management account's resources have no
    /// resource policy that could let them in.</summary>
    public async Task<AwsError?> AuthorizeAsync(
        JsonRequest request, OrganizationsCaller caller, string operation, string resource, bool managementOnly, CancellationToken cancellationToken)
    {
        var (_, denied) = await services.Guard.CheckAsync(
            request.Context, "organizations:" + operation, caller.IsManagement ? resource : "*",
            jsonService: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (denied is not null)
        {
            return denied;
        }

        if (caller.Organization is null)
        {
            return OrganizationsErrors.NotInUse();
        }

        return managementOnly && !caller.IsManagement ? OrganizationsErrors.MemberAccessDenied() : null;
    }

    /// <summary>Resolves the caller and authorizes in one step, for the common case.</summary>
    public async Task<(OrganizationsCaller Caller, AwsError? Error)> EnterAsync(
        JsonRequest request, string operation, Func<OrganizationsCaller, string> resource, bool managementOnly, CancellationToken cancellationToken)
    {
        var caller = await CallerAsync(request, cancellationToken).ConfigureAwait(false);
        var arn = caller.Organization is null ? "*" : resource(caller);
        return (caller, await AuthorizeAsync(request, caller, operation, arn, managementOnly, cancellationToken).ConfigureAwait(false));
    }
}
