using BenchmarkDotNet.Attributes;
using Crossgate.Directory;
using Crossgate.Directory.Gathering;
using Crossgate.Directory.Iam;
using Crossgate.Directory.Import;
using Crossgate.Directory.Storage;
using Crossgate.Directory.Tests.Import;

namespace Crossgate.Benchmarks;

/// <summary>The directory: importing a large <c>get-account-authorization-details</c> export (1,000 roles, 200 users,
/// 50 groups, 100 customer managed policies) into a fresh SQLite store, and gathering the policies of a user in ten
/// groups (each with inline and attached policies) with a warm and a cold compiled-policy cache.</summary>
[MemoryDiagnoser]
public class DirectoryBenchmarks
{
    private const string Account = "111111111111";
    private ImportSource _bigExport = null!;
    private string _folder = null!;
    private IDirectoryStore _importStore = null!;
    private IDirectoryStore _gatherStore = null!;
    private PolicyGatherer _gatherer = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        var json = AuthorizationDetailsFixture.Generate(Account, new AuthorizationDetailsFixture.Shape(Users: 200, Groups: 50, Roles: 1000, Policies: 100));
        _bigExport = new ImportSource("big.json", AuthorizationDetailsFixture.Bytes(json));
        Console.WriteLine($"// big export: {_bigExport.Content.Length / 1024} KiB");

        _folder = Path.Combine(Path.GetTempPath(), "crossgate-bench-" + Guid.NewGuid().ToString("N"));
        _gatherStore = await DirectoryStoreFactory.OpenAsync(Path.Combine(_folder, "gather"));
        var iam = new IamDirectory(_gatherStore);
        await iam.CreateUserAsync(Account, "many-groups");
        for (var g = 0; g < IamDirectory.MaxGroupsPerUser; g++)
        {
            var group = $"group-{g}";
            await iam.CreateGroupAsync(Account, group);
            for (var p = 0; p < 2; p++)
            {
                await iam.PutGroupPolicyAsync(Account, group, $"inline-{p}",
                    $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::bucket-{{g}}-{{p}}/*"}]}""");
            }

            for (var p = 0; p < 3; p++)
            {
                var policy = await iam.CreatePolicyAsync(Account, $"policy-{g}-{p}",
                    $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"dynamodb:*","Resource":"arn:aws:dynamodb:*:*:table/t-{{g}}-{{p}}"}]}""");
                await iam.AttachGroupPolicyAsync(Account, group, policy.Value!.Arn);
            }

            await iam.AddUserToGroupAsync(Account, group, "many-groups");
        }

        _gatherer = new PolicyGatherer(_gatherStore);
    }

    [IterationSetup(Target = nameof(ImportBigExport))]
    public void OpenEmptyStore() =>
        _importStore = DirectoryStoreFactory.OpenAsync(Path.Combine(_folder, "import-" + Guid.NewGuid().ToString("N"))).GetAwaiter().GetResult();

    [IterationCleanup(Target = nameof(ImportBigExport))]
    public void CloseStore() => _importStore.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public async Task<int> ImportBigExport()
    {
        var report = await new AuthorizationDetailsImporter(_importStore).ImportAsync([_bigExport]);
        return report.Count("roles");
    }

    [Benchmark]
    public async Task<int> GatherUserInTenGroupsWarmCache()
    {
        var caller = await _gatherer.ForUserAsync(Account, "many-groups");
        var gathered = await _gatherer.GatherAsync(caller.Value!, "arn:aws:s3:::bucket-3-1/key");
        return gathered.Value!.Policies.IdentityPolicies.Length;
    }

    [Benchmark]
    public async Task<int> GatherUserInTenGroupsColdCache()
    {
        _gatherer.Cache.Clear();
        var caller = await _gatherer.ForUserAsync(Account, "many-groups");
        var gathered = await _gatherer.GatherAsync(caller.Value!, "arn:aws:s3:::bucket-3-1/key");
        return gathered.Value!.Policies.IdentityPolicies.Length;
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _gatherStore.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
