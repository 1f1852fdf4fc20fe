using ArgMiner.Classification;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ArgMiner.Tests.Support;

/// <summary>Reads and edits xlsx workbooks in tests with the Open XML SDK's document model, as a person's spreadsheet would.</summary>
public static class Workbooks
{
    /// <summary>
    /// Writes a workbook as Excel writes one: shared strings, cells with references. A cell "#N/A" is an error
    /// cell, "=5" a number cell, anything else a string.
    /// </summary>
    public static string Create(string path, params (string Name, string[][] Rows)[] sheets)
    {
        using var doc = SpreadsheetDocument.Create(path, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook);
        var workbook = doc.AddWorkbookPart();
        var strings = new List<string>();
        var list = new Sheets();
        for (var i = 0; i < sheets.Length; i++)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < sheets[i].Rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < sheets[i].Rows[r].Length; c++)
                {
                    var value = sheets[i].Rows[r][c];
                    var cell = new Cell { CellReference = ArgMiner.Output.Xlsx.WorksheetXml.ColumnName(c) + (r + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) };
                    if (value == "#N/A")
                    {
                        cell.DataType = CellValues.Error;
                        cell.CellValue = new CellValue(value);
                    }
                    else if (value.StartsWith('='))
                    {
                        cell.CellValue = new CellValue(value[1..]);
                    }
                    else
                    {
                        cell.DataType = CellValues.SharedString;
                        cell.CellValue = new CellValue(strings.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                        strings.Add(value);
                    }

                    row.Append(cell);
                }

                data.Append(row);
            }

            part.Worksheet = new Worksheet(data);
            list.Append(new Sheet { Name = sheets[i].Name, SheetId = (uint)(i + 1), Id = workbook.GetIdOfPart(part) });
        }

        workbook.AddNewPart<SharedStringTablePart>().SharedStringTable = new SharedStringTable(strings.Select(v => new SharedStringItem(new DocumentFormat.OpenXml.Spreadsheet.Text(v))));
        workbook.Workbook = new Workbook(list);
        return path;
    }

    /// <summary>Sheet names in tab order.</summary>
    public static string[] SheetNames(string path)
    {
        using var doc = SpreadsheetDocument.Open(path, false);
        return [.. doc.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!)];
    }

    /// <summary>The worksheet of <paramref name="sheet"/> (the document stays open: dispose it).</summary>
    public static Worksheet Sheet(SpreadsheetDocument doc, string sheet)
    {
        var part = doc.WorkbookPart!;
        var id = part.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet).Id!.Value!;
        return ((WorksheetPart)part.GetPartById(id)).Worksheet!;
    }

    /// <summary>Every row's cells as text (numbers as written, strings decoded), by row.</summary>
    public static List<string[]> Cells(string path, string sheet)
    {
        using var doc = SpreadsheetDocument.Open(path, false);
        var strings = doc.WorkbookPart!.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        string Value(Cell c) =>
            c.DataType?.Value == CellValues.SharedString ? strings[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]
            : c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText
            : c.CellValue?.Text ?? string.Empty;
        var rows = new List<string[]>();
        foreach (var row in Sheet(doc, sheet).Descendants<Row>())
        {
            // Cells by their reference: a spreadsheet leaves empty cells out.
            var cells = row.Elements<Cell>().ToDictionary(c => Column(c.CellReference!.Value!), Value);
            rows.Add([.. Enumerable.Range(0, cells.Count == 0 ? 1 : cells.Keys.Max() + 1).Select(i => cells.GetValueOrDefault(i, string.Empty))]);
        }

        return rows;
    }

    private static int Column(string reference)
    {
        var column = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetterUpper))
        {
            column = (column * 26) + (c - 'A' + 1);
        }

        return column - 1;
    }

    /// <summary>Sets the label cell of the Sentences rows whose text is in <paramref name="labels"/>; returns how many were set.</summary>
    public static int Relabel(string path, IReadOnlyDictionary<string, string> labels)
    {
        using var doc = SpreadsheetDocument.Open(path, true);
        var sheet = Sheet(doc, "Sentences");
        var rows = sheet.Descendants<Row>().ToList();
        var header = rows[0].Elements<Cell>().Select(c => c.InnerText).ToList();
        int text = header.IndexOf("text"), label = header.IndexOf("label");
        var set = 0;
        foreach (var row in rows.Skip(1))
        {
            var cells = row.Elements<Cell>().ToDictionary(c => c.CellReference!.Value!.TrimEnd("0123456789".ToCharArray()));
            var textCell = cells[ArgMiner.Output.Xlsx.WorksheetXml.ColumnName(text)];
            if (labels.TryGetValue(textCell.InnerText, out var newLabel))
            {
                var labelCell = cells[ArgMiner.Output.Xlsx.WorksheetXml.ColumnName(label)];
                labelCell.DataType = CellValues.InlineString;
                labelCell.RemoveAllChildren();
                labelCell.Append(new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(newLabel)));
                set++;
            }
        }

        return set;
    }

    /// <summary>
    /// Ten reader-comment sentences of the seed run that the corpus labels other than opinion and the shipped
    /// model does not call opinion either: a correction to opinion that only the correction can teach.
    /// </summary>
    public static List<string> TenCommentsToCorrect(string sentencesCsv)
    {
        var corpus = LabelledData.Read([Path.Combine(Repository.Root, "corpus", "labelled")], new LabelledDataOptions());
        var corpusLabels = corpus.GroupBy(r => r.Text, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(r => r.Label).ToHashSet(), StringComparer.Ordinal);
        var chosen = new List<string>();
        using var reader = CsvReader.Create(new StreamReader(sentencesCsv), new CsvReaderOptions { HasHeader = true, AllowLineBreaksInQuotes = true }, false);
        reader.ReadHeader();
        var header = reader.Headers!.ToList();
        while (reader.Read() && chosen.Count < 10)
        {
            var text = reader.GetString(header.IndexOf("text"));
            if (reader.GetString(header.IndexOf("section")) == "comment" && reader.GetString(header.IndexOf("label")) != "opinion"
                && corpusLabels.TryGetValue(text.Trim(), out var labels) && !labels.Contains("opinion"))
            {
                chosen.Add(text);
            }
        }

        return chosen;
    }

    /// <summary>How many of <paramref name="texts"/> the model at <paramref name="modelPath"/> labels <paramref name="label"/> (tagged, as run labels them).</summary>
    public static int CountLabelled(string modelPath, IEnumerable<string> texts, string label)
    {
        var model = SentenceClassifier.Load(modelPath);
        var tagger = ArgMiner.Pipeline.TextPipeline.CreateSentenceTagger();
        return texts.Count(t => model.Predict(t, tagger.Tag(t)).Label == label);
    }
}
