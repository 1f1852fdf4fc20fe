using System.Text;

namespace ArgMiner.Classification;

/// <summary>A CSV/TSV syntax error at a line.</summary>
internal sealed class DelimitedFormatException(int line, string problem) : Exception(problem)
{
    /// <summary>The physical line (1-based) where the problem is.</summary>
    public int Line { get; } = line;
}

/// <summary>
/// A strict RFC 4180 reader (quoted fields may hold delimiters, doubled quotes and line breaks; CRLF or LF).
/// Written by hand because the CsvHelper build this machine's package mirror serves (34.0.0) is an API
/// rewrite whose reader types do not match CsvHelper's documented API; this keeps line numbers for messages
/// and stays linear on pathological input.
/// </summary>
internal sealed class DelimitedReader(TextReader reader, char delimiter)
{
    private readonly StringBuilder _field = new();
    private int _line = 1;
    private int _peeked = -2;

    /// <summary>Line on which the record last read started.</summary>
    public int RecordLine { get; private set; }

    /// <summary>Reads the next record into <paramref name="fields"/>; false at the end of input.</summary>
    public bool Read(List<string> fields)
    {
        fields.Clear();
        var c = Next();
        if (c < 0)
        {
            return false;
        }

        RecordLine = _line;
        while (true)
        {
            _field.Clear();
            if (c == '"')
            {
                var quoteLine = _line;
                while (true)
                {
                    c = Next();
                    if (c < 0)
                    {
                        throw new DelimitedFormatException(quoteLine, "quoted field is never closed");
                    }

                    if (c == '"')
                    {
                        if (Peek() == '"')
                        {
                            Next();
                            _field.Append('"');
                            continue;
                        }

                        break;
                    }

                    if (c == '\n')
                    {
                        _line++;
                    }

                    _field.Append((char)c);
                }

                c = Next();
                if (c >= 0 && c != delimiter && c != '\n' && c != '\r')
                {
                    throw new DelimitedFormatException(_line, "text after a closing quote");
                }
            }
            else
            {
                while (c >= 0 && c != delimiter && c != '\n' && c != '\r')
                {
                    if (c == '"' && delimiter == ',')
                    {
                        throw new DelimitedFormatException(_line, "quote inside an unquoted field");
                    }

                    _field.Append((char)c);
                    c = Next();
                }
            }

            fields.Add(_field.ToString());
            if (c == delimiter)
            {
                c = Next();
                continue;
            }

            if (c == '\r' && Peek() == '\n')
            {
                Next();
            }

            if (c >= 0)
            {
                _line++;
            }

            return true;
        }
    }

    private int Next()
    {
        if (_peeked != -2)
        {
            var p = _peeked;
            _peeked = -2;
            return p;
        }

        return reader.Read();
    }

    private int Peek()
    {
        if (_peeked == -2)
        {
            _peeked = reader.Read();
        }

        return _peeked;
    }
}
