using Crossgate.Policies.Linting;
using static Crossgate.Policies.Tests.Linting.Policies;

namespace Crossgate.Policies.Tests.Linting;

public class DocumentFindingTests
{
    [Fact]
    public void Missing_version_is_a_warning()
    {
        var document = new PolicyDocument(PolicyKind.Identity, null, null, [Allow(["sts:AssumeRole"], "arn:aws:iam::222222222222:role/CrossAccount-B")]);
        var finding = Single(Lint(document), FindingCodes.MissingVersion);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal("Version", finding.Path);
    }

    [Fact]
    public void Repeated_sids_are_a_warning()
    {
        var a = new Statement { Index = 0, Sid = "S3Read", Effect = Effect.Allow, Actions = ["s3:GetObject"], Resources = ["arn:aws:s3:::a/*"], HasResource = true };
        var b = new Statement { Index = 1, Sid = "S3Read", Effect = Effect.Allow, Actions = ["s3:ListBucket"], Resources = ["arn:aws:s3:::a"], HasResource = true };
        var finding = Single(Lint(a, b), FindingCodes.UniqueSidsRecommended);
        Assert.Equal("Statement[1].Sid", finding.Path);
    }

    [Fact]
    public void Identical_statements_are_redundant_whatever_their_sid_and_order()
    {
        var a = new Statement { Index = 0, Sid = "One", Effect = Effect.Allow, Actions = ["s3:GetObject", "s3:ListBucket"], Resources = ["arn:aws:s3:::a", "arn:aws:s3:::a/*"], HasResource = true };
        var b = new Statement { Index = 1, Sid = "Two", Effect = Effect.Allow, Actions = ["s3:listbucket", "s3:GetObject"], Resources = ["arn:aws:s3:::a/*", "arn:aws:s3:::a"], HasResource = true };
        var finding = Single(Lint(a, b), FindingCodes.RedundantStatement);
        Assert.Equal("Statement[1]", finding.Path);
        Assert.Equal(FindingSeverity.Suggestion, finding.Severity);
    }

    [Fact]
    public void Statements_differing_in_effect_are_not_redundant() =>
        None(Lint(Allow(["s3:GetObject"], "arn:aws:s3:::a/*"), Deny(["s3:GetObject"], "arn:aws:s3:::a/*")), FindingCodes.RedundantStatement);

    [Fact]
    public void Findings_are_ordered_errors_first()
    {
        var findings = Lint(Allow(["iam:PassRole", "nosuch:Thing"], "*"));
        Assert.Equal(FindingSeverity.Error, findings[0].Severity);
        Assert.Equal(findings.OrderBy(f => f.Severity).Select(f => f.Severity), findings.Select(f => f.Severity));
    }
}
