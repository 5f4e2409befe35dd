using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Server.Application;
using Crossgate.Server.Hosting;
using Crossgate.Server.Protocols;
using Crossgate.Server.Protocols.Json;

namespace Crossgate.Server.Services.Organizations;

/// <summary>The organization itself and its root: <c>CreateOrganization</c>, <c>DescribeOrganization</c>,
/// <c>ListRoots</c>, <c>EnablePolicyType</c>, <c>DisablePolicyType</c>, <c>LeaveOrganization</c>.</summary>
internal sealed class OrganizationOperations(CrossgateServices services, OrganizationsGate gate)
{
    /// <summary>The policy types Organizations knows (botocore's <c>PolicyType</c>).</summary>
    private static readonly string[] PolicyTypes =
    [
        "SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY", "TAG_POLICY", "BACKUP_POLICY", "AISERVICES_OPT_OUT_POLICY",
        "CHATBOT_POLICY", "DECLARATIVE_POLICY_EC2",
    ];

    public void Map(HandlerRegistry registry)
    {
        registry.MapJson(AwsService.Organizations, "CreateOrganization", CreateOrganizationAsync);
        registry.MapJson(AwsService.Organizations, "DescribeOrganization", DescribeOrganizationAsync);
        registry.MapJson(AwsService.Organizations, "ListRoots", ListRootsAsync);
        registry.MapJson(AwsService.Organizations, "EnablePolicyType", (r, ct) => ChangePolicyTypeAsync(r, enable: true, ct));
        registry.MapJson(AwsService.Organizations, "DisablePolicyType", (r, ct) => ChangePolicyTypeAsync(r, enable: false, ct));
        registry.MapJson(AwsService.Organizations, "LeaveOrganization", LeaveOrganizationAsync);
    }

    private async ValueTask<JsonResponse> CreateOrganizationAsync(JsonRequest request, CancellationToken cancellationToken)
    {
        var caller = await gate.CallerAsync(request, cancellationToken);
        var (_, denied) = await services.Guard.CheckAsync(request.Context, "organizations:CreateOrganization", "*", jsonService: true, cancellationToken: cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        if (caller.Organization is not null)
        {
            return OrganizationsErrors.AlreadyInOrganization();
        }

        var featureSet = JsonArgs.String(request.Body, "FeatureSet") ?? "ALL";
        if (featureSet != "ALL")
        {
            // Crossgate models only all-features organizations (SCPs need them).
            return OrganizationsErrors.InvalidInput("INVALID_ENUM", "You specified an invalid value.");
        }

        var account = (await services.Store.GetAccountAsync(caller.AccountId, cancellationToken))?.Value;
        var created = await services.Organizations.CreateOrganizationAsync(caller.AccountId, account?.Name ?? caller.AccountId, account?.Email, cancellationToken);
        if (!created.Success)
        {
            return OrganizationsErrors.From(created.Error);
        }

        var organization = (await services.Store.GetOrganizationAsync(created.Value!.OrganizationId, cancellationToken))!.Value;
        return JsonResponse.Ok(OrganizationsShapes.Wrapped("Organization", json => OrganizationsShapes.Organization(json, organization, account)));
    }

    private async ValueTask<JsonResponse> DescribeOrganizationAsync(JsonRequest request, CancellationToken cancellationToken)
    {
        var (caller, error) = await gate.EnterAsync(request, "DescribeOrganization", _ => "*", managementOnly: false, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var organization = caller.Organization!;
        var management = (await services.Store.GetAccountAsync(organization.ManagementAccountId, cancellationToken))?.Value;
        return JsonResponse.Ok(OrganizationsShapes.Wrapped("Organization", json => OrganizationsShapes.Organization(json, organization, management)));
    }

    private async ValueTask<JsonResponse> ListRootsAsync(JsonRequest request, CancellationToken cancellationToken)
    {
        var (caller, error) = await gate.EnterAsync(request, "ListRoots", _ => "*", managementOnly: true, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var roots = await services.Store.ListAllAsync(EntityKinds.Roots, caller.Organization!.Id, cancellationToken);
        var (page, next, invalid) = OrganizationsPaging.Page(request.Body, roots.Select(r => r.Value), r => r.Id);
        return invalid ?? JsonResponse.Ok(OrganizationsShapes.List("Roots", page, next, OrganizationsShapes.Root));
    }

    /// <summary>A new organization enables no policy type; enabling SCPs or RCPs attaches their AWS managed policy
    /// everywhere, disabling detaches every policy of the type (<see cref="Crossgate.Directory.Organizations.OrganizationsDirectory"/>).</summary>
    private async ValueTask<JsonResponse> ChangePolicyTypeAsync(JsonRequest request, bool enable, CancellationToken cancellationToken)
    {
        var operation = enable ? "EnablePolicyType" : "DisablePolicyType";
        var rootId = JsonArgs.String(request.Body, "RootId");
        var type = JsonArgs.String(request.Body, "PolicyType");
        var (caller, error) = await gate.EnterAsync(request, operation, c => c.ArnOf("root", rootId ?? "*"), managementOnly: true, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (rootId is null)
        {
            return OrganizationsErrors.InputRequired("RootId");
        }

        if (type is null)
        {
            return OrganizationsErrors.InputRequired("PolicyType");
        }

        if (!PolicyTypes.Contains(type))
        {
            return OrganizationsErrors.InvalidInput("INVALID_ENUM_POLICY_TYPE", "You specified an invalid policy type string.");
        }

        var changed = enable
            ? await services.Organizations.EnablePolicyTypeAsync(caller.Organization!.Id, rootId, type, cancellationToken)
            : await services.Organizations.DisablePolicyTypeAsync(caller.Organization!.Id, rootId, type, cancellationToken);
        if (!changed.Success)
        {
            return OrganizationsErrors.From(changed.Error);
        }

        var root = changed.Value!;
        return JsonResponse.Ok(OrganizationsShapes.Wrapped("Root", json => OrganizationsShapes.Root(json, root)));
    }

    private async ValueTask<JsonResponse> LeaveOrganizationAsync(JsonRequest request, CancellationToken cancellationToken)
    {
        var (caller, error) = await gate.EnterAsync(request, "LeaveOrganization", _ => "*", managementOnly: false, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (caller.IsManagement)
        {
            return OrganizationsErrors.MasterCannotLeave();
        }

        var account = await services.Store.GetAccountAsync(caller.AccountId, cancellationToken);
        if (account is null)
        {
            return OrganizationsErrors.AccountNotFound();
        }

        var standalone = account.Value with
        {
            OrganizationId = null, ParentId = null, Arn = null, JoinedMethod = null, JoinedTimestamp = null, AttachedPolicyIds = [],
        };
        var result = await services.Store.CommitAsync(new ChangeSet().Update(EntityKinds.Accounts, standalone, account.Version), cancellationToken);
        return result.Success
            ? JsonResponse.Empty()
            : OrganizationsErrors.ConcurrentModification();
    }
}
