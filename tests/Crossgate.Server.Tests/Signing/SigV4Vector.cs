using System.Globalization;
using System.Text;
using System.Text.Json;
using Crossgate.Server.Signing;

namespace Crossgate.Server.Tests.Signing;

/// <summary>One request signed by botocore (see Vectors/generate_sigv4_vectors.py), pinned in sigv4-vectors.json.</summary>
public sealed record SigV4Vector(
    string Name, string AccessKeyId, string SecretAccessKey, string? SessionToken, string Service, string Region,
    string Now, string Method, string Target, string[][] Headers, string Body, string CanonicalRequest)
{
    public override string ToString() => Name;

    public DateTimeOffset NowTime => DateTimeOffset.ParseExact(Now, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
        DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public SigV4Request ToRequest(string? body = null, Func<string, string, string>? mapHeader = null)
    {
        var (path, query) = SigV4Request.SplitTarget(Target);
        var headers = new RequestHeaders();
        foreach (var pair in Headers) headers.Add(pair[0], mapHeader is null ? pair[1] : mapHeader(pair[0], pair[1]));
        return new SigV4Request
        {
            Method = Method,
            RawPath = path,
            RawQuery = query,
            Headers = headers,
            Body = Encoding.UTF8.GetBytes(body ?? Body),
        };
    }

    private static readonly Lazy<IReadOnlyList<SigV4Vector>> Loaded = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Signing", "Vectors", "sigv4-vectors.json");
        return JsonSerializer.Deserialize<List<SigV4Vector>>(File.ReadAllText(path),
            new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    });

    public static IReadOnlyList<SigV4Vector> All => Loaded.Value;

    public static SigV4Vector Named(string name) => All.Single(v => v.Name == name);

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var v in All) data.Add(v.Name);
        return data;
    }
}
