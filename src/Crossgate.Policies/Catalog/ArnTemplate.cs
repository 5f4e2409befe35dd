using System.Collections.Immutable;

namespace Crossgate.Policies.Catalog;

/// <summary>A resource type's ARN pattern (<c>arn:${Partition}:s3:::${BucketName}/${ObjectName}</c>) compiled
/// so that it can be intersected with a policy's resource pattern. Used by the linter only, not by evaluation.</summary>
internal sealed class ArnTemplate
{
    // Placeholders that can never hold '/' or ':' (S3 bucket names, partitions, regions, account ids).
    // Every other placeholder may hold anything, so that the linter errs towards silence.
    private static readonly ImmutableHashSet<string> SegmentOnly = ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase,
        "Partition", "Region", "Account", "AccountId", "BucketName");

    private readonly ImmutableArray<Token> tokens;

    private ArnTemplate(ImmutableArray<Token> tokens) => this.tokens = tokens;

    public static ArnTemplate Parse(string pattern)
    {
        var tokens = ImmutableArray.CreateBuilder<Token>(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '$' && i + 1 < pattern.Length && pattern[i + 1] == '{')
            {
                var close = pattern.IndexOf('}', i + 2);
                if (close > 0)
                {
                    var name = pattern[(i + 2)..close];
                    tokens.Add(new Token(TokenKind.Placeholder, '\0', SegmentOnly.Contains(name)));
                    i = close;
                    continue;
                }
            }

            tokens.Add(new Token(TokenKind.Literal, pattern[i], false));
        }

        return new ArnTemplate(tokens.ToImmutable());
    }

    /// <summary>Whether one string exists that is both an ARN of this template and matched by the policy
    /// pattern (<c>*</c> any run, <c>?</c> one character, <c>${...}</c> policy variables treated as <c>*</c>).</summary>
    public bool Overlaps(string policyPattern)
    {
        var policy = PolicyTokens(policyPattern);
        var width = policy.Count + 1;
        var visited = new bool[(tokens.Length + 1) * width];
        var stack = new Stack<(int T, int P)>();
        stack.Push((0, 0));
        while (stack.Count > 0)
        {
            var (t, p) = stack.Pop();
            if (visited[t * width + p])
            {
                continue;
            }

            visited[t * width + p] = true;
            if (t == tokens.Length && p == policy.Count)
            {
                return true;
            }

            var templateToken = t < tokens.Length ? tokens[t] : default;
            var policyToken = p < policy.Count ? policy[p] : default;
            var hasT = t < tokens.Length;
            var hasP = p < policy.Count;

            // Placeholders and stars may match nothing.
            if (hasT && templateToken.Kind == TokenKind.Placeholder)
            {
                stack.Push((t + 1, p));
            }

            if (hasP && policyToken.Kind == PolicyKindOf.Star)
            {
                stack.Push((t, p + 1));
            }

            if (!hasT || !hasP)
            {
                continue;
            }

            // Both sides produce one character.
            var nextT = templateToken.Kind == TokenKind.Literal ? t + 1 : t;
            var nextP = policyToken.Kind == PolicyKindOf.Star ? p : p + 1;
            if (nextT == t && nextP == p)
            {
                continue; // placeholder against star: covered by the empty moves above
            }

            if (Compatible(templateToken, policyToken))
            {
                stack.Push((nextT, nextP));
            }
        }

        return false;
    }

    private static bool Compatible(Token template, PolicyToken policy)
    {
        if (policy.Kind != PolicyKindOf.Literal)
        {
            return true;
        }

        if (template.Kind == TokenKind.Literal)
        {
            return char.ToUpperInvariant(template.Char) == char.ToUpperInvariant(policy.Char);
        }

        return !template.SegmentOnly || (policy.Char != '/' && policy.Char != ':');
    }

    private static List<PolicyToken> PolicyTokens(string pattern)
    {
        var result = new List<PolicyToken>(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '$' && i + 1 < pattern.Length && pattern[i + 1] == '{')
            {
                var close = pattern.IndexOf('}', i + 2);
                if (close > 0)
                {
                    result.Add(new PolicyToken(PolicyKindOf.Star, '\0'));
                    i = close;
                    continue;
                }
            }

            result.Add(c switch
            {
                '*' => new PolicyToken(PolicyKindOf.Star, '\0'),
                '?' => new PolicyToken(PolicyKindOf.One, '\0'),
                _ => new PolicyToken(PolicyKindOf.Literal, c),
            });
        }

        return result;
    }

    private enum TokenKind : byte
    {
        Literal,
        Placeholder,
    }

    private enum PolicyKindOf : byte
    {
        Literal,
        One,
        Star,
    }

    private readonly record struct Token(TokenKind Kind, char Char, bool SegmentOnly);

    private readonly record struct PolicyToken(PolicyKindOf Kind, char Char);
}
