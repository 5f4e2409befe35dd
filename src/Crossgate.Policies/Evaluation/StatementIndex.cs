using System.Numerics;
using Crossgate.Policies.Matching;

namespace Crossgate.Policies.Evaluation;

/// <summary>Which statements of a large policy can apply to a request, so that a decision visits only those. Three
/// filters, each a bit set of statements per key, built once per policy: by action (the exact action, its service
/// prefix, or statements any action may match), by resource (the literal text a Resource pattern starts with) and,
/// for resource-side policies such as trust policies, by principal (the caller's ARN, account, role, service or
/// identity provider). Every filter is conservative — a statement left out could not have matched — so the
/// statements visited, in their order, match exactly as a full scan would, and conditions (hence missing keys) are
/// only ever evaluated for statements whose action, principal and resource matched, as before.</summary>
public sealed class StatementIndex
{
    /// <summary>Below this many statements a scan costs less than the lookups.</summary>
    public const int MinimumStatements = 8;

    /// <summary>Above this many the candidate set would not fit comfortably on the stack; such policies are scanned.</summary>
    public const int MaximumStatements = 64 * 32;

    // Resource prefixes are cut down to one of these lengths so that a request looks up a few slices of its ARN
    // rather than one per distinct prefix length (a shorter prefix only lets more statements through).
    private static readonly int[] PrefixLengths = [8, 12, 16, 20, 24, 28, 32, 40, 48, 64, 96, 128];

    private readonly ulong[] _actionAny;
    private readonly Dictionary<string, ulong[]>? _exactActions;
    private readonly Dictionary<string, ulong[]>? _services;
    private readonly ulong[] _resourceAny;
    private readonly Dictionary<string, ulong[]>? _resourcePrefixes;
    private readonly int[] _resourcePrefixLengths;
    private readonly ulong[] _principalAny;
    private readonly Dictionary<string, ulong[]>? _principals;

    private StatementIndex(int count)
    {
        Count = count;
        Words = (count + 63) / 64;
        _actionAny = new ulong[Words];
        _resourceAny = new ulong[Words];
        _principalAny = new ulong[Words];
        _resourcePrefixLengths = [];
    }

    /// <summary>How many statements the policy has.</summary>
    public int Count { get; }

    /// <summary>How many 64-bit words a candidate set of this policy takes.</summary>
    public int Words { get; }

    /// <summary>The index of <paramref name="statements"/>, or null when indexing would not pay: too few or too many
    /// statements, or no filter that tells statements apart (every statement allows any action, resource and
    /// principal).</summary>
    public static StatementIndex? Build(ReadOnlySpan<CompiledStatement> statements)
    {
        if (statements.Length < MinimumStatements || statements.Length > MaximumStatements)
        {
            return null;
        }

        var index = new StatementIndex(statements.Length, statements);
        return index._exactActions is null && index._resourcePrefixes is null && index._principals is null ? null : index;
    }

    private StatementIndex(int count, ReadOnlySpan<CompiledStatement> statements)
        : this(count)
    {
        Dictionary<string, ulong[]>? exact = null, services = null, prefixes = null, principals = null;
        var prefixLengths = new SortedSet<int>();
        for (var i = 0; i < statements.Length; i++)
        {
            var source = statements[i].Source;
            AddActionKeys(source, i, ref exact, ref services);
            AddResourceKeys(source, i, ref prefixes, prefixLengths);
            AddPrincipalKeys(source, i, ref principals);
        }

        // A filter under which every statement is a candidate for every request tells nothing: leave it out.
        _exactActions = AllSet(_actionAny, count) ? null : exact ?? [];
        _services = _exactActions is null ? null : services;
        _resourcePrefixes = AllSet(_resourceAny, count) ? null : prefixes ?? [];
        _resourcePrefixLengths = _resourcePrefixes is null ? [] : [.. prefixLengths];
        _principals = AllSet(_principalAny, count) ? null : principals ?? [];
    }

    private void AddActionKeys(Statement source, int statement, ref Dictionary<string, ulong[]>? exact, ref Dictionary<string, ulong[]>? services)
    {
        if (source.IsNotAction)
        {
            Set(_actionAny, statement);
            return;
        }

        foreach (var pattern in source.Actions)
        {
            var colon = pattern.IndexOf(':');
            var service = colon < 0 ? ReadOnlySpan<char>.Empty : pattern.AsSpan(0, colon);

            // Non-ASCII text is left to the matcher, whose case-insensitive comparison may differ from the dictionary's.
            if (colon <= 0 || Wildcard.HasWildcard(service) || !System.Text.Ascii.IsValid(pattern))
            {
                Set(_actionAny, statement);
            }
            else if (!Wildcard.HasWildcard(pattern))
            {
                Set(Bits(exact ??= new(StringComparer.OrdinalIgnoreCase), pattern), statement);
            }
            else
            {
                Set(Bits(services ??= new(StringComparer.OrdinalIgnoreCase), service.ToString()), statement);
            }
        }
    }

    private void AddResourceKeys(Statement source, int statement, ref Dictionary<string, ulong[]>? prefixes, SortedSet<int> lengths)
    {
        if (!source.HasResource || source.IsNotResource)
        {
            Set(_resourceAny, statement);
            return;
        }

        foreach (var pattern in source.Resources)
        {
            // Resource patterns match case-sensitively, part by part, so a request ARN that a pattern matches starts
            // with the pattern's text up to its first wildcard or policy variable.
            var literal = pattern.AsSpan();
            var stop = literal.IndexOfAny('*', '?', '$');
            if (stop >= 0)
            {
                literal = literal[..stop];
            }

            var length = 0;
            foreach (var candidate in PrefixLengths)
            {
                if (candidate <= literal.Length)
                {
                    length = candidate;
                }
            }

            if (length == 0)
            {
                Set(_resourceAny, statement);
                continue;
            }

            lengths.Add(length);
            Set(Bits(prefixes ??= new(StringComparer.Ordinal), literal[..length].ToString()), statement);
        }
    }

