using Microsoft.Extensions.Logging;

namespace Appliance.Net.Ice;

/// <summary>Source-generated log messages of <see cref="IceLiteAgent"/>.</summary>
internal static partial class IceLiteAgentLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "ICE session {Ufrag} registered")]
    public static partial void SessionCreated(this ILogger logger, string ufrag);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "ICE session {Ufrag} nominated {RemoteAddress}")]
    public static partial void Nominated(this ILogger logger, string ufrag, string remoteAddress);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "ICE session {Ufrag} lost consent after {ConsentTimeout}: disconnected")]
    public static partial void ConsentExpired(this ILogger logger, string ufrag, TimeSpan consentTimeout);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "STUN check from {RemoteAddress} for unknown ufrag {Username}: dropped")]
    public static partial void UnknownUfrag(this ILogger logger, string remoteAddress, string username);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "STUN check from {RemoteAddress} for {Ufrag} failed authentication")]
    public static partial void Unauthenticated(this ILogger logger, string remoteAddress, string ufrag);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "STUN check from {RemoteAddress} for {Ufrag} claims the controlled role: 487 Role Conflict")]
    public static partial void RoleConflict(this ILogger logger, string remoteAddress, string ufrag);

    [LoggerMessage(EventId = 7, Level = LogLevel.Error, Message = "An ICE session event handler threw")]
    public static partial void HandlerFault(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 8, Level = LogLevel.Debug, Message = "ICE session {Ufrag} removed")]
    public static partial void SessionRemoved(this ILogger logger, string ufrag);
}
