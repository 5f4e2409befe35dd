using Crossgate.Tests.Shared;
using System.Collections.Immutable;
using System.Text;
using Crossgate.Policies;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Authorization.Tests.Logic;

/// <summary>The statement index must not change a single answer: generated large policy sets (identity policies,
/// boundaries, trust policies with many principals) are decided with their indexes and with every statement
/// visited (<see cref="CompiledPolicy.WithoutIndex"/>), and the decisions, layers, matched statements (in order)
/// and missing context keys must be equal.</summary>
public sealed class StatementIndexDifferentialTests
{
    private static readonly string[] Accounts = ["111111111111", "222222222222", "333333333333"];
    private static readonly string[] Services = ["s3", "S3", "ec2", "iam", "sts", "kms", "lambda"];
    private static readonly string[] Names = ["GetObject", "PutObject", "DescribeInstances", "AssumeRole", "TagRole", "Decrypt", "InvokeFunction", "ListBucket"];

    [Fact]
    public void Indexed_decisions_equal_full_scans_over_generated_policy_sets()
    {
        var indexedPolicies = 0;
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var (indexed, fullScan) = PolicySets(random);
            indexedPolicies += indexed.IdentityPolicies.Count(p => p.Index is not null) + (indexed.ResourcePolicy?.Index is not null ? 1 : 0);
            for (var r = 0; r < 40; r++)
            {
                var request = Request(random);
                var expected = Authorizer.Authorize(request, fullScan);
                var actual = Authorizer.Authorize(request, indexed);
                var what = $"seed {seed}, request {r}: {request.Principal.Arn} {request.Action} {request.Resource}";
                Assert.True(expected.Outcome == actual.Outcome, what);
                Assert.True(expected.DecidingLayer == actual.DecidingLayer && expected.Rule == actual.Rule, what);
                Assert.True(expected.Layers.SequenceEqual(actual.Layers), what);
                Assert.True(expected.MatchedStatements.SequenceEqual(actual.MatchedStatements), what);
                Assert.True(expected.MissingContextKeys.SequenceEqual(actual.MissingContextKeys), what);
                Assert.Equal(Authorizer.Decide(request, fullScan), Authorizer.Decide(request, indexed));
            }
        }

