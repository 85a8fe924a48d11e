using Appliance.Hosting;

if (args.Length > 0 && args[0] == ProbeCommand.Name)
    return ProbeCommand.Run(args[1..]);

var (builder, errors) = ApplianceHost.CreateBuilder(args);
if (builder is null)
{
    foreach (var error in errors)
        Console.Error.WriteLine("appliance: configuration error: " + error);
    return 2;
}

try
{
    await ApplianceHost.Build(builder).RunAsync();
    return 0;
}
catch (Exception e) when (StartupErrors.Describe(e) is { } sentence)
{
    Console.Error.WriteLine("appliance: cannot start: " + sentence);
    return 2;
}
