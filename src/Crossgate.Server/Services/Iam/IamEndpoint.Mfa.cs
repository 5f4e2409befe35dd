using System.Text;
using Crossgate.Directory;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Server.Errors;
using Crossgate.Server.Protocols.Query;

namespace Crossgate.Server.Services.Iam;

public sealed partial class IamEndpoint
{
    private IEnumerable<(string, QueryActionHandler)> MfaActions() =>
    [
        ("CreateVirtualMFADevice", Handler(CreateVirtualMfaDeviceAsync)),
        ("EnableMFADevice", Handler(EnableMfaDeviceAsync)),
        ("ListMFADevices", Handler(ListMfaDevicesAsync)),
        ("ListVirtualMFADevices", Handler(ListVirtualMfaDevicesAsync)),
        ("DeactivateMFADevice", Handler(DeactivateMfaDeviceAsync)),
        ("DeleteVirtualMFADevice", Handler(DeleteVirtualMfaDeviceAsync)),
    ];

    private async Task<QueryResponse> CreateVirtualMfaDeviceAsync(QueryRequest request, CancellationToken ct)
    {
        var p = request.Parameters;
        var name = p.Get("VirtualMFADeviceName");
        if (Missing(("virtualMFADeviceName", name)) is { } missing)
        {
            return missing;
        }

        var account = AccountOf(request);
        var path = p.Get("Path") ?? "/";
        if (await DeniedAsync(request, "iam:CreateVirtualMFADevice", IamArns.Mfa(account, path, name!), ct) is { } denied)
        {
            return denied;
        }

        var created = await services.Iam.CreateVirtualMfaDeviceAsync(account, name!, path, cancellationToken: ct);
        if (!created.Success)
        {
            return Fail(created.Error);
        }

        // Base32StringSeed is a blob: the Base32 text of the seed, base64-encoded on the wire.
        var device = created.Value!;
        return QueryResponse.Ok(w => w.Struct("VirtualMFADevice", d => d
            .Element("SerialNumber", device.SerialNumber)
            .Element("Base32StringSeed", Convert.ToBase64String(Encoding.ASCII.GetBytes(device.Base32Seed)))));
    }

    private async Task<QueryResponse> EnableMfaDeviceAsync(QueryRequest request, CancellationToken ct)
    {
        var p = request.Parameters;
        var (serial, code1, code2) = (p.Get("SerialNumber"), p.Get("AuthenticationCode1"), p.Get("AuthenticationCode2"));
        var (account, name, refusal) = await HolderRequestAsync(request, Holder.User, "EnableMFADevice", serial, "serialNumber", ct);
        var codesMissing = Missing(("authenticationCode1", code1), ("authenticationCode2", code2));
        if (refusal is not null || codesMissing is not null)
        {
            return refusal ?? codesMissing!;
        }

        var enabled = await services.Iam.EnableMfaDeviceAsync(account, name, serial!, code1!, code2!, cancellationToken: ct);
        return enabled.Success ? QueryResponse.Empty() : Fail(enabled.Error);
    }

    private async Task<QueryResponse> ListMfaDevicesAsync(QueryRequest request, CancellationToken ct)
    {
        var (name, error) = ImplicitUser(request);
        if (error is not null)
        {
            return error;
        }

        var account = AccountOf(request);
        if (await DeniedAsync(request, "iam:ListMFADevices", await UserArnAsync(account, name!, ct), ct) is { } denied)
        {
            return denied;
        }

        if (await services.Store.GetUserAsync(account, name!, ct) is null)
        {
            return Fail(Crossgate.Directory.Iam.IamMessages.NoSuchUser(name!));
        }

        var (page, badPage) = await ListPageAsync(EntityKinds.MfaDevices, account, request.Parameters, null, EntityKinds.NameKey(name!), ct);
        if (badPage is not null)
        {
            return badPage;
        }

        return QueryResponse.Ok(w =>
        {
            w.List("MFADevices", page!.Items, (m, d) => m
                .Element("UserName", d.Value.UserName)
                .Element("SerialNumber", d.Value.SerialNumber)
                .Element("EnableDate", d.Value.EnableDate));
            Truncation(w, page.IsTruncated, page.Marker);
        });
    }

