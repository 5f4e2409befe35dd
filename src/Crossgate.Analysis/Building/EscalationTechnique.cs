namespace Crossgate.Analysis.Building;

/// <summary>One way of becoming another principal, keyed to its pathfinding.cloud path identifier
/// (https://pathfinding.cloud/paths/ID) where one exists: the permissions it takes, what the edge leads to, and the
/// fix a finding proposes.</summary>
public sealed record EscalationTechnique(string? Id, string Permissions, string Leads, string Fix);

/// <summary>The techniques the graph recognizes, in the order it prefers them when several lead to the same target.</summary>
public static class EscalationTechniques
{
    public const string AssumeRole = "sts-001";

    public static IReadOnlyList<EscalationTechnique> All { get; } =
    [
        new(AssumeRole, "sts:AssumeRole", "the role", "Narrow the trust policy to the principals that need the role, and their sts:AssumeRole to the roles they need."),
        new("iam-002", "iam:CreateAccessKey", "another user", "Allow iam:CreateAccessKey only on the caller's own user (arn:aws:iam::ACCOUNT:user/${aws:username})."),
        new("iam-003", "iam:CreateAccessKey + iam:DeleteAccessKey", "another user that already has two access keys", "Allow iam:CreateAccessKey and iam:DeleteAccessKey only on the caller's own user."),
        new("iam-004", "iam:CreateLoginProfile", "another user without a console password", "Allow iam:CreateLoginProfile only on the caller's own user."),
        new("iam-006", "iam:UpdateLoginProfile", "another user with a console password", "Allow iam:UpdateLoginProfile only on the caller's own user."),
        new("iam-012", "iam:UpdateAssumeRolePolicy", "the role whose trust policy it rewrites", "Deny iam:UpdateAssumeRolePolicy outside the administrators; never allow it on *."),
        new("ec2-001", "iam:PassRole + ec2:RunInstances", "a role EC2 may assume, through an instance profile", "Allow iam:PassRole only on the roles meant for EC2, with iam:PassedToService = ec2.amazonaws.com."),
        new("lambda-001", "iam:PassRole + lambda:CreateFunction + lambda:InvokeFunction", "a role Lambda may assume", "Allow iam:PassRole only on the roles meant for Lambda, with iam:PassedToService = lambda.amazonaws.com."),
        new("lambda-002", "iam:PassRole + lambda:CreateFunction + lambda:CreateEventSourceMapping", "a role Lambda may assume", "Allow iam:PassRole only on the roles meant for Lambda, with iam:PassedToService = lambda.amazonaws.com."),
        new("cloudformation-001", "iam:PassRole + cloudformation:CreateStack", "a role CloudFormation may assume", "Allow iam:PassRole only on the roles meant for CloudFormation, with iam:PassedToService = cloudformation.amazonaws.com."),
        new("glue-001", "iam:PassRole + glue:CreateDevEndpoint", "a role Glue may assume", "Allow iam:PassRole only on the roles meant for Glue, with iam:PassedToService = glue.amazonaws.com."),
        new("codebuild-001", "iam:PassRole + codebuild:CreateProject + codebuild:StartBuild", "a role CodeBuild may assume", "Allow iam:PassRole only on the roles meant for CodeBuild, with iam:PassedToService = codebuild.amazonaws.com."),
        new("sagemaker-001", "iam:PassRole + sagemaker:CreateNotebookInstance", "a role SageMaker may assume", "Allow iam:PassRole only on the roles meant for SageMaker, with iam:PassedToService = sagemaker.amazonaws.com."),
        new("ecs-004", "iam:PassRole + ecs:RegisterTaskDefinition + ecs:RunTask", "a role ECS tasks may assume", "Allow iam:PassRole only on the roles meant for ECS tasks, with iam:PassedToService = ecs-tasks.amazonaws.com."),
        new("ecs-003", "iam:PassRole + ecs:RegisterTaskDefinition + ecs:CreateService", "a role ECS tasks may assume", "Allow iam:PassRole only on the roles meant for ECS tasks, with iam:PassedToService = ecs-tasks.amazonaws.com."),
        new("ssm-002", "ssm:SendCommand", "the role of an EC2 instance profile", "Allow ssm:SendCommand only on instances tagged for it (ssm:resourceTag conditions)."),
        new("ssm-001", "ssm:StartSession", "the role of an EC2 instance profile", "Allow ssm:StartSession only on instances tagged for it (ssm:resourceTag conditions)."),
        new("iam-007", "iam:PutUserPolicy on itself", "full control of its account", "Remove iam:PutUserPolicy on the user itself."),
        new("iam-008", "iam:AttachUserPolicy on itself", "full control of its account", "Remove iam:AttachUserPolicy on the user itself, or restrict iam:PolicyARN."),
        new("iam-005", "iam:PutRolePolicy on itself", "full control of its account", "Remove iam:PutRolePolicy on the role itself."),
        new("iam-009", "iam:AttachRolePolicy on itself", "full control of its account", "Remove iam:AttachRolePolicy on the role itself, or restrict iam:PolicyARN."),
        new("iam-011", "iam:PutGroupPolicy on its own group", "full control of its account", "Remove iam:PutGroupPolicy on groups the user belongs to."),
        new("iam-010", "iam:AttachGroupPolicy on its own group", "full control of its account", "Remove iam:AttachGroupPolicy on groups the user belongs to."),
        new("iam-001", "iam:CreatePolicyVersion on a policy attached to it", "full control of its account", "Remove iam:CreatePolicyVersion on customer managed policies attached to the principal."),
        new("iam-013", "iam:AddUserToGroup on an administrators' group", "full control of its account", "Allow iam:AddUserToGroup only on groups without administrative policies."),
        new("iam-014", "iam:AttachRolePolicy + sts:AssumeRole on another role", "full control of its account", "Do not grant iam:AttachRolePolicy on roles the principal can assume."),
        new("iam-017", "iam:PutRolePolicy + sts:AssumeRole on another role", "full control of its account", "Do not grant iam:PutRolePolicy on roles the principal can assume."),
        new("iam-016", "iam:CreatePolicyVersion + sts:AssumeRole (policy attached to the role)", "full control of its account", "Do not grant iam:CreatePolicyVersion on policies attached to roles the principal can assume."),
        new("iam-015", "iam:AttachUserPolicy + iam:CreateAccessKey on another user", "full control of its account", "Do not grant both iam:AttachUserPolicy and iam:CreateAccessKey on other users."),
        new("iam-018", "iam:PutUserPolicy + iam:CreateAccessKey on another user", "full control of its account", "Do not grant both iam:PutUserPolicy and iam:CreateAccessKey on other users."),
        new("iam-019", "iam:AttachRolePolicy + iam:UpdateAssumeRolePolicy on a role", "full control of its account", "Do not grant both iam:AttachRolePolicy and iam:UpdateAssumeRolePolicy on a role."),
        new("iam-021", "iam:PutRolePolicy + iam:UpdateAssumeRolePolicy on a role", "full control of its account", "Do not grant both iam:PutRolePolicy and iam:UpdateAssumeRolePolicy on a role."),
        new("iam-020", "iam:CreatePolicyVersion + iam:UpdateAssumeRolePolicy (policy attached to the role)", "full control of its account", "Do not grant both iam:CreatePolicyVersion and iam:UpdateAssumeRolePolicy."),
        new(null, "iam:SetDefaultPolicyVersion on a policy attached to it", "full control of its account, when an older version grants more", "Remove iam:SetDefaultPolicyVersion, and delete policy versions no longer used."),
    ];

    public static EscalationTechnique? Find(string? id) => id is null ? null : All.FirstOrDefault(t => t.Id == id);
}
