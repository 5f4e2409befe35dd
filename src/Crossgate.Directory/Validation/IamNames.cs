using System.Globalization;
using Crossgate.Directory.Model;

namespace Crossgate.Directory.Validation;

/// <summary>IAM's constraints on names, paths, descriptions, durations and tags (botocore's iam model, see
/// aws-iam-semantics.md §3.1). Each check returns null or the <c>ValidationError</c> IAM would answer.</summary>
public static class IamNames
{
    public const string NamePattern = @"[\w+=,.@-]+";
    public const string PathPattern = @"(\u002F)|(\u002F[\u0021-\u007E]+\u002F)";
    public const string PolicyPathPattern = @"((/[A-Za-z0-9\.,\+@=_-]+)*)/";
    public const string DescriptionPattern = @"[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*";
    public const string TagKeyPattern = @"[\p{L}\p{Z}\p{N}_.:/=+\-@]+";
    public const string TagValuePattern = @"[\p{L}\p{Z}\p{N}_.:/=+\-@]*";
    public const int MaxTags = 50;

    public static IamError? UserName(string? name) => Name(name, "userName", 64);

    public static IamError? RoleName(string? name) => Name(name, "roleName", 64);

    public static IamError? GroupName(string? name) => Name(name, "groupName", 128);

    public static IamError? PolicyName(string? name) => Name(name, "policyName", 128);

    public static IamError? Name(string? name, string member, int maxLength)
    {
        var failures = new ValidationFailures();
        CheckName(failures, name ?? string.Empty, member, maxLength);
        return failures.ToError();
    }

    public static void CheckName(ValidationFailures failures, string name, string member, int maxLength)
    {
        if (name.Length < 1)
        {
            failures.MinLength(name, member, 1);
            return;
        }

        if (name.Length > maxLength)
        {
            failures.MaxLength(name, member, maxLength);
        }

        foreach (var c in name)
        {
            if (!IsNameChar(c))
            {
                failures.Pattern(name, member, NamePattern);
                break;
            }
        }
    }

    /// <summary>A user, group, role or instance-profile path: "/" or "/…/" of printable ASCII, at most 512.</summary>
    public static IamError? EntityPath(string? path)
    {
        var failures = new ValidationFailures();
        CheckEntityPath(failures, path ?? string.Empty);
        return failures.ToError();
    }

    public static void CheckEntityPath(ValidationFailures failures, string path)
    {
        if (path.Length < 1)
        {
            failures.MinLength(path, "path", 1);
            return;
        }

        if (path.Length > 512)
        {
            failures.MaxLength(path, "path", 512);
        }

        if (!IsEntityPath(path))
        {
            failures.Pattern(path, "path", PathPattern);
        }
    }

    /// <summary>A managed policy's path: "/" or "/seg/…/" with segments of <c>[A-Za-z0-9.,+@=_-]</c>.</summary>
    public static IamError? PolicyPath(string? path)
    {
        var failures = new ValidationFailures();
        path ??= string.Empty;
        if (path.Length < 1)
        {
            failures.MinLength(path, "path", 1);
        }
        else
        {
            if (path.Length > 512)
            {
                failures.MaxLength(path, "path", 512);
            }

            if (!IsPolicyPath(path))
            {
                failures.Pattern(path, "path", PolicyPathPattern);
            }
        }

        return failures.ToError();
    }

    public static IamError? RoleDescription(string? description)
    {
        if (description is null)
        {
            return null;
        }

        var failures = new ValidationFailures();
        if (description.Length > 1000)
        {
            failures.MaxLength(description, "description", 1000);
        }

        foreach (var c in description)
        {
            if (!(c is '\t' or '\n' or '\r' || (c >= '\u0020' && c <= '\u007E') || (c >= '\u00A1' && c <= '\u00FF')))
            {
                failures.Pattern(description, "description", DescriptionPattern);
                break;
            }
        }

        return failures.ToError();
    }

    public static IamError? MaxSessionDuration(int seconds)
    {
        var failures = new ValidationFailures();
        if (seconds < IamRole.MinSessionDuration)
        {
            failures.MinValue(seconds, "maxSessionDuration", IamRole.MinSessionDuration);
        }
        else if (seconds > IamRole.MaxSessionDurationLimit)
        {
            failures.MaxValue(seconds, "maxSessionDuration", IamRole.MaxSessionDurationLimit);
        }

        return failures.ToError();
    }

    /// <summary>At most 50 tags, keys 1–128 and values 0–256 of letters, spaces, digits and <c>_.:/=+-@</c>;
    /// duplicate keys (ignoring case) are <c>InvalidInput</c>.</summary>
    public static IamError? Tags(IReadOnlyList<Tag> tags)
    {
        var failures = new ValidationFailures();
        if (tags.Count > MaxTags)
        {
            failures.MaxLength($"{tags.Count} tags", "tags", MaxTags);
        }

        for (var i = 0; i < tags.Count; i++)
        {
            var (key, value) = (tags[i].Key ?? string.Empty, tags[i].Value ?? string.Empty);
            var member = $"tags.{(i + 1).ToString(CultureInfo.InvariantCulture)}.member";
            if (key.Length < 1)
            {
                failures.MinLength(key, member + ".key", 1);
            }
            else if (key.Length > 128)
            {
                failures.MaxLength(key, member + ".key", 128);
            }

            if (!IsTagText(key))
            {
                failures.Pattern(key, member + ".key", TagKeyPattern);
            }

            if (value.Length > 256)
            {
                failures.MaxLength(value, member + ".value", 256);
            }

            if (!IsTagText(value))
            {
                failures.Pattern(value, member + ".value", TagValuePattern);
            }
        }

        if (failures.ToError() is { } error)
        {
            return error;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var tag in tags)
        {
            if (!seen.Add(tag.Key))
            {
                return IamError.InvalidInput("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
            }
        }

        return null;
    }

    public static bool IsAccountId(string? value)
    {
        if (value is not { Length: 12 })
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Java's <c>\w</c> (ASCII letters, digits, underscore) plus <c>+=,.@-</c>.</summary>
    public static bool IsNameChar(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '+' or '=' or ',' or '.' or '@' or '-';

    private static bool IsEntityPath(string path)
    {
        if (path == "/")
        {
            return true;
        }

        if (path.Length < 3 || path[0] != '/' || path[^1] != '/')
        {
            return false;
        }

        foreach (var c in path)
        {
            if (c is < '\u0021' or > '\u007E')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPolicyPath(string path)
    {
        if (path[0] != '/' || path[^1] != '/')
        {
            return false;
        }

        var segmentLength = 0;
        for (var i = 1; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '/')
            {
                if (segmentLength == 0)
                {
                    return false;
                }

                segmentLength = 0;
            }
            else if (IsNameChar(c))
            {
                segmentLength++;
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsTagText(string text)
    {
        foreach (var c in text)
        {
            var category = char.GetUnicodeCategory(c);
            var ok = char.IsLetter(c) || char.IsDigit(c) || char.IsNumber(c)
                || category is UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                || c is '_' or '.' or ':' or '/' or '=' or '+' or '-' or '@';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
