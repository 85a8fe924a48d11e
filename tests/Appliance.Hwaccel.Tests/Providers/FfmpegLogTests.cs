using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Native;
using Appliance.Hwaccel.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Appliance.Hwaccel.Tests.Providers;

public sealed class FfmpegLogTests
{
    [Fact]
    public void DecoderComplaintsReachTheLogger()
    {
        var sink = new ListLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(sink).SetMinimumLevel(LogLevel.Trace));
        FfmpegLog.RouteTo(loggers, LogLevel.Error);
        try
        {
            using IVideoDecoder decoder = ProbeResults.Provider("software").CreateDecoder(VideoCodec.H264, CodecRun.Pool);
            decoder.Decode([0, 0, 0, 1, 0x65, 0xFF, 0xFF, 0xFF, 0xFF], 0);
        }
        finally
        {
            FfmpegLog.Reset();
        }
        Assert.Contains(sink.Lines, l => l.Category == "FFmpeg" && l.Level == LogLevel.Error && l.Message.Contains("h264", StringComparison.Ordinal));
    }

    private sealed class ListLoggerProvider : ILoggerProvider
    {
        public List<(string Category, LogLevel Level, string Message)> Lines { get; } = [];

        public ILogger CreateLogger(string categoryName) => new ListLogger(this, categoryName);

        public void Dispose() { }

        private sealed class ListLogger(ListLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner.Lines)
                {
                    owner.Lines.Add((category, logLevel, formatter(state, exception)));
                }
            }
        }
    }
}
