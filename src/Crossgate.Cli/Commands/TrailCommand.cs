using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Crossgate.Authorization;
using Crossgate.Cli.Output;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Spectre.Console;

namespace Crossgate.Cli.Commands;

/// <summary><c>crossgate trail</c>: reads the audit trail the endpoint records (every IAM, STS and Organizations
/// request, allowed or not), newest first, as CloudTrail-like JSON records or a table.</summary>
internal static class TrailCommand
{
    private const int DefaultLimit = 50;
    private const int PageSize = 500;

    public static Command Build()
    {
        var store = new StoreOptions();
        var principal = new Option<string?>("--principal") { HelpName = "ARN", Description = "Only events by this principal ARN (userIdentity.arn)." };
        var since = new Option<string?>("--since") { Description = "Only events at or after an ISO-8601 time, or within a duration such as 90s, 15m, 1h, 2d." };
        var limit = new Option<int>("--limit") { Description = "At most this many events.", DefaultValueFactory = _ => DefaultLimit };
        var output = OutputFormatOption.Create();

        var command = new Command("trail", "Show the audit trail of requests to the endpoint, newest first.") { principal, since, limit, output };
        store.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(
            () => store.OpenExistingAsync(parse, cancellationToken), parse.GetValue(principal), parse.GetValue(since), parse.GetValue(limit),
            OutputFormatOption.Parse(parse.GetValue(output)) == OutputFormat.Json, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        Func<Task<IDirectoryStore?>> openStore, string? principal, string? since, int limit, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        DateTimeOffset? start = null;
        if (since is not null)
        {
            start = ParseSince(since, DateTimeOffset.UtcNow);
            if (start is null)
            {
                error.WriteLine($"--since must be an ISO-8601 time or a duration like 90s, 15m, 1h, 2d, not '{since}'.");
                return CrossgateCli.UsageError;
            }
        }

        if (limit < 1)
        {
            error.WriteLine("--limit must be at least 1.");
            return CrossgateCli.UsageError;
        }

        if (principal is not null && PrincipalProblem(principal) is { } problem)
        {
            error.WriteLine(problem);
            return CrossgateCli.UsageError;
        }

        await using var store = await openStore();
        if (store is null)
        {
            return CrossgateCli.UsageError;
        }

        var events = await ReadAsync(store, principal, start, limit, cancellationToken);
        if (json)
        {
            WriteJson(events, output);
        }
        else
        {
            WriteTable(events, output);
        }

        return 0;
    }

    /// <summary>Null when the text is a principal ARN as the trail records callers; otherwise why not.</summary>
    public static string? PrincipalProblem(string text) =>
        text.StartsWith("arn:", StringComparison.Ordinal) && PrincipalArnReader.TryRead(text, out _, out _)
            ? null
            : $"--principal must be a principal ARN such as arn:aws:iam::111111111111:user/alex, arn:aws:iam::111111111111:root or " +
              $"arn:aws:sts::222222222222:assumed-role/CrossAccount-B/bob, not '{text}'.";

    /// <summary>An absolute time (UTC unless it says otherwise) or a duration back from <paramref name="now"/>.</summary>
    public static DateTimeOffset? ParseSince(string value, DateTimeOffset now)
    {
        if (value.Length >= 2 && long.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            TimeSpan? span = value[^1] switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                _ => null,
            };
            if (span is { } back)
            {
                return now - back;
            }
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
    }

    /// <summary>Pages through the store (newest first) until enough events match the principal.</summary>
    private static async Task<List<AuditEvent>> ReadAsync(IDirectoryStore store, string? principal, DateTimeOffset? start, int limit, CancellationToken cancellationToken)
    {
        var found = new List<AuditEvent>();
        long? before = null;
        while (found.Count < limit)
        {
            var page = await store.QueryAuditAsync(new AuditQuery { StartTime = start, BeforeSequence = before, MaxResults = PageSize }, cancellationToken);
            foreach (var auditEvent in page)
            {
                if (principal is null || ArnOf(auditEvent) == principal)
                {
                    found.Add(auditEvent);
                    if (found.Count == limit)
                    {
                        break;
                    }
                }
            }

            if (page.Count < PageSize)
            {
                break;
            }

            before = page[^1].Sequence;
        }

        return found;
    }

    private static string? ArnOf(AuditEvent auditEvent)
    {
        using var identity = JsonDocument.Parse(auditEvent.UserIdentity);
        return identity.RootElement.TryGetProperty("arn", out var arn) ? arn.GetString() : null;
    }

    /// <summary>CloudTrail's log-file shape: <c>{"Records":[…]}</c> with its field names.</summary>
    private static void WriteJson(IReadOnlyList<AuditEvent> events, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("Records");
            foreach (var e in events)
            {
                json.WriteStartObject();
                json.WriteString("eventTime", e.EventTime.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                json.WriteString("eventSource", e.EventSource);
                json.WriteString("eventName", e.EventName);
                json.WriteString("awsRegion", e.AwsRegion);
                json.WritePropertyName("userIdentity");
                json.WriteRawValue(e.UserIdentity);
                WriteOptional(json, "sourceIPAddress", e.SourceIpAddress);
                WriteOptional(json, "userAgent", e.UserAgent);
                json.WritePropertyName("requestParameters");
                if (e.RequestParameters is { } parameters)
                {
                    json.WriteRawValue(parameters);
                }
                else
                {
                    json.WriteNullValue();
                }

                WriteOptional(json, "errorCode", e.ErrorCode);
                WriteOptional(json, "errorMessage", e.ErrorMessage);
                WriteOptional(json, "requestID", e.RequestId);
                json.WriteString("eventID", e.EventId);
                WriteOptional(json, "recipientAccountId", e.RecipientAccountId);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        output.Flush();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteTable(IReadOnlyList<AuditEvent> events, TextWriter output)
    {
        var console = CliOutput.Console(output);
        if (events.Count == 0)
        {
            console.WriteLine("No events.");
            return;
        }

        var table = new Table().AddColumns("Time (UTC)", "Source", "Event", "Principal", "Source IP", "Result");
        foreach (var e in events)
        {
            var service = e.EventSource.EndsWith(".amazonaws.com", StringComparison.Ordinal) ? e.EventSource[..^".amazonaws.com".Length] : e.EventSource;
            table.AddRow(
                Markup.Escape(e.EventTime.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
                Markup.Escape(service),
                Markup.Escape(e.EventName),
                Markup.Escape(ArnOf(e) ?? "(unauthenticated)"),
                Markup.Escape(e.SourceIpAddress ?? "-"),
                e.ErrorCode is null ? "[green]OK[/]" : "[red]" + Markup.Escape(e.ErrorCode) + "[/]");
        }

        console.Write(table);
    }
}
