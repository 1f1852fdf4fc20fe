using System.Globalization;
using ArgMiner.Numbers;
using ArgMiner.Text;
using FsCheck;
using FsCheck.Fluent;

namespace ArgMiner.Tests.Numbers;

/// <summary>One test per grammar rule: the sentence, then the expected claim's fields.</summary>
public class NumericRuleTests
{
    // expected: "span | kind | value or low..high | qualifier | unit | period | counted" ("-" for none)
    [Theory]
    [InlineData("They hired 2,500 new staff.", "2,500 | count | 2500 | - | - | - | staff")]
    [InlineData("Output rose to 1.5 million barrels a day.", "1.5 million barrels | measure | 1500000 | - | barrels | day | -")]
    [InlineData("The firm employs two hundred and six engineers.", "two hundred and six | count | 206 | - | - | - | engineers")]
    [InlineData("There were twenty-one candidates.", "twenty-one | count | 21 | - | - | - | candidates")]
    [InlineData("She bought a dozen eggs.", "a dozen | count | 12 | - | - | - | eggs")]
    [InlineData("Hundreds of protesters gathered.", "Hundreds | range | 100..1000 | - | - | - | protesters")]
    [InlineData("Millions of people voted.", "Millions | range | 1000000..10000000 | - | - | - | people")]
    [InlineData("Several thousand fans waited outside.", "Several thousand | range | 1000..10000 | - | - | - | fans")]
    [InlineData("Turnout grew from several hundred to 4,500 marchers.", "from several hundred to 4,500 | range | 100..4500 | - | - | - | marchers")]
    [InlineData("The ferry will sail in a week or two.", "a week or two | range | 1..2 | - | week | - | -")]
    [InlineData("The landslide left one hiker dead.", "one | count | 1 | - | - | - | hiker")]
    [InlineData("One firefighter was injured in the blaze.", "One | count | 1 | - | - | - | firefighter")]
    [InlineData("Gunmen kidnapped one engineer on Monday.", "one | count | 1 | - | - | - | engineer")]
    [InlineData("The party needs one more seat to govern.", "one | count | 1 | - | - | - | -")]
    [InlineData("He finished 3rd in the race.", "3rd | ordinal | 3 | - | - | - | -")]
    [InlineData("It was the twenty-first attempt.", "twenty-first | ordinal | 21 | - | - | - | -")]
    [InlineData("The bill costs $1 billion.", "$1 billion | money | 1000000000 | - | USD | - | -")]
    [InlineData("The club paid £3m for him.", "£3m | money | 3000000 | - | GBP | - | -")]
    [InlineData("A ticket costs 5 euros.", "5 euros | money | 5 | - | EUR | - | -")]
    [InlineData("The fee is USD 20 per month.", "USD 20 | money | 20 | - | USD | month | -")]
    [InlineData("They raised €2.5bn last year.", "€2.5bn | money | 2500000000 | - | EUR | - | -")]
    [InlineData("Shares fell 50 cents.", "50 cents | money | 0.5 | - | USD | - | -")]
    [InlineData("Support stands at 35%.", "35% | percent | 35 | - | % | - | -")]
    [InlineData("Support stands at 35 percent.", "35 percent | percent | 35 | - | % | - | -")]
    [InlineData("Rates rose 3.5 percentage points.", "3.5 percentage points | percent | 3.5 | - | pp | - | -")]
    [InlineData("Between 2 and 3 people were hurt.", "Between 2 and 3 | range | 2..3 | - | - | - | people")]
    [InlineData("It will cost 2 to 3 million dollars.", "2 to 3 million dollars | range | 2000000..3000000 | - | USD | - | -")]
    [InlineData("Estimates run from 10 to 20 deaths.", "from 10 to 20 | range | 10..20 | - | - | - | deaths")]
    [InlineData("Between 1,500-3,000 fighters remain.", "Between 1,500-3,000 | range | 1500..3000 | - | - | - | fighters")]
    [InlineData("The plan hires up to 40 workers.", "up to 40 | count | 40 | at_most | - | - | workers")]
    [InlineData("At least 12 soldiers died.", "At least 12 | count | 12 | at_least | - | - | soldiers")]
    [InlineData("No fewer than 7 ships sailed.", "No fewer than 7 | count | 7 | at_least | - | - | ships")]
    [InlineData("Nearly 40 villages were hit.", "Nearly 40 | count | 40 | approximately | - | - | villages")]
    [InlineData("Fewer than 1,000 pandas live in the wild.", "Fewer than 1,000 | count | 1000 | less_than | - | - | pandas")]
    [InlineData("It took under 10 minutes.", "under 10 minutes | measure | 10 | less_than | minute | - | -")]
    [InlineData("Inflation was below 2 percent.", "below 2 percent | percent | 2 | less_than | % | - | -")]
    [InlineData("It has at most 5 rooms.", "at most 5 | count | 5 | at_most | - | - | rooms")]
    [InlineData("Some 300 families fled.", "Some 300 | count | 300 | approximately | - | - | families")]
    [InlineData("The road is 29 km long.", "29 km | measure | 29 | - | km | - | -")]
    [InlineData("They shipped 16,000 metric tons of grain.", "16,000 metric tons | measure | 16000 | - | metric t | - | -")]
    [InlineData("The group spends $5 million weekly.", "$5 million | money | 5000000 | - | USD | week | -")]
    [InlineData("Clinics treat 200 patients daily.", "200 | count | 200 | - | - | day | patients")]
    [InlineData("Attacks rose to 40 per month.", "40 | count | 40 | - | - | month | -")]
    [InlineData("The group carried out 12 attacks a year earlier.", "12 | count | 12 | - | - | - | attacks")]
    [InlineData("Scores ranged above 1000 and below 1500 points.", "above 1000 and below 1500 | range | 1000..1500 | - | - | - | points")]
    [InlineData("Russia accepted a US$150 million loan.", "US$150 million | money | 150000000 | - | USD | - | -")]
    [InlineData("Sales reached 125 million Australian dollars.", "125 million Australian dollars | money | 125000000 | - | AUD | - | -")]
    [InlineData("It only cost thirteen dollars and forty-five cents.", "thirteen dollars and forty-five cents | money | 13.45 | - | USD | - | -")]
    [InlineData("The answer is minus 5.", "minus 5 | count | -5 | - | - | - | -")]
    [InlineData("They need 200 or more volunteers.", "200 or more | count | 200 | at_least | - | - | volunteers")]
    [InlineData("The attack left 7 US soldiers dead.", "7 | count | 7 | - | - | - | soldiers")]
    [InlineData("He is 5 feet 2 inches tall.", "5 feet 2 inches | measure | 5.1666666667 | - | ft | - | -")]
    [InlineData("She wants to drop 25 pounds.", "25 pounds | measure | 25 | - | lb | - | -")]
    [InlineData("Profit reached 361 million pounds.", "361 million pounds | money | 361000000 | - | GBP | - | -")]
    [InlineData("Expenses were 30 MUSD last year.", "30 MUSD | money | 30000000 | - | USD | - | -")]
    [InlineData("A ticket costs 10 € today.", "10 € | money | 10 | - | EUR | - | -")]
    [InlineData("Sales rose 4 thousand 3 hundred and 21 units.", "4 thousand 3 hundred and 21 | count | 4321 | - | - | - | units")]
    [InlineData("Inflation reached 12pc last month.", "12pc | percent | 12 | - | % | - | -")]
    [InlineData("The new chip runs at 3.5GHz.", "3.5GHz | measure | 3.5 | - | GHz | - | -")]
    [InlineData("The contract was worth RM45,000.", "RM45,000 | money | 45000 | - | MYR | - | -")]
    [InlineData("The ministry set aside RM2.3bn.", "RM2.3bn | money | 2300000000 | - | MYR | - | -")]
    [InlineData("Tickets cost Rs. 500 at the gate.", "Rs. 500 | money | 500 | - | INR | - | -")]
    [InlineData("The council borrowed 4m euros.", "4m euros | money | 4000000 | - | EUR | - | -")]
    [InlineData("The show drew 4m viewers.", "4m | count | 4000000 | - | - | - | viewers")]
    [InlineData("They shipped 4m tonnes.", "4m tonnes | measure | 4000000 | - | t | - | -")]
    [InlineData("The pool is 25m long.", "25m | measure | 25 | - | m | - | -")]
    [InlineData("Membership grew from 40 to 55 members.", "from 40 to 55 | change | 40..55 | - | - | - | members")]
    [InlineData("Unemployment fell from 5.1% to 4.8%.", "from 5.1% to 4.8% | change | 5.1..4.8 | - | % | - | -")]
    [InlineData("The budget was cut from $12 million to $9 million.", "from $12 million to $9 million | change | 12000000..9000000 | - | USD | - | -")]
    [InlineData("Turnout rose to 68% from 61%.", "68% from 61% | change | 61..68 | - | % | - | -")]
    [InlineData("The population went from 2 to 3 million.", "from 2 to 3 million | change | 2000000..3000000 | - | - | - | -")]
    [InlineData("The herd shrank from 300 to 120 head.", "from 300 to 120 | change | 300..120 | - | - | - | -")]
    [InlineData("Sales rose 3% to 120 units.", "3% | percent | 3 | - | % | - | -")]
    [InlineData("Sales rose 3% to 120 units.", "120 | count | 120 | - | - | - | units")]
    [InlineData("Unemployment rose 0.3% to 5.1%.", "5.1% | percent | 5.1 | - | % | - | -")]
    [InlineData("The index rose 30 to 7,400.", "7,400 | count | 7400 | - | - | - | -")]
    [InlineData("Output increased by 4% to 2.1 million barrels.", "2.1 million barrels | measure | 2100000 | - | barrels | - | -")]
    [InlineData("Fares will rise 2 to 3 percent.", "2 to 3 percent | range | 2..3 | - | % | - | -")]
    [InlineData("Growth was +0.4% last quarter.", "+0.4% | percent | 0.4 | - | % | - | -")]
    [InlineData("The index closed +12 on the day.", "+12 | count | 12 | - | - | - | -")]
    [InlineData("He batted .250 last season.", ".250 | count | 0.25 | - | - | - | -")]
    [InlineData("The fund reported -$40 million in net flows.", "-$40 million | money | -40000000 | - | USD | - | -")]
    [InlineData("The unit lost minus £3bn.", "minus £3bn | money | -3000000000 | - | GBP | - | -")]
    [InlineData("The sample held 1.2×10^6 cells.", "1.2×10^6 | count | 1200000 | - | - | - | cells")]
    [InlineData("The sample held 1.2×10⁶ cells.", "1.2×10⁶ | count | 1200000 | - | - | - | cells")]
    [InlineData("The dose was 3 x 10^-4 g.", "3 x 10^-4 g | measure | 0.0003 | - | g | - | -")]
    [InlineData("The fleet logged 10^9 km.", "10^9 km | measure | 1000000000 | - | km | - | -")]
    [InlineData("The model has 1.2e6 parameters.", "1.2e6 | count | 1200000 | - | - | - | parameters")]
    [InlineData("Each part is timed for 90 seconds today.", "90 seconds | measure | 90 | - | second | - | -")]
    [InlineData("I have 24hrs in San Francisco.", "24hrs | measure | 24 | - | hour | - | -")]
    [InlineData("We were out in 10 mins with a deal.", "10 mins | measure | 10 | - | minute | - | -")]
    [InlineData("The shop at 12 High Street sold 40 bikes.", "40 | count | 40 | - | - | - | bikes")]
    [InlineData("They asked for an extension of 30 days.", "30 days | measure | 30 | - | day | - | -")]
    [InlineData("The factory sold 15-MW turbines.", "15-MW | measure | 15 | - | MW | - | -")]
    [InlineData("The test found 4.9e-3 faults.", "4.9e-3 | count | 0.0049 | - | - | - | faults")]
    [InlineData("The model has 3E+4 parameters.", "3E+4 | count | 30000 | - | - | - | parameters")]
    [InlineData("It was 70 degF at noon.", "70 degF | measure | 70 | - | °F | - | -")]
    [InlineData("It was 21°C in Madrid.", "21°C | measure | 21 | - | °C | - | -")]
    [InlineData("It reached 40 degrees Celsius.", "40 degrees Celsius | measure | 40 | - | °C | - | -")]
    [InlineData("We waited in line two hours.", "two hours | measure | 2 | - | hour | - | -")]
    [InlineData("The company will build two new reactors.", "two | count | 2 | - | - | - | reactors")]
    [InlineData("Before the 2006 season eight teams competed.", "eight | count | 8 | - | - | - | teams")]
    [InlineData("Pupils sit for level six to ten subjects.", "six to ten | range | 6..10 | - | - | - | subjects")]
    [InlineData("The weight is 20 (kg) net.", "20 (kg) | measure | 20 | - | kg | - | -")]
    [InlineData("The arm turned 0.8rad.", "0.8rad | measure | 0.8 | - | rad | - | -")]
    public void GivenASentence_WhenExtracted_ThenTheClaimHasTheseFields(string sentence, string expected)
    {
        var f = expected.Split('|', StringSplitOptions.TrimEntries);
        var claims = NumbersTestKit.Claims(sentence);
        var c = Assert.Single(claims, x => sentence[x.Start..x.End] == f[0]);
        Assert.Equal(f[1], c.Kind);
        NumbersTestKit.AssertAmount(f[2], c);
        Assert.Equal(NumbersTestKit.NoneAsNull(f[3]), c.Qualifier);
        Assert.Equal(NumbersTestKit.NoneAsNull(f[4]), c.Unit);
        Assert.Equal(NumbersTestKit.NoneAsNull(f[5]), c.Period);
        Assert.Equal(NumbersTestKit.NoneAsNull(f[6]), c.Counted);
    }

