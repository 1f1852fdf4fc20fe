using System.Text;
using ArgMiner.Text;

namespace ArgMiner.Tagging;

/// <summary>A gazetteer file line that cannot be used: one line naming the file and line.</summary>
public sealed class GazetteerFormatException : Exception
{
    /// <summary>Creates the error.</summary>
    public GazetteerFormatException(string path, int line, string problem)
        : base(line > 0 ? $"{path}:{line}: {problem}" : $"{path}: {problem}")
    {
        Path = path;
        Line = line;
    }

    /// <summary>Creates the error (for serializers and analyzers).</summary>
    public GazetteerFormatException()
    {
        Path = string.Empty;
    }

    /// <summary>Creates the error (for serializers and analyzers).</summary>
    public GazetteerFormatException(string message, Exception inner)
        : base(message, inner)
    {
        Path = string.Empty;
    }

    /// <summary>The gazetteer file.</summary>
    public string Path { get; }

    /// <summary>The 1-based line number.</summary>
    public int Line { get; }
}

/// <summary>
/// A user-editable list of names and their entity types (TSV: <c>name&lt;TAB&gt;type</c>, <c>#</c> starts a
/// comment), matched case-sensitively on token sequences, longest match first, to add entities the model
/// misses or correct its types (the role of Catalyst's <c>Spotter</c> / spaCy's <c>EntityRuler</c>,
/// hand-written here). The names are kept in a character trie; a match must start at a token's start and
/// end at a token's end in the same sentence, and white space in a name matches any run of white space in
/// the text, so matching does not depend on how the tokenizer splits the name itself. Immutable.
/// </summary>
public sealed class Gazetteer
{
    /// <summary>The entity types a gazetteer line may name.</summary>
    public static readonly IReadOnlySet<string> Types = new HashSet<string>(StringComparer.Ordinal)
    {
        "PERSON", "ORG", "LOC", "NORP", "DATE", "EVENT",
    };

    private readonly Dictionary<long, int> _edges;
    private readonly string?[] _types;

    // The root's edges for ASCII characters (the node, or 0 for none): every token of every sentence starts a walk
    // from the root, so its first step is an array read instead of a dictionary look-up (issue 12).
    private readonly int[] _rootAscii = new int[128];

    private Gazetteer(Dictionary<long, int> edges, string?[] types, int count)
    {
        _edges = edges;
        _types = types;
        Count = count;
        for (var c = 0; c < _rootAscii.Length; c++)
        {
            _rootAscii[c] = edges.TryGetValue(c, out var child) ? child : 0;
        }
    }

    /// <summary>The number of names.</summary>
    public int Count { get; }

    /// <summary>An empty gazetteer.</summary>
    public static Gazetteer Empty { get; } = FromEntries([]);

