namespace Crossgate.Server.Hosting;

/// <summary>Where and how the endpoint listens.</summary>
public sealed class CrossgateServerOptions
{
    /// <summary>Interface to bind: an IP address, or <c>localhost</c>.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free one (see <see cref="CrossgateServer.BaseAddress"/>).</summary>
    public int Port { get; init; } = 8770;

    /// <summary>Largest request body accepted; IAM policy documents are small, so 4 MiB is generous.</summary>
    public long MaxRequestBodyBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>How long in-flight requests get to finish on shutdown.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>One JSON object per log line instead of human-readable lines.</summary>
    public bool JsonLogs { get; init; }

    /// <summary>One log line per answered request (<c>--access-log</c>). Off by default: writing it costs more than
    /// answering most requests, and the audit trail records every call anyway.</summary>
    public bool AccessLog { get; init; }

    public LogLevelOption MinimumLogLevel { get; init; } = LogLevelOption.Information;
}

/// <summary>Log levels without making callers reference Microsoft.Extensions.Logging.</summary>
public enum LogLevelOption
{
    Trace,
    Debug,
    Information,
    Warning,
    Error,
    None,
}
