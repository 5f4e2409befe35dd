namespace Crossgate.Server.Protocols;

/// <summary>Which wire protocol a service speaks.</summary>
public enum WireProtocol
{
    /// <summary>Form-encoded <c>Action=…&amp;Version=…</c> requests, XML responses (IAM, STS).</summary>
    Query,

    /// <summary><c>X-Amz-Target</c> + JSON bodies, <c>application/x-amz-json-1.1</c> (Organizations).</summary>
    Json11,
}

/// <summary>One of the AWS services the endpoint serves, with the facts its protocol needs.</summary>
public sealed record AwsService(string SigningName, WireProtocol Protocol, string ApiVersion, string? XmlNamespace, string? TargetPrefix)
{
    public static readonly AwsService Iam =
        new("iam", WireProtocol.Query, "2010-05-08", "https://iam.amazonaws.com/doc/2010-05-08/", null);

    public static readonly AwsService Sts =
        new("sts", WireProtocol.Query, "2011-06-15", "https://sts.amazonaws.com/doc/2011-06-15/", null);

    public static readonly AwsService Organizations =
        new("organizations", WireProtocol.Json11, "2016-11-28", null, "AWSOrganizationsV20161128");

    public static readonly IReadOnlyList<AwsService> All = [Iam, Sts, Organizations];

    public static AwsService? BySigningName(string? name) => name switch
    {
        "iam" => Iam,
        "sts" => Sts,
        "organizations" => Organizations,
        _ => null,
    };

    public static AwsService? ByQueryVersion(string? version) => version switch
    {
        "2010-05-08" => Iam,
        "2011-06-15" => Sts,
        _ => null,
    };

    public static AwsService? ByTarget(string? target)
    {
        if (target is null) return null;
        var dot = target.IndexOf('.');
        var prefix = dot < 0 ? target : target[..dot];
        return prefix == Organizations.TargetPrefix ? Organizations : null;
    }

    public override string ToString() => SigningName;
}
