using Crossgate.Analysis.Graph;
using static Crossgate.Analysis.Tests.TestStore;

namespace Crossgate.Analysis.Tests;

/// <summary>Each escalation technique on a minimal account: the attacker holds exactly the permissions of the
/// pathfinding.cloud path, and the edge carries its id.</summary>
public sealed class EscalationTests
{
    private const string A = "111111111111";
    private const string Root = "arn:aws:iam::111111111111:root";

    [Theory]
    [InlineData("iam-002", "iam:CreateAccessKey")]
    [InlineData("iam-004", "iam:CreateLoginProfile")]
    public async Task BecomingAnotherUser(string technique, string action)
    {
        await using var store = await CreateAsync();
        var attacker = await store.UserAsync(A, "attacker", Allow(action));
        var victim = await store.UserAsync(A, "victim");
        var graph = await store.GraphAsync();
        var edge = graph.Edge(attacker, victim);
        Assert.Equal(EdgeKind.Escalation, edge.Kind);
        Assert.Equal(technique, edge.Technique);
        Assert.Equal(action, edge.Action);
    }

    [Fact]
    public async Task UpdatingALoginProfileNeedsOneAndTwoKeysNeedDeleteAccessKey()
    {
        await using var store = await CreateAsync();
        var attacker = await store.UserAsync(A, "attacker", Allow(["iam:UpdateLoginProfile", "iam:CreateAccessKey", "iam:DeleteAccessKey"]));
        var withPassword = await store.UserAsync(A, "console");
        (await store.Iam.CreateLoginProfileAsync(A, "console", "Sup3r-Secret-Passw0rd!")).GetValueOrThrow();
        var twoKeys = await store.UserAsync(A, "keys");
        (await store.Iam.CreateAccessKeyAsync(A, "keys")).GetValueOrThrow();
        (await store.Iam.CreateAccessKeyAsync(A, "keys")).GetValueOrThrow();
        var graph = await store.GraphAsync();
        Assert.Equal("iam-002", graph.Edge(attacker, withPassword).Technique);
        Assert.Equal("iam-003", graph.Edge(attacker, twoKeys).Technique);

        await using var other = await CreateAsync();
        var updater = await other.UserAsync(A, "attacker", Allow("iam:UpdateLoginProfile"));
        await other.UserAsync(A, "console");
        (await other.Iam.CreateLoginProfileAsync(A, "console", "Sup3r-Secret-Passw0rd!")).GetValueOrThrow();
        Assert.Equal("iam-006", (await other.GraphAsync()).Edge(updater, "arn:aws:iam::111111111111:user/console").Technique);
    }

    [Fact]
    public async Task RewritingATrustPolicy()
    {
        await using var store = await CreateAsync();
        var attacker = await store.UserAsync(A, "attacker", Allow("iam:UpdateAssumeRolePolicy", $"arn:aws:iam::{A}:role/Admin"));
        var admin = await store.RoleAsync(A, "Admin", TrustService("ec2.amazonaws.com"), Allow("*"));
        var other = await store.RoleAsync(A, "Other", TrustService("ec2.amazonaws.com"));
        var graph = await store.GraphAsync();
        Assert.Equal("iam-012", graph.Edge(attacker, admin).Technique);
        graph.NoEdge(attacker, other);

        var finding = graph.Findings().Findings.Single(f => f.Id == $"path-to-administrator:{attacker}");
        Assert.Equal("high", finding.Severity);
        Assert.Equal(attacker, graph.Nodes[finding.Path[0].From].Arn);
    }

    [Theory]
    [InlineData("iam-007", "iam:PutUserPolicy", false)]
    [InlineData("iam-008", "iam:AttachUserPolicy", false)]
    [InlineData("iam-005", "iam:PutRolePolicy", true)]
    [InlineData("iam-009", "iam:AttachRolePolicy", true)]
    public async Task ChangingItsOwnPermissions(string technique, string action, bool isRole)
    {
        await using var store = await CreateAsync();
        var attacker = isRole
            ? await store.RoleAsync(A, "attacker", TrustService("ec2.amazonaws.com"), Allow(action, $"arn:aws:iam::{A}:role/attacker"))
            : await store.UserAsync(A, "attacker", Allow(action, $"arn:aws:iam::{A}:user/attacker"));
        var graph = await store.GraphAsync();
        Assert.Equal(technique, graph.Edge(attacker, Root).Technique);
        Assert.Contains(graph.Findings().Findings, f => f.Id == $"path-to-administrator:{attacker}");
    }

