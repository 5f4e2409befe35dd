using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Crossgate.Policies.Parsing;

/// <summary>Reads a Principal/NotPrincipal element: <c>"*"</c> or an object of AWS, Service, Federated and
/// CanonicalUser lists (aws-iam-semantics.md §2.4). Partial wildcards are refused as AWS does.</summary>
internal static class PrincipalReader
{
    /// <param name="location">The Principal/NotPrincipal element's location.</param>
    public static PrincipalSet? Read(JsonElement value, ref JsonLocation location, PolicyErrorList errors)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            if (value.ValueEquals("*"u8))
            {
                return PrincipalSet.Wildcard;
            }

            errors.Malformed(PolicyMessages.SyntaxErrors, location);
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Malformed(PolicyMessages.SyntaxErrors, location);
            return null;
        }

        var before = errors.Count;
        var wildcard = false;
        var aws = ImmutableArray<string>.Empty;
        var service = ImmutableArray<string>.Empty;
        var federated = ImmutableArray<string>.Empty;
        var canonical = ImmutableArray<string>.Empty;
        var members = DuplicateMembers.Check(value, ref location, errors);
        var index = 0;
        foreach (var member in value.EnumerateObject())
        {
            if (members.IsDuplicate(index++))
            {
                continue;
            }

            var type = member.NameEquals("AWS"u8) ? "AWS"
                : member.NameEquals("Service"u8) ? "Service"
                : member.NameEquals("Federated"u8) ? "Federated"
                : member.NameEquals("CanonicalUser"u8) ? "CanonicalUser"
                : member.Name;
            location.Push(type);
            var entries = StringListReader.Read(member.Value, ref location, errors);
            switch (type)
            {
                case "AWS":
                    aws = ReadAws(entries, ref location, errors, ref wildcard);
                    break;
                case "Service":
                    service = ReadNamed(entries, "SERVICE", ref location, errors);
                    break;
                case "Federated":
                    federated = ReadNamed(entries, "FEDERATED", ref location, errors);
                    break;
                case "CanonicalUser":
                    canonical = ReadNamed(entries, "CanonicalUser", ref location, errors);
                    break;
                default:
                    errors.Malformed(PolicyMessages.SyntaxErrors, location);
                    break;
            }

            location.Pop();
        }

        if (errors.Count != before)
        {
            return null;
        }

        if (!wildcard && aws.IsEmpty && service.IsEmpty && federated.IsEmpty && canonical.IsEmpty)
        {
            errors.Malformed(PolicyMessages.NoPrincipals, location);
            return null;
        }

        return new PrincipalSet { IsWildcard = wildcard, Aws = aws, Service = service, Federated = federated, CanonicalUser = canonical };
    }

    private static ImmutableArray<string> ReadAws(StringList entries, ref JsonLocation location, PolicyErrorList errors, ref bool wildcard)
    {
        var valid = 0;
        for (var i = 0; i < entries.Items.Length; i++)
        {
            var value = entries.Items[i];
            if (value is null)
            {
                continue;
            }

            if (value == "*")
            {
                wildcard = true;
            }
            else if (AwsPrincipalSyntax.IsValid(value))
            {
                valid++;
            }
            else
            {
                ReportAt(entries, i, PolicyMessages.InvalidPrincipal("AWS", value), ref location, errors);
            }
        }

        return Keep(entries, valid, static value => value != "*" && AwsPrincipalSyntax.IsValid(value));
    }

    private static ImmutableArray<string> ReadNamed(StringList entries, string type, ref JsonLocation location, PolicyErrorList errors)
    {
        var valid = 0;
        for (var i = 0; i < entries.Items.Length; i++)
        {
            var value = entries.Items[i];
            if (value is null)
            {
                continue;
            }

            if (IsExactName(value))
            {
                valid++;
            }
            else
            {
                ReportAt(entries, i, PolicyMessages.InvalidPrincipal(type, value), ref location, errors);
            }
        }

        return Keep(entries, valid, IsExactName);
    }

    // Service, federated and canonical-user principals are exact names: no wildcards, no blanks.
    private static bool IsExactName(string value) => value.Length != 0 && value.AsSpan().IndexOfAny("*? \t\r\n") < 0;

    private static void ReportAt(StringList entries, int index, string message, ref JsonLocation location, PolicyErrorList errors)
    {
        if (!entries.IsArray)
        {
            errors.Malformed(message, location);
            return;
        }

        location.Push(index);
        errors.Malformed(message, location);
        location.Pop();
    }

    /// <summary>The entries that pass <paramref name="keep"/>; the list's own array when all of them do.</summary>
    private static ImmutableArray<string> Keep(StringList entries, int valid, Func<string, bool> keep)
    {
        if (valid == entries.Items.Length)
        {
            return ImmutableCollectionsMarshal.AsImmutableArray<string>(entries.Items!);
        }

        var kept = new string[valid];
        var next = 0;
        foreach (var value in entries.Items)
        {
            if (value is not null && next < valid && keep(value))
            {
                kept[next++] = value;
            }
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(kept);
    }
}
