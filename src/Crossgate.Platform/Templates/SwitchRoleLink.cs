namespace Crossgate.Platform.Templates;

/// <summary>The console's "Link to switch roles" for a role: the sign-in page's <c>switchrole</c> form, prefilled
/// with the account, the role (its path included, as the console expects) and an optional display name.</summary>
public static class SwitchRoleLink
{
    /// <summary>The console refuses to switch to a role whose path and name together exceed 64 characters.</summary>
    public const int MaxConsoleRoleNameLength = 64;

    /// <summary>The link for <paramref name="roleArn"/>; throws <see cref="ArgumentException"/> when the ARN is not
    /// a role ARN the console can switch to. <see cref="TryCreate"/> returns the reason instead.</summary>
    public static string For(string roleArn, string? displayName = null) =>
        TryCreate(roleArn, displayName, out var link, out var error) ? link! : throw new ArgumentException(error, nameof(roleArn));

    public static bool TryCreate(string roleArn, string? displayName, out string? link, out string? error)
    {
        link = null;
        if (!RoleArn.TryParse(roleArn, out var arn, out error))
        {
            return false;
        }

        // The console takes the path without its leading '/', followed by the name: /ops/Admin -> ops/Admin.
        var consoleRoleName = arn!.Path.TrimStart('/') + arn.Name;
        if (consoleRoleName.Length > MaxConsoleRoleNameLength)
        {
            error = $"The console cannot switch to '{roleArn}': the role's path and name together are {consoleRoleName.Length} characters, more than {MaxConsoleRoleNameLength}.";
            return false;
        }

        var host = SignInHost(arn.Partition);
        if (host is null)
        {
            error = $"There is no console sign-in page known for the partition '{arn.Partition}'.";
            return false;
        }

        link = $"https://{host}/switchrole?roleName={Uri.EscapeDataString(consoleRoleName)}&account={arn.AccountId}";
        if (!string.IsNullOrEmpty(displayName))
        {
            link += "&displayName=" + Uri.EscapeDataString(displayName);
        }

        return true;
    }

    private static string? SignInHost(string partition) => partition switch
    {
        "aws" => "signin.aws.amazon.com",
        "aws-cn" => "signin.amazonaws.cn",
        "aws-us-gov" => "signin.amazonaws-us-gov.com",
        _ => null,
    };
}