    [Fact]
    public async Task APermissionsBoundaryCutsAnEscalation()
    {
        await using var store = await CreateAsync();
        var boundary = (await store.Iam.CreatePolicyAsync(A, "S3Only", Allow("s3:*"))).GetValueOrThrow();
        var bounded = (await store.Iam.CreateUserAsync(A, "bounded", permissionsBoundaryArn: boundary.Arn)).GetValueOrThrow().Arn;
        (await store.Iam.PutUserPolicyAsync(A, "bounded", "self", Allow("iam:PutUserPolicy"))).GetValueOrThrow();
        var free = await store.UserAsync(A, "free", Allow("iam:PutUserPolicy"));
        var graph = await store.GraphAsync();
        graph.NoEdge(bounded, Root);
        Assert.Equal("iam-007", graph.Edge(free, Root).Technique);
    }

    [Theory]
    [InlineData("iam-011", "iam:PutGroupPolicy")]
    [InlineData("iam-010", "iam:AttachGroupPolicy")]
    public async Task ChangingItsGroupsPermissions(string technique, string action)
    {
        await using var store = await CreateAsync();
        var attacker = await store.UserAsync(A, "attacker");
        (await store.Iam.CreateGroupAsync(A, "devs")).GetValueOrThrow();
        (await store.Iam.PutGroupPolicyAsync(A, "devs", "self", Allow(action, $"arn:aws:iam::{A}:group/devs"))).GetValueOrThrow();
        (await store.Iam.AddUserToGroupAsync(A, "devs", "attacker")).GetValueOrThrow();
        var graph = await store.GraphAsync();
        Assert.Equal(technique, graph.Edge(attacker, Root).Technique);
    }

    [Fact]
    public async Task JoiningAnAdministratorsGroup()
    {
        await using var store = await CreateAsync();
        var attacker = await store.UserAsync(A, "attacker", Allow("iam:AddUserToGroup"));
        (await store.Iam.CreateGroupAsync(A, "admins")).GetValueOrThrow();
        (await store.Iam.AttachGroupPolicyAsync(A, "admins", "arn:aws:iam::aws:policy/AdministratorAccess")).GetValueOrThrow();
        (await store.Iam.CreateGroupAsync(A, "readers")).GetValueOrThrow();
        var graph = await store.GraphAsync();
        var edge = graph.Edge(attacker, Root);
        Assert.Equal("iam-013", edge.Technique);
    }

    [Fact]
    public async Task RewritingAnAttachedPolicy()
    {
        await using var store = await CreateAsync();
        var policy = (await store.Iam.CreatePolicyAsync(A, "Mine", Allow("iam:CreatePolicyVersion", $"arn:aws:iam::{A}:policy/Mine"))).GetValueOrThrow();
        var attacker = await store.UserAsync(A, "attacker");
        (await store.Iam.AttachUserPolicyAsync(A, "attacker", policy.Arn)).GetValueOrThrow();
        var graph = await store.GraphAsync();
        Assert.Equal("iam-001", graph.Edge(attacker, Root).Technique);
    }

    [Theory]
    [InlineData("iam-014", "iam:AttachRolePolicy")]
    [InlineData("iam-017", "iam:PutRolePolicy")]
    public async Task ChangingARoleItCanAssume(string technique, string action)
    {
        await using var store = await CreateAsync();
        var attacker = await store.UserAsync(A, "attacker", Allow([action, "sts:AssumeRole"], $"arn:aws:iam::{A}:role/Weak"));
        var weak = await store.RoleAsync(A, "Weak", TrustAccount(A));
        var graph = await store.GraphAsync();
        Assert.Equal("sts-001", graph.Edge(attacker, weak).Technique);
        Assert.Equal(technique, graph.Edge(attacker, Root).Technique);
        Assert.Equal(1, graph.Reaches(attacker, Root).Path.Hops);
    }

