using Crossgate.Directory.Storage;
using Crossgate.Server.Application;
using Crossgate.Server.Hosting;
using Crossgate.Server.Protocols;
using Crossgate.Server.Protocols.Json;

namespace Crossgate.Server.Services.Organizations;

/// <summary>Organizational units: <c>CreateOrganizationalUnit</c>, <c>ListOrganizationalUnitsForParent</c>.</summary>
internal sealed class UnitOperations(CrossgateServices services, OrganizationsGate gate)
{
    public void Map(HandlerRegistry registry)
    {
        registry.MapJson(AwsService.Organizations, "CreateOrganizationalUnit", CreateOrganizationalUnitAsync);
        registry.MapJson(AwsService.Organizations, "ListOrganizationalUnitsForParent", ListOrganizationalUnitsForParentAsync);
    }

    private async ValueTask<JsonResponse> CreateOrganizationalUnitAsync(JsonRequest request, CancellationToken cancellationToken)
    {
        var parentId = JsonArgs.String(request.Body, "ParentId");
        var name = JsonArgs.String(request.Body, "Name");
        var (caller, error) = await gate.EnterAsync(request, "CreateOrganizationalUnit", c => c.ParentArn(parentId), managementOnly: true, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (parentId is null)
        {
            return OrganizationsErrors.InputRequired("ParentId");
        }

        if (name is null)
        {
            return OrganizationsErrors.InputRequired("Name");
        }

        if (name.Length is < 1 or > 128)
        {
            return OrganizationsErrors.InvalidInput(name.Length < 1 ? "MIN_LENGTH_EXCEEDED" : "MAX_LENGTH_EXCEEDED", "You provided a value for Name with an invalid length.");
        }

        var created = await services.Organizations.CreateOrganizationalUnitAsync(caller.Organization!.Id, parentId, name, cancellationToken);
        if (!created.Success)
        {
            return OrganizationsErrors.From(created.Error);
        }

        var unit = created.Value!;
        return JsonResponse.Ok(OrganizationsShapes.Wrapped("OrganizationalUnit", json => OrganizationsShapes.OrganizationalUnit(json, unit)));
    }

    private async ValueTask<JsonResponse> ListOrganizationalUnitsForParentAsync(JsonRequest request, CancellationToken cancellationToken)
    {
        var parentId = JsonArgs.String(request.Body, "ParentId");
        var (caller, error) = await gate.EnterAsync(request, "ListOrganizationalUnitsForParent", c => c.ParentArn(parentId), managementOnly: true, cancellationToken);
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

        var children = await services.Store.ListAsync(EntityKinds.OrganizationalUnits, organizationId, ListQuery.All with { Owner = parentId }, cancellationToken);
        var (page, next, invalid) = OrganizationsPaging.Page(request.Body, children.Items.Select(u => u.Value), u => u.Id);
        return invalid ?? JsonResponse.Ok(OrganizationsShapes.List("OrganizationalUnits", page, next, OrganizationsShapes.OrganizationalUnit));
    }
}