    private async Task<QueryResponse> ListVirtualMfaDevicesAsync(QueryRequest request, CancellationToken ct)
    {
        var status = request.Parameters.Get("AssignmentStatus") ?? "Any";
        if (status is not ("Assigned" or "Unassigned" or "Any"))
        {
            return QueryErrors.ValidationError(
                $"1 validation error detected: Value '{status}' at 'assignmentStatus' failed to satisfy constraint: Member must satisfy enum value set: [Unassigned, Any, Assigned]");
        }

        var account = AccountOf(request);
        if (await DeniedAsync(request, "iam:ListVirtualMFADevices", IamArns.Mfa(account, "/", string.Empty), ct) is { } denied)
        {
            return denied;
        }

        var devices = (await services.Store.ListAllAsync(EntityKinds.MfaDevices, account, ct)).Select(v => v.Value)
            .Where(d => status == "Any" || (status == "Assigned") == (d.UserName is not null))
            .ToList();
        if (PageOf(devices, request.Parameters, out var page, out var next) is { } invalid)
        {
            return invalid;
        }

        var users = new Dictionary<string, IamUser>(StringComparer.Ordinal);
        foreach (var device in page)
        {
            if (device.UserName is { } userName && await services.Store.GetUserAsync(account, userName, ct) is { } user)
            {
                users[userName] = user.Value;
            }
        }

        return QueryResponse.Ok(w =>
        {
            w.List("VirtualMFADevices", page, (m, d) =>
            {
                m.Element("SerialNumber", d.SerialNumber);
                if (d.UserName is not null && users.TryGetValue(d.UserName, out var user))
                {
                    m.Struct("User", u => IamXml.User(u, user, withTags: false));
                }

                m.Element("EnableDate", d.EnableDate);
            });
            Truncation(w, next is not null, next);
        });
    }

    private async Task<QueryResponse> DeactivateMfaDeviceAsync(QueryRequest request, CancellationToken ct)
    {
        var serial = request.Parameters.Get("SerialNumber");
        var (account, name, refusal) = await HolderRequestAsync(request, Holder.User, "DeactivateMFADevice", serial, "serialNumber", ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var deactivated = await services.Iam.DeactivateMfaDeviceAsync(account, name, serial!, cancellationToken: ct);
        return deactivated.Success ? QueryResponse.Empty() : Fail(deactivated.Error);
    }

    /// <summary>IamDirectory has no delete for devices; a device still enabled for a user cannot go (DeleteConflict).</summary>
    private async Task<QueryResponse> DeleteVirtualMfaDeviceAsync(QueryRequest request, CancellationToken ct)
    {
        var serial = request.Parameters.Get("SerialNumber");
        if (Missing(("serialNumber", serial)) is { } missing)
        {
            return missing;
        }

        var account = AccountOf(request);
        if (await DeniedAsync(request, "iam:DeleteVirtualMFADevice", serial!, ct) is { } denied)
        {
            return denied;
        }

        for (var attempt = 0; attempt < 8; attempt++)
        {
            var device = await services.Store.GetAsync(EntityKinds.MfaDevices, account, serial!, ct);
            if (device is null)
            {
                return Fail(IamError.NoSuchEntity($"VirtualMFADevice with serial number {serial} doesn't exist."));
            }

            if (device.Value.UserName is not null)
            {
                return Fail(IamError.DeleteConflict("MFA Device is still in use."));
            }

            if ((await services.Store.CommitAsync(new ChangeSet().Delete(EntityKinds.MfaDevices, device.Value, device.Version), ct)).Success)
            {
                return QueryResponse.Empty();
            }
        }

        return Fail(Crossgate.Directory.Iam.IamMessages.ConcurrentModification());
    }
}
