using System.Globalization;
using System.Text.Json;
using Crossgate.Directory.Import;
using Crossgate.Directory.ManagedPolicies;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;

namespace Crossgate.Directory.Export;

/// <summary>Writes one account in the shape of <c>aws iam get-account-authorization-details</c> (as the AWS CLI
/// prints it): users, groups, roles, and the managed policies that are customer managed in the account or AWS
/// managed and attached there. Roles also carry <c>Description</c> and <c>MaxSessionDuration</c>, which the real
/// output lacks, so that an export re-imports without loss.</summary>
public static class AuthorizationDetailsExporter
{
    public static async Task<string> ExportAsync(IDirectoryStore store, string accountId, ExportOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await WriteAsync(store, accountId, buffer, options, cancellationToken).ConfigureAwait(false);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static async Task WriteAsync(IDirectoryStore store, string accountId, Stream output, ExportOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ExportOptions();
        var users = (await store.ListAllAsync(EntityKinds.Users, accountId, cancellationToken).ConfigureAwait(false)).Select(v => v.Value).ToList();
        var groups = (await store.ListAllAsync(EntityKinds.Groups, accountId, cancellationToken).ConfigureAwait(false)).Select(v => v.Value).ToList();
        var roles = (await store.ListAllAsync(EntityKinds.Roles, accountId, cancellationToken).ConfigureAwait(false)).Select(v => v.Value).ToList();
        var policies = (await store.ListAllAsync(EntityKinds.ManagedPolicies, accountId, cancellationToken).ConfigureAwait(false)).Select(v => v.Value).ToList();

        var usage = new Dictionary<string, (int Attachments, int Boundaries)>(StringComparer.Ordinal);
        void Count(IEnumerable<AttachedPolicy> attached, string? boundary)
        {
            foreach (var a in attached)
            {
                var u = usage.GetValueOrDefault(a.PolicyArn);
                usage[a.PolicyArn] = (u.Attachments + 1, u.Boundaries);
            }

            if (boundary is not null)
            {
                var u = usage.GetValueOrDefault(boundary);
                usage[boundary] = (u.Attachments, u.Boundaries + 1);
            }
        }

        users.ForEach(u => Count(u.AttachedPolicies, u.PermissionsBoundaryArn));
        groups.ForEach(g => Count(g.AttachedPolicies, null));
        roles.ForEach(r => Count(r.AttachedPolicies, r.PermissionsBoundaryArn));
        foreach (var arn in usage.Keys.Where(AwsManagedPolicies.IsAwsManagedArn).Order(StringComparer.Ordinal))
        {
            var imported = await store.GetManagedPolicyByArnAsync(arn, cancellationToken).ConfigureAwait(false);
            if ((imported?.Value ?? AwsManagedPolicies.Find(arn)) is { } aws)
            {
                policies.Add(aws);
            }
        }

        await using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = options.Indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
        writer.WriteStartArray("UserDetailList");
        foreach (var user in users)
        {
            writer.WriteStartObject();
            writer.WriteString("Path", user.Path);
            writer.WriteString("UserName", user.UserName);
            writer.WriteString("UserId", user.UserId);
            writer.WriteString("Arn", user.Arn);
            writer.WriteString("CreateDate", Date(user.CreateDate));
            WriteInline(writer, "UserPolicyList", user.InlinePolicies, options);
            writer.WriteStartArray("GroupList");
            user.Groups.ToList().ForEach(writer.WriteStringValue);
            writer.WriteEndArray();
            WriteAttached(writer, user.AttachedPolicies);
            WriteBoundary(writer, user.PermissionsBoundaryArn);
            WriteTags(writer, user.Tags);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("GroupDetailList");
        foreach (var group in groups)
        {
            writer.WriteStartObject();
            writer.WriteString("Path", group.Path);
            writer.WriteString("GroupName", group.GroupName);
            writer.WriteString("GroupId", group.GroupId);
            writer.WriteString("Arn", group.Arn);
            writer.WriteString("CreateDate", Date(group.CreateDate));
            WriteInline(writer, "GroupPolicyList", group.InlinePolicies, options);
            WriteAttached(writer, group.AttachedPolicies);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("RoleDetailList");
        foreach (var role in roles)
        {
            writer.WriteStartObject();
            writer.WriteString("Path", role.Path);
            writer.WriteString("RoleName", role.RoleName);
            writer.WriteString("RoleId", role.RoleId);
            writer.WriteString("Arn", role.Arn);
            writer.WriteString("CreateDate", Date(role.CreateDate));
            WriteDocument(writer, "AssumeRolePolicyDocument", role.AssumeRolePolicyDocument, options);
            if (role.Description is not null)
            {
                writer.WriteString("Description", role.Description);
            }

            writer.WriteNumber("MaxSessionDuration", role.MaxSessionDuration);
            writer.WriteStartArray("InstanceProfileList");
            foreach (var profile in role.InstanceProfiles)
            {
                writer.WriteStartObject();
                writer.WriteString("Path", profile.Path);
                writer.WriteString("InstanceProfileName", profile.InstanceProfileName);
                writer.WriteString("InstanceProfileId", profile.InstanceProfileId);
                writer.WriteString("Arn", profile.Arn);
                writer.WriteString("CreateDate", Date(profile.CreateDate));
                writer.WriteStartArray("Roles");
                writer.WriteEndArray();
                WriteTags(writer, profile.Tags);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            WriteInline(writer, "RolePolicyList", role.InlinePolicies, options);
            WriteAttached(writer, role.AttachedPolicies);
            WriteBoundary(writer, role.PermissionsBoundaryArn);
            WriteTags(writer, role.Tags);
            writer.WriteStartObject("RoleLastUsed");
            if (role.LastUsedDate is { } used)
            {
                writer.WriteString("LastUsedDate", Date(used));
            }

            if (role.LastUsedRegion is not null)
            {
                writer.WriteString("Region", role.LastUsedRegion);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("Policies");
        foreach (var policy in policies)
        {
            var (attachments, boundaries) = usage.GetValueOrDefault(policy.Arn);
            writer.WriteStartObject();
            writer.WriteString("PolicyName", policy.PolicyName);
            writer.WriteString("PolicyId", policy.PolicyId);
            writer.WriteString("Arn", policy.Arn);
            writer.WriteString("Path", policy.Path);
            writer.WriteString("DefaultVersionId", policy.DefaultVersionId);
            writer.WriteNumber("AttachmentCount", attachments);
            writer.WriteNumber("PermissionsBoundaryUsageCount", boundaries);
            writer.WriteBoolean("IsAttachable", policy.IsAttachable);
            if (policy.Description is not null)
            {
                writer.WriteString("Description", policy.Description);
            }

            writer.WriteString("CreateDate", Date(policy.CreateDate));
            writer.WriteString("UpdateDate", Date(policy.UpdateDate));
            writer.WriteStartArray("PolicyVersionList");
            foreach (var version in policy.Versions)
            {
                writer.WriteStartObject();
                WriteDocument(writer, "Document", version.Document, options);
                writer.WriteString("VersionId", version.VersionId);
                writer.WriteBoolean("IsDefaultVersion", version.IsDefaultVersion);
                writer.WriteString("CreateDate", Date(version.CreateDate));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            if (policy.Tags.Count > 0)
            {
                WriteTags(writer, policy.Tags);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteBoolean("IsTruncated", false);
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>ISO 8601 as the AWS CLI prints dates, with fractions only when there are any.</summary>
    private static string Date(DateTimeOffset date) => date.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    private static void WriteDocument(Utf8JsonWriter writer, string name, string document, ExportOptions options)
    {
        writer.WritePropertyName(name);
        if (options.UrlEncodedDocuments || !IsJsonObject(document))
        {
            writer.WriteStringValue(options.UrlEncodedDocuments ? PolicyDocumentText.UrlEncode(document) : document);
        }
        else
        {
            writer.WriteRawValue(document, skipInputValidation: true);
        }
    }

    private static bool IsJsonObject(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void WriteInline(Utf8JsonWriter writer, string name, IReadOnlyList<InlinePolicy> policies, ExportOptions options)
    {
        writer.WriteStartArray(name);
        foreach (var policy in policies)
        {
            writer.WriteStartObject();
            writer.WriteString("PolicyName", policy.PolicyName);
            WriteDocument(writer, "PolicyDocument", policy.Document, options);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteAttached(Utf8JsonWriter writer, IReadOnlyList<AttachedPolicy> attached)
    {
        writer.WriteStartArray("AttachedManagedPolicies");
        foreach (var policy in attached)
        {
            writer.WriteStartObject();
            writer.WriteString("PolicyName", policy.PolicyName);
            writer.WriteString("PolicyArn", policy.PolicyArn);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteBoundary(Utf8JsonWriter writer, string? boundaryArn)
    {
        if (boundaryArn is null)
        {
            return;
        }

        writer.WriteStartObject("PermissionsBoundary");
        writer.WriteString("PermissionsBoundaryType", "Policy");
        writer.WriteString("PermissionsBoundaryArn", boundaryArn);
        writer.WriteEndObject();
    }

    private static void WriteTags(Utf8JsonWriter writer, IReadOnlyList<Tag> tags)
    {
        writer.WriteStartArray("Tags");
        foreach (var tag in tags)
        {
            writer.WriteStartObject();
            writer.WriteString("Key", tag.Key);
            writer.WriteString("Value", tag.Value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}

/// <summary>How an export writes: indented (as the CLI prints) and documents as JSON objects (CLI, boto3) or as the
/// raw API's URL-encoded strings.</summary>
public sealed record ExportOptions
{
    public bool Indented { get; init; } = true;

    public bool UrlEncodedDocuments { get; init; }
}
