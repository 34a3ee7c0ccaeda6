namespace Cadence.Site.Outputs.Search;

/// <summary>
/// One document's term weights while it is made: a weight per term id in an array the thread keeps, and the ids
/// touched, so counting one of a build's millions of term occurrences is an array update rather than a dictionary's.
/// </summary>
internal sealed class TermWeights
{
    public const int Max = 60;

    [ThreadStatic] private static TermWeights? t_current;
    private readonly List<int> _touched = new(1024);
    private int[] _weights = new int[16 * 1024];

    /// <summary>This thread's instance, emptied (also of what a document that failed half-way left).</summary>
    public static TermWeights ForThisThread()
    {
        var weights = t_current ??= new TermWeights();
        foreach (var id in weights._touched) weights._weights[id] = 0;
        weights._touched.Clear();
        return weights;
    }

    public void Add(int id, int weight)
    {
        if (id >= _weights.Length) Array.Resize(ref _weights, Math.Max(id + 1, _weights.Length * 2));
        var now = _weights[id];
        if (now == 0) _touched.Add(id);
        _weights[id] = Math.Min(Max, now + weight);
    }

    /// <returns>The ids ascending, and the weight of each.</returns>
    public (int[] Terms, byte[] Weights) ToArrays()
    {
        var terms = _touched.ToArray();
        Array.Sort(terms);
        var weights = new byte[terms.Length];
        for (var i = 0; i < terms.Length; i++) weights[i] = (byte)_weights[terms[i]];
        return (terms, weights);
    }
}