    /// <summary>
    /// Loads a gazetteer file: strict UTF-8 (a BOM dropped, UTF-16 read by its BOM), a binary file refused, as every
    /// corpus file is read (<see cref="Ingest.TextStreams"/>). Until session 34 a bad byte became U+FFFD in a name without
    /// a word, a binary file's first line was printed whole in "unknown type '…'", and a folder was "<c>PATH:0: gazetteer
    /// file not found</c>".
    /// </summary>
    /// <exception cref="GazetteerFormatException">The file is missing, a folder, not UTF-8 text, or a line is bad.</exception>
    public static Gazetteer Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            throw new GazetteerFormatException(path, 0, "is a folder; give a gazetteer file");
        }

        if (!File.Exists(path))
        {
            throw new GazetteerFormatException(path, 0, "gazetteer file not found");
        }

        try
        {
            using var reader = Ingest.TextStreams.Open(path, Ingest.TextEncodingChoice.Utf8, out _);
            return Parse(reader, path);
        }
        catch (Ingest.TextDecodingException ex)
        {
            throw new GazetteerFormatException(path, (int)Math.Min(ex.Line, int.MaxValue), ex.Problem);
        }
    }

    /// <summary>Parses gazetteer lines; <paramref name="name"/> is for messages. Later lines win.</summary>
    /// <exception cref="GazetteerFormatException">A line is bad.</exception>
    public static Gazetteer Parse(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var entries = new List<(string Name, string Type)>();
        var lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            var content = line.Trim();
            if (content.Length == 0 || content[0] == '#')
            {
                continue;
            }

            var cols = line.Split('\t');
            if (cols.Length != 2)
            {
                throw new GazetteerFormatException(name, lineNo, $"expected 'name<TAB>type', found {cols.Length} column(s)");
            }

            var n = Normalize(cols[0]);
            var type = cols[1].Trim();
            if (n.Length == 0)
            {
                throw new GazetteerFormatException(name, lineNo, "empty name");
            }

            if (!Types.Contains(type))
            {
                // Quoted short and on one line: a long or odd line is not printed whole.
                var shown = Ingest.InputError.OneLine(type.Length > 40 ? type[..40] + "…" : type);
                throw new GazetteerFormatException(name, lineNo, $"unknown type '{shown}' (use one of {string.Join(", ", Types.Order(StringComparer.Ordinal))})");
            }

            entries.Add((n, type));
        }

        return FromEntries(entries);
    }

    /// <summary>Builds a gazetteer from (name, type) pairs; later pairs win.</summary>
    public static Gazetteer FromEntries(IEnumerable<(string Name, string Type)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var edges = new Dictionary<long, int>();
        var types = new List<string?> { null };
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (raw, type) in entries)
        {
            var name = Normalize(raw);
            if (name.Length == 0)
            {
                continue;
            }

            names.Add(name);
            var node = 0;
            foreach (var c in name)
            {
                var key = ((long)node << 16) | c;
                if (!edges.TryGetValue(key, out var next))
                {
                    next = types.Count;
                    types.Add(null);
                    edges[key] = next;
                }

                node = next;
            }

            types[node] = string.Intern(type);
        }

        return new Gazetteer(edges, [.. types], names.Count);
    }

    /// <summary>
    /// Appends the gazetteer's entities in one sentence (longest match first, left to right, no overlaps)
    /// to <paramref name="spans"/>; token indexes are relative to <paramref name="tokens"/>.
    /// </summary>
    public void Match(string text, ReadOnlySpan<Token> tokens, List<TokenSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(spans);
        if (_edges.Count == 0 || tokens.IsEmpty)
        {
            return;
        }

        var limit = tokens[^1].End;
        var k = 0;
        while (k < tokens.Length)
        {
            var (count, type) = LongestAt(text, tokens, k, limit);
            if (count > 0)
            {
                spans.Add(new TokenSpan(k, count, type!));
                k += count;
            }
            else
            {
                k++;
            }
        }
    }

    private (int Count, string? Type) LongestAt(string text, ReadOnlySpan<Token> tokens, int first, int limit)
    {
        var node = 0;
        var p = tokens[first].Start;
        var j = first;
        var bestCount = 0;
        string? bestType = null;
        while (p < limit)
        {
            var c = text[p];
            if (char.IsWhiteSpace(c))
            {
                // A run of white space in the text is one space in the name.
                if (!_edges.TryGetValue(((long)node << 16) | ' ', out node))
                {
                    break;
                }

                while (p < limit && char.IsWhiteSpace(text[p]))
                {
                    p++;
                }

                continue;
            }

            if (c == '\u00AD' && node != 0)
            {
                // A soft hyphen inside a name is invisible: "Bagh\u00ADdad" is Baghdad.
                p++;
                continue;
            }

            if (node == 0 && c < 128)
            {
                // The root's child nodes are never 0 (the root's own number).
                node = _rootAscii[c];
                if (node == 0)
                {
                    break;
                }
            }
            else if (!_edges.TryGetValue(((long)node << 16) | c, out node))
            {
                break;
            }

            p++;
            if (_types[node] is { } type)
            {
                // A name ends here: it counts only at a token's end.
                while (j < tokens.Length && tokens[j].End < p)
                {
                    j++;
                }

                if (j < tokens.Length && tokens[j].End == p)
                {
                    bestCount = j - first + 1;
                    bestType = type;
                }
            }
        }

        return (bestCount, bestType);
    }

    private static string Normalize(string name) =>
        string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
