using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Crossgate.Directory.Tests.Import;

/// <summary>Generates realistic <c>aws iam get-account-authorization-details</c> outputs, following AWS's documented
/// response shape: users in groups with inline and attached policies, roles with trust policies (service, same-account,
/// cross-account with external ids), instance profiles, boundaries and tags, and customer managed policies with
/// several versions. Documents are written as JSON objects (AWS CLI) or URL-encoded strings (raw API), alternately.</summary>
public static class AuthorizationDetailsFixture
{
    private static readonly string[] Services = ["s3", "ec2", "dynamodb", "sqs", "sns", "kms", "logs", "lambda", "ssm", "cloudwatch"];
    private static readonly string[] AwsManaged =
    [
        "arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
        "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", "arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess",
    ];

    public sealed record Shape(int Users = 40, int Groups = 12, int Roles = 300, int Policies = 30, int GroupsPerUser = 3);

    public static string Generate(string accountId, Shape? shape = null, int seed = 1, string? trustedAccount = null)
    {
        shape ??= new Shape();
        var random = new Random(seed);
        var created = new DateTimeOffset(2021, 3, 4, 5, 6, 7, TimeSpan.Zero);
        var urlEncode = false;
        JsonNode Doc(string json)
        {
            urlEncode = !urlEncode;
            return urlEncode ? JsonValue.Create(Uri.EscapeDataString(json))! : JsonNode.Parse(json)!;
        }

        string Allow(params string[] actions) =>
            $$"""{"Version":"2012-10-17","Statement":[{"Sid":"S{{random.Next(1000)}}","Effect":"Allow","Action":[{{string.Join(",", actions.Select(a => $"\"{a}\""))}}],"Resource":"*"}]}""";
        string RandomAllow() => Allow(Enumerable.Range(0, 1 + random.Next(4)).Select(_ => $"{Services[random.Next(Services.Length)]}:Get*").Distinct().ToArray());
        string Date(int days) => created.AddDays(days).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        // Unique per account and kind: prefix + kind letter + 11 digits of the account + 5 of the index = 21.
        string Id(string prefix, string kind, int i) => $"{prefix}{kind.ToUpperInvariant()}{accountId[1..]}{i:D5}";

        var customer = Enumerable.Range(0, shape.Policies).Select(i => $"arn:aws:iam::{accountId}:policy/{(i % 3 == 0 ? "team/" : string.Empty)}Custom{i}").ToList();
        JsonArray Attached(int count)
        {
            var array = new JsonArray();
            foreach (var arn in Enumerable.Range(0, count).Select(_ => random.Next(3) == 0 ? AwsManaged[random.Next(AwsManaged.Length)] : customer[random.Next(customer.Count)]).Distinct())
            {
                array.Add(new JsonObject { ["PolicyName"] = arn[(arn.LastIndexOf('/') + 1)..], ["PolicyArn"] = arn });
            }

            return array;
        }

        JsonArray Inline(string prefix, int count)
        {
            var array = new JsonArray();
            for (var i = 0; i < count; i++)
            {
                array.Add(new JsonObject { ["PolicyName"] = $"{prefix}-inline-{i}", ["PolicyDocument"] = Doc(RandomAllow()) });
            }

            return array;
        }

        JsonArray Tags(int count) => new(Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject { ["Key"] = $"tag{i}", ["Value"] = $"value {random.Next(100)}" }).ToArray());

        var groupNames = Enumerable.Range(0, shape.Groups).Select(i => $"group-{i:D3}").ToList();
        var users = new JsonArray();
        for (var i = 0; i < shape.Users; i++)
        {
            var path = i % 4 == 0 ? "/engineering/" : "/";
            var user = new JsonObject
            {
                ["Path"] = path, ["UserName"] = $"user.{i:D4}@example", ["UserId"] = Id("AIDA", "u", i),
                ["Arn"] = $"arn:aws:iam::{accountId}:user{path}user.{i:D4}@example", ["CreateDate"] = Date(i),
                ["UserPolicyList"] = Inline($"user{i}", i % 3), ["GroupList"] = new JsonArray(groupNames.OrderBy(_ => random.Next()).Take(shape.GroupsPerUser).Select(g => (JsonNode)g!).ToArray()),
                ["AttachedManagedPolicies"] = Attached(random.Next(3)), ["Tags"] = Tags(i % 3),
            };
            if (i % 10 == 0)
            {
                user["PermissionsBoundary"] = new JsonObject { ["PermissionsBoundaryType"] = "Policy", ["PermissionsBoundaryArn"] = customer[0] };
            }

            users.Add(user);
        }

