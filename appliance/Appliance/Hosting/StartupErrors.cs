using Microsoft.AspNetCore.Connections;

namespace Appliance.Hosting;

/// <summary>Turns the start-up failures an admin can fix into one sentence each.</summary>
public static class StartupErrors
{
    public static string? Describe(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case StartupException startup:
                    return startup.Message;
                case AddressInUseException:
                    return $"a TCP port of the web server is already in use by another program ({e.Message}); stop that program or change {ApplianceOptions.SectionName}:HttpsPort / {ApplianceOptions.SectionName}:HttpPort.";
                case UnauthorizedAccessException:
                    return $"the box may not write where it needs to ({e.Message}); check {ApplianceOptions.SectionName}:StateDirectory and the folder's owner.";
            }
        }
        return null;
    }
}
