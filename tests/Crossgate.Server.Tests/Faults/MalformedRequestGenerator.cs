using System.Text;
using System.Text.Json;

namespace Crossgate.Server.Tests.Faults;

/// <summary>One request body to send, signed, to the endpoint.</summary>
internal sealed record FuzzRequest(string Label, string SigningService, string? Target, byte[] Body, string ContentType);

/// <summary>Generates malformed but signable requests for every operation of a botocore model: well-shaped
/// parameters mixed with control characters, invalid UTF-8, huge and empty values, wrong types, odd list indexes,
/// policy documents that are not JSON, deeply nested JSON, unknown actions and versions, and random bytes.</summary>
internal sealed class MalformedRequestGenerator(Random random)
{
    private static readonly string[] OddScalars =
    [
        "", " ", "\u0001", "a\u0000b", "\u007f", "x\r\ny", "\uFFFF", "\U0001F600", "\ud800", "<![CDATA[", "]]>", "&amp;",
        "-1", "0", "99999999999999999999", "1e309", "NaN", "true", "null", "{", "[", "{\"Version\":\"2012-10-17\"",
        "arn:aws:iam::", "arn:aws:iam::123456789012:role/", "arn:aws:iam::123456789012:user/Nobody", "*", "/", "//", "o-", "r-",
        "ou-", "p-", "123456789012", "%", "%ZZ", "+", "..", "\\", "'", "\"", "AKIA", "ASIA0000000000000000",
    ];

    public FuzzRequest Query(string service, ServiceModel model)
    {
        var operations = model.Operations;
        var operation = operations[random.Next(operations.Count)];
        var form = new List<(string Key, byte[] Value)>();
        var label = $"{service}:{operation}";
        switch (random.Next(20))
        {
            case 0:
                form.Add(("Action", Ascii(RandomName())));
                label = $"{service}:unknown-action";
                break;
            case 1:
                form.Add(("Action", Ascii(operation)));
                form.Add(("Version", Ascii(random.Next(2) == 0 ? "2099-01-01" : OddScalars[random.Next(OddScalars.Length)])));
                label += ":odd-version";
                break;
            case 2:
                return new FuzzRequest($"{label}:random-bytes", service, null, RandomBytes(random.Next(0, 4096)), "application/x-www-form-urlencoded; charset=utf-8");
            case 3:
                var raw = Encoding.ASCII.GetBytes($"Action={operation}&Version={model.ApiVersion}&");
                return new FuzzRequest($"{label}:raw-invalid-utf8", service, null, [.. raw, .. InvalidUtf8(), .. "=x"u8.ToArray(), .. InvalidUtf8()], "application/x-www-form-urlencoded; charset=utf-8");
            default:
                form.Add(("Action", Ascii(operation)));
                form.Add(("Version", Ascii(model.ApiVersion)));
                break;
        }

        if (model.InputShape(operation) is { } input)
        {
            FillQuery(model, model.Shape(input), "", form, depth: 0);
        }

        if (random.Next(8) == 0)
        {
            form.Add((RandomName() + "." + random.Next(-2, 5), Value()));
        }

        var body = new List<byte>();
        foreach (var (key, value) in form)
        {
            if (body.Count > 0) body.Add((byte)'&');
            body.AddRange(Encoding.UTF8.GetBytes(Crossgate.Server.Signing.AwsUriEncoding.Encode(key)));
            body.Add((byte)'=');
            foreach (var b in value)
            {
                body.AddRange(Encoding.ASCII.GetBytes(IsUnreserved(b) ? ((char)b).ToString() : $"%{b:X2}"));
            }
        }

        return new FuzzRequest(label, service, null, body.ToArray(), "application/x-www-form-urlencoded; charset=utf-8");
    }

