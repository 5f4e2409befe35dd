using System.Text.Json.Nodes;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Directory.Validation;

namespace Crossgate.Directory.Iam;

public sealed partial class IamDirectory
{
    /// <summary>A new <c>AKIA…</c> key with its secret; at most two per user. The user's row is touched so two
    /// concurrent calls cannot both see one key and create a third.</summary>
    public Task<DirectoryResult<AccessKey>> CreateAccessKeyAsync(string accountId, string userName, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        MutateAsync(async () =>
        {
            var user = await Store.GetUserAsync(accountId, userName, cancellationToken).ConfigureAwait(false);
            if (user is null)
            {
                return IamMessages.NoSuchUser(userName);
            }

            if ((await Store.ListAccessKeysAsync(accountId, userName, cancellationToken).ConfigureAwait(false)).Count >= MaxAccessKeysPerUser)
            {
                return IamMessages.Quota("AccessKeysPerUser", MaxAccessKeysPerUser);
            }

            var key = new AccessKey
            {
                AccountId = accountId, UserName = user.Value.UserName, AccessKeyId = UniqueIds.NewAccessKeyId(),
                SecretAccessKey = UniqueIds.NewSecretAccessKey(), CreateDate = Now,
            };
            var changes = Audited(audit, "CreateAccessKey", accountId, new JsonObject { ["userName"] = userName })
                .Insert(EntityKinds.AccessKeys, key)
                .Touch<IamUser>(EntityKinds.Users, accountId, EntityKinds.NameKey(userName), user.Version);
            return Mutation<AccessKey>.Write(changes, key);
        }, cancellationToken);

    public Task<DirectoryResult<AccessKey>> UpdateAccessKeyAsync(string accountId, string userName, string accessKeyId, AccessKeyStatus status, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        MutateAsync(async () =>
        {
            var found = await Store.GetAsync(EntityKinds.AccessKeys, accountId, accessKeyId, cancellationToken).ConfigureAwait(false);
            if (found is null || !string.Equals(found.Value.UserName, userName, StringComparison.OrdinalIgnoreCase))
            {
                return IamMessages.NoSuchAccessKey(accessKeyId);
            }

            var key = found.Value with { Status = status };
            var changes = Audited(audit, "UpdateAccessKey", accountId, new JsonObject { ["userName"] = userName, ["accessKeyId"] = accessKeyId, ["status"] = status.ToString() })
                .Update(EntityKinds.AccessKeys, key, found.Version);
            return Mutation<AccessKey>.Write(changes, key);
        }, cancellationToken);

    public Task<DirectoryResult<bool>> DeleteAccessKeyAsync(string accountId, string userName, string accessKeyId, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        MutateAsync(async () =>
        {
            var found = await Store.GetAsync(EntityKinds.AccessKeys, accountId, accessKeyId, cancellationToken).ConfigureAwait(false);
            if (found is null || !string.Equals(found.Value.UserName, userName, StringComparison.OrdinalIgnoreCase))
            {
                return IamMessages.NoSuchAccessKey(accessKeyId);
            }

            var changes = Audited(audit, "DeleteAccessKey", accountId, new JsonObject { ["userName"] = userName, ["accessKeyId"] = accessKeyId })
                .Delete(EntityKinds.AccessKeys, found.Value, found.Version);
            return Mutation<bool>.Write(changes, true);
        }, cancellationToken);

    /// <summary>Sets a console password after checking it against the account's password policy.</summary>
    public Task<DirectoryResult<IamUser>> CreateLoginProfileAsync(string accountId, string userName, string password, bool passwordResetRequired = false, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        MutateAsync(async () =>
        {
            var found = await Store.GetUserAsync(accountId, userName, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                return IamMessages.NoSuchUser(userName);
            }

            if (found.Value.LoginProfile is not null)
            {
                return IamError.EntityAlreadyExists($"Login Profile for user {found.Value.UserName} already exists.");
            }

            var account = await Store.GetAccountAsync(accountId, cancellationToken).ConfigureAwait(false);
            if (PasswordCheck.Check(password, account?.Value.PasswordPolicy) is { } weak)
            {
                return weak;
            }

            var user = found.Value with { LoginProfile = PasswordHasher.Create(password, passwordResetRequired, Now) };
            var changes = Audited(audit, "CreateLoginProfile", accountId, new JsonObject { ["userName"] = userName, ["passwordResetRequired"] = passwordResetRequired })
                .Update(EntityKinds.Users, user, found.Version);
            return Mutation<IamUser>.Write(changes, user);
        }, cancellationToken);

    public Task<DirectoryResult<IamUser>> DeleteLoginProfileAsync(string accountId, string userName, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        MutateAsync(async () =>
        {
            var found = await Store.GetUserAsync(accountId, userName, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                return IamMessages.NoSuchUser(userName);
            }

            if (found.Value.LoginProfile is null)
            {
                return IamError.NoSuchEntity($"Login Profile for User {found.Value.UserName} cannot be found.");
            }

            var user = found.Value with { LoginProfile = null };
            var changes = Audited(audit, "DeleteLoginProfile", accountId, new JsonObject { ["userName"] = userName }).Update(EntityKinds.Users, user, found.Version);
            return Mutation<IamUser>.Write(changes, user);
        }, cancellationToken);

    public async Task<bool> VerifyPasswordAsync(string accountId, string userName, string password, CancellationToken cancellationToken = default)
    {
        var found = await Store.GetUserAsync(accountId, userName, cancellationToken).ConfigureAwait(false);
        return found?.Value.LoginProfile is { } profile && PasswordHasher.Verify(profile, password);
    }

    /// <summary>A new virtual MFA device with a fresh TOTP seed, not yet enabled for anyone.</summary>
    public Task<DirectoryResult<VirtualMfaDevice>> CreateVirtualMfaDeviceAsync(string accountId, string deviceName, string path = "/", AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        MutateAsync(() =>
        {
            var failures = new ValidationFailures();
            IamNames.CheckName(failures, deviceName ?? string.Empty, "virtualMFADeviceName", 226);
            IamNames.CheckEntityPath(failures, path ?? string.Empty);
            if (failures.ToError() is { } invalid)
            {
                return Task.FromResult<Mutation<VirtualMfaDevice>>(invalid);
            }

            var device = new VirtualMfaDevice { AccountId = accountId, SerialNumber = IamArns.Mfa(accountId, path!, deviceName!), Base32Seed = UniqueIds.NewTotpSeed() };
            var changes = Audited(audit, "CreateVirtualMFADevice", accountId, new JsonObject { ["virtualMFADeviceName"] = deviceName, ["path"] = path })
                .Insert(EntityKinds.MfaDevices, device);
            return Task.FromResult(Mutation<VirtualMfaDevice>.Write(changes, device,
                IamError.EntityAlreadyExists("MFADevice entity at the same path and name already exists.")));
        }, cancellationToken);

    /// <summary>Enables a device for a user given two consecutive codes, as EnableMFADevice requires.</summary>
    public Task<DirectoryResult<IamUser>> EnableMfaDeviceAsync(string accountId, string userName, string serialNumber, string code1, string code2, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        MutateAsync(async () =>
        {
            var found = await Store.GetUserAsync(accountId, userName, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                return IamMessages.NoSuchUser(userName);
            }

            var device = await Store.GetAsync(EntityKinds.MfaDevices, accountId, serialNumber, cancellationToken).ConfigureAwait(false);
            if (device is null)
            {
                return IamError.NoSuchEntity($"VirtualMFADevice with serial number {serialNumber} doesn't exist.");
            }

            if (device.Value.UserName is not null)
            {
                return IamError.EntityAlreadyExists("MFA Device is already in use.");
            }

            var now = Now;
            var first = Totp.StepOf(device.Value.Base32Seed, code1, now, window: 4);
            var second = Totp.StepOf(device.Value.Base32Seed, code2, now, window: 4);
            if (first is null || second is null || second != first + 1)
            {
                return new IamError("InvalidAuthenticationCode", "Authentication code for device is not valid.", 403);
            }

            var user = found.Value with { MfaSerials = found.Value.MfaSerials.Append(serialNumber).ToList() };
            var enabled = device.Value with { UserName = found.Value.UserName, EnableDate = now };
            var changes = Audited(audit, "EnableMFADevice", accountId, new JsonObject { ["userName"] = userName, ["serialNumber"] = serialNumber })
                .Update(EntityKinds.Users, user, found.Version)
                .Update(EntityKinds.MfaDevices, enabled, device.Version);
            return Mutation<IamUser>.Write(changes, user);
        }, cancellationToken);

    public Task<DirectoryResult<IamUser>> DeactivateMfaDeviceAsync(string accountId, string userName, string serialNumber, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        MutateAsync(async () =>
        {
            var found = await Store.GetUserAsync(accountId, userName, cancellationToken).ConfigureAwait(false);
            var device = await Store.GetAsync(EntityKinds.MfaDevices, accountId, serialNumber, cancellationToken).ConfigureAwait(false);
            if (found is null || device is null || !found.Value.MfaSerials.Contains(serialNumber))
            {
                return IamError.NoSuchEntity($"MFA Device with serial number {serialNumber} does not exist.");
            }

            var user = found.Value with { MfaSerials = found.Value.MfaSerials.Where(s => s != serialNumber).ToList() };
            var changes = Audited(audit, "DeactivateMFADevice", accountId, new JsonObject { ["userName"] = userName, ["serialNumber"] = serialNumber })
                .Update(EntityKinds.Users, user, found.Version)
                .Update(EntityKinds.MfaDevices, device.Value with { UserName = null, EnableDate = null }, device.Version);
            return Mutation<IamUser>.Write(changes, user);
        }, cancellationToken);

    /// <summary>Stores temporary credentials STS issued, so that the <c>ASIA…</c> key is accepted until it expires.</summary>
    public async Task<DirectoryResult<StsSession>> SaveSessionAsync(StsSession session, AuditContext? audit = null, CancellationToken cancellationToken = default)
    {
        var changes = new ChangeSet().Insert(EntityKinds.Sessions, session);
        if (audit is not null)
        {
            changes.Append(new AuditEvent
            {
                EventId = UniqueIds.NewEventId(), EventTime = Now, EventSource = "sts.amazonaws.com",
                EventName = session.Kind switch
                {
                    StsSessionKind.AssumedRole => "AssumeRole",
                    StsSessionKind.FederatedUser => "GetFederationToken",
                    _ => "GetSessionToken",
                },
                AwsRegion = audit.AwsRegion, RecipientAccountId = session.AccountId, UserIdentity = audit.UserIdentity,
                SourceIpAddress = audit.SourceIpAddress, UserAgent = audit.UserAgent,
                RequestParameters = RequestParametersJson.Write(new JsonObject { ["roleArn"] = session.RoleArn, ["roleSessionName"] = session.SessionName }),
            });
        }

        var result = await Store.CommitAsync(changes, cancellationToken).ConfigureAwait(false);
        return result.Success ? DirectoryResult<StsSession>.Ok(session) : IamMessages.ConcurrentModification();
    }
}
