using ArgMiner.Classification;

namespace ArgMiner.Tests.Classification;

/// <summary>A small hand-written labelled set (invented sentences) for fast training in tests.</summary>
internal static class TinyData
{
    public static readonly string[] Claims =
    [
        "The new tax plan will hurt small businesses more than it helps them.",
        "Cutting the transit budget is a mistake the city will regret.",
        "The council should reject the stadium deal.",
        "Term limits would not fix the real problem in the statehouse.",
        "A withdrawal now risks handing the region to armed groups.",
        "Stronger oversight must come before any new spending.",
        "The reform is likely to raise rents across the district.",
        "Schools need more teachers, not more tests.",
        "The ministry is failing the farmers it claims to protect.",
        "Higher tariffs will make groceries more expensive for everyone.",
    ];

    public static readonly string[] Evidence =
    [
        "In 2023, the city spent 4.2 million dollars on road repairs, according to the budget office.",
        "The survey of 1,200 residents found that 61 percent support the plan.",
        "Reuters reported on March 3 that 180 attacks had taken place since October 2023.",
        "Officials estimate that 2,500 troops remain in the country.",
        "The study, published in 2021, tracked 4,000 patients for ten years.",
        "Unemployment fell to 3.9 percent in June, the labor department said.",
        "In 2019, the court ruled 5 to 4 against the county.",
        "According to the census, the town lost 12 percent of its population between 2010 and 2020.",
        "The company announced 300 layoffs on Tuesday.",
        "Police recorded 42 burglaries in the district last year, the report said.",
    ];

    public static readonly string[] Opinions =
    [
        "I love this piece, thank you!",
        "What a brilliant article!",
        "I am so tired of this nonsense.",
        "Great read, keep it up!",
        "This made me so angry I could scream!",
        "I'm really impressed by your writing.",
        "Thanks for sharing, wonderful work!",
        "Honestly I hate how this turned out.",
        "You nailed it, brother!",
        "I feel sad reading this.",
    ];

    public static readonly string[] Others =
    [
        "Mostly Theater",
        "By Jane Doe, staff writer",
        "Read more",
        "The views expressed here are the author's own.",
        "Who Really Wins",
        "Related coverage",
        "Sign up for our newsletter",
        "Hi all",
        "Editor's note",
        "Subscribe today",
    ];

    public static List<LabelledSentence> Rows()
    {
        var rows = new List<LabelledSentence>();
        void Add(string[] texts, string label)
        {
            for (var i = 0; i < texts.Length; i++)
            {
                rows.Add(new LabelledSentence(texts[i], label) { Doc = "doc" + (i % 5), Origin = "tiny:" + rows.Count, Source = "tiny" });
            }
        }

        Add(Claims, "claim");
        Add(Evidence, "evidence");
        Add(Opinions, "opinion");
        Add(Others, "other");
        return rows;
    }

    /// <summary><see cref="Rows"/> as a labelled CSV file's text (<c>text,label,doc</c>), for the commands.</summary>
    public static string Csv()
    {
        var csv = new System.Text.StringBuilder("text,label,doc\n");
        foreach (var r in Rows())
        {
            csv.Append('"').Append(r.Text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\",").Append(r.Label).Append(',').Append(r.Doc).Append('\n');
        }

        return csv.ToString();
    }

    public static SentenceClassifierTrainerOptions Options(double l2 = 1e-3) => new()
    {
        L2 = l2,
        Date = "2026-01-01",
        Featurizer = new FeaturizerOptions { HashBits = 14 },
    };
}
