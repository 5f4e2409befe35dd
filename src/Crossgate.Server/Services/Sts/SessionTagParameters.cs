using Crossgate.Directory.Model;
using Crossgate.Server.Errors;
using Crossgate.Server.Protocols.Query;
using Crossgate.Server.Validation;

namespace Crossgate.Server.Services.Sts;

/// <summary><c>Tags.member.N.Key/Value</c> and <c>TransitiveTagKeys.member.N</c> of AssumeRole, checked against
/// STS's constraints: at most 50 of each, key 1–128 and value 0–256 characters of the tag alphabet, keys unique
/// ignoring case, transitive keys a subset of the tags passed.</summary>
public sealed record SessionTagParameters(IReadOnlyList<Tag> Tags, IReadOnlyList<string> TransitiveTagKeys)
{
    public const int MaxTags = 50;

    public static SessionTagParameters Read(QueryParameters parameters, ParameterValidation validation)
    {
        var tags = new List<Tag>();
        var items = parameters.StructList("Tags");
        if (items.Count > MaxTags)
        {
            validation.Fail("tags", "[" + string.Join(", ", items.Select(t => t.Get("Key"))) + "]", $"Member must have length less than or equal to {MaxTags}");
        }

        for (var i = 0; i < items.Count; i++)
        {
            var key = items[i].Get("Key");
            var value = items[i].Get("Value") ?? string.Empty;
            var member = $"tags.{i + 1}.member";
            validation.Required(member + ".key", key)
                .Length(member + ".key", key, 1, 128)
                .Pattern(member + ".key", key, StsPatterns.TagKey(), StsPatterns.TagKeyText)
                .Length(member + ".value", value, 0, 256)
                .Pattern(member + ".value", value, StsPatterns.TagValue(), StsPatterns.TagValueText);
            if (key is not null)
            {
                tags.Add(new Tag(key, value));
            }
        }

        var transitive = parameters.List("TransitiveTagKeys");
        if (transitive.Count > MaxTags)
        {
            validation.Fail("transitiveTagKeys", "[" + string.Join(", ", transitive) + "]", $"Member must have length less than or equal to {MaxTags}");
        }

        for (var i = 0; i < transitive.Count; i++)
        {
            validation.Length($"transitiveTagKeys.{i + 1}.member", transitive[i], 1, 128)
                .Pattern($"transitiveTagKeys.{i + 1}.member", transitive[i], StsPatterns.TagKey(), StsPatterns.TagKeyText);
        }

        return new SessionTagParameters(tags, transitive);
    }

    /// <summary>Rules beyond single-value constraints, checked once the values are known to be well formed.</summary>
    public AwsError? CheckConsistency()
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var tag in Tags)
        {
            if (!keys.Add(tag.Key))
            {
                return StsErrors.DuplicateTagKeys();
            }
        }

        foreach (var key in TransitiveTagKeys)
        {
            if (!keys.Contains(key))
            {
                return StsErrors.InvalidParameterValue("The specified transitive tag key must be included in the requested tags.");
            }
        }

        return null;
    }

    /// <summary>The tags of the new session: the caller session's transitive tags (which may not be overridden) plus
    /// the tags passed; and the transitive keys, which carry on down the chain.</summary>
    public (IReadOnlyList<Tag> Tags, IReadOnlyList<string> Transitive, AwsError? Error) MergeInherited(StsSession? callerSession)
    {
        if (callerSession is not { TransitiveTagKeys.Count: > 0 })
        {
            return (Tags, TransitiveTagKeys, null);
        }

        var inheritedKeys = new HashSet<string>(callerSession.TransitiveTagKeys, StringComparer.OrdinalIgnoreCase);
        var inherited = callerSession.SessionTags.Where(t => inheritedKeys.Contains(t.Key)).ToList();
        foreach (var tag in Tags)
        {
            if (inheritedKeys.Contains(tag.Key))
            {
                return ([], [], StsErrors.InvalidParameterValue(
                    "One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session."));
            }
        }

        var transitive = new List<string>(callerSession.TransitiveTagKeys);
        transitive.AddRange(TransitiveTagKeys.Where(k => !inheritedKeys.Contains(k)));
        return ([.. inherited, .. Tags], transitive, null);
    }

    public IReadOnlyDictionary<string, string>? AsRequestTags() =>
        Tags.Count == 0 ? null : Tags.ToDictionary(t => t.Key, t => t.Value, StringComparer.OrdinalIgnoreCase);
}
