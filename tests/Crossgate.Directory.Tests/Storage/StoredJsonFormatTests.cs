using System.Text.Json.Serialization.Metadata;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;

namespace Crossgate.Directory.Tests.Storage;

/// <summary>The JSON the stores hold, pinned character for character as earlier versions wrote it: the
/// serializer may change (it is generated at compile time now), the rows may not, and old rows must read back.</summary>
public sealed class StoredJsonFormatTests
{
    public static TheoryData<string> Kinds => [.. Rows.Keys];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_kind_is_written_as_before(string kind)
    {
        var (entity, json) = Rows[kind];

        Assert.Equal(json, entity());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Rows_written_before_read_back_unchanged(string kind)
    {
        var (_, json) = Rows[kind];

        Assert.Equal(json, RoundTrip[kind](json));
    }

    /// <summary>Generated deserialization sets every init-only property, so a property missing from a row reads as
    /// default(T), not as its initializer (dotnet/runtime#84484). Rows written so far hold every property; a property
    /// added to a stored type is missing from older rows, so this list changes only with a decision about them.</summary>
    [Fact]
    public void The_stored_properties_are_the_ones_every_row_holds()
    {
        var seen = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in RootTypes)
        {
            Describe(DirectoryJsonContext.Default.GetTypeInfo(type)!, seen);
        }

        Assert.Equal(StoredProperties, string.Join("\n", seen.Select(t => $"{t.Key}: {t.Value}")));
    }

    [Fact]
    public void A_row_missing_a_required_property_is_refused()
    {
        Assert.Throws<System.Text.Json.JsonException>(() => DirectoryJson.Deserialize<IamUser>("""{"AccountId":"111111111111"}"""));
    }

    [Fact]
    public void A_type_that_is_not_stored_is_refused_by_name()
    {
        var refused = Assert.Throws<NotSupportedException>(() => DirectoryJson.Serialize(new Uri("https://example.com")));

        Assert.Contains("Uri", refused.Message);
    }

    private static void Describe(JsonTypeInfo info, SortedDictionary<string, string> seen)
    {
        if (info.Kind == JsonTypeInfoKind.Enumerable && info.ElementType is { } element)
        {
            Describe(DirectoryJsonContext.Default.GetTypeInfo(element)!, seen);
            return;
        }

        if (info.Kind != JsonTypeInfoKind.Object || !seen.TryAdd(info.Type.Name, string.Join(", ", Stored(info).Select(p => p.Name))))
        {
            return;
        }

        foreach (var property in Stored(info))
        {
            Describe(DirectoryJsonContext.Default.GetTypeInfo(property.PropertyType)!, seen);
        }
    }

    /// <summary>[JsonIgnore]d properties (computed ARNs and the like) are listed without accessors.</summary>
    private static IEnumerable<JsonPropertyInfo> Stored(JsonTypeInfo info) => info.Properties.Where(p => p.Get is not null);

    private static readonly Type[] RootTypes =
    [
        typeof(Organization), typeof(OrganizationRoot), typeof(OrganizationalUnit), typeof(OrganizationPolicy), typeof(Account),
        typeof(IamUser), typeof(IamGroup), typeof(IamRole), typeof(ManagedPolicy), typeof(AccessKey), typeof(VirtualMfaDevice),
        typeof(StsSession), typeof(AuditEvent),
    ];

