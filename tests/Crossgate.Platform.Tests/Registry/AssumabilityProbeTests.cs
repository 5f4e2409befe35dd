using Crossgate.Platform.Aws;
using Crossgate.Platform.Registry;
using Crossgate.Testing;

namespace Crossgate.Platform.Tests.Registry;

/// <summary>The probe over real HTTP against a fake STS answering as AWS does: each refusal becomes a reason a
/// person can act on.</summary>
public sealed class AssumabilityProbeTests : IDisposable
{
    private const string CallerArn = "arn:aws:sts::111111111111:assumed-role/PlatformRole/worker";
    private const string RoleArn = "arn:aws:iam::222222222222:role/PlatformResponseRole";
    private static readonly AwsCredentialSet Platform = new("AKIAPLATFORM00000001", "secret", null);

    private readonly FakeAwsEndpoint _sts;
    private FakeAwsResponse _assumeAnswer = FakeAwsResponse.AssumeRoleOk(RoleArn, AssumabilityProbe.SessionName);
    private FakeAwsResponse _simulatorAnswer = FakeAwsResponse.QueryError(403, "AccessDenied", "not authorized to perform: iam:SimulatePrincipalPolicy", "https://iam.amazonaws.com/doc/2010-05-08/");

    public AssumabilityProbeTests()
    {
        _sts = new FakeAwsEndpoint(request => request.Action switch
        {
            "AssumeRole" => _assumeAnswer,
            "GetCallerIdentity" => FakeAwsResponse.CallerIdentity(CallerArn),
            "SimulatePrincipalPolicy" => _simulatorAnswer,
            _ => FakeAwsResponse.QueryError(400, "InvalidAction", "unexpected " + request.Action),
        });
    }

    public void Dispose() => _sts.Dispose();

    private static RegisteredAccount Registration(string? externalId = null, int duration = 3600) => new()
    {
        Alias = "b", RoleArn = RoleArn, AccountId = "222222222222", ExternalId = externalId, SessionDuration = duration,
    };

    private Task<ProbeResult> Probe(RegisteredAccount registration, HttpClient? http = null) =>
        new AssumabilityProbe(new AwsTarget(_sts.Url), Platform, http).ProbeAsync(registration, default);

    private static string Denied(string suffix = "") =>
        $"User: {CallerArn} is not authorized to perform: sts:AssumeRole on resource: {RoleArn}{suffix}";

    [Fact]
    public async Task A_role_that_can_be_assumed_yields_the_session_and_sends_the_registration()
    {
        var result = await Probe(Registration("ext-123", 7200));

        Assert.True(result.Assumable);
        Assert.Equal("ASIAFAKEASSUMED00001", result.Credentials!.AccessKeyId);
        var sent = _sts.Requests.Single(r => r.Action == "AssumeRole");
        Assert.Equal(RoleArn, sent["RoleArn"]);
        Assert.Equal("ext-123", sent["ExternalId"]);
        Assert.Equal("7200", sent["DurationSeconds"]);
        Assert.Equal("AKIAPLATFORM00000001", sent.AccessKeyId);
    }

    [Fact]
    public async Task The_time_STS_took_to_answer_is_kept_with_a_success_and_with_a_refusal()
    {
        // STS answers after 150 ms: the time kept covers the wait for the answer.
        var answer = _sts.Handler;
        _sts.Handler = request =>
        {
            if (request.Action == "AssumeRole")
            {
                Thread.Sleep(150);
            }

            return answer(request);
        };

        var assumed = await Probe(Registration());
        _assumeAnswer = FakeAwsResponse.QueryError(403, "AccessDenied", Denied());
        var refused = await Probe(Registration());

        Assert.True(assumed.AssumeRoleTime >= TimeSpan.FromMilliseconds(150), $"{assumed.AssumeRoleTime}");
        Assert.True(refused.AssumeRoleTime >= TimeSpan.FromMilliseconds(150), $"{refused.AssumeRoleTime}");
    }

