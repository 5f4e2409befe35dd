using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Server.Application;
using Crossgate.Server.Hosting;
using Crossgate.Server.Protocols;
using Crossgate.Server.Protocols.Json;

namespace Crossgate.Server.Services.Organizations;

/// <summary>Member accounts: <c>CreateAccount</c>, <c>DescribeCreateAccountStatus</c>, <c>ListAccounts</c>,
/// <c>DescribeAccount</c>, <c>ListAccountsForParent</c>, <c>MoveAccount</c>.</summary>
internal sealed partial class AccountOperations(CrossgateServices services, OrganizationsGate gate)
{
    public const string DefaultAccessRoleName = "OrganizationAccountAccessRole";
    private const string AdministratorAccessArn = "arn:aws:iam::aws:policy/AdministratorAccess";

    public void Map(HandlerRegistry registry)
    {
        registry.MapJson(AwsService.Organizations, "CreateAccount", CreateAccountAsync);
        registry.MapJson(AwsService.Organizations, "DescribeCreateAccountStatus", DescribeCreateAccountStatusAsync);
        registry.MapJson(AwsService.Organizations, "ListAccounts", ListAccountsAsync);
        registry.MapJson(AwsService.Organizations, "DescribeAccount", DescribeAccountAsync);
        registry.MapJson(AwsService.Organizations, "ListAccountsForParent", ListAccountsForParentAsync);
        registry.MapJson(AwsService.Organizations, "MoveAccount", MoveAccountAsync);
    }

    /// <summary>Asks for a new account, with the role the management account uses to administer it, as AWS does.
    /// As on AWS the answer is <c>IN_PROGRESS</c>: the account joins (is listed, described, moved) only once
    /// <see cref="CrossgateServices.AccountCreationTime"/> has passed, when <c>DescribeCreateAccountStatus</c> says
    /// <c>SUCCEEDED</c>. The account's rows carry both times, so every server sharing the store answers alike.</summary>
    private async ValueTask<JsonResponse> CreateAccountAsync(JsonRequest request, CancellationToken cancellationToken)
    {
        var (caller, error) = await gate.EnterAsync(request, "CreateAccount", _ => "*", managementOnly: true, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var email = JsonArgs.String(request.Body, "Email");
        var name = JsonArgs.String(request.Body, "AccountName");
        var roleName = JsonArgs.String(request.Body, "RoleName") ?? DefaultAccessRoleName;
        if (email is null)
        {
            return OrganizationsErrors.InputRequired("Email");
        }

        if (name is null)
        {
            return OrganizationsErrors.InputRequired("AccountName");
        }

        if (email.Length is < 6 or > 64 || !EmailPattern().IsMatch(email))
        {
            return OrganizationsErrors.InvalidPattern("Email");
        }

        if (name.Length is < 1 or > 128)
        {
            return OrganizationsErrors.InvalidInput(name.Length < 1 ? "MIN_LENGTH_EXCEEDED" : "MAX_LENGTH_EXCEEDED", "You provided a value for AccountName with an invalid length.");
        }

        if (!RoleNamePattern().IsMatch(roleName))
        {
            return OrganizationsErrors.InvalidInput("INVALID_ROLE_NAME", "You provided a role name that isn't valid.");
        }

        var organization = caller.Organization!;
        if (await EmailTakenAsync(email, cancellationToken))
        {
            // AWS accepts the request and reports the failure in its status.
            return JsonResponse.Ok(OrganizationsShapes.Wrapped("CreateAccountStatus", json =>
                OrganizationsShapes.FailedCreateAccountStatus(json, CreateAccountRequestIds.ForFailure(), name, "EMAIL_ALREADY_EXISTS", services.Time.GetUtcNow())));
        }

        var accountId = await NewAccountIdAsync(cancellationToken);
        var added = await services.Organizations.AddAccountAsync(organization.Id, accountId, name, email, creationTime: services.AccountCreationTime, cancellationToken: cancellationToken);
        if (!added.Success)
        {
            return OrganizationsErrors.From(added.Error);
        }

        var trust = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{organization.ManagementAccountId}}:root"},"Action":"sts:AssumeRole"}]}""";
        var role = await services.Iam.CreateRoleAsync(accountId, roleName, trust, cancellationToken: cancellationToken);
        if (!role.Success)
        {
            return OrganizationsErrors.From(role.Error);
        }

        var attached = await services.Iam.AttachRolePolicyAsync(accountId, roleName, AdministratorAccessArn, cancellationToken: cancellationToken);
        if (!attached.Success)
        {
            return OrganizationsErrors.From(attached.Error);
        }

        var requestId = CreateAccountRequestIds.For(accountId);
        var account = added.Value!;
        return JsonResponse.Ok(OrganizationsShapes.Wrapped("CreateAccountStatus", json => OrganizationsShapes.CreateAccountStatus(json, requestId, account, services.Time.GetUtcNow())));
    }

