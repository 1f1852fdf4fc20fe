using ArgMiner.Tagging;

namespace ArgMiner.Tests.Cli;

public sealed class TaggerCommandsTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"argminer-cli-tagger-{Guid.NewGuid():N}");

    public TaggerCommandsTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = ArgMiner.Cli.CommandLine.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string Conllu(string name, int sentences, int seed)
    {
        var path = Path.Combine(_dir, name);
        using var w = new StreamWriter(path);
        foreach (var s in Tagging.TaggingTestData.PosSentences(sentences, seed))
        {
            for (var i = 0; i < s.Tokens.Length; i++)
            {
                w.WriteLine($"{i + 1}\t{s.Word(i)}\t_\t{s.Tags[i]}\t_\t_\t_\t_\t_\t_");
            }

            w.WriteLine();
        }

        return path;
    }

    [Fact]
    public void GivenASmallCorpus_WhenTrainThenEvaluate_ThenTheModelFileAndMetricsAreWritten()
    {
        var train = Conllu("train.conllu", 150, 1);
        var dev = Conllu("dev.conllu", 40, 2);
        var model = Path.Combine(_dir, "pos.model");

        var (code, output, err) = Run("train-tagger", "pos", "--data", train, "--dev", dev, "--out", model, "--epochs", "2", "--bits", "12", "--lexicon-min", "2");

        Assert.True(code == 0, err);
        Assert.Contains("dev accuracy on dev.conllu", output, StringComparison.Ordinal);
        var card = AveragedPerceptronTagger.ReadCard(model, AveragedPerceptronTagger.PosKind);
        Assert.NotNull(card["metrics"]?["dev.conllu"]?["tokenAccuracy"]);
        Assert.Equal(2, (int)card["settings"]!["epochs"]!);

        var (evalCode, evalOut, evalErr) = Run("evaluate-tagger", "pos", "--model", model, "--data", dev);

        Assert.True(evalCode == 0, evalErr);
        Assert.Contains("token accuracy", evalOut, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenACorruptModel_WhenEvaluated_ThenOneErrorLineAndExit1()
    {
        var model = Path.Combine(_dir, "bad.model");
        File.WriteAllText(model, "not a zip");
        var dev = Conllu("dev.conllu", 5, 2);

        var (code, _, err) = Run("evaluate-tagger", "pos", "--model", model, "--data", dev);

        Assert.Equal(1, code);
        Assert.StartsWith($"argminer: {model}: corrupt", err, StringComparison.Ordinal);
        Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void GivenABadGazetteer_WhenEvaluatingNer_ThenFileAndLineAreNamed()
    {
        var gaz = Path.Combine(_dir, "g.tsv");
        File.WriteAllText(gaz, "NATO\tORG\nbroken line\n");
        var data = Path.Combine(_dir, "d.iob2");
        File.WriteAllText(data, "1\tNATO\tB-ORG\n\n");
        var model = Path.Combine(_dir, "ner.model");
        Tagging.TaggingTestData.SmallTrainer(AveragedPerceptronTagger.NerKind).Fit(Tagging.TaggingTestData.NerSentences(30, 1)).Save(model, []);

        var (code, _, err) = Run("evaluate-tagger", "ner", "--model", model, "--data", data, "--gazetteer", gaz);

        Assert.Equal(1, code);
        Assert.Equal($"argminer: {gaz}:2: expected 'name<TAB>type', found 1 column(s)", err.Trim());
    }

    [Fact]
    public void GivenNerDataForThePosTagger_WhenEvaluated_ThenUsageExit2()
    {
        var data = Path.Combine(_dir, "d.iob2");
        File.WriteAllText(data, "1\tNATO\tB-ORG\n\n");

        var (code, _, err) = Run("evaluate-tagger", "pos", "--model", "any.model", "--data", data);

        Assert.Equal(2, code);
        Assert.Contains("CoNLL-U", err, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAnUnknownKind_WhenTraining_ThenUsageExit2()
    {
        var (code, _, err) = Run("train-tagger", "chunk", "--data", "x.conllu");

        Assert.Equal(2, code);
        Assert.Contains("chunk", err, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAMissingDataFile_WhenTraining_ThenExit1WithThePath()
    {
        var missing = Path.Combine(_dir, "missing.conllu");

        var (code, _, err) = Run("train-tagger", "pos", "--data", missing, "--out", Path.Combine(_dir, "m.model"));

        Assert.Equal(1, code);
        Assert.Equal($"argminer: {missing}: file not found", err.Trim());
    }

    [Theory]
    [InlineData("pos", "blank.conllu", "\n\n")]
    [InlineData("ner", "empty.iob2", "")]
    public void GivenACorpusWithoutSentences_WhenTraining_ThenOneErrorLineAndExit1(string kind, string name, string content)
    {
        var data = Path.Combine(_dir, name);
        File.WriteAllText(data, content);
        var model = Path.Combine(_dir, "m.model");

        var (code, _, err) = Run("train-tagger", kind, "--data", data, "--out", model);

        Assert.Equal(1, code);
        Assert.Equal($"argminer: {data}: no sentences to train on", err.Trim());
        Assert.False(File.Exists(model));
    }

    [Fact]
    public void GivenAMissingFirstNameList_WhenTrainingNer_ThenOneLineNamesTheOptionBeforeAnythingIsRead()
    {
        // Until session 33 read after the training data and the vectors' clustering (half a minute with the shipped vectors).
        var data = Path.Combine(_dir, "w.iob2");
        File.WriteAllText(data, "Ann\tB-PER\nsaid\tO\n\n");
        var missing = Path.Combine(_dir, "names.txt");
        var model = Path.Combine(_dir, "m.model");

        var (code, output, err) = Run("train-tagger", "ner", "--data", data, "--names", missing, "--out", model);

        Assert.Equal(1, code);
        Assert.Equal($"argminer: --names {missing}: file not found", err.Trim());
        Assert.Equal(string.Empty, output);
        Assert.False(File.Exists(model));
    }

    [Theory]
    [InlineData("pos", "blank.conllu")]
    [InlineData("ner", "empty.iob2")]
    public void GivenACorpusWithoutSentences_WhenEvaluated_ThenOneErrorLineAndExit1(string kind, string name)
    {
        var data = Path.Combine(_dir, name);
        File.WriteAllText(data, "\n");
        var model = Path.Combine(_dir, "m.model");
        var sentences = kind == "pos" ? Tagging.TaggingTestData.PosSentences(30, 1) : Tagging.TaggingTestData.NerSentences(30, 1);
        Tagging.TaggingTestData.SmallTrainer(kind == "pos" ? AveragedPerceptronTagger.PosKind : AveragedPerceptronTagger.NerKind).Fit(sentences).Save(model, []);

        var (code, output, err) = Run("evaluate-tagger", kind, "--model", model, "--data", data);

        Assert.Equal(1, code);
        Assert.Equal($"argminer: {data}: no sentences", err.Trim());
        Assert.Empty(output);
    }

    [Theory]
    [InlineData("--prune", "NaN")]
    [InlineData("--prune", "Infinity")]
    [InlineData("--prune", "-1")]
    [InlineData("--lexicon-min", "-5")]
    [InlineData("--sure-min", "-1")]
    public void GivenABadTrainerValue_WhenTraining_ThenItIsAUsageErrorBeforeTraining(string option, string value)
    {
        var model = Path.Combine(_dir, "m.model");

        var (code, output, err) = Run("train-tagger", "pos", "--data", Conllu("train.conllu", 20, 1), "--out", model, option, value, "--epochs", "1", "--bits", "10");

        Assert.Equal(2, code);
        Assert.Equal("argminer: --prune must be a number not below 0, and --lexicon-min and --sure-min not below 0", err.Trim());
        Assert.Empty(output);
        Assert.False(File.Exists(model));
    }

    [Fact]
    public void GivenAMissingOrWrongKindOfDevFile_WhenTraining_ThenItIsSaidBeforeTraining()
    {
        var train = Conllu("train.conllu", 20, 1);
        var missing = Path.Combine(_dir, "missing.conllu");
        var ner = Path.Combine(_dir, "dev.iob2");
        File.WriteAllText(ner, "1\tNATO\tB-ORG\n\n");
        var model = Path.Combine(_dir, "m.model");

        var (code, output, err) = Run("train-tagger", "pos", "--data", train, "--dev", missing, "--out", model, "--epochs", "1", "--bits", "10");
        Assert.Equal(1, code);
        Assert.Equal($"argminer: {missing}: file not found", err.Trim());
        Assert.Empty(output);

        (code, output, err) = Run("train-tagger", "pos", "--data", train, "--dev", ner, "--out", model, "--epochs", "1", "--bits", "10");
        Assert.Equal(2, code);
        Assert.Equal($"argminer: {ner}: pos is measured on CoNLL-U data, not iob2 (--dev)", err.Trim());
        Assert.Empty(output);
        Assert.False(File.Exists(model));
    }

    private string Conll(string name, int sentences, int seed, string personTag)
    {
        var path = Path.Combine(_dir, name);
        using var w = new StreamWriter(path);
        foreach (var s in Tagging.TaggingTestData.NerSentences(sentences, seed))
        {
            for (var i = 0; i < s.Tokens.Length; i++)
            {
                var tag = s.Tags[i].Replace("PERSON", personTag, StringComparison.Ordinal);
                w.WriteLine($"{s.Word(i)}\t{tag}");
            }

            w.WriteLine();
        }

        return path;
    }

    [Fact]
    public void GivenTwoConllCorporaAndANameList_WhenTrainingNer_ThenBothArePooledAndTheModelHasWordClasses()
    {
        var btcLike = Conll("a.conll", 60, 1, "PER");
        var wnutLike = Conll("b.conll", 60, 2, "person");
        var names = Path.Combine(_dir, "names.txt");
        File.WriteAllLines(names, ["Anna", "Boris"]);
        var model = Path.Combine(_dir, "ner.model");

        var (code, output, err) = Run("train-tagger", "ner", "--data", btcLike, wnutLike, "--names", names, "--dev", btcLike, "--out", model, "--epochs", "2", "--bits", "12");

        Assert.True(code == 0, err);
        Assert.Contains("training ner on 120 sentences", output, StringComparison.Ordinal);
        Assert.True(AveragedPerceptronTagger.Load(model, AveragedPerceptronTagger.NerKind).UsesWordClasses);
        var card = AveragedPerceptronTagger.ReadCard(model, AveragedPerceptronTagger.NerKind);
        Assert.Contains("b.conll", (string)card["data"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAConllCorpus_WhenEvaluatingNerWithErrors_ThenOnlyPersonOrgLocCountAndDifferencesAreWritten()
    {
        var data = Conll("web.conll", 40, 3, "PER");
        var model = Path.Combine(_dir, "ner.model");
        Assert.Equal(0, Run("train-tagger", "ner", "--data", Conll("train.conll", 80, 4, "PER"), "--out", model, "--epochs", "1", "--bits", "10").Code);
        var errors = Path.Combine(_dir, "errors.txt");

        var (code, output, err) = Run("evaluate-tagger", "ner", "--model", model, "--data", data, "--gazetteer", "none", "--errors", errors);

        Assert.True(code == 0, err);
        var types = output.Split('\n').Skip(2).Select(l => l.Trim().Split(' ')[0]).Where(t => t.Length > 0).ToList();
        Assert.Equal(["LOC", "PERSON", "ALL"], types);
        Assert.True(File.Exists(errors));
        Assert.All(File.ReadAllLines(errors).Where(l => l.StartsWith("  ", StringComparison.Ordinal)), l => Assert.Matches(@"^  [+-] .+\t(PERSON|ORG|LOC)$", l));
    }
}
