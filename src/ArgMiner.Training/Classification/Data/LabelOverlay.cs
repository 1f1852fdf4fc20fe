using ArgMiner.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CsvHelper;

namespace ArgMiner.Classification;

/// <summary>
/// ArgMiner labels for the rows of someone else's data file, kept apart from that file: a CSV with the
/// columns <c>row,label[,check][,section]</c>, where <c>row</c> numbers the data rows of the source file from 1 (the
/// header is not counted, a row with line breaks inside quotes counts once) and <c>check</c> is
/// <see cref="Check"/> of the row's text. An optional <c>section</c> column (<c>title</c>, <c>heading</c>,
/// <c>body</c>, <c>footer</c> or <c>comment</c>; empty keeps the source's) gives the row the section <c>run</c>
/// would give it, so that posts of a comment corpus can be read as a comment thread, the way <c>run</c> reads the
/// comments after an article. It lets the project label an external corpus by its own
/// guidelines, and train and evaluate on it by path, without copying the corpus's sentences into the
/// repository. Used as <c>--data SOURCE#labels=FILE</c>; rows the overlay does not list are left out.
/// </summary>
public static class LabelOverlay
{
    /// <summary>The data-path suffix that names an overlay.</summary>
    public const string Suffix = "labels=";

    /// <summary>
    /// A short fingerprint of a sentence (the first 8 hex digits of the SHA-256 of its UTF-8 text with runs
    /// of white space made one space and the ends trimmed), so an overlay notices when its source file changed.
    /// </summary>
    public static string Check(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(collapsed), hash);
        return Convert.ToHexStringLower(hash[..4]);
    }

    /// <summary>
    /// Replaces the labels of <paramref name="rows"/> (all rows of one source file, in file order) by those of
    /// the overlay at <paramref name="path"/>, keeping only the rows it lists, in file order.
    /// </summary>
    /// <exception cref="LabelledDataException">The overlay is missing or malformed, names a row the source does not
    /// have (or one twice), has an unknown label, or its check does not match the row's text.</exception>
    public static List<LabelledSentence> Apply(IReadOnlyList<LabelledSentence> rows, string path)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new LabelledDataException(path, Directory.Exists(path) ? "is a folder; give the label file" : "no such label file");
        }

        var labels = new string?[rows.Count];
        var sections = new Section?[rows.Count];
        try
        {
            // Strict UTF-8, a binary file refused (TextStreams): a bad byte became U+FFFD until session 34, so a check cell
            // holding one blamed the source file ("was the source file changed?") and a binary file was "malformed CSV".
            using var csv = CsvReader.Create(Ingest.TextStreams.Open(path, Ingest.TextEncodingChoice.Utf8, out _), LabelledData.StrictCsv(), false);
            csv.ReadHeader();
            var header = csv.Headers?.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray() ?? [];
            var rowAt = Array.IndexOf(header, "row");
            var labelAt = Array.IndexOf(header, "label");
            var checkAt = Array.IndexOf(header, "check");
            var sectionAt = Array.IndexOf(header, "section");
            if (rowAt < 0 || labelAt < 0)
            {
                throw new LabelledDataException(path + ":1", $"a label file needs the columns row,label[,check][,section] (columns: {string.Join(", ", header)})");
            }

            while (csv.Read())
            {
                var origin = $"{path}:{csv.LineNumber}";
                if (!int.TryParse(csv.GetString(rowAt).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var row) || row < 1 || row > rows.Count)
                {
                    throw new LabelledDataException(origin, $"row '{csv.GetString(rowAt).Trim()}' is not a data row of the source (1 to {rows.Count})");
                }

                if (labels[row - 1] is not null)
                {
                    throw new LabelledDataException(origin, $"row {row} is labelled twice");
                }

                var label = csv.GetString(labelAt).Trim().ToLowerInvariant();
                if (!SentenceLabels.All.Contains(label))
                {
                    throw new LabelledDataException(origin, $"unknown label '{label}' (expected {string.Join(", ", SentenceLabels.All)})");
                }

                var text = rows[row - 1].Text;
                if (checkAt >= 0 && csv.GetString(checkAt).Trim() is { Length: > 0 } check && !string.Equals(check, Check(text), StringComparison.OrdinalIgnoreCase))
                {
                    throw new LabelledDataException(origin, $"row {row} of the source no longer has the text this label was given to (check {check}, text {Check(text)}); was the source file changed?");
                }

                if (sectionAt >= 0 && csv.GetString(sectionAt).Trim() is { Length: > 0 } sectionName)
                {
                    sections[row - 1] = SectionNames.FromName(sectionName)
                        ?? throw new LabelledDataException(origin, $"unknown section '{sectionName}' (expected title, heading, body, footer or comment)");
                }

                labels[row - 1] = label;
            }
        }
        catch (CsvFormatException ex)
        {
            throw new LabelledDataException($"{path}:{ex.LineNumber}", "malformed CSV");
        }
        catch (Ingest.TextDecodingException ex)
        {
            throw new LabelledDataException($"{path}:{ex.Line}", ex.Problem);
        }
        catch (IOException ex)
        {
            throw new LabelledDataException(path, $"cannot be read ({ex.Message.TrimEnd('.')})");
        }

        var result = new List<LabelledSentence>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (labels[i] is { } label)
            {
                result.Add(rows[i] with { Label = label, Targets = [label], Section = sections[i] ?? rows[i].Section });
            }
        }

        return result;
    }
}
