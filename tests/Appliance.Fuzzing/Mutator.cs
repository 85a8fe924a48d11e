namespace Appliance.Fuzzing;

/// <summary>
/// Mutates real inputs the way coverage-blind fuzzers do (AFL's havoc stage): flip bits, set
/// bytes and 16/32-bit fields to boundary values, insert, delete, duplicate and splice ranges,
/// truncate. Deterministic for a seed, so a crash can be replayed from its seed and index.
/// </summary>
public sealed class Mutator(int seed)
{
    private static readonly byte[] InterestingBytes = [0, 1, 0x7F, 0x80, 0xFF, 0x10, 0x20, 0x40, 0x3F, 0xC0, 0x1C, 0x1F];
    private static readonly ushort[] InterestingShorts = [0, 1, 0x7FFF, 0x8000, 0xFFFF, 0x00FF, 0xFF00, 4, 20, 1200, 1500];
    private readonly Random _random = new(seed);

    public byte[] Mutate(IReadOnlyList<byte[]> corpus)
    {
        var input = new List<byte>(corpus[_random.Next(corpus.Count)]);
        var rounds = 1 << _random.Next(0, 4); // 1, 2, 4 or 8 stacked mutations
        for (var i = 0; i < rounds; i++)
            MutateOnce(input, corpus);
        return [.. input];
    }

    private void MutateOnce(List<byte> input, IReadOnlyList<byte[]> corpus)
    {
        if (input.Count == 0)
        {
            input.Add((byte)_random.Next(256));
            return;
        }
        var at = _random.Next(input.Count);
        switch (_random.Next(10))
        {
            case 0:
                input[at] ^= (byte)(1 << _random.Next(8));
                break;
            case 1:
                input[at] = InterestingBytes[_random.Next(InterestingBytes.Length)];
                break;
            case 2:
                input[at] = (byte)_random.Next(256);
                break;
            case 3 when input.Count >= 2:
                var value = InterestingShorts[_random.Next(InterestingShorts.Length)];
                at = _random.Next(input.Count - 1);
                input[at] = (byte)(value >> 8);
                input[at + 1] = (byte)value;
                break;
            case 4:
                input[at] = (byte)(input[at] + _random.Next(-16, 17));
                break;
            case 5:
                input.RemoveRange(at, Math.Min(input.Count - at, 1 + _random.Next(16)));
                break;
            case 6:
                var insert = new byte[1 + _random.Next(16)];
                _random.NextBytes(insert);
                input.InsertRange(at, insert);
                break;
            case 7:
                var length = Math.Min(input.Count - at, 1 + _random.Next(64));
                input.InsertRange(_random.Next(input.Count), input.GetRange(at, length));
                break;
            case 8:
                var other = corpus[_random.Next(corpus.Count)];
                if (other.Length > 0)
                {
                    var from = _random.Next(other.Length);
                    var take = Math.Min(other.Length - from, 1 + _random.Next(64));
                    input.InsertRange(at, other.AsSpan(from, take).ToArray());
                }
                break;
            default:
                input.RemoveRange(at, input.Count - at); // truncate
                break;
        }
    }
}
