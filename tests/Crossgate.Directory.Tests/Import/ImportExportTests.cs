using System.Text;
using Crossgate.Directory.Export;
using Crossgate.Directory.Gathering;
using Crossgate.Directory.Import;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Directory.Tests.Infrastructure;

namespace Crossgate.Directory.Tests.Import;

public sealed class ImportExportTests
{
    private static readonly string[] Accounts = ["111111111111", "222222222222", "333333333333"];

    private static IEnumerable<ImportSource> GeneratedAccounts(AuthorizationDetailsFixture.Shape? shape = null) =>
        Accounts.Select((a, i) => new ImportSource($"{a}.json", AuthorizationDetailsFixture.Bytes(AuthorizationDetailsFixture.Generate(a, shape, seed: i + 1, trustedAccount: Accounts[0]))));

    [Fact]
    public async Task Imports_hundreds_of_roles_across_accounts_and_reports_what_it_read()
    {
        await using var temp = await TempStore.CreateAsync();

        var report = await new AuthorizationDetailsImporter(temp.Store).ImportAsync(GeneratedAccounts());

        Assert.False(report.HasErrors, report.ToString());
        Assert.Empty(report.Problems);
        Assert.Equal(900, report.Count("roles"));
        Assert.Equal(120, report.Count("users"));
        Assert.Equal(36, report.Count("groups"));
        Assert.Equal(90, report.Count("customer managed policies"));
        Assert.Equal(Accounts, report.Accounts);
        Assert.Equal(3, report.Files.Count);
        foreach (var account in Accounts)
        {
            Assert.Equal(300, (await temp.Store.ListAllAsync(EntityKinds.Roles, account)).Count);
            Assert.NotNull(await temp.Store.GetAccountAsync(account));
        }
    }

    [Fact]
    public async Task Url_encoded_and_object_documents_read_the_same()
    {
        await using var temp = await TempStore.CreateAsync();
        const string trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
        var json = $$"""
            {"RoleDetailList":[
              {"Path":"/","RoleName":"Encoded","RoleId":"AROAENCODED0000000001","Arn":"arn:aws:iam::555555555555:role/Encoded","CreateDate":"2020-01-01T00:00:00Z",
               "AssumeRolePolicyDocument":"{{Uri.EscapeDataString(trust)}}","RolePolicyList":[],"AttachedManagedPolicies":[],"InstanceProfileList":[]},
              {"Path":"/","RoleName":"Object","RoleId":"AROAOBJECT00000000001","Arn":"arn:aws:iam::555555555555:role/Object","CreateDate":"2020-01-01T00:00:00Z",
               "AssumeRolePolicyDocument":{{trust}},"RolePolicyList":[],"AttachedManagedPolicies":[],"InstanceProfileList":[]}]}
            """;

        var report = await new AuthorizationDetailsImporter(temp.Store).ImportAsync([new ImportSource("mixed.json", Encoding.UTF8.GetBytes(json))]);

        Assert.False(report.HasErrors, report.ToString());
        Assert.Equal(trust, (await temp.Store.GetRoleAsync("555555555555", "Encoded"))!.Value.AssumeRolePolicyDocument);
        Assert.Equal(trust, (await temp.Store.GetRoleAsync("555555555555", "Object"))!.Value.AssumeRolePolicyDocument);
    }

    [Fact]
    public async Task Import_export_import_is_lossless()
    {
        await using var first = await TempStore.CreateAsync();
        await using var second = await TempStore.CreateAsync();
        await new AuthorizationDetailsImporter(first.Store).ImportAsync(GeneratedAccounts(new AuthorizationDetailsFixture.Shape(Users: 15, Groups: 5, Roles: 60, Policies: 10)));

        var exports = new List<ImportSource>();
        foreach (var account in Accounts)
        {
            exports.Add(new ImportSource($"export-{account}.json", Encoding.UTF8.GetBytes(await AuthorizationDetailsExporter.ExportAsync(first.Store, account))));
        }

        var report = await new AuthorizationDetailsImporter(second.Store).ImportAsync(exports);

        Assert.False(report.HasErrors, report.ToString());
        foreach (var scope in Accounts.Append(ManagedPolicy.AwsAccount))
        {
            await AssertSameAsync(first.Store, second.Store, EntityKinds.Users, scope);
            await AssertSameAsync(first.Store, second.Store, EntityKinds.Groups, scope);
            await AssertSameAsync(first.Store, second.Store, EntityKinds.Roles, scope);
            await AssertSameAsync(first.Store, second.Store, EntityKinds.ManagedPolicies, scope);
        }

        foreach (var account in Accounts)
        {
            Assert.Equal(await AuthorizationDetailsExporter.ExportAsync(first.Store, account), await AuthorizationDetailsExporter.ExportAsync(second.Store, account));
        }
    }

