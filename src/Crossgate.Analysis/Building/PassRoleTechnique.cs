namespace Crossgate.Analysis.Building;

/// <summary>A service that runs code as a role it is passed: the pathfinding.cloud path, the service principal the
/// role must trust, and the actions besides <c>iam:PassRole</c> that start the code.</summary>
internal sealed record PassRoleTechnique(string Id, string Service, string[] Actions, bool NeedsInstanceProfile = false)
{
    public static IReadOnlyList<PassRoleTechnique> All { get; } =
    [
        new("ec2-001", "ec2.amazonaws.com", ["ec2:RunInstances"], NeedsInstanceProfile: true),
        new("lambda-001", "lambda.amazonaws.com", ["lambda:CreateFunction", "lambda:InvokeFunction"]),
        new("lambda-002", "lambda.amazonaws.com", ["lambda:CreateFunction", "lambda:CreateEventSourceMapping"]),
        new("cloudformation-001", "cloudformation.amazonaws.com", ["cloudformation:CreateStack"]),
        new("glue-001", "glue.amazonaws.com", ["glue:CreateDevEndpoint"]),
        new("codebuild-001", "codebuild.amazonaws.com", ["codebuild:CreateProject", "codebuild:StartBuild"]),
        new("sagemaker-001", "sagemaker.amazonaws.com", ["sagemaker:CreateNotebookInstance"]),
        new("ecs-004", "ecs-tasks.amazonaws.com", ["ecs:RegisterTaskDefinition", "ecs:RunTask"]),
        new("ecs-003", "ecs-tasks.amazonaws.com", ["ecs:RegisterTaskDefinition", "ecs:CreateService"]),
    ];

    public ulong Mask { get; } = AnalysisActions.Mask([AnalysisActions.PassRole, .. Actions]);
}
