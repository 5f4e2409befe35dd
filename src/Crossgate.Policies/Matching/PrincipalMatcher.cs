using Crossgate.Policies.Evaluation;

namespace Crossgate.Policies.Matching;

/// <summary>A <c>Principal</c> / <c>NotPrincipal</c> element compiled once. AWS allows no partial wildcards in
/// principals, so every entry except <c>"*"</c> is an exact name; entries holding <c>*</c> or <c>?</c>, and entries
/// that are no principal ARN at all, never match.</summary>
public sealed class PrincipalMatcher
{
    private readonly bool _wildcard;
    private readonly bool _isNot;
    private readonly PrincipalEntry[] _accounts;
    private readonly string[] _users;
    private readonly PrincipalEntry[] _roles;
    private readonly string[] _sessions;
    private readonly string[] _federatedUsers;
    private readonly string[] _services;
    private readonly string[] _federated;

    private PrincipalMatcher(PrincipalSet set, bool isNot)
    {
        _isNot = isNot;
        _wildcard = set.IsWildcard;
        var lists = new EntryLists();
        foreach (var entry in set.Aws)
        {
            if (entry == "*")
            {
                _wildcard = true;
            }
            else if (!Wildcard.HasWildcard(entry))
            {
                Classify(entry, ref lists);
            }
        }

        _accounts = lists.Accounts?.ToArray() ?? [];
        _users = lists.Users?.ToArray() ?? [];
        _roles = lists.Roles?.ToArray() ?? [];
        _sessions = lists.Sessions?.ToArray() ?? [];
        _federatedUsers = lists.FederatedUsers?.ToArray() ?? [];
        _services = Exact(set.Service);
        _federated = Exact(set.Federated);
    }

    /// <summary>Entries by kind, each list made only when an entry of its kind turns up: most principals name one
    /// or two entries, and a matcher is compiled for every policy read.</summary>
    private struct EntryLists
    {
        public List<PrincipalEntry>? Accounts;
        public List<string>? Users;
        public List<PrincipalEntry>? Roles;
        public List<string>? Sessions;
        public List<string>? FederatedUsers;
    }

    /// <summary>The entries without wildcards, which alone can match; the array itself when none has one.</summary>
    private static string[] Exact(System.Collections.Immutable.ImmutableArray<string> entries)
    {
        var count = 0;
        foreach (var entry in entries)
        {
            count += Wildcard.HasWildcard(entry) ? 0 : 1;
        }

        if (count == entries.Length)
        {
            return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(entries) ?? [];
        }

        var exact = new string[count];
        var i = 0;
        foreach (var entry in entries)
        {
            if (!Wildcard.HasWildcard(entry))
            {
                exact[i++] = entry;
            }
        }

        return exact;
    }

    public static PrincipalMatcher Compile(PrincipalSet set, bool isNotPrincipal) => new(set, isNotPrincipal);

    /// <summary>Which entry names the caller. For <c>NotPrincipal</c>: <see cref="PrincipalMatch.None"/> when the
    /// element excludes the caller, otherwise <see cref="PrincipalMatch.NotPrincipal"/>.</summary>
    public PrincipalMatch Match(PrincipalIdentity? principal)
    {
        if (_isNot)
        {
            return IsExcluded(principal) ? PrincipalMatch.None : PrincipalMatch.NotPrincipal;
        }

        return MatchPositive(principal);
    }

    /// <summary>When several entries name the caller, the most direct one wins: the caller's own ARN (or service,
    /// or identity provider), then <c>"*"</c>, then its role, then its account — AWS grants differ in that order.</summary>
    private PrincipalMatch MatchPositive(PrincipalIdentity? principal)
    {
        if (principal is null || principal.Kind == PrincipalKind.Anonymous)
        {
            if (principal?.FederatedProvider is { } provider && Contains(_federated, provider, StringComparison.Ordinal))
            {
                return PrincipalMatch.Federated;
            }

            return _wildcard ? PrincipalMatch.Wildcard : PrincipalMatch.None;
        }

        var direct = DirectMatch(principal);
        if (direct != PrincipalMatch.None)
        {
            return direct;
        }

        if (_wildcard)
        {
            return PrincipalMatch.Wildcard;
        }

        if (principal.Kind == PrincipalKind.AssumedRole && MatchesRole(principal))
        {
            return PrincipalMatch.Role;
        }

        if (MatchesAccount(principal))
        {
            return PrincipalMatch.Account;
        }

        return PrincipalMatch.None;
    }

    private PrincipalMatch DirectMatch(PrincipalIdentity principal)
    {
        switch (principal.Kind)
        {
            case PrincipalKind.User when Contains(_users, principal.Arn, StringComparison.Ordinal):
                return PrincipalMatch.User;
            case PrincipalKind.AssumedRole when Contains(_sessions, principal.Arn, StringComparison.Ordinal):
                return PrincipalMatch.Session;
            case PrincipalKind.FederatedUser when Contains(_federatedUsers, principal.Arn, StringComparison.Ordinal):
                return PrincipalMatch.FederatedUser;
            case PrincipalKind.Service when Contains(_services, principal.ServiceName ?? principal.Arn, StringComparison.OrdinalIgnoreCase):
                return PrincipalMatch.Service;
        }

        if (principal.FederatedProvider is { } provider && Contains(_federated, provider, StringComparison.Ordinal))
        {
            return PrincipalMatch.Federated;
        }

        return PrincipalMatch.None;
    }