    [Fact]
    public async Task Url_encoded_export_reimports_to_the_same_documents()
    {
        await using var first = await TempStore.CreateAsync();
        await using var second = await TempStore.CreateAsync();
        await new AuthorizationDetailsImporter(first.Store).ImportAsync(GeneratedAccounts(new AuthorizationDetailsFixture.Shape(Users: 5, Groups: 2, Roles: 10, Policies: 4)).Take(1));
        var export = await AuthorizationDetailsExporter.ExportAsync(first.Store, Accounts[0], new ExportOptions { UrlEncodedDocuments = true, Indented = false });

        await new AuthorizationDetailsImporter(second.Store).ImportAsync([new ImportSource("encoded.json", Encoding.UTF8.GetBytes(export))]);

        Assert.DoesNotContain("\"Statement\"", export);
        await AssertSameAsync(first.Store, second.Store, EntityKinds.Roles, Accounts[0]);
    }

    [Fact]
    public async Task Exported_policies_carry_attachment_counts()
    {
        await using var temp = await TempStore.CreateAsync();
        await Crossgate.Directory.Examples.ExampleOrganization.CreateAsync(temp.Store);

        var export = await AuthorizationDetailsExporter.ExportAsync(temp.Store, "222222222222");
        using var json = System.Text.Json.JsonDocument.Parse(export);

        var s3 = Assert.Single(json.RootElement.GetProperty("Policies").EnumerateArray());
        Assert.Equal("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", s3.GetProperty("Arn").GetString());
        Assert.Equal(1, s3.GetProperty("AttachmentCount").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("RoleDetailList").GetArrayLength());
        Assert.Equal(System.Text.Json.JsonValueKind.Object, json.RootElement.GetProperty("RoleDetailList")[0].GetProperty("AssumeRolePolicyDocument").ValueKind);
    }

    [Fact]
    public async Task Problems_name_the_file_and_json_path()
    {
        await using var temp = await TempStore.CreateAsync();
        var sources = new[]
        {
            new ImportSource("broken.json", "{\"UserDetailList\": ["u8.ToArray()),
            new ImportSource("other.json", """{"Something":"else"}"""u8.ToArray()),
            new ImportSource("roles.json", """
                {"RoleDetailList":[
                  {"Path":"/","RoleName":"Good","RoleId":"AROAGOOD0000000000001","Arn":"arn:aws:iam::666666666666:role/Good","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}},
                  {"Path":"/","RoleId":"AROANONAME00000000001","Arn":"arn:aws:iam::666666666666:role/NoName","AssumeRolePolicyDocument":"{}"},
                  {"Path":"/","RoleName":"Dangling","RoleId":"AROADANGLING000000001","Arn":"arn:aws:iam::666666666666:role/Dangling","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]},"AttachedManagedPolicies":[{"PolicyName":"Gone","PolicyArn":"arn:aws:iam::666666666666:policy/Gone"}]},
                  {"Path":"/","RoleName":"BadDoc","RoleId":"AROABADDOC00000000001","Arn":"arn:aws:iam::666666666666:role/BadDoc","AssumeRolePolicyDocument":42}],
                 "IsTruncated":true}
                """u8.ToArray()),
        };

        var report = await new AuthorizationDetailsImporter(temp.Store).ImportAsync(sources);

        Assert.True(report.HasErrors);
        Assert.Contains(report.Problems, p => p.File == "broken.json" && p.Message.StartsWith("not valid JSON"));
        Assert.Contains(report.Problems, p => p.File == "other.json" && p.Message.StartsWith("not a recognised AWS CLI output"));
        Assert.Contains(report.Problems, p => p.File == "roles.json" && p.JsonPath == "$.RoleDetailList[1].RoleName");
        Assert.Contains(report.Problems, p => p.File == "roles.json" && p.JsonPath == "$.RoleDetailList[3].AssumeRolePolicyDocument");
        Assert.Contains(report.Problems, p => !p.IsError && p.JsonPath == "$.RoleDetailList[2].AttachedManagedPolicies[0].PolicyArn" && p.Message.StartsWith("arn:aws:iam::666666666666:policy/Gone is attached"));
        Assert.Contains(report.Problems, p => p.File == "roles.json" && p.JsonPath == "$.IsTruncated");
        Assert.NotNull(await temp.Store.GetRoleAsync("666666666666", "Good"));
        Assert.Null(await temp.Store.GetRoleAsync("666666666666", "BadDoc"));
    }

