using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Crossgate.Analysis.Findings;
using Crossgate.Analysis.Graph;
using Crossgate.Analysis.Queries;

namespace Crossgate.Analysis.Output;

/// <summary>The JSON shapes of the access queries (a contract scripts and the console rely on), written with
/// <see cref="Utf8JsonWriter"/>: reach <c>{"principal","reachable":[{"arn","hops","path"}]}</c>, who-can
/// <c>{"target","principals":[…]}</c>, edges <c>{"from","to","kind","action","technique","requires","statements"}</c>,
/// findings <c>{"findings":[{"id","severity","title","principals","path","fix"}]}</c>.</summary>
public static class GraphJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Reach(AccessGraph graph, ReachResult result) => Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("principal", result.Principal);
        json.WriteStartArray("reachable");
        foreach (var entry in result.Reachable)
        {
            WriteEntry(json, graph, entry);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    public static string WhoCan(AccessGraph graph, WhoCanResult result) => Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("target", result.Target);
        if (result.Action is not null)
        {
            json.WriteString("action", result.Action);
        }

        json.WriteStartArray("principals");
        foreach (var entry in result.Principals)
        {
            WriteEntry(json, graph, entry);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    public static string Paths(AccessGraph graph, PathsResult result) => Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("from", result.From);
        json.WriteString("to", result.To);
        json.WriteNumber("maxHops", result.MaxHops);
        json.WriteStartArray("paths");
        foreach (var path in result.Paths)
        {
            json.WriteStartObject();
            json.WriteNumber("hops", path.Hops);
            WriteStrings(json, "requires", path.Requires);
            WritePath(json, graph, path.Edges);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteBoolean("truncated", result.Truncated);
        json.WriteEndObject();
    });

    public static string Findings(AccessGraph graph, FindingsResult result) => Write(json => WriteFindings(json, graph, result));

    /// <summary>The findings straight to a stream (UTF-8, then a newline): a large organization's answer runs to tens
    /// of megabytes, which need not be held as one string.</summary>
    public static void Findings(Stream stream, AccessGraph graph, FindingsResult result)
    {
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            WriteFindings(json, graph, result);
        }

        stream.Write("\n"u8);
        stream.Flush();
    }

    private static void WriteFindings(Utf8JsonWriter json, AccessGraph graph, FindingsResult result)
    {
        json.WriteStartObject();
        json.WriteStartArray("findings");
        foreach (var finding in result.Findings)
        {
            json.WriteStartObject();
            json.WriteString("id", finding.Id);
            json.WriteString("severity", finding.Severity);
            json.WriteString("title", finding.Title);
            WriteStrings(json, "principals", finding.Principals);
            WritePath(json, graph, finding.Path);
            json.WriteString("fix", finding.Fix);
            json.WriteEndObject();
            if (json.BytesPending > FlushAt)
            {
                json.Flush();
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>A writer over a stream holds what it has not flushed: flush every 64 KiB or so.</summary>
    private const int FlushAt = 1 << 16;

    public static void WriteEdge(Utf8JsonWriter json, AccessGraph graph, AccessEdge edge)
    {
        json.WriteStartObject();
        json.WriteString("from", graph.Nodes[edge.From].Arn);
        json.WriteString("to", graph.Nodes[edge.To].Arn);
        json.WriteString("kind", edge.Kind.ToWireName());
        json.WriteString("action", edge.Action);
        if (edge.Technique is null)
        {
            json.WriteNull("technique");
        }
        else
        {
            json.WriteString("technique", edge.Technique);
        }

        WriteStrings(json, "requires", edge.Requires);
        json.WriteStartArray("statements");
        foreach (var statement in edge.Statements)
        {
            json.WriteStartObject();
            json.WriteString("policy", statement.Policy);
            if (statement.Sid is not null)
            {
                json.WriteString("sid", statement.Sid);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (edge.Note is not null)
        {
            json.WriteString("note", edge.Note);
        }

        json.WriteEndObject();
    }

    private static void WriteEntry(Utf8JsonWriter json, AccessGraph graph, ReachEntry entry)
    {
        json.WriteStartObject();
        json.WriteString("arn", entry.Node.Arn);
        json.WriteString("type", entry.Node.Kind.ToWireName());
        json.WriteNumber("hops", entry.Path.Hops);
        WriteStrings(json, "requires", entry.Requires);
        WritePath(json, graph, entry.Path.Edges);
        if (entry.Via is { } via && entry.Action is { } action)
        {
            json.WriteString("via", via.Arn);
            json.WriteStartArray("statements");
            foreach (var statement in action.Statements)
            {
                json.WriteStartObject();
                json.WriteString("policy", statement.Policy);
                if (statement.Sid is not null)
                {
                    json.WriteString("sid", statement.Sid);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WritePath(Utf8JsonWriter json, AccessGraph graph, IReadOnlyList<AccessEdge> edges)
    {
        json.WriteStartArray("path");
        foreach (var edge in edges)
        {
            WriteEdge(json, graph, edge);
        }

        json.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            body(json);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