    [Fact]
    public async Task RewritingThePolicyOfARoleItCanAssume()
    {
        await using var store = await CreateAsync();
        var policy = (await store.Iam.CreatePolicyAsync(A, "WeakPolicy", Allow("s3:ListAllMyBuckets"))).GetValueOrThrow();
        var weak = await store.RoleAsync(A, "Weak", TrustAccount(A));
        (await store.Iam.AttachRolePolicyAsync(A, "Weak", policy.Arn)).GetValueOrThrow();
        var attacker = await store.UserAsync(A, "attacker", Allow("sts:AssumeRole", weak), Allow("iam:CreatePolicyVersion", policy.Arn));
        var graph = await store.GraphAsync();
        Assert.Equal("iam-016", graph.Edge(attacker, Root).Technique);
    }

    [Theory]
    [InlineData("iam-015", "iam:AttachUserPolicy")]
    [InlineData("iam-018", "iam:PutUserPolicy")]
    public async Task ChangingAnotherUserAndTakingAKey(string technique, string action)
    {
        await using var store = await CreateAsync();
        var attacker = await store.UserAsync(A, "attacker", Allow([action, "iam:CreateAccessKey"], $"arn:aws:iam::{A}:user/victim"));
        var victim = await store.UserAsync(A, "victim");
        var graph = await store.GraphAsync();
        Assert.Equal("iam-002", graph.Edge(attacker, victim).Technique);
        Assert.Equal(technique, graph.Edge(attacker, Root).Technique);
    }

    [Theory]
    [InlineData("iam-019", "iam:AttachRolePolicy")]
    [InlineData("iam-021", "iam:PutRolePolicy")]
    public async Task ChangingARoleAndItsTrust(string technique, string action)
    {
        await using var store = await CreateAsync();
        var attacker = await store.UserAsync(A, "attacker", Allow([action, "iam:UpdateAssumeRolePolicy"], $"arn:aws:iam::{A}:role/Weak"));
        await store.RoleAsync(A, "Weak", TrustService("ec2.amazonaws.com"));
        var graph = await store.GraphAsync();
        Assert.Equal(technique, graph.Edge(attacker, Root).Technique);
    }

    [Fact]
    public async Task RewritingARolesPolicyAndItsTrust()
    {
        await using var store = await CreateAsync();
        var policy = (await store.Iam.CreatePolicyAsync(A, "WeakPolicy", Allow("s3:ListAllMyBuckets"))).GetValueOrThrow();
        var weak = await store.RoleAsync(A, "Weak", TrustService("ec2.amazonaws.com"));
        (await store.Iam.AttachRolePolicyAsync(A, "Weak", policy.Arn)).GetValueOrThrow();
        var attacker = await store.UserAsync(A, "attacker", Allow("iam:UpdateAssumeRolePolicy", weak), Allow("iam:CreatePolicyVersion", policy.Arn));
        var graph = await store.GraphAsync();
        Assert.Equal("iam-012", graph.Edge(attacker, weak).Technique);
        Assert.Equal("iam-020", graph.Edge(attacker, Root).Technique);
    }