    private const string StoredProperties = """
        AccessKey: AccountId, UserName, AccessKeyId, SecretAccessKey, Status, CreateDate, LastUsedDate, LastUsedServiceName, LastUsedRegion
        Account: Id, Name, Email, Status, OrganizationId, ParentId, Arn, JoinedMethod, JoinedTimestamp, CreateRequestedTimestamp, AttachedPolicyIds, Tags, PasswordPolicy, Alias
        AttachedPolicy: PolicyName, PolicyArn
        AuditEvent: EventId, EventTime, EventSource, EventName, AwsRegion, RecipientAccountId, UserIdentity, SourceIpAddress, UserAgent, RequestParameters, ResponseElements, ErrorCode, ErrorMessage, RequestId, Sequence
        IamGroup: AccountId, GroupName, Path, GroupId, CreateDate, InlinePolicies, AttachedPolicies
        IamRole: AccountId, RoleName, Path, RoleId, CreateDate, AssumeRolePolicyDocument, Description, MaxSessionDuration, InlinePolicies, AttachedPolicies, PermissionsBoundaryArn, Tags, InstanceProfiles, LastUsedDate, LastUsedRegion
        IamUser: AccountId, UserName, Path, UserId, CreateDate, InlinePolicies, AttachedPolicies, Groups, PermissionsBoundaryArn, Tags, LoginProfile, MfaSerials, PasswordLastUsed
        InlinePolicy: PolicyName, Document
        InstanceProfile: InstanceProfileName, InstanceProfileId, Path, Arn, CreateDate, Tags
        LoginProfile: CreateDate, PasswordResetRequired, PasswordHash, PasswordSalt, Iterations
        ManagedPolicy: AccountId, PolicyName, PolicyId, Path, Description, CreateDate, UpdateDate, IsAttachable, Versions, Tags, LastVersionNumber
        Organization: Id, ManagementAccountId, ManagementAccountEmail, FeatureSet
        OrganizationPolicy: Id, OrganizationId, Name, Description, Type, AwsManaged, Content, Arn, Tags
        OrganizationRoot: Id, OrganizationId, Arn, Name, PolicyTypes, AttachedPolicyIds
        OrganizationalUnit: Id, OrganizationId, Arn, Name, ParentId, AttachedPolicyIds, Tags
        PasswordPolicy: MinimumPasswordLength, RequireUppercaseCharacters, RequireLowercaseCharacters, RequireNumbers, RequireSymbols, MinimumCharacterClasses, AllowUsersToChangePassword, MaxPasswordAge, PasswordReusePrevention
        PolicyVersion: VersionId, Document, IsDefaultVersion, CreateDate
        StsSession: AccountId, AccessKeyId, SecretAccessKey, SessionToken, Kind, IssuedAt, Expiration, RoleArn, RoleId, SessionName, UserArn, SourceArn, SessionPolicy, SessionPolicyArns, SessionTags, TransitiveTagKeys, SourceIdentity, MfaAuthenticated, MfaAuthTime, Chained
        Tag: Key, Value
        VirtualMfaDevice: AccountId, SerialNumber, Base32Seed, UserName, EnableDate, LastUsedStep, Tags
        """;