    // SI and European typesetting group digits with a no-break, thin or narrow no-break space: until session 37
    // "1 000 000 people" gave three claims, 1, 0 and 0.
    [Theory]
    [InlineData("The city has 1\u00A0000\u00A0000 people.", "1\u00A0000\u00A0000", 1000000)]
    [InlineData("The city has 1\u2009000\u2009000 people.", "1\u2009000\u2009000", 1000000)]
    [InlineData("The city has 12\u202F345 people.", "12\u202F345", 12345)]
    [InlineData("It cost \u20AC12\u00A0345,50 in all.", "\u20AC12\u00A0345,50", 12345.5)]
    [InlineData("Turnout was 1\u2009234.5 thousand.", "1\u2009234.5 thousand", 1234500)]
    public void GivenDigitsGroupedByANoBreakOrThinSpace_WhenExtracted_ThenTheyAreOneNumber(string sentence, string span, double value)
    {
        var claims = NumbersTestKit.Claims(sentence);
        var c = Assert.Single(claims);
        Assert.Equal(span, sentence[c.Start..c.End]);
        Assert.Equal(value, c.Value);
    }

    [Theory]
    [InlineData("In 2019 300 people left.")]
    [InlineData("In 2019\u00A0300 people left.")]
    [InlineData("Rooms 12\u00A01234 and 5 were shut.")]
    public void GivenNumbersNextToEachOtherThatAreNoGrouping_WhenExtracted_ThenTheyStayApart(string sentence)
    {
        Assert.DoesNotContain(NumbersTestKit.Claims(sentence), c => sentence[c.Start..c.End].Contains('\u00A0'));
    }

