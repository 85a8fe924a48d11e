using System.Diagnostics;
using System.Text;

namespace Appliance.Packaging.Tests.Support;

/// <summary>Collects a running program's output and lets a test await a line that contains a text.</summary>
public sealed class ProcessLog
{
    private readonly StringBuilder _lines = new();
    private readonly List<(string Text, TaskCompletionSource<bool> Seen)> _waits = [];
    private readonly TaskCompletionSource<bool> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ProcessLog(Process process)
    {
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _ = process.WaitForExitAsync().ContinueWith(_ => _exited.TrySetResult(false), TaskScheduler.Default);
    }

    /// <summary>True once a line containing the text was printed; false if the program ended or the time ran out first.</summary>
    public async Task<bool> WaitForAsync(string text, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lines)
        {
            if (_lines.ToString().Contains(text, StringComparison.Ordinal))
                return true;
            _waits.Add((text, seen));
        }
        var first = await Task.WhenAny(seen.Task, _exited.Task, Task.Delay(timeout));
        return first == seen.Task;
    }

    public override string ToString()
    {
        lock (_lines)
            return _lines.ToString();
    }

    private void Add(string? line)
    {
        if (line is null)
            return;
        lock (_lines)
        {
            _lines.AppendLine(line);
            foreach (var wait in _waits.Where(w => line.Contains(w.Text, StringComparison.Ordinal)))
                wait.Seen.TrySetResult(true);
        }
    }
}
