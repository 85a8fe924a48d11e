using Microsoft.Extensions.Options;

namespace Appliance.Resilience;

/// <summary>Checks the "Limits" settings; each failure names the setting and what is allowed.</summary>
public sealed class LimitsOptionsValidator : IValidateOptions<LimitsOptions>
{
    public ValidateOptionsResult Validate(string? name, LimitsOptions options)
    {
        var errors = Check(options).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static IEnumerable<string> Check(LimitsOptions o)
    {
        const string s = LimitsOptions.SectionName;
        if (o.SignalingMessagesPerSecond is < 1 or > 10_000)
            yield return $"{s}:SignalingMessagesPerSecond is {o.SignalingMessagesPerSecond}; it must be from 1 to 10000.";
        if (o.SignalingMessageBurst < o.SignalingMessagesPerSecond || o.SignalingMessageBurst > 100_000)
            yield return $"{s}:SignalingMessageBurst is {o.SignalingMessageBurst}; it must be from {s}:SignalingMessagesPerSecond ({o.SignalingMessagesPerSecond}) to 100000.";
        if (o.SignalingConnectionsPerAddress is < 1 or > 100_000)
            yield return $"{s}:SignalingConnectionsPerAddress is {o.SignalingConnectionsPerAddress}; it must be from 1 to 100000.";
        if (o.RefusalLogIntervalSeconds is < 1 or > 3600)
            yield return $"{s}:RefusalLogIntervalSeconds is {o.RefusalLogIntervalSeconds}; it must be from 1 to 3600.";
    }

    /// <summary>The section's problems before the host is built (unknown names and bad numbers included).</summary>
    public static IEnumerable<string> Find(IConfiguration configuration)
    {
        LimitsOptions options;
        try
        {
            options = configuration.GetSection(LimitsOptions.SectionName)
                .Get<LimitsOptions>(o => o.ErrorOnUnknownConfiguration = true) ?? new();
        }
        catch (InvalidOperationException e)
        {
            return [e.Message + (e.InnerException is { } inner ? " " + inner.Message : "")];
        }
        return Check(options).ToList();
    }
}
