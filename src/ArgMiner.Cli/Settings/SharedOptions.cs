using System.CommandLine;
using ArgMiner.Classification;
using ArgMiner.Ingest;
using ArgMiner.Training.Classification;

namespace ArgMiner.Cli.Settings;

/// <summary>
/// Options that several commands share, declared once here: the output (<c>--out</c>), the model
/// (<c>--model</c>), the text encoding (<c>--encoding</c>) and the thread count (<c>--jobs</c>). The labelled
/// data options are a group of their own (<see cref="LabelledDataGroup"/>).
/// </summary>
internal static class SharedOptions
{
    /// <summary>The most threads a batch may use: its two windows hold 64 documents (16 per job beyond four; at most 256 K characters per job) each.</summary>
    public const int MaxJobs = 1024;

    /// <summary><c>--out</c>: where a command writes (a folder, a model file, a CSV…), as the command describes it.</summary>
    public static Option<string> Out(string description, bool required = false, string? defaultValue = null, bool shortAlias = false)
    {
        var option = shortAlias ? new Option<string>("--out", "-o") : new Option<string>("--out");
        option.Description = description;
        option.Required = required;
        if (defaultValue is not null)
        {
            option.DefaultValueFactory = _ => defaultValue;
        }

        return option;
    }

    /// <summary><c>--model</c>: a model file (or a keyword such as <c>accurate</c>), as the command describes it.</summary>
    public static Option<string> Model(string description, bool required = false, bool shortAlias = false)
    {
        var option = shortAlias ? new Option<string>("--model", "-m") : new Option<string>("--model");
        option.Description = description;
        option.Required = required;
        return option;
    }

    /// <summary><c>--jobs</c>: work done in parallel (documents for <c>run</c>), 1 to <see cref="MaxJobs"/> (default: all cores).</summary>
    public static Option<int> Jobs(string description = "Documents processed in parallel.") =>
        new Option<int>("--jobs", "-j") { Description = description, DefaultValueFactory = _ => Environment.ProcessorCount }
            .InRange(1, MaxJobs, $"--jobs must be between 1 and {MaxJobs}");

    /// <summary>
    /// <c>--gate</c>: with the accurate tier, consult the encoders only for sentences whose fast-model top probability
    /// is below this (0 &lt; G ≤ 1); null when not given (the model's own gate, 1 for the shipped tier).
    /// </summary>
    public static Option<double?> Gate() =>
        new("--gate")
        {
            Description = "With the accurate tier: consult the encoders only for sentences the fast model is less sure of than this (0 < G <= 1; default: the model's own, 1: every sentence). "
                + "Lower is faster: 0.8 consults about 58 % of sentences, and macro-F1 on held-out real text moves by -0.0009 (paired 95 %: -0.003 to +0.001; README)",
        };

    /// <summary>
    /// <c>--encoders</c>: with the accurate tier, <c>all</c> (default: the pretrained encoders' stacker, then the tuned
    /// encoders) or <c>tuned</c> (the tuned encoders only, mixed with the fast model); null when not given.
    /// </summary>
    public static Option<string?> TierEncoders() =>
        new Option<string?>("--encoders")
        {
            Description = "With the accurate tier: all (default: the two pretrained encoders and their stacker, then the two tuned encoders) or tuned (the tuned encoders only, mixed with the fast model). "
                + "tuned takes about 40 % of the CPU time, and macro-F1 on held-out real text moves by -0.002 (README)",
        }.AcceptOnlyFromAmong("all", "tuned");

    /// <summary>
    /// Checks the accurate tier's options against the model asked for: writes one usage line and returns false when
    /// <c>--gate</c> is out of range, or <c>--gate</c> or <c>--encoders tuned</c> is given without the accurate tier.
    /// <paramref name="accurate"/> is asked only when one of them is given: telling a model file's tier means opening
    /// the file, which a run without them need not do twice.
    /// </summary>
    public static bool CheckTierOptions(double? gate, bool tunedOnly, Func<bool> accurate, TextWriter stderr)
    {
        if (gate is not null && !(gate > 0 && gate <= 1))
        {
            stderr.WriteLine("argminer: --gate must be above 0 and at most 1");
            return false;
        }

        var given = gate is not null ? "--gate" : tunedOnly ? "--encoders" : null;
        if (given is not null && !accurate())
        {
            stderr.WriteLine($"argminer: {given} applies to the accurate tier only (--model accurate, or an accurate-tier file)");
            return false;
        }

        return true;
    }

