namespace Crossgate.Directory;

/// <summary>ARNs of IAM, STS and Organizations entities (aws-iam-semantics.md §3.4). Paths start and end with '/'.</summary>
public static class IamArns
{
    public static string User(string account, string path, string name) => $"arn:aws:iam::{account}:user{path}{name}";

    public static string Group(string account, string path, string name) => $"arn:aws:iam::{account}:group{path}{name}";

    public static string Role(string account, string path, string name) => $"arn:aws:iam::{account}:role{path}{name}";

    public static string Policy(string account, string path, string name) => $"arn:aws:iam::{account}:policy{path}{name}";

    public static string Root(string account) => $"arn:aws:iam::{account}:root";

    public static string Mfa(string account, string path, string name) => $"arn:aws:iam::{account}:mfa{path}{name}";

    /// <summary>A role session's ARN: role name without its path.</summary>
    public static string AssumedRole(string account, string roleName, string sessionName) =>
        $"arn:aws:sts::{account}:assumed-role/{roleName}/{sessionName}";

    public static string FederatedUser(string account, string name) => $"arn:aws:sts::{account}:federated-user/{name}";

    /// <summary>Splits an IAM ARN <c>arn:PARTITION:iam::ACCOUNT:TYPE/PATH/NAME</c> into account, type, path and
    /// name. False for anything else.</summary>
    public static bool TryParseIam(string arn, out IamArnParts parts)
    {
        parts = default;
        var segments = arn.Split(':', 6);
        if (segments.Length != 6 || segments[0] != "arn" || segments[2] != "iam" || segments[3].Length != 0)
        {
            return false;
        }

        var resource = segments[5];
        var firstSlash = resource.IndexOf('/');
        if (firstSlash <= 0)
        {
            parts = new IamArnParts(segments[4], resource, "/", string.Empty);
            return resource == "root";
        }

        var lastSlash = resource.LastIndexOf('/');
        var type = resource[..firstSlash];
        var path = resource[firstSlash..(lastSlash + 1)];
        var name = resource[(lastSlash + 1)..];
        if (name.Length == 0)
        {
            return false;
        }

        parts = new IamArnParts(segments[4], type, path, name);
        return true;
    }

    /// <summary>Splits <c>arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION</c>.</summary>
    public static bool TryParseAssumedRole(string arn, out string account, out string roleName, out string sessionName)
    {
        account = roleName = sessionName = string.Empty;
        var segments = arn.Split(':', 6);
        if (segments.Length != 6 || segments[0] != "arn" || segments[2] != "sts")
        {
            return false;
        }

        var resource = segments[5].Split('/');
        if (resource.Length != 3 || resource[0] != "assumed-role")
        {
            return false;
        }

        (account, roleName, sessionName) = (segments[4], resource[1], resource[2]);
        return true;
    }
}

/// <summary>The parts of an IAM ARN: account (or <c>aws</c>), resource type, path and name.</summary>
public readonly record struct IamArnParts(string Account, string Type, string Path, string Name);
