using Microsoft.Extensions.Logging;

namespace Appliance.Net.Udp;

/// <summary>Source-generated log messages of <see cref="UdpTransport"/> (no allocation when disabled).</summary>
internal static partial class UdpTransportLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "UDP transport listening on {LocalEndPoint}")]
    public static partial void Listening(this ILogger logger, string localEndPoint);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "UDP receive error {SocketError}; receive loop continues")]
    public static partial void ReceiveError(this ILogger logger, System.Net.Sockets.SocketError socketError);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "UDP send error {SocketError}")]
    public static partial void SendError(this ILogger logger, System.Net.Sockets.SocketError socketError);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "A datagram handler threw; the datagram is dropped and the receive loop continues")]
    public static partial void HandlerFault(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "Dropped a truncated datagram larger than {MaxDatagramSize} bytes")]
    public static partial void Truncated(this ILogger logger, int maxDatagramSize);
}
