using System.Text.Json;
using Crossgate.Directory;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Server.Application;
using Crossgate.Server.Errors;
using Crossgate.Server.Hosting;
using Crossgate.Server.Protocols;
using Crossgate.Server.Protocols.Json;

namespace Crossgate.Server.Services.Organizations;

/// <summary>SCPs and RCPs: <c>CreatePolicy</c>, <c>UpdatePolicy</c>, <c>DescribePolicy</c>, <c>ListPolicies</c>,
/// <c>AttachPolicy</c>, <c>DetachPolicy</c>, <c>ListTargetsForPolicy</c>.</summary>
internal sealed class PolicyOperations(CrossgateServices services, OrganizationsGate gate)
{
    /// <summary>Policy types Organizations has that Crossgate does not model (botocore's <c>PolicyType</c>).</summary>
    private static readonly string[] UnmodelledTypes =
        ["TAG_POLICY", "BACKUP_POLICY", "AISERVICES_OPT_OUT_POLICY", "CHATBOT_POLICY", "DECLARATIVE_POLICY_EC2"];

    public void Map(HandlerRegistry registry)
    {
        registry.MapJson(AwsService.Organizations, "CreatePolicy", CreatePolicyAsync);
        registry.MapJson(AwsService.Organizations, "UpdatePolicy", UpdatePolicyAsync);
        registry.MapJson(AwsService.Organizations, "DescribePolicy", DescribePolicyAsync);
        registry.MapJson(AwsService.Organizations, "ListPolicies", ListPoliciesAsync);
        registry.MapJson(AwsService.Organizations, "AttachPolicy", (r, ct) => ChangeAttachmentAsync(r, attach: true, ct));
        registry.MapJson(AwsService.Organizations, "DetachPolicy", (r, ct) => ChangeAttachmentAsync(r, attach: false, ct));
        registry.MapJson(AwsService.Organizations, "ListTargetsForPolicy", ListTargetsForPolicyAsync);
    }

