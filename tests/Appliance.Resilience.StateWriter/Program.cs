// Writes state in a loop until it is killed, printing each generation once it is written:
//   file <path> <bytes>   AtomicFile.Write of a self-checking record (see StateRecord)
//   certificate <folder>  CertificateStore.Reissue in the given state folder (prints the generation and thumbprint)
using System.Net;
using Appliance.Certificates;
using Appliance.Hosting;
using Appliance.Resilience.StateWriter;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

var output = Console.Out;
switch (args)
{
    case ["file", var path, var size]:
        var bytes = int.Parse(size, System.Globalization.CultureInfo.InvariantCulture);
        var start = File.Exists(path) && StateRecord.TryRead(File.ReadAllBytes(path), out var last) ? last + 1 : 1;
        for (var generation = start; ; generation++)
        {
            AtomicFile.Write(path, StateRecord.Create(generation, bytes), UnixFileMode.UserRead | UnixFileMode.UserWrite);
            output.WriteLine(generation);
            output.Flush();
        }
    case ["certificate", var folder]:
        var store = new CertificateStore(new StateDirectory(folder), new FixedIdentity(), TimeProvider.System,
            Options.Create(new ApplianceOptions()), NullLogger<CertificateStore>.Instance);
        for (var generation = 1L; ; generation++)
        {
            var issued = store.Reissue();
            output.WriteLine($"{generation} {issued.Thumbprint}");
            output.Flush();
        }
    default:
        Console.Error.WriteLine("usage: file <path> <bytes> | certificate <folder>");
        return 2;
}

namespace Appliance.Resilience.StateWriter
{
    /// <summary>The identity the writer and the test both use, so a stored certificate stays valid for both.</summary>
    public sealed class FixedIdentity : IHostIdentitySource
    {
        public static readonly HostIdentity Value = new("resilience-box", [IPAddress.Parse("198.18.0.1")]);
        public HostIdentity Current() => Value;
    }
}
