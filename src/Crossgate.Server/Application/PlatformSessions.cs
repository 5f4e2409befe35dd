using Crossgate.Directory;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Server.Services.Sts;

namespace Crossgate.Server.Application;

/// <summary>Credentials the local STS issues to the platform running inside <c>crossgate serve</c>, as AWS issues
/// them to an instance profile: a session of the platform's role, with no caller of its own. Without a role, a
/// temporary session of the management account's root.</summary>
public static class PlatformSessions
{
    public const string DefaultRoleName = "PlatformRole";
    public const string SessionName = "crossgate-platform";

    /// <summary>The role the platform acts as: <paramref name="requested"/> (an ARN, or a role name in the management
    /// account), else <see cref="DefaultRoleName"/> in the organization's management account or in
    /// <paramref name="fallbackAccountId"/> when it exists there; null (with why, when a requested role is missing)
    /// when there is none.</summary>
    public static async Task<(string? RoleArn, string? Error)> ResolveRoleAsync(
        CrossgateServices services, string? requested, string fallbackAccountId, CancellationToken cancellation = default)
    {
        var management = await ManagementAccountAsync(services.Store, cancellation).ConfigureAwait(false) ?? fallbackAccountId;
        if (!string.IsNullOrEmpty(requested))
        {
            var (account, name) = IamArns.TryParseIam(requested, out var parts) && parts.Type == "role" ? (parts.Account, parts.Name) : (management, requested);
            var role = await services.Store.GetRoleAsync(account, name, cancellation).ConfigureAwait(false);
            return role is null
                ? (null, $"--platform-role: there is no role {name} in account {account}.")
                : (role.Value.Arn, null);
        }

        foreach (var account in new[] { management, fallbackAccountId }.Distinct(StringComparer.Ordinal))
        {
            if (await services.Store.GetRoleAsync(account, DefaultRoleName, cancellation).ConfigureAwait(false) is { } found)
            {
                return (found.Value.Arn, null);
            }
        }

        return (null, null);
    }

    /// <summary>A new session of <paramref name="roleArn"/> (or, when null, of the root of
    /// <paramref name="rootAccountId"/>), saved so that the endpoint accepts it.</summary>
    public static async Task<StsSession> IssueAsync(CrossgateServices services, string? roleArn, string rootAccountId, TimeSpan lifetime, CancellationToken cancellation = default)
    {
        var now = services.Time.GetUtcNow();
        var seconds = (int)lifetime.TotalSeconds;
        StsSession session;
        if (roleArn is not null && IamArns.TryParseIam(roleArn, out var parts))
        {
            var role = await services.Store.GetRoleAsync(parts.Account, parts.Name, cancellation).ConfigureAwait(false)
                       ?? throw new InvalidOperationException($"The platform's role {roleArn} no longer exists.");
            session = TemporaryCredentials.Issue(parts.Account, now, seconds, StsSessionKind.AssumedRole) with
            {
                RoleArn = role.Value.Arn,
                RoleId = role.Value.RoleId,
                SessionName = SessionName,
            };
        }
        else
        {
            session = TemporaryCredentials.Issue(rootAccountId, now, seconds, StsSessionKind.SessionToken) with { UserArn = IamArns.Root(rootAccountId) };
        }

        var saved = await services.Iam.SaveSessionAsync(session, cancellationToken: cancellation).ConfigureAwait(false);
        return saved.Success ? session : throw new InvalidOperationException($"{saved.Error.Code}: {saved.Error.Message}");
    }

    private static async Task<string?> ManagementAccountAsync(IDirectoryStore store, CancellationToken cancellation)
    {
        var organizations = await store.ListAsync(EntityKinds.Organizations, EntityKinds.Global, ListQuery.All, cancellation).ConfigureAwait(false);
        return organizations.Items.Count == 0 ? null : organizations.Items[0].Value.ManagementAccountId;
    }
}