    private void AddPrincipalKeys(Statement source, int statement, ref Dictionary<string, ulong[]>? principals)
    {
        if (source.Principal is not { } set || source.IsNotPrincipal || set.IsWildcard)
        {
            Set(_principalAny, statement);
            return;
        }

        // Every name an entry could be matched by: the entry itself (a user, session, role, service, provider)
        // and its account (an account entry, or a role named by account and role name). Entries with wildcards
        // other than "*" match nothing; a statement with no key at all can match no caller.
        foreach (var entry in set.Aws)
        {
            if (entry == "*")
            {
                Set(_principalAny, statement);
                return;
            }

            if (Wildcard.HasWildcard(entry))
            {
                continue;
            }

            Set(Bits(principals ??= new(StringComparer.OrdinalIgnoreCase), entry), statement);
            if (Arn.TrySplit(entry, out var ranges) && entry.AsSpan()[ranges.Account].Length > 0)
            {
                Set(Bits(principals, entry[ranges.Account]), statement);
            }
        }

        foreach (var entry in set.Service)
        {
            Set(Bits(principals ??= new(StringComparer.OrdinalIgnoreCase), entry), statement);
        }

        foreach (var entry in set.Federated)
        {
            Set(Bits(principals ??= new(StringComparer.OrdinalIgnoreCase), entry), statement);
        }
    }

    /// <summary>Writes into <paramref name="candidates"/> (<see cref="Words"/> long) the statements that may apply
    /// to the request: a superset of those whose action, resource and principal match. Allocates nothing.</summary>
    public void Select(RequestContext context, Span<ulong> candidates)
    {
        candidates = candidates[..Words];
        if (_exactActions is null)
        {
            candidates.Fill(ulong.MaxValue);
        }
        else
        {
            SelectActions(context.Action, candidates);
        }

        if (_resourcePrefixes is not null)
        {
            Span<ulong> resources = stackalloc ulong[Words];
            SelectResources(context.Resource, resources);
            And(candidates, resources);
        }

        if (_principals is not null)
        {
            Span<ulong> principals = stackalloc ulong[Words];
            SelectPrincipals(context.Principal, principals);
            And(candidates, principals);
        }

        // Bits past the last statement (set by a fill) name no statement.
        if ((Count & 63) != 0)
        {
            candidates[^1] &= (1UL << Count) - 1;
        }
    }

    private void SelectActions(string action, Span<ulong> bits)
    {
        if (!System.Text.Ascii.IsValid(action))
        {
            bits.Fill(ulong.MaxValue);
            return;
        }

        _actionAny.CopyTo(bits);
        if (_exactActions!.TryGetValue(action, out var exact))
        {
            Or(bits, exact);
        }

        var colon = action.IndexOf(':');
        if (colon > 0 && _services is not null
            && _services.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(action.AsSpan(0, colon), out var service))
        {
            Or(bits, service);
        }
    }

    private void SelectResources(string resource, Span<ulong> bits)
    {
        _resourceAny.CopyTo(bits);
        var lookup = _resourcePrefixes!.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var length in _resourcePrefixLengths)
        {
            if (length > resource.Length)
            {
                break;
            }

            if (lookup.TryGetValue(resource.AsSpan(0, length), out var prefix))
            {
                Or(bits, prefix);
            }
        }
    }

    private void SelectPrincipals(PrincipalIdentity? principal, Span<ulong> bits)
    {
        _principalAny.CopyTo(bits);
        if (principal is null)
        {
            return;
        }

        OrKey(principal.Arn, bits);
        OrKey(principal.AccountId, bits);
        OrKey(principal.RoleArn, bits);
        OrKey(principal.ServiceName, bits);
        OrKey(principal.FederatedProvider, bits);
    }

    private void OrKey(string? key, Span<ulong> bits)
    {
        if (!string.IsNullOrEmpty(key) && _principals!.TryGetValue(key, out var found))
        {
            Or(bits, found);
        }
    }

    private ulong[] Bits(Dictionary<string, ulong[]> keys, string key)
    {
        if (!keys.TryGetValue(key, out var bits))
        {
            bits = new ulong[Words];
            keys[key] = bits;
        }

        return bits;
    }

    private static void Set(ulong[] bits, int statement) => bits[statement >> 6] |= 1UL << statement;

    private static bool AllSet(ulong[] bits, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if ((bits[i >> 6] & (1UL << i)) == 0)
            {
                return false;
            }
        }

        return true;
    }

    private static void Or(Span<ulong> into, ReadOnlySpan<ulong> bits)
    {
        for (var i = 0; i < into.Length; i++)
        {
            into[i] |= bits[i];
        }
    }

    private static void And(Span<ulong> into, ReadOnlySpan<ulong> bits)
    {
        for (var i = 0; i < into.Length; i++)
        {
            into[i] &= bits[i];
        }
    }

    /// <summary>The next statement in <paramref name="candidates"/> at or after <paramref name="from"/>, or -1.</summary>
    public static int Next(ReadOnlySpan<ulong> candidates, int from)
    {
        var word = from >> 6;
        if (word >= candidates.Length)
        {
            return -1;
        }

        var bits = candidates[word] & (ulong.MaxValue << (from & 63));
        while (true)
        {
            if (bits != 0)
            {
                return (word << 6) + BitOperations.TrailingZeroCount(bits);
            }

            if (++word >= candidates.Length)
            {
                return -1;
            }

            bits = candidates[word];
        }
    }
}
