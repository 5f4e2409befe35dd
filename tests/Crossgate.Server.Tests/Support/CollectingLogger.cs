using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Crossgate.Server.Tests.Support;

/// <summary>Keeps the exceptions the server logs, so a test that sees a 500 can say which code path threw.</summary>
public sealed class CollectingLogger : ILoggerProvider, ILogger
{
    public ConcurrentQueue<Exception> Exceptions { get; } = new();

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (exception is not null) Exceptions.Enqueue(exception);
    }

    /// <summary>Each distinct exception (type, message start and throwing frame) once.</summary>
    public string Distinct() => string.Join("\n---\n", Exceptions
        .GroupBy(e => e.GetType().Name + (e.StackTrace ?? "").Split('\n').FirstOrDefault())
        .Select(g => $"{g.Count()}x {g.First().GetType().Name}: {g.First().Message[..Math.Min(200, g.First().Message.Length)]}\n{string.Join("\n", (g.First().StackTrace ?? "").Split('\n').Take(6))}"));

    public void Dispose()
    {
    }
}