    [Theory]
    [InlineData("Welcome to Trump 2.0, the sequel.")]
    [InlineData("Update to v2.1 and iOS 17.2 now.")]
    [InlineData("Call +1-222-2222-2222 for help.")]
    [InlineData("One of the most serious incidents came later.")]
    [InlineData("It is the one region that welcomes them.")]
    [InlineData("The F-16 and COVID-19 dominated the news.")]
    [InlineData("After the 2011 withdrawal, the group grew.")]
    [InlineData("In July 2025, Baghdad signed the deal.")]
    [InlineData("Forces will exit by December 2019.")]
    [InlineData("The plan was ready in mid-2025.")]
    [InlineData("It happened on 5/17/2018 at night.")]
    [InlineData("See the changes in Section 7 of the agreement.")]
    [InlineData("The meeting starts at 10 a.m. sharp.")]
    [InlineData("Call the office at (713) 853-3242 today.")]
    [InlineData("The deal was signed on 02/22/2016 in Paris.")]
    [InlineData("One of the guards was injured.")]
    [InlineData("At one point, the guards were injured.")]
    [InlineData("He ruled the island from 1961 to 1975.")]
    [InlineData("Exports slowed in 2011 - 12 and again in 2014-5.")]
    [InlineData("The match ended 07-Mar, 06-Jan in his favour.")]
    [InlineData("HAS MOVED TO 4783 Bay Rd Saginaw, Michigan 48604 today.")]
    [InlineData("I live close to orchestra hall (220 South Michigan Avenue).")]
    [InlineData("Send it to 111 Market Place Ste 500 Baltimore, MD 21202 by hand.")]
    [InlineData("You can reach Vladi Pimenov at ext. 37625 in the morning.")]
    [InlineData("1) what island of Fiji is a good island?")]
    [InlineData("Tickets are cheap (1) for a long stay.")]
    [InlineData("Order part 5765-NTKB from the catalogue.")]
    [InlineData("Analyst Team 2: Coach Doug Sewell and his analysts.")]
    [InlineData("Write to Berkeley, CA 94720-1900 soon.")]
    [InlineData("You may be able to find one second hand there.")]
    [InlineData("The posters are from the 70's and 1990’s.")]
    [InlineData("3. Is there any cheap way to go?")]
    [InlineData("A help desk analyst job#0000108806 is open, see issue #2 too.")]
    [InlineData("The passcode to participate is: 5107 for all.")]
    [InlineData("Reach us by Fax: +1 (212) 899-4310 today.")]
    [InlineData("Game tonight at 7, it is time to win.")]
    [InlineData("Let us meet at 10 tomorrow at the bar.")]
    [InlineData("The office is open from 9 to 5 on weekdays.")]
    [InlineData("I upgraded to Firefox 1.5, then to Windows 7 yesterday.")]
    [InlineData("Line two costs more than line one.")]
    [InlineData("Line 2 costs more than line 1.")]
    [InlineData("Chapter three describes the trial.")]
    [InlineData("Stage three begins in March.")]
    [InlineData("Question two asks about taxes.")]
    [InlineData("Option one is cheaper than option two.")]
    [InlineData("Page two of the report says revenue rose.")]
    [InlineData("Section Twenty-seven of the charter protects it.")]
    [InlineData("The war ended after World War Two broke the empire.")]
    public void GivenNoQuantity_WhenExtracted_ThenNoCountOrMoneyIsClaimed(string sentence)
    {
        var claims = NumbersTestKit.Claims(sentence);
        Assert.Empty(claims);
    }

