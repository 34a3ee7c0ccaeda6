using Cadence.Site.Outputs.Search;

namespace Cadence.Site.Tests.Search;

/// <summary>The build's table of distinct search terms, which each thread looks terms up in through a small cache.</summary>
public class TermTableTests
{
    // More terms than the per-thread cache has slots, so many of them share a slot and push each other out.
    private static readonly string[] Terms = Enumerable.Range(0, 20_000).Select(i => $"term{i:x}").ToArray();

    [Test]
    public void Each_term_keeps_one_id_that_names_it_however_often_and_in_whatever_order_it_is_asked_for()
    {
        var table = new TermTable();
        var first = Terms.Select(t => table.IdOf(t)).ToArray();

        Assert.That(first, Is.Unique);
        Assert.That(first.Select(id => table[id]), Is.EqualTo(Terms));
        Assert.That(Enumerable.Reverse(Terms).Select(t => table.IdOf(t)), Is.EqualTo(Enumerable.Reverse(first)));
        Assert.That(Terms.Select((t, i) => table.IdOf(t.AsSpan()) == first[i]), Is.All.True);
        Assert.That(table.Count, Is.EqualTo(Terms.Length));
    }

    [Test]
    public void Two_tables_used_on_one_thread_never_answer_with_each_others_ids()
    {
        var earlier = new TermTable();
        foreach (var term in Terms) earlier.IdOf(term);
        var later = new TermTable();

        // The later table has seen none of them: its ids start again from 0 in the order it is asked.
        var reversed = Enumerable.Reverse(Terms).ToArray();
        Assert.That(reversed.Select(t => later.IdOf(t)), Is.EqualTo(Enumerable.Range(0, Terms.Length)));
        Assert.That(Terms.Select(t => earlier[earlier.IdOf(t)]), Is.EqualTo(Terms));
        Assert.That(reversed.Select(t => later[later.IdOf(t)]), Is.EqualTo(reversed));
    }

    [Test]
    public void Threads_adding_the_same_terms_at_once_agree_on_their_ids()
    {
        var table = new TermTable();
        var seen = new int[4][];
        Parallel.For(0, seen.Length, new ParallelOptions { MaxDegreeOfParallelism = seen.Length },
            worker => seen[worker] = Terms.Select(t => table.IdOf(t)).ToArray());

        Assert.That(table.Count, Is.EqualTo(Terms.Length));
        foreach (var ids in seen) Assert.That(ids, Is.EqualTo(seen[0]));
        Assert.That(seen[0].Select(id => table[id]), Is.EqualTo(Terms));
    }
}
