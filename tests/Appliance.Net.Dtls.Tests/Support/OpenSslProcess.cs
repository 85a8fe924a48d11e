using System.Diagnostics;
using Xunit.Abstractions;

namespace Appliance.Net.Dtls.Tests.Support;

/// <summary>
/// Runs the <c>openssl</c> command-line tool (Debian package <c>openssl</c>) and lets a
/// test wait for a line of its output, without sleeping.
/// </summary>
internal sealed class OpenSslProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Line)> _waiters = [];
    private readonly List<string> _lines = [];
    private readonly ITestOutputHelper _output;

    private OpenSslProcess(Process process, ITestOutputHelper output)
    {
        _process = process;
        _output = output;
    }

    public static OpenSslProcess Start(ITestOutputHelper output, string workingDirectory, params string[] arguments)
    {
        var info = new ProcessStartInfo("openssl")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        var wrapper = new OpenSslProcess(process, output);
        process.OutputDataReceived += (_, e) => wrapper.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => wrapper.OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return wrapper;
    }

    /// <summary>Runs openssl to completion (for key and certificate generation).</summary>
    public static void Run(ITestOutputHelper output, string workingDirectory, params string[] arguments)
    {
        using OpenSslProcess process = Start(output, workingDirectory, arguments);
        process._process.StandardInput.Close();
        if (!process._process.WaitForExit(TimeSpan.FromSeconds(60)) || process._process.ExitCode != 0)
        {
            throw new InvalidOperationException($"openssl {string.Join(' ', arguments)} failed");
        }
    }

    /// <summary>Completes with the first output line (past or future) that matches.</summary>
    public Task<string> WaitForLine(Func<string, bool> match)
    {
        var line = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lines)
        {
            string? seen = _lines.FirstOrDefault(match);
            if (seen is not null)
            {
                line.SetResult(seen);
            }
            else
            {
                _waiters.Add((match, line));
            }
        }

        return line.Task;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private void OnLine(string? text)
    {
        if (text is null)
        {
            return;
        }

        try
        {
            _output.WriteLine("[openssl] " + text);
        }
        catch (InvalidOperationException)
        {
            // The test already finished.
        }

        lock (_lines)
        {
            _lines.Add(text);
            foreach (var waiter in _waiters.Where(w => w.Match(text)).ToList())
            {
                waiter.Line.TrySetResult(text);
                _waiters.Remove(waiter);
            }
        }
    }
}
