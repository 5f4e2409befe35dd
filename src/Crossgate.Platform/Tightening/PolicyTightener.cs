using System.Collections.Immutable;
using Crossgate.Policies;
using Crossgate.Policies.Catalog;
using Crossgate.Policies.Linting;

namespace Crossgate.Platform.Tightening;

/// <summary>Narrows a permission policy the way platform vendors advise: actions matching a tag condition apply
/// only to resources carrying that tag (split off from the statement's other actions), and KMS key use becomes
/// <c>kms:CreateGrant</c> for AWS resources. Deny and NotAction statements are never changed. The statement
/// that keeps a group's other actions keeps its Sid (permission groups are named by Sid); the parts split off
/// get the Sid with a suffix (<c>Tagged</c>, <c>AwsOwned</c>, <c>KmsGrants</c>).</summary>
public sealed class PolicyTightener
{
    private readonly ActionCatalog catalog;

    public PolicyTightener(ActionCatalog catalog) => this.catalog = catalog;

    public static PolicyTightener Default { get; } = new(ActionCatalog.Default);

    public TighteningResult Tighten(PolicyDocument document, TighteningOptions options)
    {
        var notes = ImmutableArray.CreateBuilder<TighteningNote>();
        var conflicts = ImmutableArray.CreateBuilder<TighteningNote>();
        var pieces = new List<Piece>();
        foreach (var statement in document.Statements)
        {
            var note = (string message) => notes.Add(new TighteningNote(statement.Index, statement.Sid, message));
            var conflict = (string message) => conflicts.Add(new TighteningNote(statement.Index, statement.Sid, message));
            if (statement.Effect == Effect.Deny || statement.IsNotAction)
            {
                pieces.Add(new Piece(statement, statement, string.Empty));
                continue;
            }

            var current = new List<Piece> { new(statement, statement, string.Empty) };
            if (options.KmsGrantsOnly)
            {
                current = [.. current.SelectMany(p => KmsGrants(p, note, conflict))];
            }

            foreach (var tag in options.TagConditions)
            {
                current = [.. current.SelectMany(p => TagScope(p, tag, note, conflict))];
            }

            pieces.AddRange(current);
        }

        if (conflicts.Count > 0)
        {
            return new TighteningResult { Notes = notes.ToImmutable(), Conflicts = conflicts.ToImmutable() };
        }

        var json = PolicyJsonWriter.ToJson(document.Version, document.Id, NameSids(WithoutRepeats(pieces), document));
        var parsed = PolicyParser.Parse(json.ToJsonString(), document.Kind);
        return new TighteningResult
        {
            Json = json,
            Document = parsed.Document,
            ParseErrors = parsed.Errors,
            Findings = parsed.Success ? new PolicyLinter(catalog).Lint(parsed.Document) : ImmutableArray<PolicyFinding>.Empty,
            Notes = notes.ToImmutable(),
        };
    }

    private IEnumerable<Piece> KmsGrants(Piece piece, Action<string> note, Action<string> conflict)
    {
        var statement = piece.Statement;
        var grantable = new List<string>();
        var rest = new List<string>();
        foreach (var action in statement.Actions)
        {
            switch (KmsGrantOperations.Classify(action, catalog))
            {
                case KmsActionScope.GrantOperations:
                    grantable.Add(action);
                    break;
                case KmsActionScope.Mixed:
                    note($"'{action}' covers KMS key use and other actions; it was left as is. List the KMS actions explicitly to have them replaced by kms:CreateGrant.");
                    rest.Add(action);
                    break;
                default:
                    rest.Add(action);
                    break;
            }
        }

        if (grantable.Count == 0)
        {
            yield return piece;
            yield break;
        }

        var condition = ConditionMerge.And(statement.Condition, new ConditionOperator(ConditionOperatorKind.Bool, SetQualifier.None, false),
            KmsGrantOperations.GrantIsForAwsResourceKey, "true", out var clash);
        if (clash is not null)
        {
            conflict(clash);
            yield return piece;
            yield break;
        }

        note($"[{string.Join(", ", grantable)}] replaced by {KmsGrantOperations.CreateGrant} with Bool {KmsGrantOperations.GrantIsForAwsResourceKey} = true.");
        if (rest.Count > 0)
        {
            yield return piece with { Statement = With(statement, [.. rest], statement.Resources, statement.Condition) };
        }

        yield return new Piece(piece.Original, With(statement, [KmsGrantOperations.CreateGrant], statement.Resources, condition), piece.Suffix + "KmsGrants");
    }

