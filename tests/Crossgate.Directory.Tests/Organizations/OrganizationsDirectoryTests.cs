using Crossgate.Directory.Model;
using Crossgate.Directory.Organizations;
using Crossgate.Directory.Storage;
using Crossgate.Directory.Tests.Infrastructure;

namespace Crossgate.Directory.Tests.Organizations;

public sealed class OrganizationsDirectoryTests
{
    private const string Deny = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"}]}""";

    [Fact]
    public async Task A_new_organization_enables_no_policy_type_and_its_containers_hold_no_policy()
    {
        await using var temp = await TempStore.CreateAsync();
        var orgs = new OrganizationsDirectory(temp.Store);

        var root = (await orgs.CreateOrganizationAsync("111111111111", "Management")).GetValueOrThrow();
        var ou = (await orgs.CreateOrganizationalUnitAsync(root.OrganizationId, root.Id, "Workloads")).GetValueOrThrow();
        var account = (await orgs.AddAccountAsync(root.OrganizationId, "222222222222", "B", parentId: ou.Id)).GetValueOrThrow();

        Assert.Empty(root.PolicyTypes);
        Assert.Empty(root.AttachedPolicyIds);
        Assert.Empty(ou.AttachedPolicyIds);
        Assert.Empty(account.AttachedPolicyIds);
        Assert.Matches("^o-[a-z0-9]{10}$", root.OrganizationId);
        Assert.Equal([root.Id, ou.Id, "222222222222"], (await orgs.PathToAccountAsync("222222222222")).Select(t => t.Id));
        var mgmt = (await temp.Store.GetAccountAsync("111111111111"))!.Value;
        Assert.Equal((root.OrganizationId, root.Id), (mgmt.OrganizationId, mgmt.ParentId));
    }

    [Fact]
    public async Task Enabling_a_type_attaches_its_managed_policy_everywhere_and_to_containers_made_later()
    {
        await using var temp = await TempStore.CreateAsync();
        var orgs = new OrganizationsDirectory(temp.Store);
        var root = (await orgs.CreateOrganizationAsync("111111111111", "Management")).GetValueOrThrow();
        var before = (await orgs.CreateOrganizationalUnitAsync(root.OrganizationId, root.Id, "Before")).GetValueOrThrow();
        (await orgs.AddAccountAsync(root.OrganizationId, "222222222222", "B", parentId: before.Id)).GetValueOrThrow();

        var enabled = (await orgs.EnablePolicyTypeAsync(root.OrganizationId, root.Id, OrganizationPolicyTypeNames.ServiceControl)).GetValueOrThrow();
        (await orgs.EnablePolicyTypeAsync(root.OrganizationId, root.Id, OrganizationPolicyTypeNames.ResourceControl)).GetValueOrThrow();
        var after = (await orgs.CreateOrganizationalUnitAsync(root.OrganizationId, root.Id, "After")).GetValueOrThrow();
        var late = (await orgs.AddAccountAsync(root.OrganizationId, "333333333333", "C", parentId: after.Id)).GetValueOrThrow();

        Assert.Equal([OrganizationPolicyTypeNames.ServiceControl], enabled.PolicyTypes);
        string[] defaults = [OrganizationPolicy.FullAwsAccessId, OrganizationPolicy.RcpFullAwsAccessId];
        Assert.Equal(defaults, (await temp.Store.GetRootAsync(root.OrganizationId, root.Id))!.Value.AttachedPolicyIds);
        Assert.Equal(defaults, (await temp.Store.GetOrganizationalUnitAsync(root.OrganizationId, before.Id))!.Value.AttachedPolicyIds);
        Assert.Equal(defaults, after.AttachedPolicyIds);
        foreach (var id in new[] { "111111111111", "222222222222" })
        {
            Assert.Equal(defaults, (await temp.Store.GetAccountAsync(id))!.Value.AttachedPolicyIds);
        }

        Assert.Equal(defaults, late.AttachedPolicyIds);
        Assert.Equal("PolicyTypeAlreadyEnabledException",
            (await orgs.EnablePolicyTypeAsync(root.OrganizationId, root.Id, OrganizationPolicyTypeNames.ServiceControl)).Error!.Code);
        Assert.Equal("RootNotFoundException", (await orgs.EnablePolicyTypeAsync(root.OrganizationId, "r-zzzz", OrganizationPolicyTypeNames.ServiceControl)).Error!.Code);
    }