    private async ValueTask<JsonResponse> DescribeCreateAccountStatusAsync(JsonRequest request, CancellationToken cancellationToken)
    {
        var (caller, error) = await gate.EnterAsync(request, "DescribeCreateAccountStatus", _ => "*", managementOnly: true, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var requestId = JsonArgs.String(request.Body, "CreateAccountRequestId");
        if (requestId is null)
        {
            return OrganizationsErrors.InputRequired("CreateAccountRequestId");
        }

        if (!CreateAccountRequestIds.IsWellFormed(requestId))
        {
            return OrganizationsErrors.InvalidPattern("CreateAccountRequestId");
        }

        var account = CreateAccountRequestIds.AccountOf(requestId) is { } accountId
            ? await services.Store.GetAccountAsync(accountId, cancellationToken)
            : null;
        if (account is null || account.Value.OrganizationId != caller.Organization!.Id || account.Value.JoinedMethod != "CREATED")
        {
            return OrganizationsErrors.CreateAccountStatusNotFound();
        }

        return JsonResponse.Ok(OrganizationsShapes.Wrapped("CreateAccountStatus", json => OrganizationsShapes.CreateAccountStatus(json, requestId, account.Value, services.Time.GetUtcNow())));
    }

    private async ValueTask<JsonResponse> ListAccountsAsync(JsonRequest request, CancellationToken cancellationToken)
    {
        var (caller, error) = await gate.EnterAsync(request, "ListAccounts", _ => "*", managementOnly: true, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var accounts = await services.Store.ListAllAsync(EntityKinds.Accounts, EntityKinds.Global, cancellationToken);
        var now = services.Time.GetUtcNow();
        var members = accounts.Select(a => a.Value).Where(a => a.OrganizationId == caller.Organization!.Id && a.HasJoinedAt(now));
        var (page, next, invalid) = OrganizationsPaging.Page(request.Body, members, a => a.Id);
        return invalid ?? JsonResponse.Ok(OrganizationsShapes.List("Accounts", page, next, OrganizationsShapes.Account));
    }

    private async ValueTask<JsonResponse> DescribeAccountAsync(JsonRequest request, CancellationToken cancellationToken)
    {
        var accountId = JsonArgs.String(request.Body, "AccountId");
        var (caller, error) = await gate.EnterAsync(request, "DescribeAccount", c => c.ArnOf("account", accountId ?? "*"), managementOnly: true, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (accountId is null)
        {
            return OrganizationsErrors.InputRequired("AccountId");
        }

        var account = await services.Store.GetAccountAsync(accountId, cancellationToken);
        if (account is null || account.Value.OrganizationId != caller.Organization!.Id || !account.Value.HasJoinedAt(services.Time.GetUtcNow()))
        {
            return OrganizationsErrors.AccountNotFound();
        }

        return JsonResponse.Ok(OrganizationsShapes.Wrapped("Account", json => OrganizationsShapes.Account(json, account.Value)));
    }

    private async ValueTask<JsonResponse> ListAccountsForParentAsync(JsonRequest request, CancellationToken cancellationToken)
    {
        var parentId = JsonArgs.String(request.Body, "ParentId");
        var (caller, error) = await gate.EnterAsync(request, "ListAccountsForParent", c => c.ParentArn(parentId), managementOnly: true, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (parentId is null)
        {
            return OrganizationsErrors.InputRequired("ParentId");
        }

        var organizationId = caller.Organization!.Id;
        if (!await OrganizationsParents.ExistsAsync(services.Store, organizationId, parentId, cancellationToken))
        {
            return OrganizationsErrors.ParentNotFound();
        }

        var children = await services.Store.ListAsync(EntityKinds.Accounts, EntityKinds.Global, ListQuery.All with { Owner = parentId }, cancellationToken);
        var now = services.Time.GetUtcNow();
        var members = children.Items.Select(a => a.Value).Where(a => a.OrganizationId == organizationId && a.HasJoinedAt(now));
        var (page, next, invalid) = OrganizationsPaging.Page(request.Body, members, a => a.Id);
        return invalid ?? JsonResponse.Ok(OrganizationsShapes.List("Accounts", page, next, OrganizationsShapes.Account));
    }

    private async ValueTask<JsonResponse> MoveAccountAsync(JsonRequest request, CancellationToken cancellationToken)
    {
        var accountId = JsonArgs.String(request.Body, "AccountId");
        var sourceId = JsonArgs.String(request.Body, "SourceParentId");
        var destinationId = JsonArgs.String(request.Body, "DestinationParentId");
        var (caller, error) = await gate.EnterAsync(request, "MoveAccount", c => c.ArnOf("account", accountId ?? "*"), managementOnly: true, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (accountId is null || sourceId is null || destinationId is null)
        {
            return OrganizationsErrors.InputRequired(accountId is null ? "AccountId" : sourceId is null ? "SourceParentId" : "DestinationParentId");
        }

        var account = await services.Store.GetAccountAsync(accountId, cancellationToken);
        if (account is null || account.Value.OrganizationId != caller.Organization!.Id || !account.Value.HasJoinedAt(services.Time.GetUtcNow()))
        {
            return OrganizationsErrors.AccountNotFound();
        }

        if (account.Value.ParentId != sourceId)
        {
            return OrganizationsErrors.SourceParentNotFound();
        }

        if (sourceId == destinationId)
        {
            return OrganizationsErrors.DuplicateAccount();
        }

        var moved = await services.Organizations.MoveAccountAsync(accountId, destinationId, cancellationToken);
        return moved.Success ? JsonResponse.Empty() : OrganizationsErrors.From(moved.Error);
    }

    private async Task<bool> EmailTakenAsync(string email, CancellationToken cancellationToken)
    {
        var accounts = await services.Store.ListAllAsync(EntityKinds.Accounts, EntityKinds.Global, cancellationToken);
        return accounts.Any(a => string.Equals(a.Value.Email, email, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A fresh 12-digit account id (no leading zero) not yet in the store.</summary>
    private async Task<string> NewAccountIdAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var id = RandomNumberGenerator.GetInt32(1, 10).ToString() + RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8") + RandomNumberGenerator.GetInt32(0, 1000).ToString("D3");
            if (await services.Store.GetAccountAsync(id, cancellationToken) is null)
            {
                return id;
            }
        }
    }

    [GeneratedRegex(@"^[^\s@]+@[^\s@]+\.[^\s@]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^[\w+=,.@-]{1,64}$")]
    private static partial Regex RoleNamePattern();
}