    [Fact]
    public async Task A_bare_AccessDenied_lists_every_likely_cause_with_the_callers_identity()
    {
        _assumeAnswer = FakeAwsResponse.QueryError(403, "AccessDenied", Denied());

        var result = await Probe(Registration());

        Assert.False(result.Assumable);
        Assert.Equal(AssumeFailureKind.AccessDeniedAmbiguous, result.Failure);
        Assert.Equal("AccessDenied", result.AwsCode);
        Assert.Contains("does not trust the caller: it must name account 111111111111 (arn:aws:iam::111111111111:root) or the role arn:aws:iam::111111111111:role/PlatformRole", result.Reason);
        Assert.Contains("requires an external id (a condition on sts:ExternalId) and none is registered: register the account with the external id", result.Reason);
        Assert.Contains($"the caller's own policy ({CallerArn}) does not allow sts:AssumeRole on {RoleArn}", result.Reason);
        Assert.Contains("the role does not exist in account 222222222222", result.Reason);
    }

    [Fact]
    public async Task With_a_registered_external_id_the_cause_names_it_as_possibly_wrong()
    {
        _assumeAnswer = FakeAwsResponse.QueryError(403, "AccessDenied", Denied());

        var result = await Probe(Registration("wrong-id"));

        Assert.Contains("expects an external id other than the registered 'wrong-id'", result.Reason);
        Assert.DoesNotContain("none is registered", result.Reason);
    }

    [Fact]
    public async Task When_the_simulator_finds_the_callers_policy_lacking_AssumeRole_that_is_the_reason()
    {
        _assumeAnswer = FakeAwsResponse.QueryError(403, "AccessDenied", Denied());
        _simulatorAnswer = FakeAwsResponse.Simulation([("sts:AssumeRole", RoleArn, "implicitDeny", [])]);
        using var http = new HttpClient();

        var result = await Probe(Registration(), http);

        Assert.Equal(AssumeFailureKind.CallerPolicy, result.Failure);
        Assert.StartsWith("The fault is on the caller's side: its identity-based policies do not allow", result.Reason);
        Assert.Contains("crossgate template caller --role-name PlatformResponseRole", result.Reason);
        var asked = _sts.Requests.Single(r => r.Action == "SimulatePrincipalPolicy");
        Assert.Equal("arn:aws:iam::111111111111:role/PlatformRole", asked["PolicySourceArn"]);
        Assert.Equal(RoleArn, asked["ResourceArns.member.1"]);
        // The question carries a resource policy trusting the caller's account, so the answer is the caller's side alone.
        Assert.Contains("arn:aws:iam::111111111111:root", asked["ResourcePolicy"]);
    }

    [Fact]
    public async Task An_explicit_deny_on_the_callers_side_is_named_and_no_Allow_is_advised()
    {
        _assumeAnswer = FakeAwsResponse.QueryError(403, "AccessDenied", Denied());
        _simulatorAnswer = FakeAwsResponse.Simulation([("sts:AssumeRole", RoleArn, "explicitDeny", [])]);
        using var http = new HttpClient();

        var result = await Probe(Registration(), http);

        Assert.Equal(AssumeFailureKind.CallerDeny, result.Failure);
        Assert.Contains("explicitly denied sts:AssumeRole", result.Reason);
        Assert.Contains("An Allow cannot override a Deny", result.Reason);
        Assert.DoesNotContain("template caller", result.Reason);
    }

    [Fact]
    public async Task When_the_simulator_finds_the_callers_side_allowing_AssumeRole_the_target_is_at_fault()
    {
        _assumeAnswer = FakeAwsResponse.QueryError(403, "AccessDenied", Denied());
        _simulatorAnswer = FakeAwsResponse.Simulation([("sts:AssumeRole", RoleArn, "allowed", [])]);
        using var http = new HttpClient();

        var result = await Probe(Registration("ext"), http);

        Assert.Equal(AssumeFailureKind.TargetSide, result.Failure);
        Assert.StartsWith("The fault is on the target side, in account 222222222222: the role " + RoleArn + " does not exist, or its trust policy does not trust " + CallerArn, result.Reason);
        Assert.Contains("the external id 'ext'", result.Reason);
        Assert.Contains("a session of 3600 seconds", result.Reason);
        Assert.Contains("role chaining", result.Reason); // the caller is a session of PlatformRole
        Assert.DoesNotContain("template caller", result.Reason);
    }

