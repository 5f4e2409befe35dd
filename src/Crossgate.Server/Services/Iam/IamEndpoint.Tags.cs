using Crossgate.Directory.Model;
using Crossgate.Server.Protocols.Query;

namespace Crossgate.Server.Services.Iam;

public sealed partial class IamEndpoint
{
    private IEnumerable<(string, QueryActionHandler)> TagActions() =>
    [
        ("TagUser", Handler((r, ct) => TagAsync(r, Holder.User, ct))),
        ("UntagUser", Handler((r, ct) => UntagAsync(r, Holder.User, ct))),
        ("ListUserTags", Handler((r, ct) => ListTagsAsync(r, Holder.User, ct))),
        ("TagRole", Handler((r, ct) => TagAsync(r, Holder.Role, ct))),
        ("UntagRole", Handler((r, ct) => UntagAsync(r, Holder.Role, ct))),
        ("ListRoleTags", Handler((r, ct) => ListTagsAsync(r, Holder.Role, ct))),
    ];

    private async Task<QueryResponse> TagAsync(QueryRequest request, Holder holder, CancellationToken ct)
    {
        var tags = TagsOf(request.Parameters);
        var (account, name, refusal) = await HolderRequestAsync(request, holder, $"Tag{holder}", tags is null ? null : "", "tags", ct, tags);
        if (refusal is not null)
        {
            return refusal;
        }

        var error = holder == Holder.User
            ? (await services.Iam.TagUserAsync(account, name, tags!, cancellationToken: ct)).Error
            : (await services.Iam.TagRoleAsync(account, name, tags!, cancellationToken: ct)).Error;
        return error is null ? QueryResponse.Empty() : Fail(error);
    }

    private async Task<QueryResponse> UntagAsync(QueryRequest request, Holder holder, CancellationToken ct)
    {
        var keys = request.Parameters.List("TagKeys");
        var (account, name, refusal) = await HolderRequestAsync(request, holder, $"Untag{holder}", keys.Count == 0 ? null : "", "tagKeys", ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var error = holder == Holder.User
            ? (await services.Iam.UntagUserAsync(account, name, keys, cancellationToken: ct)).Error
            : (await services.Iam.UntagRoleAsync(account, name, keys, cancellationToken: ct)).Error;
        return error is null ? QueryResponse.Empty() : Fail(error);
    }

    private async Task<QueryResponse> ListTagsAsync(QueryRequest request, Holder holder, CancellationToken ct)
    {
        var (account, name, refusal) = await HolderRequestAsync(request, holder, $"List{holder}Tags", null, null, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        IReadOnlyList<Tag>? tags = holder == Holder.User
            ? (await services.Iam.GetUserAsync(account, name, ct)).Value?.Tags
            : (await services.Iam.GetRoleAsync(account, name, ct)).Value?.Tags;
        if (tags is null)
        {
            return Fail(NoSuchHolder(holder, name));
        }

        if (PageOf(tags, request.Parameters, out var page, out var next) is { } invalid)
        {
            return invalid;
        }

        return QueryResponse.Ok(w =>
        {
            IamXml.TagList(w, page);
            Truncation(w, next is not null, next);
        });
    }
}
