using System.Net;
using Microsoft.Extensions.Options;

namespace Appliance.Hosting;

/// <summary>
/// Checks <see cref="ApplianceOptions"/> at start-up. Every failure names the setting
/// as an admin would write it and says what is allowed.
/// </summary>
public sealed class ApplianceOptionsValidator : IValidateOptions<ApplianceOptions>
{
    public ValidateOptionsResult Validate(string? name, ApplianceOptions options)
    {
        var errors = Check(options).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static IEnumerable<string> Check(ApplianceOptions o)
    {
        const string s = ApplianceOptions.SectionName;
        if (o.HttpsPort is < 1 or > 65535)
            yield return $"{s}:HttpsPort is {o.HttpsPort}; it must be a TCP port from 1 to 65535.";
        if (o.HttpPort is < 0 or > 65535)
            yield return $"{s}:HttpPort is {o.HttpPort}; it must be a TCP port from 1 to 65535, or 0 to turn the HTTP redirect off.";
        if (o.HttpPort != 0 && o.HttpPort == o.HttpsPort)
            yield return $"{s}:HttpPort and {s}:HttpsPort are both {o.HttpsPort}; they must differ.";
        if (o.ListenAddress != "*" && !IPAddress.TryParse(o.ListenAddress, out _))
            yield return $"{s}:ListenAddress is '{o.ListenAddress}'; it must be * (every interface) or an IP address such as 127.0.0.1.";
        if (o.MaxSignalingMessageBytes is < 1024 or > 1024 * 1024)
            yield return $"{s}:MaxSignalingMessageBytes is {o.MaxSignalingMessageBytes}; it must be from 1024 to 1048576.";
        if (o.CertificateRenewDays is < 1 or > 300)
            yield return $"{s}:CertificateRenewDays is {o.CertificateRenewDays}; it must be from 1 to 300.";
        if (o.WebUiPath.Length > 0 && !Directory.Exists(o.WebUiPath))
            yield return $"{s}:WebUiPath is '{o.WebUiPath}', which is not a folder; leave it empty to use the web UI shipped with the box.";
    }
}
