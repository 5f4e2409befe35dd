namespace Crossgate.Analysis.Graph;

/// <summary>One principal of the graph: its ARN (or service / provider name, or <c>*</c>), its account when it has
/// one, its organization when the store knows it, and whether the store holds it.</summary>
public sealed record GraphNode(int Index, string Arn, NodeKind Kind, string? AccountId, string? OrganizationId, bool InStore)
{
    /// <summary>A short label for drawings: the name after the last slash, or the ARN itself.</summary>
    public string Label
    {
        get
        {
            if (Kind == NodeKind.AccountRoot)
            {
                return $"account {AccountId}";
            }

            var slash = Arn.LastIndexOf('/');
            return slash >= 0 && Kind is NodeKind.User or NodeKind.Role or NodeKind.ExternalPrincipal ? Arn[(slash + 1)..] : Arn;
        }
    }
}
