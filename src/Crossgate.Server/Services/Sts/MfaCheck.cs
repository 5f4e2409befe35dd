using Crossgate.Authorization;
using Crossgate.Directory.Gathering;
using Crossgate.Directory.Iam;
using Crossgate.Directory.Storage;
using Crossgate.Policies.Evaluation;
using Crossgate.Server.Errors;

namespace Crossgate.Server.Services.Sts;

/// <summary>Checks <c>SerialNumber</c> + <c>TokenCode</c> as STS does: the device must be a virtual MFA device enabled
/// for the calling IAM user, and the code its TOTP for now (one 30-second step of drift either way).</summary>
public static class MfaCheck
{
    public static async Task<AwsError?> VerifyAsync(IDirectoryStore store, CallerContext caller, string serialNumber, string tokenCode, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var principal = caller.Principal;
        if (principal.Kind != PrincipalKind.User || principal.UserName is not { } userName)
        {
            return StsErrors.UnknownMfaDevice();
        }

        for (var attempt = 0; attempt < 8; attempt++)
        {
            var device = await store.GetAsync(EntityKinds.MfaDevices, principal.AccountId, serialNumber, cancellationToken).ConfigureAwait(false);
            if (device is null || !string.Equals(device.Value.UserName, userName, StringComparison.OrdinalIgnoreCase))
            {
                return StsErrors.UnknownMfaDevice();
            }

            // A code is good once: its step must be later than the last accepted one, and recording that step
            // conflicts with a concurrent use of the same code (row version), so only one of them succeeds.
            var step = Totp.StepOf(device.Value.Base32Seed, tokenCode, now);
            if (step is null || step <= device.Value.LastUsedStep)
            {
                return StsErrors.InvalidMfaCode();
            }

            var used = device.Value with { LastUsedStep = step };
            if ((await store.CommitAsync(new ChangeSet().Update(EntityKinds.MfaDevices, used, device.Version), cancellationToken).ConfigureAwait(false)).Success)
            {
                return null;
            }
        }

        return StsErrors.InvalidMfaCode();
    }

    /// <summary>The MFA keys of a request whose MFA was just verified: present, and zero seconds old.</summary>
    public static void MarkPresent(ContextKeys keys)
    {
        keys.Set("aws:MultiFactorAuthPresent", "true");
        keys.Set("aws:MultiFactorAuthAge", "0");
    }
}