    private async ValueTask<JsonResponse> CreatePolicyAsync(JsonRequest request, CancellationToken cancellationToken)
    {
        var (caller, error) = await gate.EnterAsync(request, "CreatePolicy", _ => "*", managementOnly: true, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var body = request.Body;
        var content = JsonArgs.String(body, "Content");
        var description = JsonArgs.String(body, "Description");
        var name = JsonArgs.String(body, "Name");
        var typeName = JsonArgs.String(body, "Type");
        var missing = content is null ? "Content" : description is null ? "Description" : name is null ? "Name" : typeName is null ? "Type" : null;
        if (missing is not null)
        {
            return OrganizationsErrors.InputRequired(missing);
        }

        if (CheckType(typeName!, out var type) is { } badType)
        {
            return badType;
        }

        if (CheckNameAndDescription(name, description) is { } invalid)
        {
            return invalid;
        }

        var created = await services.Organizations.CreatePolicyAsync(caller.Organization!.Id, name!, type, content!, description, cancellationToken);
        if (!created.Success)
        {
            return FromDirectory(created.Error);
        }

        var policy = created.Value!;
        return JsonResponse.Ok(OrganizationsShapes.Wrapped("Policy", json => OrganizationsShapes.Policy(json, policy)));
    }

    private async ValueTask<JsonResponse> UpdatePolicyAsync(JsonRequest request, CancellationToken cancellationToken)
    {
        var (caller, policy, error) = await EnterWithPolicyAsync(request, "UpdatePolicy", cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (policy!.AwsManaged)
        {
            return OrganizationsErrors.ImmutablePolicy();
        }

        var name = JsonArgs.String(request.Body, "Name");
        var description = JsonArgs.String(request.Body, "Description");
        if (CheckNameAndDescription(name, description) is { } invalid)
        {
            return invalid;
        }

        var updated = await services.Organizations.UpdatePolicyAsync(caller.Organization!.Id, policy.Id, name, description, JsonArgs.String(request.Body, "Content"), cancellationToken);
        if (!updated.Success)
        {
            return FromDirectory(updated.Error);
        }

        var result = updated.Value!;
        return JsonResponse.Ok(OrganizationsShapes.Wrapped("Policy", json => OrganizationsShapes.Policy(json, result)));
    }

    private async ValueTask<JsonResponse> DescribePolicyAsync(JsonRequest request, CancellationToken cancellationToken)
    {
        var (_, policy, error) = await EnterWithPolicyAsync(request, "DescribePolicy", cancellationToken);
        return error ?? JsonResponse.Ok(OrganizationsShapes.Wrapped("Policy", json => OrganizationsShapes.Policy(json, policy!)));
    }

    private async ValueTask<JsonResponse> ListPoliciesAsync(JsonRequest request, CancellationToken cancellationToken)
    {
        var (caller, error) = await gate.EnterAsync(request, "ListPolicies", _ => "*", managementOnly: true, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var filter = JsonArgs.String(request.Body, "Filter");
        if (filter is null)
        {
            return OrganizationsErrors.InputRequired("Filter");
        }

        if (CheckType(filter, out var type) is { } badType)
        {
            return badType;
        }

        var policies = await services.Store.ListAllAsync(EntityKinds.OrganizationPolicies, caller.Organization!.Id, cancellationToken);
        var ofType = policies.Select(p => p.Value).Where(p => p.Type == type);
        var (page, next, invalid) = OrganizationsPaging.Page(request.Body, ofType, p => p.Id);
        return invalid ?? JsonResponse.Ok(OrganizationsShapes.List("Policies", page, next, OrganizationsShapes.PolicySummary));
    }

    /// <summary>AWS authorizes attaching against both the policy and the target.</summary>
    private async ValueTask<JsonResponse> ChangeAttachmentAsync(JsonRequest request, bool attach, CancellationToken cancellationToken)
    {
        var operation = attach ? "AttachPolicy" : "DetachPolicy";
        var (caller, policy, error) = await EnterWithPolicyAsync(request, operation, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var targetId = JsonArgs.String(request.Body, "TargetId");
        if (targetId is null)
        {
            return OrganizationsErrors.InputRequired("TargetId");
        }

        if (await gate.AuthorizeAsync(request, caller, operation, TargetArn(caller, targetId), managementOnly: true, cancellationToken) is { } denied)
        {
            return denied;
        }

        var organizationId = caller.Organization!.Id;
        var changed = attach
            ? await services.Organizations.AttachPolicyAsync(organizationId, policy!.Id, targetId, cancellationToken)
            : await services.Organizations.DetachPolicyAsync(organizationId, policy!.Id, targetId, cancellationToken);
        return changed.Success ? JsonResponse.Empty() : FromDirectory(changed.Error);
    }

    private async ValueTask<JsonResponse> ListTargetsForPolicyAsync(JsonRequest request, CancellationToken cancellationToken)
    {
        var (caller, policy, error) = await EnterWithPolicyAsync(request, "ListTargetsForPolicy", cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var organizationId = caller.Organization!.Id;
        var targets = new List<(string Id, string Arn, string Name, string Type)>();
        foreach (var root in await services.Store.ListAllAsync(EntityKinds.Roots, organizationId, cancellationToken))
        {
            if (root.Value.AttachedPolicyIds.Contains(policy!.Id))
            {
                targets.Add((root.Value.Id, root.Value.Arn, root.Value.Name, "ROOT"));
            }
        }

        foreach (var unit in await services.Store.ListAllAsync(EntityKinds.OrganizationalUnits, organizationId, cancellationToken))
        {
            if (unit.Value.AttachedPolicyIds.Contains(policy!.Id))
            {
                targets.Add((unit.Value.Id, unit.Value.Arn, unit.Value.Name, "ORGANIZATIONAL_UNIT"));
            }
        }

        foreach (var account in await services.Store.ListAllAsync(EntityKinds.Accounts, EntityKinds.Global, cancellationToken))
        {
            if (account.Value.OrganizationId == organizationId && account.Value.AttachedPolicyIds.Contains(policy!.Id))
            {
                targets.Add((account.Value.Id, account.Value.Arn ?? caller.ArnOf("account", account.Value.Id), account.Value.Name, "ACCOUNT"));
            }
        }

        var (page, next, invalid) = OrganizationsPaging.Page(request.Body, targets, t => t.Id);
        return invalid ?? JsonResponse.Ok(OrganizationsShapes.List("Targets", page, next, static (json, t) =>
        {
            json.WriteStartObject();
            json.WriteString("TargetId", t.Id);
            json.WriteString("Arn", t.Arn);
            json.WriteString("Name", t.Name);
            json.WriteString("Type", t.Type);
            json.WriteEndObject();
        }));
    }

    /// <summary>Resolves the caller, finds the policy named by <c>PolicyId</c> and authorizes against its ARN.</summary>
    private async Task<(OrganizationsCaller Caller, OrganizationPolicy? Policy, AwsError? Error)> EnterWithPolicyAsync(
        JsonRequest request, string operation, CancellationToken cancellationToken)
    {
        var policyId = JsonArgs.String(request.Body, "PolicyId");
        var caller = await gate.CallerAsync(request, cancellationToken);
        var policy = caller.Organization is not null && policyId is not null
            ? (await services.Store.GetOrganizationPolicyAsync(caller.Organization.Id, policyId, cancellationToken))?.Value
            : null;
        var resource = policy?.Arn ?? (caller.Organization is null || policyId is null ? "*" : caller.ArnOf("policy", "*/" + policyId));
        if (await gate.AuthorizeAsync(request, caller, operation, resource, managementOnly: true, cancellationToken) is { } denied)
        {
            return (caller, null, denied);
        }

        if (policyId is null)
        {
            return (caller, null, OrganizationsErrors.InputRequired("PolicyId"));
        }

        return (caller, policy, policy is null ? OrganizationsErrors.PolicyNotFound() : null);
    }

    private static string TargetArn(OrganizationsCaller caller, string targetId) =>
        targetId.StartsWith("r-", StringComparison.Ordinal) || targetId.StartsWith("ou-", StringComparison.Ordinal)
            ? caller.ParentArn(targetId)
            : caller.ArnOf("account", targetId);

    private static AwsError? CheckType(string wire, out OrganizationPolicyType type)
    {
        if (OrganizationPolicyTypeNames.TryParse(wire, out type))
        {
            return null;
        }

        return UnmodelledTypes.Contains(wire)
            ? new AwsError("PolicyTypeNotAvailableForOrganizationException", "You can't use the specified policy type with the feature set currently enabled for this organization.", 400)
            : OrganizationsErrors.InvalidInput("INVALID_ENUM_POLICY_TYPE", "You specified an invalid policy type string.");
    }

    private static AwsError? CheckNameAndDescription(string? name, string? description)
    {
        if (name is { Length: < 1 or > 128 })
        {
            return OrganizationsErrors.InvalidInput(name.Length < 1 ? "MIN_LENGTH_EXCEEDED" : "MAX_LENGTH_EXCEEDED", "You provided a value for Name with an invalid length.");
        }

        return description is { Length: > 512 }
            ? OrganizationsErrors.InvalidInput("MAX_LENGTH_EXCEEDED", "You provided a value for Description that is too long.")
            : null;
    }

    /// <summary>The directory's size refusal gains the <c>Reason</c> Organizations gives it.</summary>
    private static AwsError FromDirectory(IamError error)
    {
        var converted = OrganizationsErrors.From(error);
        return error.Code == "ConstraintViolationException" ? converted.WithField("Reason", "POLICY_CONTENT_LIMIT_EXCEEDED") : converted;
    }
}