    [Fact]
    public async Task Disabling_a_type_detaches_every_policy_of_it_and_keeps_the_others()
    {
        await using var temp = await TempStore.CreateAsync();
        var orgs = new OrganizationsDirectory(temp.Store);
        var root = (await orgs.CreateOrganizationAsync("111111111111", "Management")).GetValueOrThrow();
        (await orgs.EnablePolicyTypeAsync(root.OrganizationId, root.Id, OrganizationPolicyTypeNames.ServiceControl)).GetValueOrThrow();
        (await orgs.EnablePolicyTypeAsync(root.OrganizationId, root.Id, OrganizationPolicyTypeNames.ResourceControl)).GetValueOrThrow();
        (await orgs.AddAccountAsync(root.OrganizationId, "222222222222", "B")).GetValueOrThrow();
        var scp = (await orgs.CreatePolicyAsync(root.OrganizationId, "DenyS3", OrganizationPolicyType.ServiceControlPolicy, Deny)).GetValueOrThrow();
        (await orgs.AttachPolicyAsync(root.OrganizationId, scp.Id, "222222222222")).GetValueOrThrow();

        var disabled = (await orgs.DisablePolicyTypeAsync(root.OrganizationId, root.Id, OrganizationPolicyTypeNames.ServiceControl)).GetValueOrThrow();

        Assert.Equal([OrganizationPolicyTypeNames.ResourceControl], disabled.PolicyTypes);
        Assert.Equal([OrganizationPolicy.RcpFullAwsAccessId], (await temp.Store.GetAccountAsync("222222222222"))!.Value.AttachedPolicyIds);
        Assert.Equal([OrganizationPolicy.RcpFullAwsAccessId], (await temp.Store.GetRootAsync(root.OrganizationId, root.Id))!.Value.AttachedPolicyIds);
        Assert.Equal("PolicyTypeNotEnabledException", (await orgs.AttachPolicyAsync(root.OrganizationId, scp.Id, "222222222222")).Error!.Code);
        Assert.Equal("PolicyTypeNotEnabledException",
            (await orgs.DisablePolicyTypeAsync(root.OrganizationId, root.Id, OrganizationPolicyTypeNames.ServiceControl)).Error!.Code);
        Assert.True((await orgs.PathToAccountAsync("222222222222"))[0].PolicyTypes.SequenceEqual([OrganizationPolicyTypeNames.ResourceControl]));
    }

    [Fact]
    public async Task Policy_attachment_errors_use_Organizations_exceptions()
    {
        await using var temp = await TempStore.CreateAsync();
        var orgs = new OrganizationsDirectory(temp.Store);
        var root = (await orgs.CreateOrganizationAsync("111111111111", "Management")).GetValueOrThrow();
        var scp = (await orgs.CreatePolicyAsync(root.OrganizationId, "DenyS3", OrganizationPolicyType.ServiceControlPolicy, Deny)).GetValueOrThrow();

        Assert.Equal("PolicyTypeNotEnabledException", (await orgs.AttachPolicyAsync(root.OrganizationId, scp.Id, root.Id)).Error!.Code);
        (await orgs.EnablePolicyTypeAsync(root.OrganizationId, root.Id, OrganizationPolicyTypeNames.ServiceControl)).GetValueOrThrow();
        Assert.True((await orgs.AttachPolicyAsync(root.OrganizationId, scp.Id, root.Id)).Success);
        Assert.Equal("DuplicatePolicyAttachmentException", (await orgs.AttachPolicyAsync(root.OrganizationId, scp.Id, root.Id)).Error!.Code);
        Assert.Equal("TargetNotFoundException", (await orgs.AttachPolicyAsync(root.OrganizationId, scp.Id, "ou-zzzz-00000000")).Error!.Code);
        Assert.Equal("PolicyNotFoundException", (await orgs.AttachPolicyAsync(root.OrganizationId, "p-00000000", root.Id)).Error!.Code);
        Assert.Equal("DuplicatePolicyException", (await orgs.CreatePolicyAsync(root.OrganizationId, "DenyS3", OrganizationPolicyType.ServiceControlPolicy, Deny)).Error!.Code);
        Assert.True((await orgs.DetachPolicyAsync(root.OrganizationId, scp.Id, root.Id)).Success);
        Assert.Equal("PolicyNotAttachedException", (await orgs.DetachPolicyAsync(root.OrganizationId, scp.Id, root.Id)).Error!.Code);
        Assert.Matches("^arn:aws:organizations::111111111111:policy/o-[a-z0-9]{10}/service_control_policy/p-[a-z0-9]{8}$", scp.Arn);
    }

    [Fact]
    public async Task Accounts_belong_to_one_organization_and_policies_must_parse()
    {
        await using var temp = await TempStore.CreateAsync();
        var orgs = new OrganizationsDirectory(temp.Store);
        var root = (await orgs.CreateOrganizationAsync("111111111111", "Management")).GetValueOrThrow();

        Assert.Equal("AlreadyInOrganizationException", (await orgs.CreateOrganizationAsync("111111111111", "Again")).Error!.Code);
        Assert.Equal("InvalidInputException", (await orgs.AddAccountAsync(root.OrganizationId, "12345", "Short")).Error!.Code);
        Assert.Equal("MalformedPolicyDocumentException",
            (await orgs.CreatePolicyAsync(root.OrganizationId, "Bad", OrganizationPolicyType.ServiceControlPolicy, "{not json")).Error!.Code);
        Assert.Equal("ConstraintViolationException",
            (await orgs.CreatePolicyAsync(root.OrganizationId, "Huge", OrganizationPolicyType.ServiceControlPolicy, Deny.Replace("s3:*", "s3:" + new string('x', 6000)))).Error!.Code);
    }
}