    [Theory]
    [InlineData("Since October 2023, attacks rose.", "October 2023")]
    [InlineData("Fighting resumed in early 2024 near the border.", "early 2024")]
    [InlineData("As of mid-2025 the troops remain.", "mid-2025")]
    [InlineData("After the 2011 withdrawal, chaos followed.", "2011")]
    [InlineData("The vote on 4 July 2025 was close.", "4 July 2025")]
    [InlineData("The vote on March 3, 2024 was close.", "March 3, 2024")]
    [InlineData("Prices peaked in the 1990s.", "1990s")]
    [InlineData("He met her in July of 1977 in Paris.", "July of 1977")]
    [InlineData("The deal was signed on 2015.5.13 in Paris.", "2015.5.13")]
    [InlineData("The talks ran November 19-20 in Rome.", "November 19-20")]
    public void GivenADate_WhenExtracted_ThenItIsADateSpanAndNotAClaim(string sentence, string date)
    {
        var dates = new List<DateSpan>();
        var claims = NumbersTestKit.Claims(sentence, dates);
        Assert.Contains(dates, d => sentence[d.Start..d.End] == date);
        Assert.DoesNotContain(claims, c => c.Start < sentence.IndexOf(date, StringComparison.Ordinal) + date.Length && c.End > sentence.IndexOf(date, StringComparison.Ordinal));
    }

