using System.Security.Cryptography.X509Certificates;
using Appliance.Certificates;
using Appliance.Hosting;
using Appliance.Resilience.StateWriter;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Appliance.Resilience.Tests.PowerLoss;

/// <summary>
/// Issue #8 part 5: a child process writes the box's state in a loop and is killed with
/// SIGKILL at a random moment, many times. After every kill the state is the last finished
/// write or the one in flight, whole; never torn, never older, never a key without its
/// certificate. (A kill leaves the page cache behind; what fsync adds against a power cut,
/// the file's and the folder's fsync in AtomicFile, cannot be cut in a test.)
/// </summary>
public sealed class KillDuringWriteTests(ITestOutputHelper output) : IDisposable
{
    private const int Rounds = 25;
    private readonly string _folder = Directory.CreateTempSubdirectory("appliance-kill-").FullName;
    private readonly Random _random = new(8);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_state_file_is_always_the_last_finished_or_the_next_write_after_a_kill_at_a_random_moment()
    {
        var path = Path.Combine(_folder, "state.bin");
        var inFlight = 0;
        for (var round = 0; round < Rounds; round++)
        {
            using var writer = StateWriterProcess.Start("file", path, "262144");
            var finished = new List<string> { await writer.FirstReportAsync() };
            await Task.Delay(_random.Next(0, 40)); // the random moment of the kill
            finished.AddRange(await writer.KillAsync());
            var lastFinished = long.Parse(finished[^1], System.Globalization.CultureInfo.InvariantCulture);

            Assert.True(StateRecord.TryRead(File.ReadAllBytes(path), out var stored), $"round {round}: the state file is torn");
            Assert.True(stored == lastFinished || stored == lastFinished + 1,
                $"round {round}: the file holds generation {stored}, the last finished write was {lastFinished}");
            if (File.Exists(path + ".tmp"))
                inFlight++;
        }
        output.WriteLine($"{Rounds} kills, {inFlight} of them during a write (a temporary file was left)");
        // The kills must land inside writes, or the test proves nothing.
        Assert.True(inFlight > 0, "no kill landed during a write");
    }

    [Fact]
    public async Task The_certificate_and_its_key_always_belong_together_after_a_kill_while_a_new_one_is_issued()
    {
        var tls = Path.Combine(_folder, "tls");
        var previousThumbprints = new HashSet<string>(StringComparer.Ordinal);
        for (var round = 0; round < Rounds; round++)
        {
            using var writer = StateWriterProcess.Start("certificate", _folder);
            var finished = new List<string> { await writer.FirstReportAsync() };
            await Task.Delay(_random.Next(0, 40));
            finished.AddRange(await writer.KillAsync());
            var thumbprints = finished.Select(line => line.Split(' ')[1]).ToList();

            var keyPath = Path.Combine(tls, "key.pem");
            using var stored = X509Certificate2.CreateFromPemFile(keyPath, keyPath); // throws when the key is not the certificate's
            Assert.True(stored.HasPrivateKey);
            // Old or new: the last finished certificate or the one being written, never an earlier one.
            Assert.True(stored.Thumbprint == thumbprints[^1] || !thumbprints.Contains(stored.Thumbprint),
                $"round {round}: an older certificate came back");
            Assert.DoesNotContain(stored.Thumbprint, previousThumbprints);
            previousThumbprints.UnionWith(thumbprints);

            // The box starting now uses exactly that certificate (no new one, no warning for browsers).
            var store = new CertificateStore(new StateDirectory(_folder), new FixedIdentity(), TimeProvider.System,
                Options.Create(new ApplianceOptions()), NullLogger<CertificateStore>.Instance);
            Assert.Equal(stored.Thumbprint, store.Current.Thumbprint);
            // and the public copy is that certificate again, even when the kill came between the two files.
            using var publicCopy = X509Certificate2.CreateFromPem(File.ReadAllText(store.CertificatePath));
            Assert.Equal(stored.Thumbprint, publicCopy.Thumbprint);
        }
    }
}
