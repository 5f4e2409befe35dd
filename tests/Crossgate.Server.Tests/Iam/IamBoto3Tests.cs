using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Crossgate.Server.Tests.Iam;

/// <summary>boto3 (python3 on this machine) calls the IAM endpoint and parses its answers with botocore's own model.</summary>
public sealed class IamBoto3Tests
{
    [Fact]
    public async Task Boto3_reads_IAM_answers_and_errors()
    {
        if (!await Boto3AvailableAsync())
        {
            // Installed when missing; a missing boto3 fails the test rather than passing it unrun.
            await RunQuietlyAsync("python3", "-m", "pip", "install", "--quiet", "boto3");
            Assert.True(await Boto3AvailableAsync(), "boto3 is needed by this test and could not be installed (python3 -m pip install boto3).");
        }

        await using var host = await IamTestHost.StartAsync();
        var output = await RunPythonAsync(ScriptPath(), host.Server.BaseAddress.ToString().TrimEnd('/'),
            host.Admin.AccessKeyId, host.Admin.SecretAccessKey, host.Nobody.AccessKeyId, host.Nobody.SecretAccessKey);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;

        Assert.Equal("s3:GetObject", root.GetProperty("inline").GetProperty("Statement")[0].GetProperty("Action").GetString());
        var simulation = root.GetProperty("simulation");
        Assert.Equal("allowed", simulation[0].GetProperty("decision").GetString());
        Assert.Equal("*", simulation[0].GetProperty("resource").GetString());
        Assert.Equal("read", simulation[0].GetProperty("matched")[0].GetProperty("SourcePolicyId").GetString());
        Assert.Equal("implicitDeny", simulation[1].GetProperty("decision").GetString());
        Assert.Equal(2, root.GetProperty("pages").GetArrayLength());
        Assert.Equal(4, root.GetProperty("pages").EnumerateArray().Sum(p => p.GetArrayLength()));
        Assert.True(root.GetProperty("mfaSeedLength").GetInt32() >= 16);
        Assert.Contains("zoe", root.GetProperty("detailUsers").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("s3:GetObject", root.GetProperty("detailInline")[0].GetProperty("PolicyDocument").GetProperty("Statement")[0].GetProperty("Action").GetString());

        AssertError(root.GetProperty("noSuchUser"), "NoSuchEntity", 404, "The user with name ghost cannot be found.");
        AssertError(root.GetProperty("exists"), "EntityAlreadyExists", 409, "User with name zoe already exists.");
        AssertError(root.GetProperty("malformed"), "MalformedPolicyDocument", 400, null);
        AssertError(root.GetProperty("denied"), "AccessDenied", 403,
            "User: arn:aws:iam::111122223333:user/nobody is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::111122223333:user/ because no identity-based policy allows the iam:ListUsers action");
    }

    private static void AssertError(JsonElement error, string code, int status, string? message)
    {
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal(status, error.GetProperty("status").GetInt32());
        if (message is not null) Assert.Equal(message, error.GetProperty("message").GetString());
    }

    private static string ScriptPath([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "boto3_iam.py");

    private static async Task RunQuietlyAsync(string program, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in args) start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No such program: the availability check that follows says what is missing.
        }
    }

    private static async Task<bool> Boto3AvailableAsync()
    {
        try
        {
            using var probe = Process.Start(new ProcessStartInfo("python3", "-c \"import boto3\"") { RedirectStandardError = true, RedirectStandardOutput = true })!;
            await probe.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            return probe.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static async Task<string> RunPythonAsync(string script, params string[] args)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        Assert.True(process.ExitCode == 0, $"boto3 script failed: {await stderr}");
        return await stdout;
    }
}
