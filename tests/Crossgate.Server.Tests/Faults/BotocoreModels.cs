using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;

namespace Crossgate.Server.Tests.Faults;

/// <summary>The operations and input shapes of IAM, STS and Organizations, read from botocore's service models
/// (installed with pip when python3 lacks botocore; the test fails when neither works).</summary>
internal sealed class BotocoreModels
{
    private static readonly Lazy<string> DataFolder = new(LocateData);

    public static ServiceModel Load(string service)
    {
        var serviceFolder = Path.Combine(DataFolder.Value, service);
        var version = System.IO.Directory.GetDirectories(serviceFolder).OrderBy(d => d, StringComparer.Ordinal).Last();
        var file = Path.Combine(version, "service-2.json.gz");
        using var stream = File.Exists(file)
            ? (Stream)new GZipStream(File.OpenRead(file), CompressionMode.Decompress)
            : File.OpenRead(Path.Combine(version, "service-2.json"));
        using var document = JsonDocument.Parse(stream);
        return new ServiceModel(document.RootElement.Clone());
    }

    private static string LocateData()
    {
        var located = Python("import botocore,os;print(os.path.join(os.path.dirname(botocore.__file__),'data'))");
        if (located is null)
        {
            var install = Process.Start(new ProcessStartInfo("python3", "-m pip install --quiet botocore") { UseShellExecute = false })!;
            install.WaitForExit(300_000);
            located = Python("import botocore,os;print(os.path.join(os.path.dirname(botocore.__file__),'data'))");
        }

        Assert.True(located is not null, "botocore's service models are needed: python3 -m pip install botocore");
        return located!;
    }

    private static string? Python(string code)
    {
        try
        {
            var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(code);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && System.IO.Directory.Exists(output) ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}

/// <summary>One botocore service model: operation names with their input shape, and the shapes.</summary>
internal sealed class ServiceModel(JsonElement root)
{
    public string ApiVersion => root.GetProperty("metadata").GetProperty("apiVersion").GetString()!;

    public string? TargetPrefix => root.GetProperty("metadata").TryGetProperty("targetPrefix", out var p) ? p.GetString() : null;

    public IReadOnlyList<string> Operations => root.GetProperty("operations").EnumerateObject().Select(o => o.Name).ToList();

    public string? InputShape(string operation) =>
        root.GetProperty("operations").GetProperty(operation).TryGetProperty("input", out var input) ? input.GetProperty("shape").GetString() : null;

    public JsonElement Shape(string name) => root.GetProperty("shapes").GetProperty(name);
}
