using System.Diagnostics.CodeAnalysis;
using Crossgate.Policies.Evaluation;
using Crossgate.Policies.Matching;

namespace Crossgate.Authorization;

/// <summary>Turns a caller written as an ARN (or a service name, or <c>anonymous</c>) into a
/// <see cref="RequestPrincipal"/>, the way AWS names callers.</summary>
public static class PrincipalArnReader
{
    /// <summary>Session name used when a role ARN is given as the caller, as IAM's simulator does.</summary>
    public const string DefaultSessionName = "crossgate-simulation";

    public static bool TryRead(string text, [NotNullWhen(true)] out RequestPrincipal? principal, out string? error,
        string? sessionName = null)
    {
        principal = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "The principal is empty.";
            return false;
        }

        if (text is "anonymous" or "*")
        {
            principal = new RequestPrincipal { Kind = PrincipalKind.Anonymous, Arn = "anonymous" };
            return true;
        }

        if (!text.StartsWith("arn:", StringComparison.Ordinal))
        {
            if (text.EndsWith(".amazonaws.com", StringComparison.Ordinal) || text.EndsWith(".amazonaws.com.cn", StringComparison.Ordinal))
            {
                principal = new RequestPrincipal { Kind = PrincipalKind.Service, Arn = text, ServiceName = text };
                return true;
            }

            error = $"The principal '{text}' is not an ARN, a service principal or 'anonymous'.";
            return false;
        }

        if (!Arn.TryParse(text, out var arn) || arn.Account.Length != 12 || !IsDigits(arn.Account))
        {
            error = $"The principal '{text}' is not a valid IAM or STS ARN with a 12-digit account id.";
            return false;
        }

        var resource = arn.Resource;
        if (arn.Service == "iam" && resource == "root")
        {
            principal = new RequestPrincipal
            {
                Kind = PrincipalKind.Root, Arn = text, AccountId = arn.Account, Partition = arn.Partition,
            };
            return true;
        }

        if (arn.Service == "iam" && resource.StartsWith("user/", StringComparison.Ordinal))
        {
            principal = new RequestPrincipal
            {
                Kind = PrincipalKind.User, Arn = text, AccountId = arn.Account, Partition = arn.Partition,
                UserName = LastSegment(resource),
            };
            return true;
        }

        if (arn.Service == "iam" && resource.StartsWith("role/", StringComparison.Ordinal))
        {
            var session = sessionName ?? DefaultSessionName;
            var roleName = LastSegment(resource);
            principal = new RequestPrincipal
            {
                Kind = PrincipalKind.AssumedRole,
                Arn = $"arn:{arn.Partition}:sts::{arn.Account}:assumed-role/{roleName}/{session}",
                AccountId = arn.Account, Partition = arn.Partition, RoleArn = text, SessionName = session,
                UsesTemporaryCredentials = true,
                IsServiceLinkedRole = resource.StartsWith("role/aws-service-role/", StringComparison.Ordinal),
            };
            return true;
        }

        if (arn.Service == "sts" && resource.StartsWith("assumed-role/", StringComparison.Ordinal))
        {
            var parts = resource.Split('/');
            if (parts.Length != 3 || parts[1].Length == 0 || parts[2].Length == 0)
            {
                error = $"The principal '{text}' is not an assumed-role ARN of the form assumed-role/ROLE/SESSION.";
                return false;
            }

            principal = new RequestPrincipal
            {
                Kind = PrincipalKind.AssumedRole, Arn = text, AccountId = arn.Account, Partition = arn.Partition,
                RoleArn = $"arn:{arn.Partition}:iam::{arn.Account}:role/{parts[1]}", SessionName = parts[2],
                UsesTemporaryCredentials = true,
            };
            return true;
        }

        if (arn.Service == "sts" && resource.StartsWith("federated-user/", StringComparison.Ordinal))
        {
            principal = new RequestPrincipal
            {
                Kind = PrincipalKind.FederatedUser, Arn = text, AccountId = arn.Account, Partition = arn.Partition,
                SessionName = LastSegment(resource), UsesTemporaryCredentials = true,
            };
            return true;
        }

        error = $"The principal '{text}' names no user, role, assumed-role session, federated user or root.";
        return false;
    }

    private static string LastSegment(string resource) => resource[(resource.LastIndexOf('/') + 1)..];

    private static bool IsDigits(string text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
