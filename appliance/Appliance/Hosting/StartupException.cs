namespace Appliance.Hosting;

/// <summary>
/// A problem that stops the box from starting and that an admin can fix (a port in use,
/// a folder that cannot be written). Program prints its message as one line, no stack trace.
/// </summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
