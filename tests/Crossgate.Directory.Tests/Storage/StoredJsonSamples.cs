using Crossgate.Directory.Model;

namespace Crossgate.Directory.Tests.Storage;

/// <summary>One entity of every stored kind with every property set (fixed ids and times), so that the stored JSON
/// of each can be pinned character for character.</summary>
internal static class StoredJsonSamples
{
    private const string A = "111111111111";
    private const string Document = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/<k>&+'é"}]}""";

    public static readonly DateTimeOffset At = new(2024, 5, 1, 12, 30, 15, 123, TimeSpan.Zero);
    public static readonly DateTimeOffset Later = new(2024, 6, 2, 8, 0, 0, TimeSpan.FromHours(2));

    public static Organization Organization { get; } = new()
    {
        Id = "o-abcdefghij", ManagementAccountId = A, ManagementAccountEmail = "root@example.com", FeatureSet = "ALL",
    };

    public static OrganizationRoot Root { get; } = new()
    {
        Id = "r-ab12", OrganizationId = "o-abcdefghij", Arn = $"arn:aws:organizations::{A}:root/o-abcdefghij/r-ab12",
        PolicyTypes = ["SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY"], AttachedPolicyIds = ["p-FullAWSAccess"],
    };

    public static OrganizationalUnit Unit { get; } = new()
    {
        Id = "ou-ab12-cdef3456", OrganizationId = "o-abcdefghij", Arn = $"arn:aws:organizations::{A}:ou/o-abcdefghij/ou-ab12-cdef3456",
        Name = "Prod", ParentId = "r-ab12", AttachedPolicyIds = ["p-12345678"], Tags = [new Tag("env", "prod")],
    };

    public static OrganizationPolicy Scp { get; } = new()
    {
        Id = "p-12345678", OrganizationId = "o-abcdefghij", Name = "DenyAll", Description = "no <access> & more",
        Type = OrganizationPolicyType.ResourceControlPolicy, AwsManaged = false, Content = Document,
        Arn = $"arn:aws:organizations::{A}:policy/o-abcdefghij/resource_control_policy/p-12345678", Tags = [new Tag("k", "v")],
    };

    public static Account Account { get; } = new()
    {
        Id = "222222222222", Name = "Workloads", Email = "w@example.com", Status = AccountStatus.PendingClosure,
        OrganizationId = "o-abcdefghij", ParentId = "ou-ab12-cdef3456", Arn = $"arn:aws:organizations::{A}:account/o-abcdefghij/222222222222",
        JoinedMethod = "CREATED", JoinedTimestamp = At, AttachedPolicyIds = ["p-FullAWSAccess"], Tags = [new Tag("team", "blue")],
        PasswordPolicy = new PasswordPolicy
        {
            MinimumPasswordLength = 14, RequireUppercaseCharacters = true, RequireLowercaseCharacters = true, RequireNumbers = true,
            RequireSymbols = true, MinimumCharacterClasses = 0, AllowUsersToChangePassword = false, MaxPasswordAge = 90, PasswordReusePrevention = 5,
        },
        Alias = "workloads",
    };

    public static IamUser User { get; } = new()
    {
        AccountId = A, UserName = "Alex", Path = "/eng/", UserId = "AIDAEXAMPLEUSER00001", CreateDate = At,
        InlinePolicies = [new InlinePolicy("inline", Document)],
        AttachedPolicies = [new AttachedPolicy("ReadOnlyAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess")],
        Groups = ["Admins"], PermissionsBoundaryArn = $"arn:aws:iam::{A}:policy/Boundary", Tags = [new Tag("team", "blue")],
        LoginProfile = new LoginProfile { CreateDate = At, PasswordResetRequired = true, PasswordHash = "aGFzaA==", PasswordSalt = "c2FsdA==", Iterations = 100_000 },
        MfaSerials = [$"arn:aws:iam::{A}:mfa/alex"], PasswordLastUsed = Later,
    };

    public static IamGroup Group { get; } = new()
    {
        AccountId = A, GroupName = "Admins", Path = "/", GroupId = "AGPAEXAMPLEGROUP0001", CreateDate = At,
        InlinePolicies = [new InlinePolicy("g", Document)],
        AttachedPolicies = [new AttachedPolicy("AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess")],
    };