    [Fact]
    public async Task A_simulator_the_caller_may_not_ask_leaves_every_cause_listed()
    {
        _assumeAnswer = FakeAwsResponse.QueryError(403, "AccessDenied", Denied());
        using var http = new HttpClient();

        var result = await Probe(Registration(), http);

        Assert.Equal(AssumeFailureKind.AccessDeniedAmbiguous, result.Failure);
        Assert.Contains("  4. the role does not exist", result.Reason);
    }

    [Theory]
    [InlineData(" with an explicit deny in the role trust policy", AssumeFailureKind.TrustPolicy, "The trust policy of arn:aws:iam::222222222222:role/PlatformResponseRole does not allow")]
    [InlineData(" because no identity-based policy allows the sts:AssumeRole action", AssumeFailureKind.CallerPolicy, "The fault is on the caller's side: its identity-based policies do not allow")]
    [InlineData(" with an explicit deny in a service control policy", AssumeFailureKind.CallerDeny, "by a service control policy over its account. An Allow cannot override a Deny")]
    public async Task A_denial_that_names_its_policy_type_is_explained_by_that_cause(string suffix, AssumeFailureKind kind, string expected)
    {
        _assumeAnswer = FakeAwsResponse.QueryError(403, "AccessDenied", Denied(suffix));

        var result = await Probe(Registration());

        Assert.Equal(kind, result.Failure);
        Assert.Contains(expected, result.Reason);
    }

    [Fact]
    public async Task A_session_longer_than_the_roles_maximum_says_so_with_the_requested_length()
    {
        _assumeAnswer = FakeAwsResponse.QueryError(400, "ValidationError", "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");

        var result = await Probe(Registration(duration: 7200));

        Assert.Equal(AssumeFailureKind.SessionTooLong, result.Failure);
        Assert.Contains("maximum session duration is shorter than the 7200 seconds requested", result.Reason);
        Assert.Contains("--session-duration", result.Reason);
    }

    [Fact]
    public async Task Role_chaining_beyond_one_hour_is_named()
    {
        _assumeAnswer = FakeAwsResponse.QueryError(400, "ValidationError", "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");

        var result = await Probe(Registration(duration: 7200));

        Assert.Equal(AssumeFailureKind.ChainingLimit, result.Failure);
        Assert.Contains("one hour", result.Reason);
    }

    [Fact]
    public async Task An_endpoint_that_says_the_role_is_missing_is_believed()
    {
        _assumeAnswer = FakeAwsResponse.QueryError(404, "NoSuchEntity", "The role with name PlatformResponseRole cannot be found.");

        var result = await Probe(Registration());

        Assert.Equal(AssumeFailureKind.RoleMissing, result.Failure);
        Assert.Contains($"The role {RoleArn} does not exist", result.Reason);
    }

    [Fact]
    public async Task Refused_platform_credentials_point_at_the_credential_chain()
    {
        _assumeAnswer = FakeAwsResponse.QueryError(403, "InvalidClientTokenId", "The security token included in the request is invalid.");

        var result = await Probe(Registration());

        Assert.Equal(AssumeFailureKind.CallerCredentials, result.Failure);
        Assert.Contains("AWS_PROFILE", result.Reason);
    }

    [Fact]
    public async Task Root_callers_are_told_root_cannot_assume_roles()
    {
        _assumeAnswer = FakeAwsResponse.QueryError(403, "AccessDenied", "Roles may not be assumed by root accounts.");

        var result = await Probe(Registration());

        Assert.Equal(AssumeFailureKind.RootCaller, result.Failure);
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_reported_as_such()
    {
        var url = _sts.Url;
        _sts.Dispose();

        var result = await new AssumabilityProbe(new AwsTarget(url), Platform).ProbeAsync(Registration(), default);

        Assert.False(result.Assumable);
        Assert.Equal(AssumeFailureKind.Unreachable, result.Failure);
    }

    [Theory]
    [InlineData("arn:aws:sts::111111111111:assumed-role/PlatformRole/s", "111111111111", "arn:aws:iam::111111111111:role/PlatformRole")]
    [InlineData("arn:aws:iam::111111111111:user/ops", "111111111111", null)]
    [InlineData("arn:aws:iam::111111111111:root", "111111111111", null)]
    public void The_callers_account_and_role_are_read_from_its_arn(string arn, string account, string? role)
    {
        Assert.Equal((account, role), AssumeFailureExplainer.CallerParts(arn));
    }
}