    /// <summary>The <c>--encoding</c> option every command that reads text files shares (<see cref="TextDecoding"/>'s rule).</summary>
    public static Option<string> Encoding()
    {
        var encoding = new Option<string>("--encoding") { Description = "auto (default): UTF-8, else Windows-1252 with a warning; utf-8: only UTF-8; windows-1252: always. UTF-16 with a BOM is always read.", DefaultValueFactory = _ => "auto" };
        encoding.AcceptOnlyFromAmong("auto", "utf-8", "windows-1252");
        return encoding;
    }

    /// <summary>The <c>--encoding</c> choice of a parse (its values are checked by the option).</summary>
    public static TextEncodingChoice GetEncoding(this ParseResult parse, Option<string> encoding) =>
        TextDecoding.ParseChoice(parse.GetValue(encoding)) ?? TextEncodingChoice.Auto;
}

/// <summary>Labelled data as <c>train</c> and <c>evaluate</c> read it: the paths and how to read them.</summary>
/// <param name="Paths">The <c>--data</c> paths (files or folders, with their <c>#…</c> and <c>@W</c> suffixes).</param>
/// <param name="TextColumn">The column holding the sentence.</param>
/// <param name="LabelColumn">The column holding the gold label.</param>
/// <param name="DocColumn">The column holding the document id.</param>
/// <param name="Map">Foreign labels mapped to ArgMiner's (<c>--map</c>).</param>
internal sealed record LabelledDataSettings(IReadOnlyList<string> Paths, string TextColumn, string LabelColumn, string DocColumn, LabelMap Map)
{
    /// <summary>The reader's options for these settings.</summary>
    public LabelledDataOptions ReaderOptions => new() { TextColumn = TextColumn, LabelColumn = LabelColumn, DocColumn = DocColumn, Map = Map };
}

/// <summary>
/// The labelled data options, declared once: <c>--data</c>, <c>--text-column</c>, <c>--label-column</c>,
/// <c>--doc-column</c> and <c>--map</c> (parsed by the option, <see cref="OptionParsers.LabelMap"/>); they
/// bind to a <see cref="LabelledDataSettings"/>.
/// </summary>
internal sealed class LabelledDataGroup
{
    /// <summary>
    /// Creates the group; <paramref name="dataRequired"/> false and <paramref name="dataNote"/> for a command that has other
    /// data too; <paramref name="trains"/> false for a command that only scores the data, where a source's weight (@W)
    /// means nothing and its help did not say so.
    /// </summary>
    public LabelledDataGroup(bool dataRequired = true, string? dataNote = null, bool trains = true)
    {
        Data = new Option<string[]>("--data")
        {
            Description = "Labelled CSV/TSV/JSONL files, xlsx workbooks (a run's argminer.xlsx: its Sentences sheet) or folders (recursive); an IBM Debater folder may end in #train or #held-out"
                + (trains ? "; append @W to weigh a source W in training" : string.Empty) + dataNote,
            Required = dataRequired,
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = true,
        };
    }

    /// <summary><c>--data</c>.</summary>
    public Option<string[]> Data { get; }

    /// <summary><c>--text-column</c>.</summary>
    public Option<string> TextColumn { get; } = new("--text-column") { Description = "Column holding the sentence", DefaultValueFactory = _ => "text" };

    /// <summary><c>--label-column</c>.</summary>
    public Option<string> LabelColumn { get; } = new("--label-column") { Description = "Column holding the gold label", DefaultValueFactory = _ => "label" };

    /// <summary><c>--doc-column</c>.</summary>
    public Option<string> DocColumn { get; } = new("--doc-column") { Description = "Column holding the document id (doc_id is tried too)", DefaultValueFactory = _ => "doc" };

    /// <summary><c>--map</c>.</summary>
    public Option<LabelMap> Map { get; } = new("--map")
    {
        Description = "Map a foreign gold label to ArgMiner labels, e.g. SUBJ=claim|opinion or SUBJ=claim,opinion (repeatable)",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
        CustomParser = OptionParsers.LabelMap,
    };

    /// <summary>The column and map options, in the order help lists them after <c>--data</c>.</summary>
    public IEnumerable<Option> Reading => [TextColumn, LabelColumn, DocColumn, Map];

    /// <summary>The group's part of a command's settings.</summary>
    public LabelledDataSettings Bind(ParseResult parse) => new(
        parse.GetValue(Data) ?? [],
        parse.GetValue(TextColumn) ?? "text",
        parse.GetValue(LabelColumn) ?? "label",
        parse.GetValue(DocColumn) ?? "doc",
        parse.GetValue(Map) ?? LabelMap.Empty);
}
