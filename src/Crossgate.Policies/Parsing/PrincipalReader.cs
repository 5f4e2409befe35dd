using System.Collections.Immutable;
using System.Text.Json;

namespace Crossgate.Policies.Parsing;

/// <summary>Reads a Principal/NotPrincipal element: <c>"*"</c> or an object of AWS, Service, Federated and
/// CanonicalUser lists (aws-iam-semantics.md §2.4). Partial wildcards are refused as AWS does.</summary>
internal static class PrincipalReader
{
    public static PrincipalSet? Read(JsonElement value, string path, PolicyErrorList errors)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            if (value.ValueEquals("*"))
            {
                return PrincipalSet.Wildcard;
            }

            errors.Malformed(PolicyMessages.SyntaxErrors, path);
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Malformed(PolicyMessages.SyntaxErrors, path);
            return null;
        }

        var before = errors.Count;
        var wildcard = false;
        var aws = ImmutableArray<string>.Empty;
        var service = ImmutableArray<string>.Empty;
        var federated = ImmutableArray<string>.Empty;
        var canonical = ImmutableArray<string>.Empty;
        foreach (var member in JsonMembers.Read(value, path, errors))
        {
            var memberPath = JsonPath.Property(path, member.Name);
            var entries = StringListReader.Read(member.Value, memberPath, errors);
            switch (member.Name)
            {
                case "AWS":
                    aws = ReadAws(entries, errors, ref wildcard);
                    break;
                case "Service":
                    service = ReadNamed(entries, "SERVICE", errors);
                    break;
                case "Federated":
                    federated = ReadNamed(entries, "FEDERATED", errors);
                    break;
                case "CanonicalUser":
                    canonical = ReadNamed(entries, "CanonicalUser", errors);
                    break;
                default:
                    errors.Malformed(PolicyMessages.SyntaxErrors, memberPath);
                    break;
            }
        }

        if (errors.Count != before)
        {
            return null;
        }

        if (!wildcard && aws.IsEmpty && service.IsEmpty && federated.IsEmpty && canonical.IsEmpty)
        {
            errors.Malformed(PolicyMessages.NoPrincipals, path);
            return null;
        }

        return new PrincipalSet { IsWildcard = wildcard, Aws = aws, Service = service, Federated = federated, CanonicalUser = canonical };
    }

    private static ImmutableArray<string> ReadAws(ImmutableArray<(string Value, string Path)> entries, PolicyErrorList errors, ref bool wildcard)
    {
        var values = ImmutableArray.CreateBuilder<string>(entries.Length);
        foreach (var (value, path) in entries)
        {
            if (value == "*")
            {
                wildcard = true;
            }
            else if (AwsPrincipalSyntax.IsValid(value))
            {
                values.Add(value);
            }
            else
            {
                errors.Malformed(PolicyMessages.InvalidPrincipal("AWS", value), path);
            }
        }

        return values.ToImmutable();
    }

    private static ImmutableArray<string> ReadNamed(ImmutableArray<(string Value, string Path)> entries, string type, PolicyErrorList errors)
    {
        var values = ImmutableArray.CreateBuilder<string>(entries.Length);
        foreach (var (value, path) in entries)
        {
            // Service, federated and canonical-user principals are exact names: no wildcards, no blanks.
            if (value.Length == 0 || value.AsSpan().IndexOfAny("*? \t\r\n") >= 0)
            {
                errors.Malformed(PolicyMessages.InvalidPrincipal(type, value), path);
            }
            else
            {
                values.Add(value);
            }
        }

        return values.ToImmutable();
    }
}
