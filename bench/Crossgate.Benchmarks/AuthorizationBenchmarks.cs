using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Crossgate.Authorization;
using Crossgate.Policies;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Benchmarks;

/// <summary>Decisions per second: a cross-account sts:AssumeRole (trust policy, three identity policies, a three-level
/// SCP stack), and a large identity policy set (50 policies, 500 statements), with its statement indexes and
/// scanned whole.</summary>
[MemoryDiagnoser]
public class AuthorizationBenchmarks
{
    private AuthorizationRequest _assumeRole = null!;
    private PolicySet _assumeRolePolicies = null!;
    private AuthorizationRequest _large = null!;
    private PolicySet _largePolicies = null!;
    private PolicySet _largePoliciesScanned = null!;

    [GlobalSetup]
    public void Setup()
    {
        PrincipalArnReader.TryRead("arn:aws:iam::111111111111:role/PlatformRole", out var platformRole, out _, "scan");
        _assumeRole = new AuthorizationRequest
        {
            Principal = platformRole!,
            Action = "sts:AssumeRole",
            Resource = "arn:aws:iam::222222222222:role/PlatformResponseRole",
            ExternalId = "crossgate-7f3a",
            RoleSessionName = "scan",
        };
        var fullAccess = Compile("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""", PolicyKind.ServiceControl);
        var denyLeave = Compile("""{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}]}""", PolicyKind.ServiceControl);
        _assumeRolePolicies = new PolicySet
        {
            ResourcePolicy = Compile("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:role/PlatformRole"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"crossgate-7f3a"}}}]}""", PolicyKind.Trust),
            IdentityPolicies =
            [
                Compile("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::*:role/PlatformResponseRole"}]}""", PolicyKind.Identity),
                Compile("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*","s3:List*"],"Resource":"*"},{"Effect":"Allow","Action":"ec2:Describe*","Resource":"*"}]}""", PolicyKind.Identity),
                Compile("""{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:*","Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}]}""", PolicyKind.Identity),
            ],
            ServiceControlPolicies = [[fullAccess], [fullAccess, denyLeave], [fullAccess]],
        };

        PrincipalArnReader.TryRead("arn:aws:iam::111111111111:user/alex", out var alex, out _);
        _large = new AuthorizationRequest
        {
            Principal = alex!,
            Action = "s3:GetObject",
            Resource = "arn:aws:s3:::bucket-49/reports/2026/q4.csv",
        };
        var policies = ImmutableArray.CreateBuilder<CompiledPolicy>(50);
        for (var p = 0; p < 50; p++)
        {
            var statements = new List<string>(10);
            for (var s = 0; s < 10; s++)
            {
                statements.Add("{\"Sid\":\"S" + p + "x" + s + "\",\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\",\"ec2:Describe" + s + "*\"],\"Resource\":\"arn:aws:s3:::bucket-" + p + "/prefix-" + s + "/*\",\"Condition\":{\"StringLike\":{\"aws:PrincipalTag/team\":\"team-" + s + "*\"}}}");
            }

            if (p == 49)
            {
                statements[9] = """{"Sid":"Reports","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket-49/reports/*"}""";
            }

            policies.Add(Compile("{\"Version\":\"2012-10-17\",\"Statement\":[" + string.Join(",", statements) + "]}", PolicyKind.Identity));
        }

        _largePolicies = new PolicySet { IdentityPolicies = policies.MoveToImmutable() };
        _largePoliciesScanned = new PolicySet { IdentityPolicies = [.. _largePolicies.IdentityPolicies.Select(p => p.WithoutIndex())] };
        if (!Authorizer.Decide(_assumeRole, _assumeRolePolicies).IsAllowed || !Authorizer.Decide(_large, _largePolicies).IsAllowed)
        {
            throw new InvalidOperationException("benchmark scenarios must be allowed");
        }
    }

    [Benchmark]
    public DecisionSummary CrossAccountAssumeRole() => Authorizer.Decide(_assumeRole, _assumeRolePolicies);

    [Benchmark]
    public DecisionSummary LargePolicySet() => Authorizer.Decide(_large, _largePolicies);

    /// <summary>The same decision visiting every statement (no statement index): what the index saves.</summary>
    [Benchmark]
    public DecisionSummary LargePolicySetFullScan() => Authorizer.Decide(_large, _largePoliciesScanned);

    [Benchmark]
    public Decision CrossAccountAssumeRoleExplained() => Authorizer.Authorize(_assumeRole, _assumeRolePolicies);

    private static CompiledPolicy Compile(string json, PolicyKind kind)
    {
        var parsed = PolicyParser.Parse(json, kind);
        if (!parsed.Success)
        {
            throw new InvalidOperationException(string.Join("; ", parsed.Errors));
        }

        return CompiledPolicy.Compile(parsed.Document, "bench");
    }
}
