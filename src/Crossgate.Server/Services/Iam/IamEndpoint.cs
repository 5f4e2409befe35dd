using Crossgate.Directory;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Server.Application;
using Crossgate.Server.Errors;
using Crossgate.Server.Hosting;
using Crossgate.Server.Protocols;
using Crossgate.Server.Protocols.Query;
using Crossgate.Server.Validation;

namespace Crossgate.Server.Services.Iam;

/// <summary>IAM's Query API over the directory. Every action first asks the engine whether the caller may perform
/// it on the resource AWS names for that action; the caller's account is the account acted on. The actions are
/// split by entity across the partial files of this class.</summary>
public sealed partial class IamEndpoint(CrossgateServices services)
{
    /// <summary>Maps every IAM action this endpoint answers.</summary>
    public static HandlerRegistry Register(HandlerRegistry registry, CrossgateServices services)
    {
        var iam = new IamEndpoint(services);
        foreach (var (action, handler) in iam.Actions())
        {
            registry.MapQuery(AwsService.Iam, action, handler);
        }

        return registry;
    }

    private IEnumerable<(string Action, QueryActionHandler Handler)> Actions() =>
        UserActions().Concat(GroupActions()).Concat(RoleActions()).Concat(PolicyActions()).Concat(InlinePolicyActions())
            .Concat(AttachmentActions()).Concat(TagActions()).Concat(AccessKeyActions()).Concat(MfaActions())
            .Concat(LoginProfileActions()).Concat(SimulationActions()).Concat(AuthorizationDetailsActions());

    private static string AccountOf(QueryRequest request) => RequestGuard.CallerOf(request.Context).Principal.AccountId;

    /// <summary>Null when the engine allows the caller <paramref name="action"/> on <paramref name="resource"/>.</summary>
    /// <remarks><paramref name="requestTags"/> are the tags the call would set, for <c>aws:RequestTag/*</c> and
    /// <c>aws:TagKeys</c>.</remarks>
    private async Task<AwsError?> DeniedAsync(QueryRequest request, string action, string resource, CancellationToken ct, IReadOnlyList<Tag>? requestTags = null)
    {
        var tags = requestTags is null ? null : TagMap(requestTags);
        var (_, error) = await services.Guard.CheckAsync(request.Context, action, resource, requestTags: tags, cancellationToken: ct).ConfigureAwait(false);
        return error;
    }

    private static Dictionary<string, string> TagMap(IReadOnlyList<Tag> tags)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            map[tag.Key] = tag.Value;
        }

        return map;
    }

    private static AwsError ToAws(IamError error) => new(error.Code, error.Message, error.HttpStatus);

    private static QueryResponse Fail(IamError error) => QueryResponse.Fail(ToAws(error));

    /// <summary>AWS's answer for required members left out: <c>Value null at 'member' …</c>, in camel case.</summary>
    private static AwsError? Missing(params (string Member, string? Value)[] required)
    {
        var validation = new ParameterValidation();
        foreach (var (member, value) in required)
        {
            validation.Required(member, value);
        }

        return validation.Message is { } message ? QueryErrors.ValidationError(message) : null;
    }

    /// <summary>IAM's name constraints (length, <c>[\w+=,.@-]+</c>) as a ValidationError, checked before authorization.</summary>
    private static AwsError? InvalidName(string member, string? name, int maxLength) =>
        name is not null && Crossgate.Directory.Validation.IamNames.Name(name, member, maxLength) is { } invalid ? ToAws(invalid) : null;

    /// <summary>Reads <c>Marker</c> and <c>MaxItems</c> (1–1000) of a list call.</summary>
    private static AwsError? Paging(QueryParameters parameters, out string? marker, out int maxItems)
    {
        marker = parameters.Get("Marker");
        maxItems = ListQuery.DefaultMaxItems;
        if (!parameters.TryGetInt("MaxItems", out var max))
        {
            return QueryErrors.ValidationError(
                $"1 validation error detected: Value '{parameters.Get("MaxItems")}' at 'maxItems' failed to satisfy constraint: Member must be an integer");
        }

        var validation = new ParameterValidation().Range("maxItems", max, 1, ListQuery.MaxMaxItems).Length("marker", marker, 1, 320);
        if (validation.Message is { } message)
        {
            return QueryErrors.ValidationError(message);
        }

        maxItems = max ?? ListQuery.DefaultMaxItems;
        return null;
    }

    /// <summary>A store listing with IAM's paging.</summary>
    private async Task<(Page<Versioned<T>>? Page, AwsError? Error)> ListPageAsync<T>(
        EntityKind<T> kind, string account, QueryParameters parameters, string? pathPrefix, string? owner, CancellationToken ct)
        where T : class
    {
        if (Paging(parameters, out var marker, out var maxItems) is { } invalid)
        {
            return (null, invalid);
        }

        var page = await services.Store.ListAsync(kind, account, new ListQuery { Marker = marker, MaxItems = maxItems, PathPrefix = pathPrefix, Owner = owner }, ct)
            .ConfigureAwait(false);
        return (page, null);
    }

    /// <summary>The <c>Tags.member.N.Key/Value</c> of a create call, or null when none.</summary>
    private static IReadOnlyList<Tag>? TagsOf(QueryParameters parameters, string name = "Tags")
    {
        var tags = parameters.StructList(name);
        return tags.Count == 0 ? null : tags.Select(t => new Tag(t.Get("Key") ?? string.Empty, t.Get("Value") ?? string.Empty)).ToList();
    }

    private async Task<string> UserArnAsync(string account, string userName, CancellationToken ct) =>
        (await services.Store.GetUserAsync(account, userName, ct).ConfigureAwait(false))?.Value.Arn ?? IamArns.User(account, "/", userName);

    private async Task<string> RoleArnAsync(string account, string roleName, CancellationToken ct) =>
        (await services.Store.GetRoleAsync(account, roleName, ct).ConfigureAwait(false))?.Value.Arn ?? IamArns.Role(account, "/", roleName);

    private async Task<string> GroupArnAsync(string account, string groupName, CancellationToken ct) =>
        (await services.Store.GetGroupAsync(account, groupName, ct).ConfigureAwait(false))?.Value.Arn ?? IamArns.Group(account, "/", groupName);

    /// <summary>A page over a list already in memory (a user's groups, an entity's policies): the marker is the
    /// position of the next item.</summary>
    private static AwsError? PageOf<T>(IReadOnlyList<T> items, QueryParameters parameters, out IReadOnlyList<T> page, out string? nextMarker)
    {
        page = [];
        nextMarker = null;
        if (Paging(parameters, out var marker, out var maxItems) is { } invalid)
        {
            return invalid;
        }

        var start = 0;
        if (marker is not null && (!int.TryParse(marker, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out start) || start > items.Count))
        {
            return QueryErrors.ValidationError("Invalid Marker.");
        }

        var count = Math.Min(maxItems, items.Count - start);
        page = items.Skip(start).Take(count).ToList();
        if (start + count < items.Count)
        {
            nextMarker = (start + count).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return null;
    }

    private static void Truncation(XmlResultWriter w, bool isTruncated, string? marker)
    {
        w.Element("IsTruncated", isTruncated);
        if (isTruncated)
        {
            w.Element("Marker", marker);
        }
    }

    private static QueryActionHandler Handler(Func<QueryRequest, CancellationToken, Task<QueryResponse>> body) =>
        async (request, ct) => await body(request, ct).ConfigureAwait(false);
}
