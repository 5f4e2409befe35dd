using System.Text.Json;

namespace Crossgate.Directory.Import;

/// <summary>Policy documents as AWS clients write them: the raw API's URL-encoded string, a JSON string already
/// decoded, or (AWS CLI, boto3) a JSON object.</summary>
public static class PolicyDocumentText
{
    /// <summary>The document as JSON text, or null with the reason.</summary>
    public static string? Read(JsonElement element, out string? problem)
    {
        problem = null;
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                return element.GetRawText();
            case JsonValueKind.String:
                var text = element.GetString()!;
                var trimmed = text.TrimStart();
                if (trimmed.StartsWith('{'))
                {
                    return text;
                }

                try
                {
                    var decoded = Uri.UnescapeDataString(text.Replace('+', ' '));
                    if (decoded.TrimStart().StartsWith('{'))
                    {
                        return decoded;
                    }
                }
                catch (UriFormatException)
                {
                }

                problem = "the policy document is neither JSON nor URL-encoded JSON";
                return null;
            default:
                problem = $"the policy document is a JSON {element.ValueKind}, expected an object or a string";
                return null;
        }
    }

    /// <summary>RFC 3986 encoding as IAM's API returns documents.</summary>
    public static string UrlEncode(string json) => Uri.EscapeDataString(json);
}
