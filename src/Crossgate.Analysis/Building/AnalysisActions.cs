namespace Crossgate.Analysis.Building;

/// <summary>The actions the graph is made of, each with a bit, so that a principal's policies can say at once which
/// of them they allow at all (before the engine decides on a particular resource).</summary>
internal static class AnalysisActions
{
    public const string AssumeRole = "sts:AssumeRole";
    public const string AssumeRoleWithSaml = "sts:AssumeRoleWithSAML";
    public const string AssumeRoleWithWebIdentity = "sts:AssumeRoleWithWebIdentity";
    public const string PassRole = "iam:PassRole";

    /// <summary>Not an action: a pattern that only statements covering every IAM action match (<c>*</c>, <c>iam:*</c>),
    /// which is how the analysis recognizes administrators.</summary>
    public const string AllIam = "iam:*";

    public static readonly string[] All =
    [
        AssumeRole, "iam:CreateAccessKey", "iam:DeleteAccessKey", "iam:CreateLoginProfile", "iam:UpdateLoginProfile",
        "iam:PutUserPolicy", "iam:AttachUserPolicy", "iam:PutRolePolicy", "iam:AttachRolePolicy", "iam:PutGroupPolicy",
        "iam:AttachGroupPolicy", "iam:AddUserToGroup", "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion",
        "iam:UpdateAssumeRolePolicy", PassRole, "ec2:RunInstances", "lambda:CreateFunction", "lambda:InvokeFunction",
        "lambda:CreateEventSourceMapping", "cloudformation:CreateStack", "glue:CreateDevEndpoint", "codebuild:CreateProject",
        "codebuild:StartBuild", "sagemaker:CreateNotebookInstance", "ecs:CreateCluster", "ecs:RegisterTaskDefinition",
        "ecs:CreateService", "ecs:RunTask", "ssm:SendCommand", "ssm:StartSession", AllIam,
    ];

    private static readonly Dictionary<string, int> Bits = BuildBits();

    public static ulong Bit(string action) => 1UL << Bits[action];

    /// <summary>The action's place in <see cref="All"/>, or -1.</summary>
    public static int IndexOf(string action) => Bits.TryGetValue(action, out var index) ? index : -1;

    public static ulong Mask(IEnumerable<string> actions)
    {
        var mask = 0UL;
        foreach (var action in actions)
        {
            mask |= Bit(action);
        }

        return mask;
    }

    /// <summary>A resource of the caller's account standing for "any resource of this kind" for actions whose
    /// technique does not name one (a new instance, function, stack…). Region us-east-1 stands for every region.</summary>
    public static string RepresentativeResource(string action, string account) => action switch
    {
        "ec2:RunInstances" or "ssm:SendCommand" or "ssm:StartSession" => $"arn:aws:ec2:us-east-1:{account}:instance/*",
        "lambda:CreateFunction" or "lambda:InvokeFunction" => $"arn:aws:lambda:us-east-1:{account}:function:*",
        "lambda:CreateEventSourceMapping" => $"arn:aws:lambda:us-east-1:{account}:event-source-mapping:*",
        "cloudformation:CreateStack" => $"arn:aws:cloudformation:us-east-1:{account}:stack/*",
        "glue:CreateDevEndpoint" => $"arn:aws:glue:us-east-1:{account}:devEndpoint/*",
        "codebuild:CreateProject" or "codebuild:StartBuild" => $"arn:aws:codebuild:us-east-1:{account}:project/*",
        "sagemaker:CreateNotebookInstance" => $"arn:aws:sagemaker:us-east-1:{account}:notebook-instance/*",
        "ecs:CreateCluster" => $"arn:aws:ecs:us-east-1:{account}:cluster/*",
        "ecs:CreateService" => $"arn:aws:ecs:us-east-1:{account}:service/*",
        "ecs:RunTask" => $"arn:aws:ecs:us-east-1:{account}:task-definition/*",
        _ => "*",
    };

    private static Dictionary<string, int> BuildBits()
    {
        var bits = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < All.Length; i++)
        {
            bits[All[i]] = i;
        }

        return bits;
    }
}