    [Fact]
    public void GivenACountOfTroopsInYears_WhenExtracted_ThenFourDigitCountsStayCounts()
    {
        const string s = "In 2019, 2000 troops and 1500 to 1800 advisers arrived.";
        var claims = NumbersTestKit.Claims(s);
        Assert.Contains(claims, c => c.Kind == NumericKinds.Count && c.Value == 2000 && c.Counted == "troops");
        Assert.Contains(claims, c => c.Kind == NumericKinds.Range && c.Low == 1500 && c.High == 1800);
        Assert.DoesNotContain(claims, c => c.Value == 2019);
    }

    [Fact]
    public void GivenADecimalWithoutItsZero_WhenThePipelineRuns_ThenTheSentenceIsWholeAndTheValueIsAFraction()
    {
        const string text = "He batted .250 last season.";
        var doc = NumbersTestKit.Run(text);
        Assert.Single(doc.Sentences);
        var claim = Assert.Single(doc.Numbers);
        Assert.Equal(".250", text[claim.Start..claim.End]);
        Assert.Equal(0.25, claim.Value);
    }

    [Fact]
    public void GivenASourceVerb_WhenExtracted_ThenTheSubjectIsTheSource()
    {
        const string s = "In June 2025, Reuters reported that 40 fighters were killed.";
        var c = Assert.Single(NumbersTestKit.Claims(s));
        Assert.Equal("Reuters", c.Source);
        Assert.Equal("In June 2025", c.Time);
        Assert.Equal("fighters", c.Counted);
    }

