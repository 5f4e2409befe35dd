namespace Crossgate.Platform.Templates;

/// <summary>IAM's rules for the values a person types when onboarding a role. Each check returns null when the
/// value is acceptable, else a message naming the rule, so callers can show it as it is.</summary>
public static class IamInputRules
{
    public const int MinSessionDuration = 3600;
    public const int MaxSessionDuration = 43200;

    public static bool IsAccountId(string? value) =>
        value is { Length: 12 } && value.All(char.IsAsciiDigit);

    public static string? CheckAccountId(string value, string what) =>
        IsAccountId(value) ? null : $"{what} must be a 12-digit AWS account id, not '{value}'.";

    /// <summary>Role names: 1–64 characters of letters, digits and <c>+=,.@_-</c>.</summary>
    public static string? CheckRoleName(string value)
    {
        if (value.Length is < 1 or > 64 || !value.All(IsNameChar))
        {
            return $"The role name '{value}' is not valid: IAM role names are 1 to 64 characters of letters, digits and '+=,.@_-'.";
        }

        return null;
    }

    /// <summary>Managed and inline policy names: 1–128 characters of the same set.</summary>
    public static bool IsPolicyName(string value) => value.Length is >= 1 and <= 128 && value.All(IsNameChar);

    /// <summary>STS <c>ExternalId</c>: 2–1224 characters of letters, digits and <c>+=,.@:/_-</c>.</summary>
    public static string? CheckExternalId(string value)
    {
        if (value.Length is < 2 or > 1224 || !value.All(c => IsNameChar(c) || c is ':' or '/'))
        {
            return $"The external id '{value}' is not valid: it must be 2 to 1224 characters of letters, digits and '+=,.@:/_-'.";
        }

        return null;
    }

    /// <summary>IAM paths: <c>/</c>, or 1–512 printable ASCII characters starting and ending with <c>/</c>.</summary>
    public static string? CheckPath(string value)
    {
        if (value.Length is < 1 or > 512 || value[0] != '/' || value[^1] != '/' || !value.All(c => c is >= '\u0021' and <= '\u007E'))
        {
            return $"The path '{value}' is not valid: an IAM path is '/' or starts and ends with '/', up to 512 printable ASCII characters.";
        }

        return null;
    }

    public static string? CheckSessionDuration(int seconds) =>
        seconds is >= MinSessionDuration and <= MaxSessionDuration
            ? null
            : $"The maximum session duration must be between {MinSessionDuration} and {MaxSessionDuration} seconds (1 to 12 hours), not {seconds}.";

    /// <summary>A managed policy ARN: <c>arn:PARTITION:iam::(aws|ACCOUNT):policy/[PATH/]NAME</c>.</summary>
    public static string? CheckManagedPolicyArn(string value)
    {
        var parts = value.Split(':', 6);
        var valid = parts.Length == 6 && parts[0] == "arn" && IsPartition(parts[1]) && parts[2] == "iam" && parts[3].Length == 0
            && (parts[4] == "aws" || IsAccountId(parts[4]))
            && parts[5].StartsWith("policy/", StringComparison.Ordinal)
            && IsPathAndName(parts[5]["policy".Length..], IsPolicyName);
        return valid
            ? null
            : $"The managed policy ARN '{value}' is not valid: expected arn:aws:iam::aws:policy/NAME or arn:aws:iam::ACCOUNT:policy/[PATH/]NAME.";
    }

    internal static bool IsPartition(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterLower(c) || c == '-');

    /// <summary>Checks <c>/path/.../name</c> (the text after <c>role</c> or <c>policy</c>).</summary>
    internal static bool IsPathAndName(string pathAndName, Func<string, bool> isName)
    {
        var lastSlash = pathAndName.LastIndexOf('/');
        if (lastSlash < 0)
        {
            return false;
        }

        var path = pathAndName[..(lastSlash + 1)];
        return CheckPath(path) is null && isName(pathAndName[(lastSlash + 1)..]);
    }

    internal static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '+' or '=' or ',' or '.' or '@' or '-';
}
