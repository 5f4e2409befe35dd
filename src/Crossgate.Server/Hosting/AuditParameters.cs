using System.Buffers;
using System.Text.Json;
using Crossgate.Server.Protocols.Query;

namespace Crossgate.Server.Hosting;

/// <summary>
/// A request's parameters as CloudTrail's <c>requestParameters</c> shows them: a JSON object with camelCase names,
/// with secrets (passwords, MFA codes, keys, tokens, assertions) left out and personal data AWS marks sensitive
/// (e-mail addresses, account names) hidden. Policy documents stay, as in CloudTrail.
/// </summary>
public static class AuditParameters
{
    public const string Hidden = "HIDDEN_DUE_TO_SECURITY_REASONS";

    /// <summary>CloudTrail's limit for <c>requestParameters</c> (100 KB): larger parameters are left out of the event.</summary>
    public const int MaxBytes = 100 * 1024;

    private static readonly HashSet<string> Secrets = new(StringComparer.OrdinalIgnoreCase)
    {
        "Password", "NewPassword", "OldPassword", "TokenCode", "AuthenticationCode1", "AuthenticationCode2",
        "SecretAccessKey", "SessionToken", "SAMLAssertion", "WebIdentityToken", "PrivateKey", "Base32StringSeed",
        "QRCodePNG", "ClientSecret",
    };

    private static readonly HashSet<string> Sensitive = new(StringComparer.OrdinalIgnoreCase)
    {
        "Email", "AccountName",
    };

    /// <summary>Query parameters (IAM, STS) without <c>Action</c> and <c>Version</c>; null when none remain or when
    /// they exceed <see cref="MaxBytes"/>.</summary>
    public static string? FromQuery(QueryParameters parameters)
    {
        var size = 0L;
        foreach (var name in parameters.Names) size += name.Length + (parameters.Get(name)?.Length ?? 0);
        if (size > MaxBytes) return null;

        var buffer = new ArrayBufferWriter<byte>(256);
        var written = 0;
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var name in parameters.Names.Order(StringComparer.Ordinal))
            {
                if (name is "Action" or "Version")
                {
                    continue;
                }

                // "Tags.member.1.Key" is judged by its last segment.
                var leaf = name[(name.LastIndexOf('.') + 1)..];
                if (Secrets.Contains(leaf))
                {
                    continue;
                }

                json.WriteString(CamelCase(name), Sensitive.Contains(leaf) ? Hidden : parameters.Get(name));
                written++;
            }

            json.WriteEndObject();
        }

        return written == 0 || buffer.WrittenCount > MaxBytes ? null : System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A JSON 1.1 body; null when empty, <c>{}</c>, not JSON or larger than <see cref="MaxBytes"/>.</summary>
    public static string? FromJson(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty || body.Length > MaxBytes)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.EnumerateObject().Any())
            {
                return null;
            }

            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream))
            {
                WriteRedacted(json, document.RootElement);
            }

            return stream.Length > MaxBytes ? null : System.Text.Encoding.UTF8.GetString(stream.ToArray());
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void WriteRedacted(Utf8JsonWriter json, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                json.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    if (Secrets.Contains(property.Name))
                    {
                        continue;
                    }

                    json.WritePropertyName(CamelCase(property.Name));
                    if (Sensitive.Contains(property.Name))
                    {
                        json.WriteStringValue(Hidden);
                    }
                    else
                    {
                        WriteRedacted(json, property.Value);
                    }
                }

                json.WriteEndObject();
                break;
            case JsonValueKind.Array:
                json.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteRedacted(json, item);
                }

                json.WriteEndArray();
                break;
            default:
                element.WriteTo(json);
                break;
        }
    }

    private static string CamelCase(string name) =>
        name.Length == 0 || char.IsLower(name[0]) ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
