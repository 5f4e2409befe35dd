namespace Crossgate.Platform.Templates;

/// <summary>An IAM role ARN taken apart: <c>arn:PARTITION:iam::ACCOUNT:role/PATH/NAME</c>, where the path is
/// <c>/</c> when the role has none.</summary>
public sealed record RoleArn(string Partition, string AccountId, string Path, string Name)
{
    public override string ToString() => $"arn:{Partition}:iam::{AccountId}:role{Path}{Name}";

    /// <summary>Parses a role ARN; on failure <paramref name="error"/> says which part is wrong.</summary>
    public static bool TryParse(string text, out RoleArn? arn, out string? error)
    {
        arn = null;
        var parts = text.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || !IamInputRules.IsPartition(parts[1]) || parts[2] != "iam" || parts[3].Length != 0)
        {
            error = $"'{text}' is not an IAM role ARN: expected arn:aws:iam::ACCOUNT:role/[PATH/]NAME.";
            return false;
        }

        if (!IamInputRules.IsAccountId(parts[4]))
        {
            error = $"The role ARN '{text}' must name a 12-digit account, not '{parts[4]}'.";
            return false;
        }

        if (!parts[5].StartsWith("role/", StringComparison.Ordinal))
        {
            error = $"The ARN '{text}' names '{parts[5]}', not a role: expected a 'role/' resource.";
            return false;
        }

        var pathAndName = parts[5]["role".Length..];
        var lastSlash = pathAndName.LastIndexOf('/');
        var path = pathAndName[..(lastSlash + 1)];
        var name = pathAndName[(lastSlash + 1)..];
        if (IamInputRules.CheckRoleName(name) is { } nameError)
        {
            error = nameError;
            return false;
        }

        if (IamInputRules.CheckPath(path) is { } pathError)
        {
            error = pathError;
            return false;
        }

        arn = new RoleArn(parts[1], parts[4], path, name);
        error = null;
        return true;
    }
}