    public static IamRole Role { get; } = new()
    {
        AccountId = A, RoleName = "Deploy", Path = "/ci/", RoleId = "AROAEXAMPLEROLE00001", CreateDate = At,
        AssumeRolePolicyDocument = Document, Description = "deploys \"things\"", MaxSessionDuration = 7200,
        InlinePolicies = [new InlinePolicy("r", Document)],
        AttachedPolicies = [new AttachedPolicy("ReadOnlyAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess")],
        PermissionsBoundaryArn = $"arn:aws:iam::{A}:policy/Boundary", Tags = [new Tag("owner", "ci")],
        InstanceProfiles = [new InstanceProfile
        {
            InstanceProfileName = "Deploy", InstanceProfileId = "AIPAEXAMPLEPROFILE01", Path = "/", Arn = $"arn:aws:iam::{A}:instance-profile/Deploy",
            CreateDate = At, Tags = [new Tag("a", "b")],
        }],
        LastUsedDate = Later, LastUsedRegion = "eu-west-1",
    };

    public static ManagedPolicy Policy { get; } = new()
    {
        AccountId = A, PolicyName = "Boundary", PolicyId = "ANPAEXAMPLEPOLICY001", Path = "/", Description = "limits",
        CreateDate = At, UpdateDate = Later, IsAttachable = true,
        Versions =
        [
            new PolicyVersion { VersionId = "v1", Document = Document, IsDefaultVersion = false, CreateDate = At },
            new PolicyVersion { VersionId = "v2", Document = Document, IsDefaultVersion = true, CreateDate = Later },
        ],
        Tags = [new Tag("k", "v")], LastVersionNumber = 2,
    };

    public static AccessKey Key { get; } = new()
    {
        AccountId = A, UserName = "Alex", AccessKeyId = "AKIAEXAMPLEKEY000001", SecretAccessKey = "secret/with+chars",
        Status = AccessKeyStatus.Inactive, CreateDate = At, LastUsedDate = Later,
    };

    public static VirtualMfaDevice Mfa { get; } = new()
    {
        AccountId = A, SerialNumber = $"arn:aws:iam::{A}:mfa/alex", Base32Seed = "JBSWY3DPEHPK3PXP", UserName = "Alex",
        EnableDate = At, Tags = [new Tag("k", "v")],
    };

    public static StsSession Session { get; } = new()
    {
        AccountId = A, AccessKeyId = "ASIAEXAMPLESESSION01", SecretAccessKey = "s", SessionToken = "token==",
        Kind = StsSessionKind.FederatedUser, IssuedAt = At, Expiration = Later, RoleArn = $"arn:aws:iam::{A}:role/ci/Deploy",
        RoleId = "AROAEXAMPLEROLE00001", SessionName = "build", UserArn = $"arn:aws:iam::{A}:user/eng/Alex",
        SourceArn = $"arn:aws:iam::{A}:user/eng/Alex", SessionPolicy = Document, SessionPolicyArns = [$"arn:aws:iam::{A}:policy/Boundary"],
        SessionTags = [new Tag("project", "x")], TransitiveTagKeys = ["project"], SourceIdentity = "alex",
        MfaAuthenticated = true, MfaAuthTime = At, Chained = true,
    };

    public static AuditEvent Event { get; } = new()
    {
        EventId = "0b7e5a9c-1111-2222-3333-444455556666", EventTime = At, EventSource = "iam.amazonaws.com",
        EventName = "CreateUser", AwsRegion = "eu-west-1", RecipientAccountId = A,
        UserIdentity = """{"type":"IAMUser","accountId":"111111111111"}""", SourceIpAddress = "127.0.0.1", UserAgent = "aws-cli/2",
        RequestParameters = """{"userName":"alex"}""", ResponseElements = "{}", ErrorCode = "AccessDenied",
        ErrorMessage = "not <allowed>", RequestId = "req-1", Sequence = 42,
    };

    /// <summary>The least an entity can be: required properties only, everything else at its default.</summary>
    public static IamUser MinimalUser { get; } = new() { AccountId = A, UserName = "min", UserId = "AIDAEXAMPLEUSER00002" };
}
