using System.IO.Hashing;
using System.Runtime.InteropServices;
using Cadence.Site.Keys;

namespace Cadence.Site.Tests;

/// <summary>A key gathers what is added and hashes it at once: the same hash as feeding the pieces one by one.</summary>
public class InputKeyTests
{
    [Test]
    public void A_key_is_the_hash_of_everything_added_however_long()
    {
        var key = new InputKey();
        var expected = new XxHash128();
        for (var i = 0; i < 500; i++) // far past the first buffer
        {
            var text = $"piece {i}";
            key.Add(text).Add(i);
            var length = text.Length;
            expected.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<int>(ref length)));
            expected.Append(MemoryMarshal.AsBytes(text.AsSpan()));
            var number = i;
            expected.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<int>(ref number)));
        }
        Assert.That(key.Value, Is.EqualTo(Hash128.From(expected.GetCurrentHashAsUInt128())));
        Assert.That(key.Value, Is.EqualTo(Hash128.From(expected.GetCurrentHashAsUInt128())), "read twice, the same");
    }

    [Test]
    public void A_piece_longer_than_the_buffer_hashes_as_any_other()
    {
        var text = new string('x', 5000);
        var (one, length) = (1, text.Length);
        var key = new InputKey().Add(1).Add(text);
        var reference = new XxHash128();
        reference.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<int>(ref one)));
        reference.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<int>(ref length)));
        reference.Append(MemoryMarshal.AsBytes(text.AsSpan()));
        Assert.That(key.Value, Is.EqualTo(Hash128.From(reference.GetCurrentHashAsUInt128())));
    }

    [Test]
    public void A_read_key_takes_nothing_more()
    {
        var key = new InputKey().Add("a");
        _ = key.Value;
        Assert.Throws<InvalidOperationException>(() => key.Add("b"));
    }

    [Test]
    public void What_is_added_and_in_which_order_changes_the_key()
    {
        Assert.That(new InputKey().Add("ab").Add("c").Value, Is.Not.EqualTo(new InputKey().Add("a").Add("bc").Value));
        Assert.That(new InputKey().Add(1).Add(2).Value, Is.Not.EqualTo(new InputKey().Add(2).Add(1).Value));
        Assert.That(new InputKey().Add((string?)null).Value, Is.Not.EqualTo(new InputKey().Add("").Value));
    }
}