        var groups = new JsonArray();
        for (var i = 0; i < shape.Groups; i++)
        {
            groups.Add(new JsonObject
            {
                ["Path"] = "/", ["GroupName"] = groupNames[i], ["GroupId"] = Id("AGPA", "g", i), ["Arn"] = $"arn:aws:iam::{accountId}:group/{groupNames[i]}",
                ["CreateDate"] = Date(i), ["GroupPolicyList"] = Inline($"group{i}", 1 + (i % 2)), ["AttachedManagedPolicies"] = Attached(1 + random.Next(3)),
            });
        }

        var roles = new JsonArray();
        for (var i = 0; i < shape.Roles; i++)
        {
            var path = (i % 5) switch { 0 => "/service-role/", 1 => "/platform/", _ => "/" };
            var name = $"role-{i:D4}";
            var trust = (i % 3) switch
            {
                0 => """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""",
                1 => $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{accountId}}:root"},"Action":"sts:AssumeRole"}]}""",
                _ => $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{trustedAccount ?? accountId}}:role/PlatformRole"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"ext-{{i}}"}""" + "}}]}",
            };
            var role = new JsonObject
            {
                ["Path"] = path, ["RoleName"] = name, ["RoleId"] = Id("AROA", "r", i), ["Arn"] = $"arn:aws:iam::{accountId}:role{path}{name}",
                ["CreateDate"] = Date(i), ["AssumeRolePolicyDocument"] = Doc(trust),
                ["InstanceProfileList"] = i % 7 == 0
                    ? new JsonArray(new JsonObject { ["Path"] = "/", ["InstanceProfileName"] = name, ["InstanceProfileId"] = Id("AIPA", "p", i), ["Arn"] = $"arn:aws:iam::{accountId}:instance-profile/{name}", ["CreateDate"] = Date(i), ["Roles"] = new JsonArray() })
                    : new JsonArray(),
                ["RolePolicyList"] = Inline(name, i % 3), ["AttachedManagedPolicies"] = Attached(random.Next(4)), ["Tags"] = Tags(i % 4),
                ["RoleLastUsed"] = i % 2 == 0 ? new JsonObject { ["LastUsedDate"] = Date(i + 100), ["Region"] = "eu-west-1" } : new JsonObject(),
            };
            if (i % 9 == 0)
            {
                role["PermissionsBoundary"] = new JsonObject { ["PermissionsBoundaryType"] = "Policy", ["PermissionsBoundaryArn"] = customer[1 % customer.Count] };
            }

            roles.Add(role);
        }

        var policies = new JsonArray();
        for (var i = 0; i < customer.Count; i++)
        {
            var arn = customer[i];
            var versions = new JsonArray();
            var count = 1 + (i % 5);
            for (var v = 1; v <= count; v++)
            {
                versions.Add(new JsonObject { ["Document"] = Doc(RandomAllow()), ["VersionId"] = $"v{v}", ["IsDefaultVersion"] = v == count, ["CreateDate"] = Date(i + v) });
            }

            policies.Add(new JsonObject
            {
                ["PolicyName"] = arn[(arn.LastIndexOf('/') + 1)..], ["PolicyId"] = Id("ANPA", "p", i), ["Arn"] = arn, ["Path"] = i % 3 == 0 ? "/team/" : "/",
                ["DefaultVersionId"] = $"v{count}", ["AttachmentCount"] = 0, ["PermissionsBoundaryUsageCount"] = 0, ["IsAttachable"] = true,
                ["CreateDate"] = Date(i), ["UpdateDate"] = Date(i + count), ["PolicyVersionList"] = versions,
            });
        }

        // get-account-authorization-details also lists the AWS managed policies attached in the account.
        var i2 = 0;
        foreach (var arn in AwsManaged)
        {
            var aws = Crossgate.Directory.ManagedPolicies.AwsManagedPolicies.Find(arn)!;
            var version = aws.DefaultVersion!;
            policies.Add(new JsonObject
            {
                ["PolicyName"] = aws.PolicyName, ["PolicyId"] = aws.PolicyId, ["Arn"] = arn, ["Path"] = aws.Path,
                ["DefaultVersionId"] = version.VersionId, ["AttachmentCount"] = 1, ["PermissionsBoundaryUsageCount"] = 0, ["IsAttachable"] = true,
                ["CreateDate"] = Date(-1000 + i2++), ["UpdateDate"] = Date(-10),
                ["PolicyVersionList"] = new JsonArray(new JsonObject { ["Document"] = Doc(version.Document), ["VersionId"] = version.VersionId, ["IsDefaultVersion"] = true, ["CreateDate"] = Date(-10) }),
            });
        }

        var root = new JsonObject { ["UserDetailList"] = users, ["GroupDetailList"] = groups, ["RoleDetailList"] = roles, ["Policies"] = policies, ["IsTruncated"] = false };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    public static ReadOnlyMemory<byte> Bytes(string json) => Encoding.UTF8.GetBytes(json);
}
