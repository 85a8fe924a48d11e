namespace Appliance.Admin.Maintenance;

/// <summary>
/// The last <see cref="Capacity"/> log lines in memory, for the console's maintenance view and
/// the diagnostics bundle: an <see cref="ILoggerProvider"/> beside the console/journal one.
/// Messages are the formatted templates, so the same rule holds as everywhere: no secrets in logs.
/// </summary>
public sealed class RecentLogs(TimeProvider time) : ILoggerProvider
{
    public const int Capacity = 500;

    public sealed record Line(DateTimeOffset Time, string Level, string Category, string Message);

    private readonly Line?[] _ring = new Line?[Capacity];
    private readonly Lock _gate = new();
    private long _written;

    public ILogger CreateLogger(string categoryName) => new RingLogger(this, categoryName);

    /// <summary>The kept lines, oldest first.</summary>
    public IReadOnlyList<Line> Snapshot()
    {
        lock (_gate)
        {
            var count = (int)Math.Min(_written, Capacity);
            var lines = new List<Line>(count);
            for (var i = _written - count; i < _written; i++)
                lines.Add(_ring[i % Capacity]!);
            return lines;
        }
    }

    private void Add(Line line)
    {
        lock (_gate)
        {
            _ring[_written % Capacity] = line;
            _written++;
        }
    }

    public void Dispose()
    {
    }

    private sealed class RingLogger(RecentLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            var message = formatter(state, exception);
            if (exception is not null)
                message += $" ({exception.GetType().Name}: {exception.Message})";
            owner.Add(new Line(owner.Now, logLevel.ToString(), category, message));
        }
    }

    private DateTimeOffset Now => time.GetUtcNow();
}
