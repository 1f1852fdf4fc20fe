using ArgMiner.Ingest;
using ArgMiner.Pipeline;

namespace ArgMiner.Tests.Tagging;

public class EntityPlausibilityTests
{
    private static ArgMiner.Text.Document Run(string text) =>
        TextPipeline.CreateTagging().Process(DocumentReaders.Compose("d", "d", null, text, []));

    [Fact]
    public void GivenASentenceOpeningWithAHedgedNumber_WhenTagged_ThenTheNumberIsNoName()
    {
        const string text = "Roughly 2,500 U.S. troops still remain in Iraq as of mid-2025, largely in advisory roles.";
        var d = Run(text);
        Assert.DoesNotContain(d.Entities, e => e.Type is not ("DATE" or "EVENT") && text[e.Start..e.End].Any(char.IsDigit));
        Assert.Contains(d.Entities, e => text[e.Start..e.End] == "Iraq" && e.Type == "LOC");
    }

    [Fact]
    public void GivenASentenceOpeningWithAPreposition_WhenTagged_ThenThePrepositionIsNoPlace()
    {
        const string text = "Beyond security, the U.S. presence provides a protective umbrella for investments in Iraq.";
        var d = Run(text);
        Assert.DoesNotContain(d.Entities, e => text[e.Start..e.End] == "Beyond");
    }
}