    private static readonly Dictionary<string, (Func<string> Entity, string Json)> Rows = new()
    {
        ["Organization"] = (() => DirectoryJson.Serialize(StoredJsonSamples.Organization), """
            {"Id":"o-abcdefghij","ManagementAccountId":"111111111111","ManagementAccountEmail":"root@example.com","FeatureSet":"ALL"}
            """),
        ["Root"] = (() => DirectoryJson.Serialize(StoredJsonSamples.Root), """
            {"Id":"r-ab12","OrganizationId":"o-abcdefghij","Arn":"arn:aws:organizations::111111111111:root/o-abcdefghij/r-ab12","Name":"Root","PolicyTypes":["SERVICE_CONTROL_POLICY","RESOURCE_CONTROL_POLICY"],"AttachedPolicyIds":["p-FullAWSAccess"]}
            """),
        ["Unit"] = (() => DirectoryJson.Serialize(StoredJsonSamples.Unit), """
            {"Id":"ou-ab12-cdef3456","OrganizationId":"o-abcdefghij","Arn":"arn:aws:organizations::111111111111:ou/o-abcdefghij/ou-ab12-cdef3456","Name":"Prod","ParentId":"r-ab12","AttachedPolicyIds":["p-12345678"],"Tags":[{"Key":"env","Value":"prod"}]}
            """),
        ["Scp"] = (() => DirectoryJson.Serialize(StoredJsonSamples.Scp), """
            {"Id":"p-12345678","OrganizationId":"o-abcdefghij","Name":"DenyAll","Description":"no \u003Caccess\u003E \u0026 more","Type":"ResourceControlPolicy","AwsManaged":false,"Content":"{\u0022Version\u0022:\u00222012-10-17\u0022,\u0022Statement\u0022:[{\u0022Effect\u0022:\u0022Allow\u0022,\u0022Action\u0022:\u0022s3:GetObject\u0022,\u0022Resource\u0022:\u0022arn:aws:s3:::b/\u003Ck\u003E\u0026\u002B\u0027\u00E9\u0022}]}","Arn":"arn:aws:organizations::111111111111:policy/o-abcdefghij/resource_control_policy/p-12345678","Tags":[{"Key":"k","Value":"v"}]}
            """),
        ["Account"] = (() => DirectoryJson.Serialize(StoredJsonSamples.Account), """
            {"Id":"222222222222","Name":"Workloads","Email":"w@example.com","Status":"PendingClosure","OrganizationId":"o-abcdefghij","ParentId":"ou-ab12-cdef3456","Arn":"arn:aws:organizations::111111111111:account/o-abcdefghij/222222222222","JoinedMethod":"CREATED","JoinedTimestamp":"2024-05-01T12:30:15.123+00:00","AttachedPolicyIds":["p-FullAWSAccess"],"Tags":[{"Key":"team","Value":"blue"}],"PasswordPolicy":{"MinimumPasswordLength":14,"RequireUppercaseCharacters":true,"RequireLowercaseCharacters":true,"RequireNumbers":true,"RequireSymbols":true,"MinimumCharacterClasses":0,"AllowUsersToChangePassword":false,"MaxPasswordAge":90,"PasswordReusePrevention":5},"Alias":"workloads"}
            """),
        ["User"] = (() => DirectoryJson.Serialize(StoredJsonSamples.User), """
            {"AccountId":"111111111111","UserName":"Alex","Path":"/eng/","UserId":"AIDAEXAMPLEUSER00001","CreateDate":"2024-05-01T12:30:15.123+00:00","InlinePolicies":[{"PolicyName":"inline","Document":"{\u0022Version\u0022:\u00222012-10-17\u0022,\u0022Statement\u0022:[{\u0022Effect\u0022:\u0022Allow\u0022,\u0022Action\u0022:\u0022s3:GetObject\u0022,\u0022Resource\u0022:\u0022arn:aws:s3:::b/\u003Ck\u003E\u0026\u002B\u0027\u00E9\u0022}]}"}],"AttachedPolicies":[{"PolicyName":"ReadOnlyAccess","PolicyArn":"arn:aws:iam::aws:policy/ReadOnlyAccess"}],"Groups":["Admins"],"PermissionsBoundaryArn":"arn:aws:iam::111111111111:policy/Boundary","Tags":[{"Key":"team","Value":"blue"}],"LoginProfile":{"CreateDate":"2024-05-01T12:30:15.123+00:00","PasswordResetRequired":true,"PasswordHash":"aGFzaA==","PasswordSalt":"c2FsdA==","Iterations":100000},"MfaSerials":["arn:aws:iam::111111111111:mfa/alex"],"PasswordLastUsed":"2024-06-02T08:00:00+02:00"}
            """),
        ["Group"] = (() => DirectoryJson.Serialize(StoredJsonSamples.Group), """
            {"AccountId":"111111111111","GroupName":"Admins","Path":"/","GroupId":"AGPAEXAMPLEGROUP0001","CreateDate":"2024-05-01T12:30:15.123+00:00","InlinePolicies":[{"PolicyName":"g","Document":"{\u0022Version\u0022:\u00222012-10-17\u0022,\u0022Statement\u0022:[{\u0022Effect\u0022:\u0022Allow\u0022,\u0022Action\u0022:\u0022s3:GetObject\u0022,\u0022Resource\u0022:\u0022arn:aws:s3:::b/\u003Ck\u003E\u0026\u002B\u0027\u00E9\u0022}]}"}],"AttachedPolicies":[{"PolicyName":"AdministratorAccess","PolicyArn":"arn:aws:iam::aws:policy/AdministratorAccess"}]}
            """),
        ["Role"] = (() => DirectoryJson.Serialize(StoredJsonSamples.Role), """
            {"AccountId":"111111111111","RoleName":"Deploy","Path":"/ci/","RoleId":"AROAEXAMPLEROLE00001","CreateDate":"2024-05-01T12:30:15.123+00:00","AssumeRolePolicyDocument":"{\u0022Version\u0022:\u00222012-10-17\u0022,\u0022Statement\u0022:[{\u0022Effect\u0022:\u0022Allow\u0022,\u0022Action\u0022:\u0022s3:GetObject\u0022,\u0022Resource\u0022:\u0022arn:aws:s3:::b/\u003Ck\u003E\u0026\u002B\u0027\u00E9\u0022}]}","Description":"deploys \u0022things\u0022","MaxSessionDuration":7200,"InlinePolicies":[{"PolicyName":"r","Document":"{\u0022Version\u0022:\u00222012-10-17\u0022,\u0022Statement\u0022:[{\u0022Effect\u0022:\u0022Allow\u0022,\u0022Action\u0022:\u0022s3:GetObject\u0022,\u0022Resource\u0022:\u0022arn:aws:s3:::b/\u003Ck\u003E\u0026\u002B\u0027\u00E9\u0022}]}"}],"AttachedPolicies":[{"PolicyName":"ReadOnlyAccess","PolicyArn":"arn:aws:iam::aws:policy/ReadOnlyAccess"}],"PermissionsBoundaryArn":"arn:aws:iam::111111111111:policy/Boundary","Tags":[{"Key":"owner","Value":"ci"}],"InstanceProfiles":[{"InstanceProfileName":"Deploy","InstanceProfileId":"AIPAEXAMPLEPROFILE01","Path":"/","Arn":"arn:aws:iam::111111111111:instance-profile/Deploy","CreateDate":"2024-05-01T12:30:15.123+00:00","Tags":[{"Key":"a","Value":"b"}]}],"LastUsedDate":"2024-06-02T08:00:00+02:00","LastUsedRegion":"eu-west-1"}
            """),
        ["Policy"] = (() => DirectoryJson.Serialize(StoredJsonSamples.Policy), """
            {"AccountId":"111111111111","PolicyName":"Boundary","PolicyId":"ANPAEXAMPLEPOLICY001","Path":"/","Description":"limits","CreateDate":"2024-05-01T12:30:15.123+00:00","UpdateDate":"2024-06-02T08:00:00+02:00","IsAttachable":true,"Versions":[{"VersionId":"v1","Document":"{\u0022Version\u0022:\u00222012-10-17\u0022,\u0022Statement\u0022:[{\u0022Effect\u0022:\u0022Allow\u0022,\u0022Action\u0022:\u0022s3:GetObject\u0022,\u0022Resource\u0022:\u0022arn:aws:s3:::b/\u003Ck\u003E\u0026\u002B\u0027\u00E9\u0022}]}","IsDefaultVersion":false,"CreateDate":"2024-05-01T12:30:15.123+00:00"},{"VersionId":"v2","Document":"{\u0022Version\u0022:\u00222012-10-17\u0022,\u0022Statement\u0022:[{\u0022Effect\u0022:\u0022Allow\u0022,\u0022Action\u0022:\u0022s3:GetObject\u0022,\u0022Resource\u0022:\u0022arn:aws:s3:::b/\u003Ck\u003E\u0026\u002B\u0027\u00E9\u0022}]}","IsDefaultVersion":true,"CreateDate":"2024-06-02T08:00:00+02:00"}],"Tags":[{"Key":"k","Value":"v"}],"LastVersionNumber":2}
            """),
        ["Key"] = (() => DirectoryJson.Serialize(StoredJsonSamples.Key), """
            {"AccountId":"111111111111","UserName":"Alex","AccessKeyId":"AKIAEXAMPLEKEY000001","SecretAccessKey":"secret/with\u002Bchars","Status":"Inactive","CreateDate":"2024-05-01T12:30:15.123+00:00","LastUsedDate":"2024-06-02T08:00:00+02:00"}
            """),
        ["Mfa"] = (() => DirectoryJson.Serialize(StoredJsonSamples.Mfa), """
            {"AccountId":"111111111111","SerialNumber":"arn:aws:iam::111111111111:mfa/alex","Base32Seed":"JBSWY3DPEHPK3PXP","UserName":"Alex","EnableDate":"2024-05-01T12:30:15.123+00:00","Tags":[{"Key":"k","Value":"v"}]}
            """),
        ["Session"] = (() => DirectoryJson.Serialize(StoredJsonSamples.Session), """
            {"AccountId":"111111111111","AccessKeyId":"ASIAEXAMPLESESSION01","SecretAccessKey":"s","SessionToken":"token==","Kind":"FederatedUser","IssuedAt":"2024-05-01T12:30:15.123+00:00","Expiration":"2024-06-02T08:00:00+02:00","RoleArn":"arn:aws:iam::111111111111:role/ci/Deploy","RoleId":"AROAEXAMPLEROLE00001","SessionName":"build","UserArn":"arn:aws:iam::111111111111:user/eng/Alex","SourceArn":"arn:aws:iam::111111111111:user/eng/Alex","SessionPolicy":"{\u0022Version\u0022:\u00222012-10-17\u0022,\u0022Statement\u0022:[{\u0022Effect\u0022:\u0022Allow\u0022,\u0022Action\u0022:\u0022s3:GetObject\u0022,\u0022Resource\u0022:\u0022arn:aws:s3:::b/\u003Ck\u003E\u0026\u002B\u0027\u00E9\u0022}]}","SessionPolicyArns":["arn:aws:iam::111111111111:policy/Boundary"],"SessionTags":[{"Key":"project","Value":"x"}],"TransitiveTagKeys":["project"],"SourceIdentity":"alex","MfaAuthenticated":true,"MfaAuthTime":"2024-05-01T12:30:15.123+00:00","Chained":true}
            """),
        ["Event"] = (() => DirectoryJson.Serialize(StoredJsonSamples.Event), """
            {"EventId":"0b7e5a9c-1111-2222-3333-444455556666","EventTime":"2024-05-01T12:30:15.123+00:00","EventSource":"iam.amazonaws.com","EventName":"CreateUser","AwsRegion":"eu-west-1","RecipientAccountId":"111111111111","UserIdentity":"{\u0022type\u0022:\u0022IAMUser\u0022,\u0022accountId\u0022:\u0022111111111111\u0022}","SourceIpAddress":"127.0.0.1","UserAgent":"aws-cli/2","RequestParameters":"{\u0022userName\u0022:\u0022alex\u0022}","ResponseElements":"{}","ErrorCode":"AccessDenied","ErrorMessage":"not \u003Callowed\u003E","RequestId":"req-1","Sequence":42}
            """),
        ["MinimalUser"] = (() => DirectoryJson.Serialize(StoredJsonSamples.MinimalUser), """
            {"AccountId":"111111111111","UserName":"min","Path":"/","UserId":"AIDAEXAMPLEUSER00002","CreateDate":"0001-01-01T00:00:00+00:00","InlinePolicies":[],"AttachedPolicies":[],"Groups":[],"Tags":[],"MfaSerials":[]}
            """),
    };

