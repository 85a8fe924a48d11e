namespace Appliance.Fuzzing;

/// <summary>
/// One parser (or a chain of them) that reads bytes from the network or a browser. A target
/// must never throw, whatever the bytes: the packet path counts and drops bad input. An
/// exception escaping <see cref="Execute"/> is a crash.
/// </summary>
public abstract class FuzzTarget : IDisposable
{
    /// <summary>The target's name, also its corpus folder under tests/Corpora.</summary>
    public abstract string Name { get; }

    /// <summary>Real inputs to start mutating from: the corpus files, or inputs derived from them.</summary>
    public virtual IReadOnlyList<byte[]> Seeds(string corpusFolder) =>
        Directory.EnumerateFiles(Path.Combine(corpusFolder, Name), "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();

    public abstract void Execute(byte[] input);

    public virtual void Dispose()
    {
    }
}
