using Crossgate.Tests.Shared;
using Crossgate.Policies.Evaluation;
using static Crossgate.Policies.Tests.TestPolicies;
using static Crossgate.Policies.Tests.Principals.PrincipalMatchingTests;

namespace Crossgate.Policies.Tests.Matching;

/// <summary>The hot path allocates nothing: a deterministic byte count around a warm loop, not a timing test.</summary>
public class AllocationTests
{
    private const int Iterations = 2_000;

    private static long AllocatedBy(Action action) => Allocations.FewestBytes(action, Iterations);

    private static RequestContext RepresentativeContext()
    {
        var context = Context(
            "aws:username=bob",
            "aws:PrincipalTag/team=red",
            "aws:SourceIp=203.0.113.7",
            "aws:CurrentTime=2026-01-15T10:00:00Z",
            "aws:EpochTime=1768471200",
            "aws:SecureTransport=true",
            "aws:PrincipalArn=arn:aws:iam::111122223333:user/division/Bob",
            "aws:TagKeys=[env,team]",
            "s3:prefix=bob/docs",
            "aws:MultiFactorAuthAge=100",
            "binary=AAEC");
        context.Action = "s3:GetObject";
        context.Resource = "arn:aws:s3:::bucket/bob/docs/file.txt";
        context.Principal = Session;
        return context;
    }

    public static TheoryData<string, Statement> Statements => new()
    {
        { "plain action/resource", Statement(actions: ["s3:Get*", "s3:List*"], resources: ["arn:aws:s3:::bucket/*"]) },
        { "NotAction/NotResource", Statement(actions: ["iam:*"], notAction: true, resources: ["arn:aws:s3:::secret/*"], notResource: true) },
        { "resource with variables", Statement(actions: ["s3:*"], resources: ["arn:aws:s3:::bucket/${aws:username}/*", "arn:aws:s3:::team/${aws:PrincipalTag/team}/${*}"]) },
        { "long variable substitution (pooled buffer)", Statement(resources: ["arn:aws:s3:::bucket/${long}/*"]) },
        {
            "string conditions", Statement(conditions: [
                Cond("StringEquals", "aws:PrincipalTag/team", "red", "blue"),
                Cond("StringLike", "s3:prefix", "${aws:username}/*", "public/*"),
                Cond("StringNotEqualsIgnoreCase", "aws:username", "ALICE"),
                Cond("StringEqualsIfExists", "sts:ExternalId", "x"),
            ])
        },
        {
            "typed conditions", Statement(conditions: [
                Cond("IpAddress", "aws:SourceIp", "10.0.0.0/8", "203.0.113.0/24", "2001:db8::/32"),
                Cond("NotIpAddress", "aws:SourceIp", "198.51.100.0/24"),
                Cond("DateLessThan", "aws:CurrentTime", "2030-01-01T00:00:00Z"),
                Cond("DateGreaterThan", "aws:EpochTime", "2020-01-01T00:00:00Z"),
                Cond("NumericLessThan", "aws:MultiFactorAuthAge", "3600"),
                Cond("Bool", "aws:SecureTransport", "true"),
                Cond("BinaryEquals", "binary", "AAEC"),
                Cond("Null", "aws:TokenIssueTime", "true"),
            ])
        },
        {
            "ARN and set conditions", Statement(conditions: [
                Cond("ArnLike", "aws:PrincipalArn", "arn:aws:iam::*:user/division/*", "arn:aws:iam::*:user/${aws:username}"),
                Cond("ForAllValues:StringEquals", "aws:TagKeys", "env", "team", "owner"),
                Cond("ForAnyValue:StringLike", "aws:TagKeys", "te*"),
            ])
        },
        {
            "principal element", Statement(principal: Aws("111122223333", "arn:aws:iam::111122223333:role/ops/Admin", "arn:aws:sts::111122223333:assumed-role/Admin/alice"))
        },
        {
            "NotPrincipal element", Statement(principal: Aws("arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:user/division/Bob"), notPrincipal: true)
        },
    };

    [Theory]
    [MemberData(nameof(Statements))]
    public void Evaluating_a_compiled_statement_allocates_nothing(string name, Statement source)
    {
        var statement = Compile(source);
        var context = RepresentativeContext();
        context.Keys.Set("long", new string('x', 600));
        var sink = 0;
        var allocated = AllocatedBy(() =>
        {
            sink += statement.Applies(context, null) ? 1 : 0;
            sink += (int)statement.MatchPrincipal(context.Principal);
            sink += (int)statement.MatchPrincipal(Bob);
        });
        Assert.True(allocated == 0, $"{name}: {allocated} bytes over {Iterations} evaluations");
        Assert.True(sink >= 0);
    }

    [Fact]
    public void The_measurement_sees_allocations()
    {
        object? keep = null;
        Assert.True(AllocatedBy(() => keep = new byte[16]) >= Iterations * 16L);
        Assert.NotNull(keep);
    }

    [Fact]
    public void The_representative_statements_really_match_so_the_whole_path_runs()
    {
        var context = RepresentativeContext();
        foreach (var row in Statements)
        {
            var name = (string)row[0];
            var statement = Compile((Statement)row[1]);
            if (name.Contains("condition"))
            {
                Assert.True(statement.MatchesConditions(context, null), name);
            }
        }
    }
}