    /// <summary>NotPrincipal is layered (AWS may check the account, then the role, then the session): a caller is
    /// exempt only when every layer of its identity is listed — account + user, or account + role + session.</summary>
    private bool IsExcluded(PrincipalIdentity? principal)
    {
        if (_wildcard)
        {
            return true;
        }

        if (principal is null || principal.Kind == PrincipalKind.Anonymous)
        {
            return principal?.FederatedProvider is { } provider && Contains(_federated, provider, StringComparison.Ordinal);
        }

        return principal.Kind switch
        {
            PrincipalKind.Root => MatchesAccount(principal),
            PrincipalKind.User => MatchesAccount(principal) && DirectMatch(principal) == PrincipalMatch.User,
            PrincipalKind.AssumedRole => MatchesAccount(principal) && MatchesRole(principal)
                && DirectMatch(principal) == PrincipalMatch.Session,
            PrincipalKind.FederatedUser => MatchesAccount(principal) && DirectMatch(principal) == PrincipalMatch.FederatedUser,
            PrincipalKind.Service => DirectMatch(principal) == PrincipalMatch.Service,
            _ => false,
        };
    }

    private bool MatchesAccount(PrincipalIdentity principal)
    {
        if (principal.AccountId.Length == 0 || principal.Kind is PrincipalKind.Service or PrincipalKind.Anonymous)
        {
            return false;
        }

        foreach (var account in _accounts)
        {
            if (account.Account == principal.AccountId && (account.Partition is null || account.Partition == principal.Partition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A role ARN names every session of that role. Session ARNs drop the role path, so without the
    /// session's <see cref="PrincipalIdentity.RoleArn"/> the account and role name are compared instead.</summary>
    private bool MatchesRole(PrincipalIdentity session)
    {
        foreach (var role in _roles)
        {
            if (session.RoleArn is not null)
            {
                if (string.Equals(role.Arn, session.RoleArn, StringComparison.Ordinal))
                {
                    return true;
                }

                continue;
            }

            if (role.Account == session.AccountId && role.Name.AsSpan().SequenceEqual(SessionRoleName(session.Arn)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The role name in <c>arn:aws:sts::A:assumed-role/RoleName/SessionName</c>.</summary>
    private static ReadOnlySpan<char> SessionRoleName(string sessionArn)
    {
        if (!Arn.TrySplit(sessionArn, out var ranges))
        {
            return ReadOnlySpan<char>.Empty;
        }

        var resource = sessionArn.AsSpan()[ranges.Resource];
        const string prefix = "assumed-role/";
        if (!resource.StartsWith(prefix, StringComparison.Ordinal))
        {
            return ReadOnlySpan<char>.Empty;
        }

        resource = resource[prefix.Length..];
        var slash = resource.IndexOf('/');
        return slash < 0 ? resource : resource[..slash];
    }

    private static void Classify(string entry, ref EntryLists lists)
    {
        if (entry.Length == 12 && !entry.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            (lists.Accounts ??= []).Add(new PrincipalEntry(entry, null, entry, string.Empty));
            return;
        }

        if (!Arn.TryParse(entry, out var arn) || arn.Region.Length != 0)
        {
            return;
        }

        if (arn.Service == "iam" && arn.Resource == "root")
        {
            (lists.Accounts ??= []).Add(new PrincipalEntry(entry, arn.Partition, arn.Account, string.Empty));
        }
        else if (arn.Service == "iam" && arn.Resource.StartsWith("user/", StringComparison.Ordinal))
        {
            (lists.Users ??= []).Add(entry);
        }
        else if (arn.Service == "iam" && arn.Resource.StartsWith("role/", StringComparison.Ordinal))
        {
            var name = arn.Resource[(arn.Resource.LastIndexOf('/') + 1)..];
            (lists.Roles ??= []).Add(new PrincipalEntry(entry, arn.Partition, arn.Account, name));
        }
        else if (arn.Service == "sts" && arn.Resource.StartsWith("assumed-role/", StringComparison.Ordinal))
        {
            (lists.Sessions ??= []).Add(entry);
        }
        else if (arn.Service == "sts" && arn.Resource.StartsWith("federated-user/", StringComparison.Ordinal))
        {
            (lists.FederatedUsers ??= []).Add(entry);
        }
    }

    private static bool Contains(string[] values, string value, StringComparison comparison)
    {
        foreach (var candidate in values)
        {
            if (string.Equals(candidate, value, comparison))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An account or role entry: its ARN, partition (null for a bare account id), account, role name.</summary>
    private readonly record struct PrincipalEntry(string Arn, string? Partition, string Account, string Name);
}
