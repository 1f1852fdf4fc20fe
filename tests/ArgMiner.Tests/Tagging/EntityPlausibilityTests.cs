using ArgMiner.Ingest;
using ArgMiner.Pipeline;

namespace ArgMiner.Tests.Tagging;

public class EntityPlausibilityTests
{
    private static ArgMiner.Text.Document Run(string text) =>
        TextPipeline.CreateTagging().Process(DocumentReaders.Compose("d", "d", null, text, []));

    [Fact]
    public void Given_a_sentence_opening_with_a_hedged_number_When_tagged_Then_the_number_is_no_name()
    {
        const string text = "Roughly 2,500 U.S. troops still remain in Iraq as of mid-2025, largely in advisory roles.";
        var d = Run(text);
        Assert.DoesNotContain(d.Entities, e => e.Type is not ("DATE" or "EVENT") && text[e.Start..e.End].Any(char.IsDigit));
        Assert.Contains(d.Entities, e => text[e.Start..e.End] == "Iraq" && e.Type == "LOC");
    }

    [Fact]
    public void Given_a_sentence_opening_with_a_preposition_When_tagged_Then_the_preposition_is_no_place()
    {
        const string text = "Beyond security, the U.S. presence provides a protective umbrella for investments in Iraq.";
        var d = Run(text);
        Assert.DoesNotContain(d.Entities, e => text[e.Start..e.End] == "Beyond");
    }
}
