using Appliance.Hosting;

NativeHeapTuning.LimitArenas();

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
    var app = ApplianceHost.Build(builder);
    await app.RunAsync();
    // 75 after a restart from the admin console: systemd's Restart=on-failure starts the service again.
    return app.Services.GetRequiredService<Appliance.Admin.Maintenance.ServiceRestart>().ExitCode;
}
catch (Exception e) when (StartupErrors.Describe(e) is { } sentence)
{
    Console.Error.WriteLine("appliance: cannot start: " + sentence);
    return 2;
}
