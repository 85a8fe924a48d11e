using System.Diagnostics;

namespace Appliance.Testing.Network;

/// <summary>Runs iproute2's <c>ip</c> (Debian package iproute2) and turns a failure into a clear exception.</summary>
internal static class IpCommand
{
    public const string Executable = "ip";

    /// <summary>
    /// Runs <c>ip</c> with <paramref name="arguments"/>. A failure whose message contains
    /// <paramref name="toleratedError"/> (e.g. "File exists") counts as success.
    /// </summary>
    public static async Task RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken, string? toleratedError = null)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        var commandLine = $"{Executable} {string.Join(' ', arguments)}";

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"`{commandLine}` did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                $"`{commandLine}` could not run ({e.Message}): the browser media tests need iproute2 (Debian package iproute2).", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var message = (await errors).Trim();
            await output;
            if (process.ExitCode == 0 || (toleratedError is not null && message.Contains(toleratedError, StringComparison.Ordinal)))
                return;
            throw new InvalidOperationException(
                $"`{commandLine}` failed (exit code {process.ExitCode}): {message}. The browser media tests create a private "
                + "test network (a veth pair and a network namespace) and must run as root or with CAP_NET_ADMIN.");
        }
    }
}
