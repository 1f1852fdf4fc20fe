using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ArgMiner.Tagging;

/// <summary>
/// A read-only map from a word's 64-bit hash to a value, for the taggers' per-token look-ups (lexicon and
/// word classes): open addressing with linear probing over one array of (key, value) slots at most half
/// full, so a look-up is one cache line in nearly every case (a frozen dictionary's buckets and entries are
/// two). Keys are already hashes: a multiply spreads them over the slots. Immutable once made.
/// </summary>
/// <typeparam name="TValue">The value (a mask or class bits); <c>default</c> marks nothing.</typeparam>
internal sealed class WordHashMap<TValue>
    where TValue : unmanaged
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    private readonly Slot[] _slots;
    private readonly int _shift;

    // Key 0 cannot mark an empty slot when it is also a word's hash, so it is kept aside.
    private readonly bool _hasZero;
    private readonly TValue _zeroValue;

    /// <summary>Makes the map; a key given twice keeps its last value.</summary>
    public WordHashMap(IEnumerable<KeyValuePair<ulong, TValue>> entries)
    {
        // An array is walked by index: through the collection interfaces, each of a model's tens of thousands of
        // entries cost an interface call, and the enumerator's generic code over these pairs is not precompiled
        // (issue 12, one-document start-up).
        var list = entries as KeyValuePair<ulong, TValue>[] ?? [.. entries];
        var bits = 1;
        while ((1 << bits) < 2 * Math.Max(1, list.Length))
        {
            bits++;
        }

        _shift = 64 - bits;
        _slots = new Slot[1 << bits];
        var mask = _slots.Length - 1;
        foreach (var (key, value) in list)
        {
            if (key == 0)
            {
                Count += _hasZero ? 0 : 1;
                _hasZero = true;
                _zeroValue = value;
                continue;
            }

            var i = (int)((key * Golden) >> _shift);
            while (_slots[i].Key != 0 && _slots[i].Key != key)
            {
                i = (i + 1) & mask;
            }

            Count += _slots[i].Key == 0 ? 1 : 0;
            _slots[i] = new Slot(key, value);
        }
    }

    /// <summary>The number of keys.</summary>
    public int Count { get; }

    /// <summary>The entries, sorted by key (for saving).</summary>
    public IEnumerable<KeyValuePair<ulong, TValue>> Entries
    {
        get
        {
            var all = new List<KeyValuePair<ulong, TValue>>(Count);
            if (_hasZero)
            {
                all.Add(new(0, _zeroValue));
            }

            foreach (var slot in _slots)
            {
                if (slot.Key != 0)
                {
                    all.Add(new(slot.Key, slot.Value));
                }
            }

            all.Sort(static (a, b) => a.Key.CompareTo(b.Key));
            return all;
        }
    }

    /// <summary>The value of <paramref name="key"/>, or whether it is absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetValue(ulong key, out TValue value)
    {
        if (key == 0)
        {
            value = _zeroValue;
            return _hasZero;
        }

        ref var slots = ref MemoryMarshal.GetArrayDataReference(_slots);
        var mask = _slots.Length - 1;
        var i = (int)((key * Golden) >> _shift);
        while (true)
        {
            ref var slot = ref Unsafe.Add(ref slots, i);
            if (slot.Key == key)
            {
                value = slot.Value;
                return true;
            }

            if (slot.Key == 0)
            {
                value = default;
                return false;
            }

            i = (i + 1) & mask;
        }
    }

    private readonly record struct Slot(ulong Key, TValue Value);
}
