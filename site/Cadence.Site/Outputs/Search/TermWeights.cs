using System.Numerics;

namespace Cadence.Site.Outputs.Search;

/// <summary>
/// One document's term weights while it is made: a weight per term id in an array the thread keeps, and a bit per
/// id touched, so counting one of a build's millions of term occurrences is an array update rather than a
/// dictionary's, and the ids come out ascending by reading the bits in order instead of sorting them.
/// </summary>
internal sealed class TermWeights
{
    public const int Max = 60;

    [ThreadStatic] private static TermWeights? t_current;
    private int[] _weights = new int[16 * 1024];
    private ulong[] _touched = new ulong[16 * 1024 / 64];
    private int _count;
    private int _lastWord = -1;

    /// <summary>This thread's instance, emptied (also of what a document that failed half-way left).</summary>
    public static TermWeights ForThisThread()
    {
        var weights = t_current ??= new TermWeights();
        for (var w = 0; w <= weights._lastWord; w++)
        {
            for (var bits = weights._touched[w]; bits != 0; bits &= bits - 1)
                weights._weights[w * 64 + BitOperations.TrailingZeroCount(bits)] = 0;
            weights._touched[w] = 0;
        }
        weights._count = 0;
        weights._lastWord = -1;
        return weights;
    }

    public void Add(int id, int weight)
    {
        if (id >= _weights.Length)
        {
            var size = Math.Max(id + 64, _weights.Length * 2);
            Array.Resize(ref _weights, size);
            Array.Resize(ref _touched, (size + 63) / 64);
        }
        var now = _weights[id];
        if (now == 0)
        {
            _touched[id / 64] |= 1UL << (id % 64);
            _lastWord = Math.Max(_lastWord, id / 64);
            _count++;
        }
        _weights[id] = Math.Min(Max, now + weight);
    }

    /// <returns>The ids ascending, and the weight of each.</returns>
    public (int[] Terms, byte[] Weights) ToArrays()
    {
        var terms = new int[_count];
        var weights = new byte[_count];
        var n = 0;
        for (var w = 0; w <= _lastWord; w++)
        {
            for (var bits = _touched[w]; bits != 0; bits &= bits - 1)
            {
                var id = w * 64 + BitOperations.TrailingZeroCount(bits);
                terms[n] = id;
                weights[n++] = (byte)_weights[id];
            }
        }
        return (terms, weights);
    }
}
