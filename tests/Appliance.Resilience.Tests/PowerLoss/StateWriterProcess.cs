using System.Diagnostics;

namespace Appliance.Resilience.Tests.PowerLoss;

/// <summary>
/// The state-writer child process (tests/Appliance.Resilience.StateWriter), started with
/// `dotnet` and killed with SIGKILL: no finally block, no flush, no disposal runs in it.
/// </summary>
internal sealed class StateWriterProcess : IDisposable
{
    private readonly Process _process;

    private StateWriterProcess(Process process) => _process = process;

    public static StateWriterProcess Start(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Appliance.Resilience.StateWriter.dll"));
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        return new StateWriterProcess(Process.Start(info)!);
    }

    /// <summary>Waits until the child reports its first finished write, so the kill lands in its loop.</summary>
    public async Task<string> FirstReportAsync() =>
        await _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60))
            ?? throw new InvalidOperationException("The state writer ended before writing: " + await _process.StandardError.ReadToEndAsync());

    /// <summary>
    /// SIGKILL (Process.Kill on Linux), then the lines the child printed before it died: one per
    /// write it had finished. The write in flight at the kill, if any, printed nothing.
    /// </summary>
    public async Task<IReadOnlyList<string>> KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var rest = await _process.StandardOutput.ReadToEndAsync();
        return rest.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill();
        _process.Dispose();
    }
}
