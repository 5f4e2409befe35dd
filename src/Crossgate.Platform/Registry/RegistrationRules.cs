using System.Globalization;
using System.Text.RegularExpressions;
using Crossgate.Platform.Templates;

namespace Crossgate.Platform.Registry;

/// <summary>The checks a registration passes before it is stored: a usable alias, a well-formed role ARN, the
/// registry's role-name rule, an external id and session duration STS would accept.</summary>
public static partial class RegistrationRules
{
    public const int MinSessionDuration = 900;
    public const int MaxSessionDuration = 43200;

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex AliasPattern();

    // STS: 2 to 1224 characters of [\w+=,.@:/-].
    [GeneratedRegex(@"^[\w+=,.@:/-]{2,1224}$")]
    private static partial Regex ExternalIdPattern();

    /// <summary>Builds the registration, or says which rule it breaks.</summary>
    public static (RegisteredAccount? Account, string? Error) Validate(
        string alias, string roleArn, string? externalId, int? sessionDuration, RegistryPolicy policy, DateTimeOffset now)
    {
        if (CheckAlias(alias) is { } aliasError)
        {
            return (null, aliasError);
        }

        if (!RoleArn.TryParse(roleArn, out var arn, out var arnError))
        {
            return (null, arnError);
        }

        if (CheckRoleName(arn!, policy) is { } nameError)
        {
            return (null, nameError);
        }

        if (externalId is not null && !ExternalIdPattern().IsMatch(externalId))
        {
            return (null, $"The external id must be 2 to 1224 characters of letters, digits and +=,.@:/-_ (got {externalId.Length} characters).");
        }

        var duration = sessionDuration ?? RegisteredAccount.DefaultSessionDuration;
        if (duration is < MinSessionDuration or > MaxSessionDuration)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"The session duration must be between {MinSessionDuration} and {MaxSessionDuration} seconds, not {duration}."));
        }

        return (new RegisteredAccount
        {
            Alias = alias,
            RoleArn = arn!.ToString(),
            AccountId = arn.AccountId,
            ExternalId = externalId,
            SessionDuration = duration,
            RegisteredAt = now,
        }, null);
    }

    /// <summary>The alias discovery (<c>accounts discover</c> and the service's <c>POST /discover</c>) gives an
    /// account: its name in the organization made safe (runs of other characters become one '-', at most 64, starting
    /// with a letter or digit), or its id when nothing is left; made unique against <paramref name="taken"/> (ignoring
    /// case) by adding the account id (then the id alone, then a counter after it). The alias is added to <paramref name="taken"/>.</summary>
    public static string AliasFromName(string name, string accountId, ISet<string> taken)
    {
        var safe = new System.Text.StringBuilder(name.Length);
        foreach (var c in name.Trim())
        {
            var usable = char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';
            if (usable)
            {
                safe.Append(c);
            }
            else if (safe.Length > 0 && safe[^1] != '-')
            {
                safe.Append('-');
            }
        }

        var alias = Shorten(safe.ToString().TrimStart('.', '_', '-'), MaxAliasLength);
        if (alias.Length == 0)
        {
            alias = accountId;
        }

        // The name, then the name with the account id, then the id, then the id with a counter: the first that is free.
        var withId = $"{Shorten(alias, MaxAliasLength - accountId.Length - 1)}-{accountId}".TrimStart('-');
        for (var n = 1; taken.Contains(alias) || CheckAlias(alias) is not null; n++)
        {
            alias = n switch { 1 => withId, 2 => accountId, _ => $"{accountId}-{n - 1}" };
        }

        taken.Add(alias);
        return alias;
    }

    private const int MaxAliasLength = 64;

    private static string Shorten(string alias, int length) => (alias.Length > length ? alias[..length] : alias).TrimEnd('-', '.', '_');

    public static string? CheckAlias(string alias) => AliasPattern().IsMatch(alias)
        ? null
        : $"The alias '{alias}' is not usable: use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.";

    /// <summary>The registry's name rule: a role whose name lacks the required fragment is refused, saying so.</summary>
    public static string? CheckRoleName(RoleArn arn, RegistryPolicy policy)
    {
        var fragment = policy.RequireRoleNameContains;
        if (string.IsNullOrEmpty(fragment) || arn.Name.Contains(fragment, StringComparison.Ordinal))
        {
            return null;
        }

        return $"The role name '{arn.Name}' does not contain '{fragment}', which this registry requires of every role " +
               "(set with 'crossgate accounts policy --require-role-name-contains'). Register a role whose name contains it.";
    }
}
