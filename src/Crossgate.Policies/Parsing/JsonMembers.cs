using System.Collections.Immutable;
using System.Text.Json;

namespace Crossgate.Policies.Parsing;

/// <summary>Reads the members of a JSON object, refusing duplicate names as AWS does
/// (System.Text.Json keeps duplicates silently).</summary>
internal static class JsonMembers
{
    public static ImmutableArray<JsonProperty> Read(JsonElement obj, string path, PolicyErrorList errors)
    {
        var members = ImmutableArray.CreateBuilder<JsonProperty>();
        HashSet<string>? seen = null;
        foreach (var property in obj.EnumerateObject())
        {
            seen ??= new HashSet<string>(StringComparer.Ordinal);
            if (!seen.Add(property.Name))
            {
                errors.Malformed(PolicyMessages.SyntaxErrors, JsonPath.Property(path, property.Name));
                continue;
            }

            members.Add(property);
        }

        return members.ToImmutable();
    }
}
