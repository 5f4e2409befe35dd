using Crossgate.Policies.Matching;

namespace Crossgate.Policies.Catalog;

/// <summary>A condition key as AWS documents it. Templated names such as <c>aws:RequestTag/${TagKey}</c> or
/// <c>s3:ExistingObjectTag/&lt;key&gt;</c> stand for a family of keys; <see cref="Matches"/> accepts any member.</summary>
public sealed class ConditionKeyInfo
{
    private readonly string glob;

    public ConditionKeyInfo(string name, ConditionKeyType type)
    {
        Name = name;
        Type = type;
        glob = ToGlob(name, out var templated);
        IsTemplate = templated;
    }

    /// <summary>The documented name, with its canonical casing and template placeholders.</summary>
    public string Name { get; }

    public ConditionKeyType Type { get; }

    public bool IsTemplate { get; }

    public bool IsMultiValued => Type is ConditionKeyType.ArrayOfString or ConditionKeyType.ArrayOfArn or ConditionKeyType.ArrayOfBool;

    /// <summary>Whether a key written in a policy is this key (or a member of this key family).
    /// Key names are case-insensitive in IAM.</summary>
    public bool Matches(string key) =>
        IsTemplate ? Wildcard.IsMatch(glob, key, ignoreCase: true) : string.Equals(Name, key, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{Name} ({Type})";

    // Placeholders (${Name} or <name>) become '*'; key names never contain '*' or '?' themselves.
    private static string ToGlob(string name, out bool templated)
    {
        templated = false;
        var builder = new System.Text.StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var close = name[i] switch
            {
                '$' when i + 1 < name.Length && name[i + 1] == '{' => name.IndexOf('}', i + 2),
                '<' => name.IndexOf('>', i + 1),
                _ => -1,
            };
            if (close < 0)
            {
                builder.Append(name[i]);
                continue;
            }

            builder.Append('*');
            templated = true;
            i = close;
        }

        return builder.ToString();
    }
}
