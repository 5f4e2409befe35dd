using Crossgate.Directory.Model;

namespace Crossgate.Directory.Validation;

/// <summary>Checks a new password against an account's password policy (AWS's default when it has none).</summary>
public static class PasswordCheck
{
    public const string Symbols = "!@#$%^&*()_+-=[]{}|'";

    public static IamError? Check(string password, PasswordPolicy? policy)
    {
        policy ??= PasswordPolicy.AwsDefault;
        bool upper = false, lower = false, digit = false, symbol = false;
        foreach (var c in password)
        {
            if (c is >= 'A' and <= 'Z')
            {
                upper = true;
            }
            else if (c is >= 'a' and <= 'z')
            {
                lower = true;
            }
            else if (c is >= '0' and <= '9')
            {
                digit = true;
            }
            else if (!char.IsWhiteSpace(c))
            {
                symbol = true;
            }
        }

        if (password.Length < policy.MinimumPasswordLength)
        {
            return Violation($"Password should have a minimum length of {policy.MinimumPasswordLength}");
        }

        if (policy.RequireUppercaseCharacters && !upper)
        {
            return Violation("Password should have at least one uppercase letter");
        }

        if (policy.RequireLowercaseCharacters && !lower)
        {
            return Violation("Password should have at least one lowercase letter");
        }

        if (policy.RequireNumbers && !digit)
        {
            return Violation("Password should have at least one number");
        }

        if (policy.RequireSymbols && !symbol)
        {
            return Violation("Password should have at least one symbol");
        }

        var classes = (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
        if (classes < policy.MinimumCharacterClasses)
        {
            return Violation(
                $"Password should include at least {policy.MinimumCharacterClasses} of the following: uppercase letters, lowercase letters, numbers and symbols");
        }

        return null;
    }

    private static IamError Violation(string detail) => IamError.PasswordPolicyViolation(detail);
}
