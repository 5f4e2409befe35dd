namespace Crossgate.Policies.Tests.Parsing;

/// <summary>Real policies from the reference seeds and the example organization (cross-account-example.md),
/// used as known-good inputs and as the starting points for mutation testing.</summary>
internal static class PolicyCorpus
{
    /// <summary>Seed 000/001: the target role's trust policy naming the platform account.</summary>
    public const string CrossAccountTrust = """
        {
           "Version": "2012-10-17",
           "Statement": [
               {
                   "Effect": "Allow",
                   "Principal": {
                       "AWS": "111111111111"
                   },
                   "Action": "sts:AssumeRole",
                   "Condition": {}
               }
           ]
        }
        """;

    /// <summary>Seed 001: alex's inline policy, Statement as a single object.</summary>
    public const string AlexInlineAssumeRole = """
        {
            "Version": "2012-10-17",
            "Statement": {
                "Effect": "Allow",
                "Action": "sts:AssumeRole",
                "Resource": "arn:aws:iam::222222222222:role/CrossAccount-B"
            }
        }
        """;

    /// <summary>Seed 003: assume the same role name in any account.</summary>
    public const string AnyAccountReadOnly = """
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "VisualEditor0",
                    "Effect": "Allow",
                    "Action": "sts:AssumeRole",
                    "Resource": "arn:aws:iam::*:role/CrossAccountReadOnlyRole"
                }
            ]
        }
        """;

    /// <summary>Seed 002: SSM permissions tightened with a tag condition, plus KMS from the same seed.</summary>
    public const string PlatformSsmTagged = """
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "RequiredForTriageAndRunCommandTagged",
                    "Effect": "Allow",
                    "Action": [
                        "ssm:SendCommand",
                        "ssm:DescribeInstanceInformation"
                    ],
                    "Resource": [
                        "arn:aws:ec2:*:*:instance/*"
                    ],
                    "Condition": {
                        "StringLike": {
                            "ssm:resourceTag/SSMEnabled": [
                                "True"
                            ]
                        }
                    }
                },
                {
                    "Sid": "RequiredForTriageAndRunCommandRun",
                    "Effect": "Allow",
                    "Action": [
                        "ssm:SendCommand",
                        "ssm:DescribeInstanceInformation"
                    ],
                    "Resource": [
                        "arn:aws:ssm:*::document/AWS-RunShellScript",
                        "arn:aws:ssm:*::document/AWS-RunPowerShellScript"
                    ]
                },
                {
                    "Sid": "RequiredForKmsEncryptedEc2Import",
                    "Effect": "Allow",
                    "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:CreateGrant"],
                    "Resource": "*"
                }
            ]
        }
        """;

    /// <summary>The example organization: PlatformResponseRole trusts PlatformRole with an external id.</summary>
    public const string PlatformResponseTrust = """
        {
            "Version": "2012-10-17",
            "Statement": {
                "Effect": "Allow",
                "Principal": {"AWS": "arn:aws:iam::111111111111:role/PlatformRole"},
                "Action": "sts:AssumeRole",
                "Condition": {"StringEquals": {"sts:ExternalId": "crossgate-external-id"}}
            }
        }
        """;

    /// <summary>The example organization: the SCP on OU Workloads.</summary>
    public const string DenyLeaveOrganization = """
        {
            "Version": "2012-10-17",
            "Statement": [
                {"Sid": "DenyLeave", "Effect": "Deny", "Action": "organizations:LeaveOrganization", "Resource": "*"}
            ]
        }
        """;

    /// <summary>The example organization: FullAWSAccess, attached everywhere.</summary>
    public const string FullAwsAccess = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}
        """;

    public static readonly (string Name, string Json, PolicyKind Kind)[] All =
    [
        (nameof(CrossAccountTrust), CrossAccountTrust, PolicyKind.Trust),
        (nameof(AlexInlineAssumeRole), AlexInlineAssumeRole, PolicyKind.Identity),
        (nameof(AnyAccountReadOnly), AnyAccountReadOnly, PolicyKind.Identity),
        (nameof(PlatformSsmTagged), PlatformSsmTagged, PolicyKind.Identity),
        (nameof(PlatformResponseTrust), PlatformResponseTrust, PolicyKind.Trust),
        (nameof(DenyLeaveOrganization), DenyLeaveOrganization, PolicyKind.ServiceControl),
        (nameof(FullAwsAccess), FullAwsAccess, PolicyKind.ServiceControl),
    ];
}
