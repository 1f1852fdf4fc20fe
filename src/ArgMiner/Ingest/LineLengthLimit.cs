namespace ArgMiner.Ingest;

/// <summary>
/// A reader over a line-per-record text (<c>classify</c>'s input) that passes at most <see cref="MaxChars"/> characters
/// of any one line and drops the rest of that line, saying so once for it (<see cref="LineCut"/>). Line ends are those of
/// <see cref="TextReader.ReadLine"/> (LF, CR or CRLF) and pass through, so the lines and their number stay the same.
/// Until session 36 a line was held whole however long: one line of 600 MB took 8.3 GB and 93 s, and a longer one ran
/// the process out of memory. Written by hand: .NET's readers have no line-length bound.
/// </summary>
public sealed class LineLengthLimit : TextReader
{
    private readonly TextReader _inner;
    private readonly Action<long, long>? _cut;
    private readonly char[] _chunk = new char[1 << 16];
    private int _at;
    private int _end;
    private long _line = 1;
    private long _lineLength;
    private bool _afterCr;
    private bool _lastShort;
    private bool _dropLf;

    /// <param name="inner">The text, disposed with this reader.</param>
    /// <param name="maxChars">The most characters of one line passed on (at least 1).</param>
    /// <param name="cut">Told, once per line that was cut, its 1-based number and its whole length in characters.</param>
    public LineLengthLimit(TextReader inner, long maxChars, Action<long, long>? cut = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 1);
        _inner = inner;
        MaxChars = maxChars;
        _cut = cut;
    }

    /// <summary>The most characters of one line passed on.</summary>
    public long MaxChars { get; }

    /// <summary>How many lines were cut so far.</summary>
    public long LinesCut { get; private set; }

    /// <inheritdoc/>
    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    /// <inheritdoc/>
    public override int Read(Span<char> buffer)
    {
        _afterCr |= _dropLf;
        _dropLf = false;
        var written = 0;
        while (written < buffer.Length)
        {
            if (_at == _end)
            {
                // A short read of the inner reader (a pipe or a terminal that has no more for now) is a short read here
                // too: what is here is handed over rather than waiting for more, as the caller expects of its input.
                if (written > 0 && _lastShort)
                {
                    break;
                }

                _end = _inner.Read(_chunk, 0, _chunk.Length);
                _lastShort = _end < _chunk.Length;
                _at = 0;
                if (_end == 0)
                {
                    ReportCut();
                    break;
                }
            }

            var rest = _chunk.AsSpan(_at, _end - _at);
            var lineEnd = rest.IndexOfAny('\r', '\n');
            var text = lineEnd < 0 ? rest : rest[..lineEnd];
            if (!text.IsEmpty)
            {
                _afterCr = false;
                var room = (int)Math.Clamp(MaxChars - _lineLength, 0, int.MaxValue);
                var pass = Math.Min(Math.Min(text.Length, room), buffer.Length - written);
                text[..pass].CopyTo(buffer[written..]);
                written += pass;

                // Characters past the limit are consumed without being passed on; those the caller had no room for wait.
                var consumed = pass == text.Length || _lineLength + pass >= MaxChars ? text.Length : pass;
                _lineLength += consumed;
                _at += consumed;
                continue;
            }

            if (written == buffer.Length)
            {
                break;
            }

            // A line end: LF, CR, or the LF of CRLF (which ends no second line).
            var end = _chunk[_at++];
            buffer[written++] = end;
            if (end == '\n' && _afterCr)
            {
                _afterCr = false;
                continue;
            }

            ReportCut();
            _line++;
            _lineLength = 0;
            _afterCr = end == '\r';
        }

        return written;
    }

    /// <inheritdoc/>
    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    /// <inheritdoc/>
    /// <remarks>Cut from the reader's own chunk, a line at a time (<c>classify --tag</c> and <c>--explain</c> read lines).</remarks>
    public override string? ReadLine()
    {
        System.Text.StringBuilder? pending = null;
        while (true)
        {
            if (_at == _end)
            {
                _end = _inner.Read(_chunk, 0, _chunk.Length);
                _lastShort = _end < _chunk.Length;
                _at = 0;
                if (_end == 0)
                {
                    ReportCut();
                    return pending?.ToString();
                }
            }

            if (_dropLf)
            {
                // The LF of a CRLF that the previous line ended with.
                _dropLf = false;
                if (_chunk[_at] == '\n')
                {
                    _at++;
                    continue;
                }
            }

            var rest = _chunk.AsSpan(_at, _end - _at);
            var lineEnd = rest.IndexOfAny('\r', '\n');
            var text = lineEnd < 0 ? rest : rest[..lineEnd];
            var pass = text[..(int)Math.Min(text.Length, Math.Clamp(MaxChars - _lineLength, 0, int.MaxValue))];
            _lineLength += text.Length;
            _at += text.Length;
            if (lineEnd < 0)
            {
                (pending ??= new System.Text.StringBuilder()).Append(pass);
                continue;
            }

            var line = pending is null ? new string(pass) : pending.Append(pass).ToString();
            _dropLf = _chunk[_at++] == '\r';
            ReportCut();
            _line++;
            _lineLength = 0;
            return line;
        }
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void ReportCut()
    {
        if (_lineLength > MaxChars)
        {
            LinesCut++;
            _cut?.Invoke(_line, _lineLength);
            _lineLength = 0;
        }
    }
}
