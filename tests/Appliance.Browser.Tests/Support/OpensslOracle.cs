using System.Diagnostics;

namespace Appliance.Browser.Tests.Support;

/// <summary>The openssl command (Debian package openssl) as an independent judge of certificate pins.</summary>
public static class OpensslOracle
{
    /// <summary>Runs a shell pipeline of openssl commands on <paramref name="pem"/> (standard input) and returns its output.</summary>
    public static async Task<string> PipeAsync(string pem, string pipeline)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(pipeline);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("sh did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(pem);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"'{pipeline}' failed: {await errors}");
        return (await output).Trim();
    }
}
