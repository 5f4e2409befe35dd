using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;

namespace Crossgate.Platform.Aws;

/// <summary>Calls an AWS Query-protocol service (IAM) and returns the <c>…Result</c> element of the response, or
/// throws <see cref="AwsCallException"/> with the service's error code.</summary>
public sealed class QueryClient(HttpClient http, AwsTarget target, AwsCredentialSet credentials, string service, string version)
{
    public async Task<XElement> CallAsync(string action, IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken cancellation)
    {
        var form = new List<KeyValuePair<string, string>> { new("Action", action), new("Version", version) };
        form.AddRange(parameters);
        var body = Encoding.UTF8.GetBytes(string.Join("&", form.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}")));
        using var request = new HttpRequestMessage(HttpMethod.Post, target.UrlFor(service)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded") { CharSet = "utf-8" };
        RequestSigner.Sign(request, body, credentials, target.SigningRegionFor(service), service, DateTimeOffset.UtcNow);

        using var response = await http.SendAsync(request, cancellation).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false);
        XElement root;
        try
        {
            root = XElement.Parse(text);
        }
        catch (System.Xml.XmlException)
        {
            throw new AwsCallException("InvalidResponse", $"{service} answered {(int)response.StatusCode} with a body that is not XML.", (int)response.StatusCode);
        }

        if (!response.IsSuccessStatusCode || root.Name.LocalName == "ErrorResponse")
        {
            var error = root.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
            throw new AwsCallException(
                Child(error, "Code") ?? "UnknownError",
                Child(error, "Message") ?? string.Empty,
                (int)response.StatusCode);
        }

        return root.Elements().FirstOrDefault(e => e.Name.LocalName == action + "Result") ?? root;
    }

    public static string? Child(XElement? element, string name) =>
        element?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
}
