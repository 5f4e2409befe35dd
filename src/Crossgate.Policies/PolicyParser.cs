using System.Buffers;
using System.Text;
using Crossgate.Policies.Parsing;

namespace Crossgate.Policies;

/// <summary>Turns policy JSON into a <see cref="PolicyDocument"/> or AWS's refusal. Never throws.</summary>
public static class PolicyParser
{
    // Options are immutable, so the plain ones are shared rather than made for every call.
    private static readonly PolicyParseOptions[] PlainOptions =
        Enum.GetValues<PolicyKind>().Select(kind => new PolicyParseOptions(kind)).ToArray();

    public static PolicyParseResult Parse(string json, PolicyKind kind) => Parse(json, Plain(kind));

    public static PolicyParseResult Parse(ReadOnlySpan<byte> utf8Json, PolicyKind kind) => Parse(utf8Json, Plain(kind));

    public static PolicyParseResult Parse(string json, PolicyParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (json is null)
        {
            return PolicyParseResult.Fail(new PolicyError(PolicyError.MalformedPolicyDocument, PolicyMessages.SyntaxErrors, JsonPath.Root));
        }

        if (options.Quota?.Check(json) is { } tooLarge)
        {
            return PolicyParseResult.Fail(tooLarge);
        }

        // The UTF-8 copy lives only while reading (every kept string is copied out), so it is pooled.
        // Lone surrogates become U+FFFD here rather than throwing; AWS would refuse such text anyway.
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(json, buffer);
            return ParseChecked(buffer.AsMemory(0, length), options);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static PolicyParseResult Parse(ReadOnlySpan<byte> utf8Json, PolicyParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Quota?.Check(utf8Json) is { } tooLarge)
        {
            return PolicyParseResult.Fail(tooLarge);
        }

        // Nearly every document is clean and is read in place; the exact reading needs memory, not a span.
        if (System.Text.Unicode.Utf8.IsValid(utf8Json) && CleanPolicyReader.TryRead(utf8Json) is { } clean)
        {
            return Validate(clean, options, new PolicyErrorList());
        }

        // JsonDocument reads from memory, not a span: copy into a pooled buffer held only while reading.
        var buffer = ArrayPool<byte>.Shared.Rent(utf8Json.Length);
        try
        {
            utf8Json.CopyTo(buffer);
            return ParseChecked(buffer.AsMemory(0, utf8Json.Length), options);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static PolicyParseOptions Plain(PolicyKind kind) =>
        (uint)kind < (uint)PlainOptions.Length && PlainOptions[(int)kind].Kind == kind ? PlainOptions[(int)kind] : new PolicyParseOptions(kind);

    private static PolicyParseResult ParseChecked(ReadOnlyMemory<byte> utf8Json, PolicyParseOptions options)
    {
        var errors = new PolicyErrorList();
        var read = JsonPolicyReader.Read(utf8Json, errors);
        if (read is null)
        {
            return PolicyParseResult.Fail(errors.ToImmutable());
        }

        // The statements that read cleanly still go through the later rules, so that the fault AWS reports first
        // (a missing Version, say, before a bad resource) is found and put first.
        return Validate(read, options, errors);
    }

    private static PolicyParseResult Validate(PolicyReadResult read, PolicyParseOptions options, PolicyErrorList errors)
    {
        if (options.RequireCurrentVersion && read.Version != PolicyDocument.CurrentVersion)
        {
            errors.Malformed(PolicyMessages.VersionTooOld, read.HasVersion ? "$.Version" : JsonPath.Root);
        }

        PolicyKindValidator.For(options.Kind).Validate(read, errors);
        if (errors.HasErrors)
        {
            return PolicyParseResult.Fail(PolicyErrorOrder.Sort(errors.ToImmutable()));
        }

        return PolicyParseResult.Ok(new PolicyDocument(options.Kind, read.Version, read.Id, read.Statements));
    }
}