    [Fact]
    public async Task Imports_an_organization_from_its_CLI_outputs()
    {
        await using var temp = await TempStore.CreateAsync();
        const string mgmt = "111111111111";
        const string member = "222222222222";
        var scp = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}]}""";
        ImportSource File(string name, string json) => new(name, Encoding.UTF8.GetBytes(json));
        var sources = new[]
        {
            File("describe-organization.json", $$"""{"Organization":{"Id":"o-exampleorg","Arn":"arn:aws:organizations::{{mgmt}}:organization/o-exampleorg","FeatureSet":"ALL","MasterAccountArn":"arn:aws:organizations::{{mgmt}}:account/o-exampleorg/{{mgmt}}","MasterAccountId":"{{mgmt}}","MasterAccountEmail":"m@example.com","AvailablePolicyTypes":[]""" + "}}"),
            File("list-roots.json", """{"Roots":[{"Id":"r-ab12","Arn":"arn:aws:organizations::111111111111:root/o-exampleorg/r-ab12","Name":"Root","PolicyTypes":[{"Type":"SERVICE_CONTROL_POLICY","Status":"ENABLED"}]}]}"""),
            File("ous-for-parent-r-ab12.json", """{"OrganizationalUnits":[{"Id":"ou-ab12-11111111","Arn":"arn:aws:organizations::111111111111:ou/o-exampleorg/ou-ab12-11111111","Name":"Workloads"}]}"""),
            File("list-accounts.json", $$"""{"Accounts":[{"Id":"{{mgmt}}","Name":"Management","Email":"m@example.com","Status":"ACTIVE","JoinedMethod":"CREATED","JoinedTimestamp":"2020-01-01T00:00:00Z"},{"Id":"{{member}}","Name":"Member","Email":"b@example.com","Status":"ACTIVE","JoinedMethod":"INVITED","JoinedTimestamp":"2020-02-01T00:00:00Z"}]}"""),
            File("accounts-for-parent-ou-ab12-11111111.json", $$"""{"Accounts":[{"Id":"{{member}}","Name":"Member","Email":"b@example.com","Status":"ACTIVE"}]}"""),
            File("list-policies.json", """{"Policies":[{"Id":"p-FullAWSAccess","Arn":"arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess","Name":"FullAWSAccess","Type":"SERVICE_CONTROL_POLICY","AwsManaged":true},{"Id":"p-denydelete1","Name":"DenyDelete","Type":"SERVICE_CONTROL_POLICY","AwsManaged":false}]}"""),
            File("describe-policy-p-denydelete1.json", $$"""{"Policy":{"PolicySummary":{"Id":"p-denydelete1","Arn":"arn:aws:organizations::{{mgmt}}:policy/o-exampleorg/service_control_policy/p-denydelete1","Name":"DenyDelete","Type":"SERVICE_CONTROL_POLICY","AwsManaged":false},"Content":{{System.Text.Json.JsonSerializer.Serialize(scp)}}""" + "}}"),
            File("targets-p-FullAWSAccess.json", $$"""{"Targets":[{"TargetId":"r-ab12","Type":"ROOT"},{"TargetId":"ou-ab12-11111111","Type":"ORGANIZATIONAL_UNIT"},{"TargetId":"{{mgmt}}","Type":"ACCOUNT"},{"TargetId":"{{member}}","Type":"ACCOUNT"}]}"""),
            File("targets-p-denydelete1.json", """{"Targets":[{"TargetId":"ou-ab12-11111111","Type":"ORGANIZATIONAL_UNIT"}]}"""),
            File("iam-member.json", AuthorizationDetailsFixture.Generate(member, new AuthorizationDetailsFixture.Shape(Users: 3, Groups: 2, Roles: 5, Policies: 2))),
        };

        var report = await new AuthorizationDetailsImporter(temp.Store).ImportAsync(sources);

        Assert.False(report.HasErrors, report.ToString());
        Assert.Equal(2, report.Count("accounts"));
        Assert.Equal(1, report.Count("organizational units"));
        Assert.Contains(report.Problems, p => !p.IsError && p.Message.Contains($"parent of account {mgmt} is unknown"));
        var account = (await temp.Store.GetAccountAsync(member))!.Value;
        Assert.Equal(("o-exampleorg", "ou-ab12-11111111"), (account.OrganizationId, account.ParentId));

        var gatherer = new PolicyGatherer(temp.Store);
        var user = (await gatherer.ForPrincipalArnAsync($"arn:aws:iam::{member}:user/user.0001@example")).GetValueOrThrow();
        Assert.Equal(3, user.ServiceControlPolicies.Length);
        Assert.Equal(2, user.ServiceControlPolicies[1].Length);
        Assert.Equal("o-exampleorg/r-ab12/ou-ab12-11111111/", Assert.Single(user.Principal.OrgPaths));
    }

    private static async Task AssertSameAsync<T>(IDirectoryStore expected, IDirectoryStore actual, EntityKind<T> kind, string scope)
        where T : class
    {
        var left = (await expected.ListAllAsync(kind, scope)).Select(v => DirectoryJson.Serialize(v.Value)).ToList();
        var right = (await actual.ListAllAsync(kind, scope)).Select(v => DirectoryJson.Serialize(v.Value)).ToList();
        Assert.Equal(left.Count, right.Count);
        for (var i = 0; i < left.Count; i++)
        {
            Assert.Equal(left[i], right[i]);
        }
    }
}