    [Fact]
    public void GivenALoneSentenceInitialWordBeforeAVerbThatIsNotOfSaying_WhenExtracted_ThenNoSource()
    {
        var c = Assert.Single(NumbersTestKit.Claims("Attached find 12 changes to the agreement."));
        Assert.Null(c.Source);
    }

    [Fact]
    public void GivenAPronounSubject_WhenExtracted_ThenNoSourceIsClaimed()
    {
        var c = Assert.Single(NumbersTestKit.Claims("They said 40 fighters were killed."));
        Assert.Null(c.Source);
    }

    [Fact]
    public void GivenTwoSentences_WhenTheStageRuns_ThenEachClaimBelongsToItsSentence()
    {
        const string text = "About 20 people came. Then 30 more left.";
        var doc = NumbersTestKit.Run(text);
        Assert.Equal(2, doc.Sentences.Length);
        Assert.Equal(2, doc.Numbers.Length);
        Assert.Equal(0, doc.Numbers[0].Sentence);
        Assert.Equal(1, doc.Numbers[1].Sentence);
        Assert.Equal("About 20", text[doc.Numbers[0].Start..doc.Numbers[0].End]);
    }

    [Theory]
    [InlineData("The fund paid $2.05 million in fees.", "$2.05 million", "2050000")]
    [InlineData("The state lost 4.1 million jobs.", "4.1 million", "4100000")]
    [InlineData("A stamp costs 2.2 cents more.", "2.2 cents", "0.022")]
    [InlineData("The deal was worth $523.82 million last year.", "$523.82 million", "523820000")]
    [InlineData("Some 16.6 million people voted.", "Some 16.6 million", "16600000")]
    [InlineData("A third of voters stayed home.", "A third", "0.3333333333333333")]
    [InlineData("It was one in 11 residents.", "one in 11", "0.09090909090909091")]
    [InlineData("It was 33 out of 41 nations.", "33 out of 41", "0.8048780487804879")]
    public void GivenAFigureTheGrammarScales_WhenWritten_ThenTheValueIsTheDecimalTheTextMeans(string sentence, string span, string written)
    {
        // Scaling the digits in binary gave 2049999.9999999998 for "$2.05 million", and every output wrote it so.
        var c = Assert.Single(NumbersTestKit.Claims(sentence), x => sentence[x.Start..x.End] == span);
        Assert.Equal(written, ArgMiner.Output.OutputSchema.Number(c.Value));
    }

    [Fact]
    public void GivenDigitsTimesAScale_WhenMadeAClaimValue_ThenItIsTheDecimalAndEveryOtherValueMovesAtMostTwoUnitsInTheLastPlace()
    {
        // Digits with up to four decimals ("2.05", read as a double) times a scale word, as the grammar computes them.
        var scaled = Gen.Choose(1, 9_999_999).Zip(Gen.Choose(0, 4)).Zip(Gen.Elements(1e2, 1e3, 1e6, 1e9, 1e12));
        Prop.ForAll(scaled.ToArbitrary(), t =>
        {
            var ((digits, decimals), scale) = t;
            var written = digits.ToString(CultureInfo.InvariantCulture) + "E-" + decimals.ToString(CultureInfo.InvariantCulture);
            var read = double.Parse(written, CultureInfo.InvariantCulture);
            var meant = double.Parse((decimal.Parse(written, NumberStyles.Float, CultureInfo.InvariantCulture) * (decimal)scale).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            return NumericClaim.Decimal(read * scale) == meant;
        }).QuickCheckThrowOnFailure();

        // Any other value moves by at most two units in the last place, stays finite, and is left alone the second time.
        Prop.ForAll(ArbMap.Default.ArbFor<double>().Filter(double.IsFinite), v =>
        {
            var d = NumericClaim.Decimal(v)!.Value;
            var unit = Math.BitIncrement(Math.Abs(v)) - Math.Abs(v);
            return double.IsFinite(d) && Math.Abs(d - v) <= 2 * unit && NumericClaim.Decimal(d) == d;
        }).QuickCheckThrowOnFailure();
    }
}
