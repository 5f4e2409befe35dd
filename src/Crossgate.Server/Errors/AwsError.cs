namespace Crossgate.Server.Errors;

/// <summary>
/// An error exactly as it goes on the wire: AWS code, message and HTTP status.
/// Protocol writers (Query XML, JSON 1.1) render it; handlers return it as a value.
/// </summary>
public sealed record AwsError(string Code, string Message, int HttpStatus)
{
    /// <summary>Extra members the JSON protocol renders next to the message (e.g. Organizations' <c>Reason</c>).</summary>
    public IReadOnlyDictionary<string, string>? Fields { get; init; }

    /// <summary>Query protocol's <c>Type</c>: faults of the service itself are <c>Receiver</c>, the rest <c>Sender</c>.</summary>
    public bool IsReceiverFault => HttpStatus >= 500;

    public AwsError WithField(string name, string value)
    {
        var fields = Fields is null ? new Dictionary<string, string>() : new Dictionary<string, string>(Fields);
        fields[name] = value;
        return this with { Fields = fields };
    }
}
