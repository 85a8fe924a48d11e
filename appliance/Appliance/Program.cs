using Appliance.Hosting;

var (builder, errors) = ApplianceHost.CreateBuilder(args);
if (builder is null)
{
    foreach (var error in errors)
        Console.Error.WriteLine("appliance: configuration error: " + error);
    return 2;
}

await ApplianceHost.Build(builder).RunAsync();
return 0;