    private IEnumerable<Piece> TagScope(Piece piece, TagCondition tag, Action<string> note, Action<string> conflict)
    {
        var statement = piece.Statement;
        var matched = new List<string>();
        var rest = new List<string>();
        foreach (var action in statement.Actions)
        {
            if (tag.Covers(action))
            {
                matched.Add(action);
                continue;
            }

            rest.Add(action);
            var hidden = catalog.Expand(action).Where(a => tag.Covers(a.FullName)).Select(a => a.FullName).Take(5).ToList();
            if (hidden.Count > 0)
            {
                note($"'{action}' also grants {string.Join(", ", hidden)}{(hidden.Count == 5 ? ", ..." : string.Empty)}, which match '{tag.ActionPattern}'; it was left as is. List those actions explicitly to tag-scope them.");
            }
        }

        if (matched.Count == 0)
        {
            yield return piece;
            yield break;
        }

        // Resources no account can tag keep their grant untagged; the others need the tag.
        var matchedInfos = matched.SelectMany(a => catalog.Expand(a)).ToList();
        var ownedByAws = statement.HasResource && !statement.IsNotResource
            ? statement.Resources.Where(r => AwsOwnedResource.IsAwsOwned(r, matchedInfos)).ToImmutableArray()
            : ImmutableArray<string>.Empty;
        var taggable = statement.HasResource && !statement.IsNotResource
            ? statement.Resources.Where(r => !ownedByAws.Contains(r)).ToImmutableArray()
            : statement.Resources;

        var tagged = new List<Piece>();
        if (taggable.IsEmpty && statement.HasResource && !statement.IsNotResource)
        {
            note($"[{string.Join(", ", matched)}] apply here only to AWS-owned resources, which carry no tags; left untagged.");
        }
        else
        {
            var op = new ConditionOperator(tag.ValueHasWildcard ? ConditionOperatorKind.StringLike : ConditionOperatorKind.StringEquals, SetQualifier.None, false);
            foreach (var group in matched.GroupBy(a => ResourceTagKey.For(a, tag.TagKey, catalog), StringComparer.Ordinal))
            {
                var condition = ConditionMerge.And(statement.Condition, op, group.Key, tag.TagValue, out var clash);
                if (clash is not null)
                {
                    conflict(clash);
                    yield return piece;
                    yield break;
                }

                tagged.Add(new Piece(piece.Original, With(statement, [.. group], taggable, condition), piece.Suffix + "Tagged"));
                note($"[{string.Join(", ", group)}] now require {op} {group.Key} = {tag.TagValue}" +
                    (ownedByAws.IsEmpty ? "." : $" except on AWS-owned [{string.Join(", ", ownedByAws)}]."));
            }
        }

        if (rest.Count > 0)
        {
            yield return piece with { Statement = With(statement, [.. rest], statement.Resources, statement.Condition) };
        }

        foreach (var t in tagged)
        {
            yield return t;
        }

        if (!ownedByAws.IsEmpty)
        {
            yield return new Piece(piece.Original, With(statement, [.. matched], ownedByAws, statement.Condition), piece.Suffix + "AwsOwned");
        }
    }

    private static Statement With(Statement statement, ImmutableArray<string> actions, ImmutableArray<string> resources,
        ConditionBlock condition, string? sid = null) => new()
    {
        Index = statement.Index,
        Sid = sid ?? statement.Sid,
        Effect = statement.Effect,
        Principal = statement.Principal,
        IsNotPrincipal = statement.IsNotPrincipal,
        Actions = actions,
        IsNotAction = statement.IsNotAction,
        Resources = resources,
        HasResource = statement.HasResource,
        IsNotResource = statement.IsNotResource,
        Condition = condition,
    };

    /// <summary>Drops a piece that tightening split off when an earlier statement already grants its actions on the
    /// same resources under the same condition (two groups' KMS use both become the same <c>kms:CreateGrant</c>), so
    /// the output has no redundant statement for <c>policy validate</c> to find.</summary>
    private static List<Piece> WithoutRepeats(List<Piece> pieces)
    {
        var kept = new List<Piece>(pieces.Count);
        foreach (var piece in pieces)
        {
            var statement = piece.Statement;
            var repeat = piece.Suffix.Length > 0 && kept.Any(k =>
                k.Statement.Effect == statement.Effect
                && k.Statement.IsNotAction == statement.IsNotAction && k.Statement.IsNotResource == statement.IsNotResource
                && k.Statement.HasResource == statement.HasResource
                && statement.Actions.All(a => k.Statement.Actions.Contains(a, StringComparer.OrdinalIgnoreCase))
                && SameSet(k.Statement.Resources, statement.Resources)
                && SameConditions(k.Statement.Condition, statement.Condition));
            if (!repeat)
            {
                kept.Add(piece);
            }
        }

        return kept;
    }

    private static bool SameSet(ImmutableArray<string> a, ImmutableArray<string> b) =>
        a.Length == b.Length && a.All(x => b.Contains(x, StringComparer.Ordinal));

    private static bool SameConditions(ConditionBlock a, ConditionBlock b) =>
        a.Conditions.Length == b.Conditions.Length
        && a.Conditions.All(x => b.Conditions.Any(y => x.Operator == y.Operator && string.Equals(x.Key, y.Key, StringComparison.OrdinalIgnoreCase) && SameSet(x.Values, y.Values)));

    // The first piece of each original statement keeps its Sid; the others get the Sid plus their suffix, numbered
    // when that is taken, so Sids stay unique and alphanumeric as IAM requires.
    private static IEnumerable<Statement> NameSids(List<Piece> pieces, PolicyDocument document)
    {
        var taken = new HashSet<string>(document.Statements.Select(s => s.Sid).OfType<string>(), StringComparer.Ordinal);
        var firstSeen = new HashSet<Statement>(ReferenceEqualityComparer.Instance);
        foreach (var piece in pieces)
        {
            var sid = piece.Original.Sid;
            if (string.IsNullOrEmpty(sid) || firstSeen.Add(piece.Original))
            {
                yield return piece.Statement;
                continue;
            }

            var candidate = sid + piece.Suffix;
            for (var n = 2; !taken.Add(candidate); n++)
            {
                candidate = sid + piece.Suffix + n;
            }

            yield return With(piece.Statement, piece.Statement.Actions, piece.Statement.Resources, piece.Statement.Condition, candidate);
        }
    }

    /// <summary>One output statement, the input statement it came from, and the Sid suffix it earns if split off.</summary>
    private sealed record Piece(Statement Original, Statement Statement, string Suffix);
}