    [Theory]
    [InlineData("lambda-001", "lambda.amazonaws.com", new[] { "lambda:CreateFunction", "lambda:InvokeFunction" })]
    [InlineData("lambda-002", "lambda.amazonaws.com", new[] { "lambda:CreateFunction", "lambda:CreateEventSourceMapping" })]
    [InlineData("cloudformation-001", "cloudformation.amazonaws.com", new[] { "cloudformation:CreateStack" })]
    [InlineData("glue-001", "glue.amazonaws.com", new[] { "glue:CreateDevEndpoint" })]
    [InlineData("codebuild-001", "codebuild.amazonaws.com", new[] { "codebuild:CreateProject", "codebuild:StartBuild" })]
    [InlineData("sagemaker-001", "sagemaker.amazonaws.com", new[] { "sagemaker:CreateNotebookInstance" })]
    [InlineData("ecs-004", "ecs-tasks.amazonaws.com", new[] { "ecs:RegisterTaskDefinition", "ecs:RunTask" })]
    [InlineData("ecs-003", "ecs-tasks.amazonaws.com", new[] { "ecs:RegisterTaskDefinition", "ecs:CreateService" })]
    public async Task PassingARoleToAServiceThatRunsCode(string technique, string service, string[] actions)
    {
        await using var store = await CreateAsync();
        var attacker = await store.UserAsync(A, "attacker", Allow("iam:PassRole", $"arn:aws:iam::{A}:role/Worker"), Allow(actions));
        var worker = await store.RoleAsync(A, "Worker", TrustService(service), Allow("*"));
        var unrelated = await store.RoleAsync(A, "Unrelated", TrustService("states.amazonaws.com"), Allow("*"));
        var graph = await store.GraphAsync();
        var edge = graph.Edge(attacker, worker);
        Assert.Equal(technique, edge.Technique);
        Assert.Equal("iam:PassRole", edge.Action);
        Assert.Equal(EdgeKind.Assume, graph.Edge(service, worker).Kind);
        graph.NoEdge(attacker, unrelated);
        Assert.Equal(2, graph.Reaches(attacker, Root).Path.Hops);
    }

    [Fact]
    public async Task PassRoleLimitedToAnotherServiceIsNoEdge()
    {
        await using var store = await CreateAsync();
        var attacker = await store.UserAsync(A, "attacker", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*","Condition":{"StringEquals":{"iam:PassedToService":"ec2.amazonaws.com"}}},
            {"Effect":"Allow","Action":["lambda:CreateFunction","lambda:InvokeFunction"],"Resource":"*"}]}
            """);
        var worker = await store.RoleAsync(A, "Worker", TrustService("lambda.amazonaws.com"));
        var graph = await store.GraphAsync();
        graph.NoEdge(attacker, worker);
    }

    [Fact]
    public async Task InstanceProfilesOpenEc2AndSsmPaths()
    {
        await using var store = await CreateAsync();
        var launcher = await store.UserAsync(A, "launcher", Allow(["iam:PassRole", "ec2:RunInstances"]));
        var operatorUser = await store.UserAsync(A, "operator", Allow("ssm:SendCommand"));
        var sessions = await store.UserAsync(A, "sessions", Allow("ssm:StartSession"));
        var instanceRole = await store.RoleAsync(A, "InstanceRole", TrustService("ec2.amazonaws.com"));
        var noProfile = await store.RoleAsync(A, "NoProfile", TrustService("ec2.amazonaws.com"));
        await store.AddInstanceProfileAsync(A, "InstanceRole");
        var graph = await store.GraphAsync();
        Assert.Equal("ec2-001", graph.Edge(launcher, instanceRole).Technique);
        graph.NoEdge(launcher, noProfile);
        var command = graph.Edge(operatorUser, instanceRole);
        Assert.Equal("ssm-002", command.Technique);
        Assert.Equal(["an EC2 instance runs with instance profile InstanceRole and the SSM agent"], command.Requires);
        Assert.Equal("ssm-001", graph.Edge(sessions, instanceRole).Technique);
    }

    [Fact]
    public async Task FederatedAndWildcardPrincipalsAreNodes()
    {
        await using var store = await CreateAsync();
        var github = await store.RoleAsync(A, "GitHubDeploy", $$$$"""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::{{{{A}}}}:oidc-provider/token.actions.githubusercontent.com"},
            "Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringLike":{"token.actions.githubusercontent.com:sub":"repo:acme/*"}}}]}
            """);
        var open = await store.RoleAsync(A, "Open", Trust("\"*\""));
        var graph = await store.GraphAsync();
        var federated = graph.Edge($"arn:aws:iam::{A}:oidc-provider/token.actions.githubusercontent.com", github);
        Assert.Equal("sts:AssumeRoleWithWebIdentity", federated.Action);
        Assert.Equal(["StringLike token.actions.githubusercontent.com:sub = repo:acme/*"], federated.Requires);
        Assert.Equal(NodeKind.Anyone, graph.Find("*")!.Kind);
        graph.Edge("*", open);
        Assert.Contains(graph.Findings().Findings, f => f.Id == $"wildcard-trust:{open}" && f.Severity == "high");
    }
}
