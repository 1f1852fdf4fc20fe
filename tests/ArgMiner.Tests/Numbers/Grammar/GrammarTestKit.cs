using ArgMiner.Numbers.Grammar;
using ArgMiner.Text;
using ArgMiner.Tokenization;

namespace ArgMiner.Tests.Numbers.Grammar;

/// <summary>Builds the view the grammar's parts read, as <c>NumericClaimExtractor.Analyze</c> builds it.</summary>
internal static class GrammarTestKit
{
    /// <summary><paramref name="text"/> as one sentence (rule tokenizer), its literals lexed and, unless told not to, its dates marked.</summary>
    public static SentenceView View(string text, bool markDates = true) => View(text, Tokenize(text), markDates);

    /// <summary>The view over the given tokens.</summary>
    public static SentenceView View(string text, Token[] tokens, bool markDates = true)
    {
        var view = new SentenceView(text, tokens, 0);
        LiteralLexer.Lex(view);
        if (markDates)
        {
            DateGrammar.MarkDates(view, null);
        }

        return view;
    }

    /// <summary>The rule tokenizer's tokens of <paramref name="text"/>.</summary>
    public static Token[] Tokenize(string text)
    {
        var tokens = new List<Token>();
        new RuleTokenizer().Tokenize(text, 0, text.Length, tokens);
        return [.. tokens];
    }

    /// <summary>The index of the first token whose text is <paramref name="word"/>; fails the test when there is none.</summary>
    public static int TokenIndex(in SentenceView view, string word)
    {
        for (var i = 0; i < view.Count; i++)
        {
            if (view.Word(i).SequenceEqual(word))
            {
                return i;
            }
        }

        Assert.Fail($"no token \"{word}\" in \"{view.Text}\"");
        return -1;
    }

    /// <summary>The text of tokens [<paramref name="first"/>, <paramref name="end"/>).</summary>
    public static string TextOf(in SentenceView view, int first, int end) => view.TextOf(first, end);
}
