using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CivicGrid.Testing;

/// <summary>Keeps every log line the site writes, so tests can read what an operator's log would hold.</summary>
public sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Line)> _lines = new();

    public IEnumerable<string> Lines => _lines.Select(l => l.Line);

    /// <summary>The lines written at <paramref name="level"/> or above, such as the warnings and errors an operator watches.</summary>
    public IEnumerable<string> AtLeast(LogLevel level) => _lines.Where(l => l.Level >= level).Select(l => l.Line);

    public ILogger CreateLogger(string categoryName) => new Writer(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Writer(LogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink._lines.Enqueue((logLevel, $"{logLevel} {category}: {formatter(state, exception)} {exception}"));
    }
}