    private static readonly Dictionary<string, Func<string, string>> RoundTrip = new()
    {
        ["Organization"] = json => DirectoryJson.Serialize(DirectoryJson.Deserialize<Organization>(json)),
        ["Root"] = json => DirectoryJson.Serialize(DirectoryJson.Deserialize<OrganizationRoot>(json)),
        ["Unit"] = json => DirectoryJson.Serialize(DirectoryJson.Deserialize<OrganizationalUnit>(json)),
        ["Scp"] = json => DirectoryJson.Serialize(DirectoryJson.Deserialize<OrganizationPolicy>(json)),
        ["Account"] = json => DirectoryJson.Serialize(DirectoryJson.Deserialize<Account>(json)),
        ["User"] = json => DirectoryJson.Serialize(DirectoryJson.Deserialize<IamUser>(json)),
        ["Group"] = json => DirectoryJson.Serialize(DirectoryJson.Deserialize<IamGroup>(json)),
        ["Role"] = json => DirectoryJson.Serialize(DirectoryJson.Deserialize<IamRole>(json)),
        ["Policy"] = json => DirectoryJson.Serialize(DirectoryJson.Deserialize<ManagedPolicy>(json)),
        ["Key"] = json => DirectoryJson.Serialize(DirectoryJson.Deserialize<AccessKey>(json)),
        ["Mfa"] = json => DirectoryJson.Serialize(DirectoryJson.Deserialize<VirtualMfaDevice>(json)),
        ["Session"] = json => DirectoryJson.Serialize(DirectoryJson.Deserialize<StsSession>(json)),
        ["Event"] = json => DirectoryJson.Serialize(DirectoryJson.Deserialize<AuditEvent>(json)),
        ["MinimalUser"] = json => DirectoryJson.Serialize(DirectoryJson.Deserialize<IamUser>(json)),
    };
}
