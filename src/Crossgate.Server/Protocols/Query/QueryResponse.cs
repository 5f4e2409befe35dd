using Crossgate.Server.Errors;

namespace Crossgate.Server.Protocols.Query;

/// <summary>A handler's answer: the content of the Result element, or an error.</summary>
public sealed class QueryResponse
{
    private QueryResponse(Action<XmlResultWriter>? writeResult, AwsError? error)
    {
        WriteResult = writeResult;
        Error = error;
    }

    public Action<XmlResultWriter>? WriteResult { get; }

    public AwsError? Error { get; }

    /// <summary>Success; <paramref name="writeResult"/> writes the members of the Result element.</summary>
    public static QueryResponse Ok(Action<XmlResultWriter> writeResult) => new(writeResult, null);

    /// <summary>Success for actions whose response has no Result element (e.g. DeleteUser).</summary>
    public static QueryResponse Empty() => new(null, null);

    public static QueryResponse Fail(AwsError error) => new(null, error);

    public static implicit operator QueryResponse(AwsError error) => Fail(error);
}
