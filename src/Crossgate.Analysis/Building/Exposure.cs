namespace Crossgate.Analysis.Building;

/// <summary>How much the store knows of a caller, which decides which condition keys it can settle.</summary>
internal enum Exposure
{
    /// <summary>A user or role of the store: its tags, organization and ARN are known.</summary>
    InStore,

    /// <summary>A user or role named by ARN but absent from the store: its ARN and account are known.</summary>
    ExternalNamed,

    /// <summary>Some principal of an account outside the store: only the account is known.</summary>
    ExternalAccount,

    /// <summary>Anyone (<c>"*"</c>), a service or an identity provider: nothing about the caller's account is known.</summary>
    Anyone,
}
