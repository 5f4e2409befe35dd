using Crossgate.Analysis.Graph;
using static Crossgate.Analysis.Tests.TestStore;

namespace Crossgate.Analysis.Tests;

/// <summary>The build decides only the candidates its indexes find: principals a trust policy names (by account,
/// ARN or <c>*</c>), principals some identity statement allows the action at all, identity policies cut to the
/// statements of one action. None of that may drop an edge: on generated small organizations the indexed build
/// gives exactly the edges of the full scan, which puts every principal to the engine for every role and every
/// escalation action with whole policies.</summary>
public sealed class FullScanDifferentialTests
{
    private static readonly string[] Accounts = ["111111111111", "222222222222", "333333333333"];

    private static readonly string[] Actions =
    [
        "sts:AssumeRole", "sts:*", "*", "iam:*", "iam:CreateAccessKey", "iam:PassRole", "iam:PutUserPolicy", "iam:PutRolePolicy",
        "iam:UpdateAssumeRolePolicy", "iam:AttachRolePolicy", "lambda:CreateFunction", "lambda:InvokeFunction", "ec2:RunInstances", "s3:GetObject",
    ];

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 1; seed <= 24; seed++)
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task TheIndexedBuildHasTheEdgesOfTheFullScan(int seed)
    {
        await using var store = await CreateAsync();
        var random = new Random(seed);
        if (random.Next(2) == 0)
        {
            await store.OrganizationAsync(Accounts[0], Accounts[1]);
        }

        var names = new List<string>();
        foreach (var account in Accounts)
        {
            for (var u = 0; u < 3; u++)
            {
                names.Add($"arn:aws:iam::{account}:user/u{u}");
            }

            for (var r = 0; r < 4; r++)
            {
                names.Add($"arn:aws:iam::{account}:role/r{r}");
            }
        }

        foreach (var account in Accounts)
        {
            for (var u = 0; u < 3; u++)
            {
                await store.UserAsync(account, $"u{u}", IdentityPolicies(random, names));
            }

            for (var r = 0; r < 4; r++)
            {
                await store.RoleAsync(account, $"r{r}", TrustAccount(account), IdentityPolicies(random, names));
            }
        }

        // Trust policies may name any principal, so they are written once every principal exists (as IAM requires).
        foreach (var account in Accounts)
        {
            for (var r = 0; r < 4; r++)
            {
                (await store.Iam.UpdateAssumeRolePolicyAsync(account, $"r{r}", TrustPolicy(random, account, names))).GetValueOrThrow();
            }
        }

        var indexed = await store.GraphAsync();
        var full = await store.GraphAsync(new AnalysisOptions { FullScan = true });
        var (expected, actual) = (Describe(full), Describe(indexed));
        Assert.True(expected.SequenceEqual(actual),
            $"missing from the indexed build:\n{string.Join("\n", expected.Except(actual))}\nonly in the indexed build:\n{string.Join("\n", actual.Except(expected))}");
        Assert.NotEmpty(indexed.Edges);
    }

    private static string[] IdentityPolicies(Random random, List<string> names)
    {
        var count = random.Next(3);
        var policies = new string[count];
        for (var p = 0; p < count; p++)
        {
            var statements = new List<string>();
            for (var s = random.Next(1, 4); s > 0; s--)
            {
                var effect = random.Next(6) == 0 ? "Deny" : "Allow";
                var action = random.Next(8) == 0 ? $"\"NotAction\":\"{Pick(random, Actions)}\"" : $"\"Action\":\"{Pick(random, Actions)}\"";
                var resource = random.Next(4) switch
                {
                    0 => Pick(random, names),
                    1 => "arn:aws:iam::*:role/r*",
                    2 => $"arn:aws:iam::{Pick(random, Accounts)}:*",
                    _ => "*",
                };
                statements.Add($$"""{"Effect":"{{effect}}",{{action}},"Resource":"{{resource}}"}""");
            }

            policies[p] = $$"""{"Version":"2012-10-17","Statement":[{{string.Join(",", statements)}}]}""";
        }

        return policies;
    }

    private static string TrustPolicy(Random random, string account, List<string> names)
    {
        var statements = new List<string>();
        for (var s = random.Next(1, 3); s > 0; s--)
        {
            var principal = random.Next(7) switch
            {
                0 => "\"*\"",
                1 => $$"""{"AWS":"{{Pick(random, Accounts)}}"}""",
                2 => $$"""{"AWS":"arn:aws:iam::{{Pick(random, Accounts)}}:root"}""",
                3 => $$"""{"AWS":["{{Pick(random, names)}}","{{Pick(random, names)}}"]}""",
                4 => """{"AWS":"arn:aws:iam::444444444444:root"}""",
                5 => $$"""{"Service":"{{(random.Next(2) == 0 ? "lambda.amazonaws.com" : "ec2.amazonaws.com")}}"}""",
                _ => $$"""{"AWS":"arn:aws:iam::{{account}}:root"}""",
            };
            var condition = random.Next(5) switch
            {
                0 => ""","Condition":{"StringEquals":{"sts:ExternalId":"x"}}""",
                1 => $$$""","Condition":{"StringLike":{"aws:PrincipalArn":"arn:aws:iam::{{{Pick(random, Accounts)}}}:*"}}""",
                2 => ""","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}""",
                _ => "",
            };
            var effect = random.Next(6) == 0 ? "Deny" : "Allow";
            statements.Add($$"""{"Effect":"{{effect}}","Principal":{{principal}},"Action":"sts:AssumeRole"{{condition}}}""");
        }

        return $$"""{"Version":"2012-10-17","Statement":[{{string.Join(",", statements)}}]}""";
    }

    private static string Pick(Random random, IReadOnlyList<string> values) => values[random.Next(values.Count)];

    /// <summary>Every edge with all it carries, in one order.</summary>
    private static string[] Describe(AccessGraph graph) =>
        graph.Edges
            .Select(e => $"{graph.Nodes[e.From].Arn} -> {graph.Nodes[e.To].Arn} {e.Kind} {e.Action} {e.Technique} " +
                         $"requires [{string.Join("; ", e.Requires)}] statements [{string.Join("; ", e.Statements.Select(s => s.Policy + "/" + s.Sid))}] {e.Note}")
            .Order(StringComparer.Ordinal)
            .ToArray();
}
