using Microsoft.Extensions.Logging;

namespace Appliance.Net.Rtp.Tests.Support;

/// <summary>An <see cref="ILogger{T}"/> that keeps every entry with its structured properties.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    public List<(LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Properties)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var properties = new Dictionary<string, object?>();
        if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            foreach (KeyValuePair<string, object?> pair in pairs)
            {
                properties[pair.Key] = pair.Value;
            }
        }

        Entries.Add((logLevel, formatter(state, exception), properties));
    }
}
