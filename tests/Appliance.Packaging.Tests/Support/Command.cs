using System.Diagnostics;
using System.Text;

namespace Appliance.Packaging.Tests.Support;

/// <summary>The outcome of a finished program: exit code and what it printed.</summary>
public sealed record CommandResult(string CommandLine, int ExitCode, string Output, string Errors)
{
    public bool Succeeded => ExitCode == 0;

    public override string ToString() => $"`{CommandLine}` exited with {ExitCode}\n{Output}\n{Errors}";
}

/// <summary>Runs a program to its end and collects what it printed.</summary>
public static class Command
{
    public static async Task<CommandResult> RunAsync(string program, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null)
            start.WorkingDirectory = workingDirectory;
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        var commandLine = $"{program} {string.Join(' ', start.ArgumentList)}";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"`{commandLine}` did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(30));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{commandLine}` did not finish within {timeout}");
        }
        return new CommandResult(commandLine, process.ExitCode, await output, await errors);
    }

    /// <summary>Runs the program and throws, with everything it printed, unless it exits with 0.</summary>
    public static async Task<CommandResult> RunCheckedAsync(string program, params string[] arguments)
    {
        var result = await RunAsync(program, arguments);
        if (!result.Succeeded)
            throw new InvalidOperationException(result.ToString());
        return result;
    }

    public static string Tail(string text, int lines = 40)
    {
        var all = text.Split('\n');
        var builder = new StringBuilder();
        foreach (var line in all.Skip(Math.Max(0, all.Length - lines)))
            builder.AppendLine(line);
        return builder.ToString();
    }
}