        // The generator must exercise the index, not only small policies that are scanned anyway.
        Assert.True(indexedPolicies > 300, $"only {indexedPolicies} indexed policies");
    }

    [Fact]
    public void Deciding_with_indexed_policies_allocates_nothing()
    {
        var random = new Random(7);
        var trust = Compile(Policy(random, 30, resourceSide: true, trust: true), PolicyKind.Trust, "trust");
        var identity = Compile(Policy(random, 40, resourceSide: false), PolicyKind.Identity, "identity");
        Assert.NotNull(trust.Index);
        Assert.NotNull(identity.Index);
        var policies = new PolicySet { ResourcePolicy = trust, IdentityPolicies = [identity] };
        Assert.True(PrincipalArnReader.TryRead("arn:aws:iam::111111111111:user/u1", out var principal, out _));
        var request = new AuthorizationRequest { Principal = principal!, Action = "s3:GetObject", Resource = "arn:aws:s3:::bucket-1/reports/2026/q1.csv" };
        Assert.Equal(0, Allocations.FewestBytes(() => Authorizer.Decide(request, policies)));
    }

    private static (PolicySet Indexed, PolicySet FullScan) PolicySets(Random random)
    {
        var identity = ImmutableArray.CreateBuilder<CompiledPolicy>();
        for (var p = random.Next(1, 5); p > 0; p--)
        {
            identity.Add(Compile(Policy(random, random.Next(1, 40), resourceSide: false), PolicyKind.Identity, "identity-" + p));
        }

        var boundary = random.Next(3) == 0 ? Compile(Policy(random, random.Next(1, 30), resourceSide: false), PolicyKind.Identity, "boundary") : null;
        var trustKind = random.Next(2) == 0 ? PolicyKind.Trust : PolicyKind.Resource;
        var trust = random.Next(4) == 0 ? null : Compile(Policy(random, random.Next(1, 40), resourceSide: true, trustKind == PolicyKind.Trust), trustKind, "resource");
        var indexed = new PolicySet { IdentityPolicies = identity.ToImmutable(), PermissionsBoundary = boundary, ResourcePolicy = trust };
        var fullScan = new PolicySet
        {
            IdentityPolicies = [.. identity.Select(p => p.WithoutIndex())],
            PermissionsBoundary = boundary?.WithoutIndex(),
            ResourcePolicy = trust?.WithoutIndex(),
        };
        return (indexed, fullScan);
    }

    private static string Policy(Random random, int statements, bool resourceSide, bool trust = false)
    {
        var text = new StringBuilder("""{"Version":"2012-10-17","Statement":[""");
        for (var s = 0; s < statements; s++)
        {
            var deny = random.Next(5) == 0;
            text.Append(s == 0 ? "{" : ",{").Append($"\"Sid\":\"S{s}\",\"Effect\":\"{(deny ? "Deny" : "Allow")}\"");
            if (resourceSide)
            {
                var principal = Principal(random);
                var not = !trust && deny && random.Next(3) == 0 && !principal.Contains("\"*\"");
                text.Append(not ? ",\"NotPrincipal\":" : ",\"Principal\":").Append(principal);
            }

            text.Append(!trust && random.Next(10) == 0 ? ",\"NotAction\":" : ",\"Action\":").Append(List(random, trust ? TrustAction : Action));
            if (!trust)
            {
                text.Append(random.Next(10) == 0 ? ",\"NotResource\":" : ",\"Resource\":").Append(List(random, Resource));
            }

            if (random.Next(4) == 0)
            {
                text.Append(random.Next(2) == 0
                    ? ""","Condition":{"StringEquals":{"aws:PrincipalTag/team":"blue"}}"""
                    : ""","Condition":{"StringLike":{"sts:ExternalId":"abc*"}}""");
            }

            text.Append('}');
        }

        return text.Append("]}").ToString();
    }

    private static string List(Random random, Func<Random, string> item)
    {
        var count = random.Next(1, 4);
        var items = new string[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = "\"" + item(random) + "\"";
        }

        return "[" + string.Join(",", items) + "]";
    }

    private static string Action(Random random) => random.Next(14) switch
    {
        0 => "*",
        1 => Pick(random, Services) + ":*",
        2 => Pick(random, Services) + ":Get*",
        3 => "s3:?etObject",
        4 => "*:GetObject",
        5 => Pick(random, Services).ToLowerInvariant() + ":" + Pick(random, Names).ToUpperInvariant(),
        _ => Pick(random, Services) + ":" + Pick(random, Names),
    };

    private static string TrustAction(Random random) =>
        Pick(random, ["sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity", "sts:TagSession", "sts:*"]);

    private static string Resource(Random random) => random.Next(12) switch
    {
        0 => "*",
        1 => "arn:aws:s3:::bucket-" + random.Next(3) + "/*",
        2 => "arn:aws:s3:::bucket-" + random.Next(3) + "/reports/${aws:username}/*",
        3 => "arn:aws:s3:::Bucket-" + random.Next(3) + "/*",
        4 => "arn:aws:iam::" + Pick(random, Accounts) + ":role/*",
        5 => "arn:aws:iam::*:role/Role" + random.Next(3),
        6 => "arn:aws:iam::" + Pick(random, Accounts) + ":role/Role" + random.Next(3),
        7 => "arn:aws:s3:::bucket-" + random.Next(3) + "/reports/2026/q" + random.Next(1, 5) + ".csv",
        8 => "arn:aws:ec2:us-east-1:" + Pick(random, Accounts) + ":instance/i-" + random.Next(3) + "*",
        9 => "arn:aws:s3:::*",
        10 => "arn:aws:s3:::bucket-1",
        _ => "arn:aws:kms:us-east-1:" + Pick(random, Accounts) + ":key/k" + random.Next(3),
    };

    private static string Principal(Random random) => random.Next(10) switch
    {
        0 => "\"*\"",
        1 => "{\"AWS\":\"*\"}",
        2 => "{\"Service\":[\"ec2.amazonaws.com\",\"Lambda.amazonaws.com\"]}",
        3 => "{\"AWS\":\"" + Pick(random, Accounts) + "\"}",
        4 => "{\"AWS\":\"arn:aws:iam::" + Pick(random, Accounts) + ":root\"}",
        5 => "{\"AWS\":[\"arn:aws:iam::" + Pick(random, Accounts) + ":role/Role" + random.Next(3) + "\",\"arn:aws:iam::" + Pick(random, Accounts) + ":user/u" + random.Next(3) + "\"]}",
        6 => "{\"AWS\":\"arn:aws:sts::" + Pick(random, Accounts) + ":assumed-role/Role" + random.Next(3) + "/s\"}",
        7 => "{\"Federated\":\"arn:aws:iam::111111111111:saml-provider/corp\"}",
        _ => "{\"AWS\":\"arn:aws:iam::" + Pick(random, Accounts) + ":user/u" + random.Next(3) + "\"}",
    };

    private static AuthorizationRequest Request(Random random)
    {
        var caller = random.Next(8) switch
        {
            0 => "arn:aws:iam::" + Pick(random, Accounts) + ":root",
            1 => "ec2.amazonaws.com",
            2 => "lambda.amazonaws.com",
            3 => "anonymous",
            4 => "arn:aws:sts::" + Pick(random, Accounts) + ":assumed-role/Role" + random.Next(3) + "/s",
            5 => "arn:aws:iam::" + Pick(random, Accounts) + ":role/Role" + random.Next(3),
            _ => "arn:aws:iam::" + Pick(random, Accounts) + ":user/u" + random.Next(3),
        };
        Assert.True(PrincipalArnReader.TryRead(caller, out var principal, out var error, "s"), error);
        var action = random.Next(5) == 0 ? Pick(random, ["sts:AssumeRole", "sts:AssumeRoleWithSAML", "STS:assumerole"])
            : random.Next(6) == 0
            ? Pick(random, Services).ToUpperInvariant() + ":" + Pick(random, Names).ToLowerInvariant()
            : Pick(random, Services) + ":" + Pick(random, Names);
        var resource = random.Next(9) switch
        {
            0 => "*",
            1 => "arn:aws:s3:::bucket-" + random.Next(3),
            2 => "arn:aws:s3:::bucket-" + random.Next(3) + "/reports/2026/q" + random.Next(1, 5) + ".csv",
            3 => "arn:aws:s3:::bucket-" + random.Next(3) + "/reports/u" + random.Next(3) + "/x",
            4 => "arn:aws:s3:::Bucket-" + random.Next(3) + "/a",
            5 => "arn:aws:ec2:us-east-1:" + Pick(random, Accounts) + ":instance/i-" + random.Next(3) + "abc",
            6 => "arn:aws:kms:us-east-1:" + Pick(random, Accounts) + ":key/k" + random.Next(3),
            _ => "arn:aws:iam::" + Pick(random, Accounts) + ":role/Role" + random.Next(3),
        };
        return new AuthorizationRequest
        {
            Principal = principal!,
            Action = action,
            Resource = resource,
            ExternalId = random.Next(2) == 0 ? "abcdef" : null,
            Time = DateTimeOffset.UnixEpoch,
        };
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static CompiledPolicy Compile(string json, PolicyKind kind, string name)
    {
        var parsed = PolicyParser.Parse(json, kind);
        Assert.True(parsed.Success, string.Join("; ", parsed.Errors) + " in " + json);
        return CompiledPolicy.Compile(parsed.Document, name);
    }
}
