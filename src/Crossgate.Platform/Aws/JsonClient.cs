using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Crossgate.Platform.Aws;

/// <summary>Calls an AWS JSON 1.1 service (Organizations): <c>X-Amz-Target: prefix.Operation</c>, JSON in and out,
/// errors as <c>__type</c> and <c>message</c>.</summary>
public sealed class JsonClient(HttpClient http, AwsTarget target, AwsCredentialSet credentials, string service, string targetPrefix)
{
    public async Task<JsonNode?> CallAsync(string operation, JsonObject input, CancellationToken cancellation)
    {
        var body = Encoding.UTF8.GetBytes(input.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, target.UrlFor(service)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", $"{targetPrefix}.{operation}");
        RequestSigner.Sign(request, body, credentials, target.SigningRegionFor(service), service, DateTimeOffset.UtcNow);

        using var response = await http.SendAsync(request, cancellation).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false);
        JsonNode? json;
        try
        {
            json = string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            throw new AwsCallException("InvalidResponse", $"{service} answered {(int)response.StatusCode} with a body that is not JSON.", (int)response.StatusCode);
        }

        if (!response.IsSuccessStatusCode)
        {
            var type = json?["__type"]?.GetValue<string>() ?? "UnknownError";
            var hash = type.LastIndexOf('#');
            var message = json?["message"]?.GetValue<string>() ?? json?["Message"]?.GetValue<string>() ?? string.Empty;
            throw new AwsCallException(hash >= 0 ? type[(hash + 1)..] : type, message, (int)response.StatusCode);
        }

        return json;
    }
}
