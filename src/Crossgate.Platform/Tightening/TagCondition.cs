using Crossgate.Policies.Matching;

namespace Crossgate.Platform.Tightening;

/// <summary>"Actions matching <see cref="ActionPattern"/> only on resources tagged <see cref="TagKey"/> =
/// <see cref="TagValue"/>", written <c>ACTION_PATTERN=TAGKEY:VALUE</c> (e.g. <c>ssm:SendCommand=SSMEnabled:True</c>).
/// The pattern is IAM's case-insensitive glob; a value with <c>*</c> or <c>?</c> is compared with StringLike.</summary>
public sealed record TagCondition(string ActionPattern, string TagKey, string TagValue)
{
    public const int MaxTagKeyLength = 128;
    public const int MaxTagValueLength = 256;

    public bool ValueHasWildcard => Wildcard.HasWildcard(TagValue);

    /// <summary>Whether a statement's action (itself possibly a pattern) is one this condition tightens.</summary>
    public bool Covers(string statementAction) => Wildcard.IsMatch(ActionPattern, statementAction, ignoreCase: true);

    public override string ToString() => $"{ActionPattern}={TagKey}:{TagValue}";

    public static bool TryParse(string text, out TagCondition? condition, out string? error)
    {
        condition = null;
        var equals = text.IndexOf('=');
        var colon = equals < 0 ? -1 : text.IndexOf(':', equals + 1);
        if (equals <= 0 || colon < 0)
        {
            error = $"'{text}' is not a tag condition: expected ACTION_PATTERN=TAGKEY:VALUE, e.g. ssm:SendCommand=SSMEnabled:True.";
            return false;
        }

        var pattern = text[..equals];
        var key = text[(equals + 1)..colon];
        var value = text[(colon + 1)..];
        var patternColon = pattern.IndexOf(':');
        if (pattern != "*" && (patternColon <= 0 || patternColon == pattern.Length - 1 || pattern.IndexOf(':', patternColon + 1) >= 0))
        {
            error = $"The action pattern '{pattern}' is not valid: expected service:Action (wildcards allowed) or *.";
            return false;
        }

        if (key.Length is 0 or > MaxTagKeyLength)
        {
            error = $"The tag key '{key}' is not valid: 1 to {MaxTagKeyLength} characters.";
            return false;
        }

        if (value.Length > MaxTagValueLength)
        {
            error = $"The tag value for '{key}' is longer than {MaxTagValueLength} characters.";
            return false;
        }

        condition = new TagCondition(pattern, key, value);
        error = null;
        return true;
    }
}