    public FuzzRequest Json(string service, ServiceModel model)
    {
        var operations = model.Operations;
        var operation = operations[random.Next(operations.Count)];
        var target = $"{model.TargetPrefix}.{operation}";
        var label = $"{service}:{operation}";
        const string contentType = "application/x-amz-json-1.1";
        switch (random.Next(16))
        {
            case 0:
                return new FuzzRequest($"{service}:unknown-operation", service, $"{model.TargetPrefix}.{RandomName()}", "{}"u8.ToArray(), contentType);
            case 1:
                return new FuzzRequest($"{label}:random-bytes", service, target, RandomBytes(random.Next(0, 4096)), contentType);
            case 2:
                var depth = random.Next(50, 20_000);
                return new FuzzRequest($"{label}:deep-nesting", service, target,
                    Encoding.ASCII.GetBytes("{\"X\":" + new string('[', depth) + new string(']', depth) + "}"), contentType);
            case 3:
                return new FuzzRequest($"{label}:invalid-utf8", service, target, [.. "{\"Name\":\""u8.ToArray(), .. InvalidUtf8(), .. "\"}"u8.ToArray()], contentType);
            case 4:
                return new FuzzRequest($"{label}:not-an-object", service, target, Encoding.ASCII.GetBytes(random.Next(3) switch { 0 => "[]", 1 => "\"x\"", _ => "42" }), contentType);
        }

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { SkipValidation = true }))
        {
            if (model.InputShape(operation) is { } input) WriteJson(model, model.Shape(input), json, 0);
            else json.WriteRawValue("{}", skipInputValidation: true);
        }

        return new FuzzRequest(label, service, target, stream.ToArray(), contentType);
    }

    private void FillQuery(ServiceModel model, JsonElement shape, string prefix, List<(string, byte[])> form, int depth)
    {
        var type = shape.GetProperty("type").GetString();
        if (depth > 4)
        {
            return;
        }

        switch (type)
        {
            case "structure":
                var required = shape.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()).ToHashSet() : [];
                foreach (var member in shape.GetProperty("members").EnumerateObject())
                {
                    if (!required.Contains(member.Name) && random.Next(3) == 0) continue;
                    if (required.Contains(member.Name) && random.Next(12) == 0) continue;
                    var name = prefix.Length == 0 ? member.Name : prefix + "." + member.Name;
                    FillQuery(model, model.Shape(member.Value.GetProperty("shape").GetString()!), name, form, depth + 1);
                }

                break;
            case "list":
                var count = random.Next(4);
                for (var i = 1; i <= count; i++)
                {
                    var index = random.Next(10) == 0 ? OddIndex() : i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    FillQuery(model, model.Shape(shape.GetProperty("member").GetProperty("shape").GetString()!), $"{prefix}.member.{index}", form, depth + 1);
                }

                if (count == 0 && random.Next(2) == 0) form.Add((prefix, Array.Empty<byte>()));
                break;
            case "map":
                var entries = random.Next(3);
                for (var i = 1; i <= entries; i++)
                {
                    form.Add(($"{prefix}.entry.{i}.key", ScalarFor(model, shape.GetProperty("key"))));
                    form.Add(($"{prefix}.entry.{i}.value", ScalarFor(model, shape.GetProperty("value"))));
                }

                break;
            default:
                form.Add((prefix, Scalar(shape)));
                break;
        }
    }

    private byte[] ScalarFor(ServiceModel model, JsonElement reference) => Scalar(model.Shape(reference.GetProperty("shape").GetString()!));

    private void WriteJson(ServiceModel model, JsonElement shape, Utf8JsonWriter json, int depth)
    {
        var type = shape.GetProperty("type").GetString();
        if (random.Next(14) == 0 || depth > 5)
        {
            WrongJsonValue(json);
            return;
        }

        switch (type)
        {
            case "structure":
                json.WriteStartObject();
                var required = shape.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()).ToHashSet() : [];
                foreach (var member in shape.GetProperty("members").EnumerateObject())
                {
                    if (!required.Contains(member.Name) && random.Next(3) == 0) continue;
                    if (required.Contains(member.Name) && random.Next(12) == 0) continue;
                    json.WritePropertyName(member.Name);
                    WriteJson(model, model.Shape(member.Value.GetProperty("shape").GetString()!), json, depth + 1);
                }

                if (random.Next(10) == 0)
                {
                    json.WritePropertyName(RandomName());
                    WrongJsonValue(json);
                }

                json.WriteEndObject();
                break;
            case "list":
                json.WriteStartArray();
                var count = random.Next(4);
                for (var i = 0; i < count; i++) WriteJson(model, model.Shape(shape.GetProperty("member").GetProperty("shape").GetString()!), json, depth + 1);
                json.WriteEndArray();
                break;
            case "map":
                json.WriteStartObject();
                for (var i = random.Next(3); i > 0; i--)
                {
                    json.WritePropertyName(Text(Scalar(model.Shape(shape.GetProperty("key").GetProperty("shape").GetString()!))) + i);
                    WriteJson(model, model.Shape(shape.GetProperty("value").GetProperty("shape").GetString()!), json, depth + 1);
                }

                json.WriteEndObject();
                break;
            case "integer" or "long":
                if (random.Next(3) == 0) json.WriteRawValue(random.Next(4) switch { 0 => "1e400", 1 => "-9223372036854775809", 2 => "1.5", _ => "99999999999999999999999" }, skipInputValidation: true);
                else json.WriteNumberValue(random.Next(-5, 2000));
                break;
            case "boolean":
                json.WriteBooleanValue(random.Next(2) == 0);
                break;
            case "timestamp":
                json.WriteNumberValue(random.Next(4) == 0 ? -1e12 : 1.7e9);
                break;
            default:
                json.WriteStringValue(Text(Scalar(shape)));
                break;
        }
    }

    private void WrongJsonValue(Utf8JsonWriter json)
    {
        switch (random.Next(7))
        {
            case 0: json.WriteNullValue(); break;
            case 1: json.WriteNumberValue(random.Next()); break;
            case 2: json.WriteBooleanValue(true); break;
            case 3: json.WriteStartObject(); json.WriteEndObject(); break;
            case 4: json.WriteStartArray(); json.WriteStringValue("x"); json.WriteEndArray(); break;
            case 5: json.WriteStringValue(new string('A', random.Next(1, 200_000))); break;
            default: json.WriteStringValue(OddScalars[random.Next(OddScalars.Length)]); break;
        }
    }

    /// <summary>A scalar for a string/number/boolean/timestamp/blob shape: plausible most of the time, odd otherwise.</summary>
    private byte[] Scalar(JsonElement shape)
    {
        var type = shape.GetProperty("type").GetString();
        if (random.Next(3) == 0) return Value();
        if (shape.TryGetProperty("enum", out var values))
        {
            var list = values.EnumerateArray().ToList();
            return Ascii(list[random.Next(list.Count)].GetString()!);
        }

        return type switch
        {
            "integer" or "long" => Ascii(random.Next(-5, 50_000).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            "boolean" => Ascii(random.Next(2) == 0 ? "true" : "false"),
            "timestamp" => Ascii("2026-01-01T00:00:00Z"),
            _ => Ascii(random.Next(4) == 0 ? RandomName() : Plausible(shape)),
        };
    }

    private string Plausible(JsonElement shape)
    {
        var min = shape.TryGetProperty("min", out var m) ? m.GetInt32() : 1;
        return random.Next(5) switch
        {
            0 => """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""",
            1 => "arn:aws:iam::123456789012:policy/" + RandomName(),
            2 => "arn:aws:iam::aws:policy/ReadOnlyAccess",
            _ => new string('a', Math.Max(min, 1)) + RandomName(),
        };
    }

    private byte[] Value() => random.Next(6) switch
    {
        0 => InvalidUtf8(),
        1 => Ascii(new string((char)random.Next(0, 32), random.Next(1, 5))),
        2 => Encoding.UTF8.GetBytes(new string('x', random.Next(1_000, 300_000))),
        3 => RandomBytes(random.Next(1, 64)),
        _ => Encoding.UTF8.GetBytes(OddScalars[random.Next(OddScalars.Length)]),
    };

    private string OddIndex() => random.Next(5) switch
    {
        0 => "0",
        1 => "-1",
        2 => "99999999999",
        3 => "abc",
        _ => "",
    };

    private byte[] InvalidUtf8() => random.Next(5) switch
    {
        0 => [0xFF],
        1 => [0xC3, 0x28],
        2 => [0xE2, 0x82],
        3 => [0xED, 0xA0, 0x80],
        _ => [0xF8, 0x88, 0x80, 0x80, 0x80],
    };

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private string RandomName()
    {
        const string letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        var chars = new char[random.Next(1, 12)];
        for (var i = 0; i < chars.Length; i++) chars[i] = letters[random.Next(letters.Length)];
        return new string(chars);
    }

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    private static byte[] Ascii(string text) => Encoding.UTF8.GetBytes(text);

    private static bool IsUnreserved(byte b) =>
        b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~';
}
