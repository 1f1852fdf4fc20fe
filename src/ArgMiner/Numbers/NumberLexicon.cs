namespace ArgMiner.Numbers;

/// <summary>
/// The closed word lists of the numeric grammar (number words, scales, currencies, units, qualifiers,
/// periods, months). Lookups are case-insensitive and take spans, so matching allocates nothing.
/// </summary>
/// <remarks>
/// Plain hash tables, not frozen ones: freezing these 45 small tables (analysing the keys for the cheapest hash)
/// took most of the ~20 ms this class's initialisation cost at every start-up, for look-ups a sentence makes a
/// few dozen of (issue 12, one-document run). Never changed after initialisation.
/// </remarks>
internal static class NumberLexicon
{
    /// <summary>Cardinal words below one hundred.</summary>
    public static readonly Dictionary<string, int> Cardinals = Build(new Dictionary<string, int>
    {
        ["zero"] = 0,
        ["nought"] = 0,
        ["naught"] = 0,
        ["one"] = 1,
        ["two"] = 2,
        ["three"] = 3,
        ["four"] = 4,
        ["five"] = 5,
        ["six"] = 6,
        ["seven"] = 7,
        ["eight"] = 8,
        ["nine"] = 9,
        ["ten"] = 10,
        ["eleven"] = 11,
        ["twelve"] = 12,
        ["thirteen"] = 13,
        ["fourteen"] = 14,
        ["fifteen"] = 15,
        ["sixteen"] = 16,
        ["seventeen"] = 17,
        ["eighteen"] = 18,
        ["nineteen"] = 19,
        ["twenty"] = 20,
        ["thirty"] = 30,
        ["forty"] = 40,
        ["fourty"] = 40,
        ["fifty"] = 50,
        ["sixty"] = 60,
        ["seventy"] = 70,
        ["eighty"] = 80,
        ["ninety"] = 90,
    });

    /// <summary>Ordinal words below one hundred.</summary>
    public static readonly Dictionary<string, int> Ordinals = Build(new Dictionary<string, int>
    {
        ["first"] = 1,
        ["second"] = 2,
        ["third"] = 3,
        ["fourth"] = 4,
        ["fifth"] = 5,
        ["sixth"] = 6,
        ["seventh"] = 7,
        ["eighth"] = 8,
        ["ninth"] = 9,
        ["nineth"] = 9,
        ["tenth"] = 10,
        ["eleventh"] = 11,
        ["twelfth"] = 12,
        ["thirteenth"] = 13,
        ["fourteenth"] = 14,
        ["fifteenth"] = 15,
        ["sixteenth"] = 16,
        ["seventeenth"] = 17,
        ["eighteenth"] = 18,
        ["nineteenth"] = 19,
        ["twentieth"] = 20,
        ["thirtieth"] = 30,
        ["fortieth"] = 40,
        ["fiftieth"] = 50,
        ["sixtieth"] = 60,
        ["seventieth"] = 70,
        ["eightieth"] = 80,
        ["ninetieth"] = 90,
    });

    /// <summary>Ordinals of scale words ("hundredth", "millionth").</summary>
    public static readonly Dictionary<string, double> ScaleOrdinals = Build(new Dictionary<string, double>
    {
        ["hundredth"] = 1e2,
        ["thousandth"] = 1e3,
        ["millionth"] = 1e6,
        ["billionth"] = 1e9,
        ["trillionth"] = 1e12,
    });

    /// <summary>Multipliers written as words or abbreviations after a number ("2 million", "£3 bn").</summary>
    public static readonly Dictionary<string, double> Scales = Build(new Dictionary<string, double>
    {
        ["hundred"] = 1e2,
        ["thousand"] = 1e3,
        ["million"] = 1e6,
        ["billion"] = 1e9,
        ["trillion"] = 1e12,
        ["bn"] = 1e9,
        ["bln"] = 1e9,
        ["mn"] = 1e6,
        ["mln"] = 1e6,
        ["mil"] = 1e6,
        ["tn"] = 1e12,
        ["trn"] = 1e12,
        ["tln"] = 1e12,
        ["k"] = 1e3,
    });

    /// <summary>Plural scales that make vague counts: "hundreds of", "millions of".</summary>
    public static readonly Dictionary<string, double> PluralScales = Build(new Dictionary<string, double>
    {
        ["dozens"] = 12,
        ["hundreds"] = 1e2,
        ["thousands"] = 1e3,
        ["millions"] = 1e6,
        ["billions"] = 1e9,
        ["trillions"] = 1e12,
        ["tens"] = 10,
    });

    /// <summary>Currency words after a number, with their default ISO code and divisor (cents are hundredths).</summary>
    public static readonly Dictionary<string, (string Code, double Divisor)> CurrencyWords = Build(new Dictionary<string, (string, double)>
    {
        ["dollar"] = ("USD", 1),
        ["dollars"] = ("USD", 1),
        ["usd"] = ("USD", 1),
        ["euro"] = ("EUR", 1),
        ["euros"] = ("EUR", 1),
        ["eur"] = ("EUR", 1),
        ["pound"] = ("GBP", 1),
        ["pounds"] = ("GBP", 1),
        ["sterling"] = ("GBP", 1),
        ["gbp"] = ("GBP", 1),
        ["yen"] = ("JPY", 1),
        ["jpy"] = ("JPY", 1),
        ["yuan"] = ("CNY", 1),
        ["renminbi"] = ("CNY", 1),
        ["rmb"] = ("CNY", 1),
        ["cny"] = ("CNY", 1),
        ["kuai"] = ("CNY", 1),
        ["franc"] = ("CHF", 1),
        ["francs"] = ("CHF", 1),
        ["chf"] = ("CHF", 1),
        ["cent"] = ("USD", 100),
        ["cents"] = ("USD", 100),
        ["penny"] = ("GBP", 100),
        ["pence"] = ("GBP", 100),
        ["pennies"] = ("GBP", 100),
        ["peso"] = ("MXN", 1),
        ["pesos"] = ("MXN", 1),
        ["rupee"] = ("INR", 1),
        ["rupees"] = ("INR", 1),
        ["inr"] = ("INR", 1),
        ["rouble"] = ("RUB", 1),
        ["roubles"] = ("RUB", 1),
        ["ruble"] = ("RUB", 1),
        ["rubles"] = ("RUB", 1),
        ["rub"] = ("RUB", 1),
        ["dinar"] = ("IQD", 1),
        ["dinars"] = ("IQD", 1),
        ["riyal"] = ("SAR", 1),
        ["riyals"] = ("SAR", 1),
        ["rial"] = ("IRR", 1),
        ["rials"] = ("IRR", 1),
        ["dirham"] = ("AED", 1),
        ["dirhams"] = ("AED", 1),
        ["shekel"] = ("ILS", 1),
        ["shekels"] = ("ILS", 1),
        ["lira"] = ("TRY", 1),
        ["liras"] = ("TRY", 1),
        ["rand"] = ("ZAR", 1),
        ["won"] = ("KRW", 1),
        ["krona"] = ("SEK", 1),
        ["kronor"] = ("SEK", 1),
        ["krone"] = ("NOK", 1),
        ["kroner"] = ("NOK", 1),
        ["peseta"] = ("ESP", 1),
        ["pesetas"] = ("ESP", 1),
        ["markka"] = ("FIM", 1),
        ["guilder"] = ("NLG", 1),
        ["guilders"] = ("NLG", 1),
        ["hryvnia"] = ("UAH", 1),
        ["bitcoin"] = ("BTC", 1),
        ["bitcoins"] = ("BTC", 1),
        ["btc"] = ("BTC", 1),
        ["hryvnias"] = ("UAH", 1),
        ["cad"] = ("CAD", 1),
        ["aud"] = ("AUD", 1),
        ["hkd"] = ("HKD", 1),
        ["nzd"] = ("NZD", 1),
        ["sek"] = ("SEK", 1),
        ["nok"] = ("NOK", 1),
        ["mxn"] = ("MXN", 1),
        ["brl"] = ("BRL", 1),
        ["zar"] = ("ZAR", 1),
        ["try"] = ("TRY", 1),
        ["krw"] = ("KRW", 1),
        ["sgd"] = ("SGD", 1),
        ["aed"] = ("AED", 1),
        ["sar"] = ("SAR", 1),
        ["ils"] = ("ILS", 1),
        ["iqd"] = ("IQD", 1),
        ["irr"] = ("IRR", 1),
        ["uah"] = ("UAH", 1),
        ["pln"] = ("PLN", 1),
        ["dkk"] = ("DKK", 1),
    });

    /// <summary>ISO codes written before the amount ("USD 20"); upper case in text.</summary>
    public static readonly HashSet<string> PrefixCodes = new HashSet<string>(
        ["USD", "EUR", "GBP", "JPY", "CNY", "RMB", "CHF", "CAD", "AUD", "HKD", "NZD", "INR", "RUB", "SEK", "NOK", "DKK",
         "MXN", "BRL", "ZAR", "TRY", "KRW", "SGD", "AED", "SAR", "ILS", "IQD", "IRR", "UAH", "PLN"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Nationality words that pick the currency of a following currency word ("Australian dollars").</summary>
    public static readonly Dictionary<string, string> CurrencyNationalities = Build(new Dictionary<string, string>
    {
        ["us|dollar"] = "USD",
        ["u.s.|dollar"] = "USD",
        ["american|dollar"] = "USD",
        ["canadian|dollar"] = "CAD",
        ["australian|dollar"] = "AUD",
        ["singapore|dollar"] = "SGD",
        ["zealand|dollar"] = "NZD",
        ["kong|dollar"] = "HKD",
        ["taiwan|dollar"] = "TWD",
        ["swiss|franc"] = "CHF",
        ["french|franc"] = "FRF",
        ["belgian|franc"] = "BEF",
        ["finnish|markka"] = "FIM",
        ["dutch|guilder"] = "NLG",
        ["chinese|yuan"] = "CNY",
        ["japanese|yen"] = "JPY",
        ["indian|rupee"] = "INR",
        ["pakistani|rupee"] = "PKR",
        ["iraqi|dinar"] = "IQD",
        ["jordanian|dinar"] = "JOD",
        ["kuwaiti|dinar"] = "KWD",
        ["turkish|lira"] = "TRY",
        ["lebanese|pound"] = "LBP",
        ["egyptian|pound"] = "EGP",
        ["british|pound"] = "GBP",
        ["syrian|pound"] = "SYP",
        ["saudi|riyal"] = "SAR",
        ["iranian|rial"] = "IRR",
        ["mexican|peso"] = "MXN",
        ["argentine|peso"] = "ARS",
        ["russian|rouble"] = "RUB",
        ["russian|ruble"] = "RUB",
        ["israeli|shekel"] = "ILS",
        ["swedish|krona"] = "SEK",
        ["norwegian|krone"] = "NOK",
        ["danish|krone"] = "DKK",
        ["south african|rand"] = "ZAR",
        ["african|rand"] = "ZAR",
        ["brazilian|real"] = "BRL",
        ["brazilian|reais"] = "BRL",
    });

    /// <summary>Currency symbols standing before (or after) the amount.</summary>
    public static readonly Dictionary<string, string> Symbols = Build(new Dictionary<string, string>
    {
        ["$"] = "USD",
        ["£"] = "GBP",
        ["€"] = "EUR",
        ["¥"] = "JPY",
        ["₹"] = "INR",
        ["₩"] = "KRW",
        ["₽"] = "RUB",
        ["₺"] = "TRY",
        ["₪"] = "ILS",
        ["₡"] = "CRC",
        ["₾"] = "GEL",
        ["₭"] = "LAK",
        ["ரூ"] = "LKR",
        ["元"] = "CNY",
        ["₱"] = "PHP",
        ["₦"] = "NGN",
        ["₴"] = "UAH",
        ["₫"] = "VND",
        ["฿"] = "THB",
        ["₿"] = "BTC",
    });

    /// <summary>
    /// Currencies written before the amount as letters, glued ("RM45,000", "Rs500") or apart ("Rs. 500"), with
    /// their spelling (case matters: "rm" is no currency) and ISO code.
    /// </summary>
    public static readonly Dictionary<string, (string Spelling, string Code)> GluedCurrencyPrefixes = Build(new Dictionary<string, (string, string)>
    {
        ["rm"] = ("RM", "MYR"),
        ["rs"] = ("Rs", "INR"),
        ["rp"] = ("Rp", "IDR"),
    });

    /// <summary>Letters before "$" that name the dollar ("US$", "C $", "HK$").</summary>
    public static readonly Dictionary<string, string> DollarPrefixes = Build(new Dictionary<string, string>
    {
        ["us"] = "USD",
        ["u.s"] = "USD",
        ["u.s."] = "USD",
        ["usd"] = "USD",
        ["c"] = "CAD",
        ["ca"] = "CAD",
        ["cad"] = "CAD",
        ["can"] = "CAD",
        ["hk"] = "HKD",
        ["a"] = "AUD",
        ["au"] = "AUD",
        ["aud"] = "AUD",
        ["nz"] = "NZD",
        ["nzd"] = "NZD",
        ["s"] = "SGD",
        ["sg"] = "SGD",
        ["mex"] = "MXN",
        ["mxn"] = "MXN",
        ["r"] = "BRL",
        ["nt"] = "TWD",
    });

    /// <summary>Measurement units (written after a number), normalised to a short unit name.</summary>
    public static readonly Dictionary<string, string> Units = Build(new Dictionary<string, string>
    {
        ["km"] = "km",
        ["kms"] = "km",
        ["kilometre"] = "km",
        ["kilometres"] = "km",
        ["kilometer"] = "km",
        ["kilometers"] = "km",
        ["m"] = "m",
        ["metre"] = "m",
        ["metres"] = "m",
        ["meter"] = "m",
        ["meters"] = "m",
        ["cm"] = "cm",
        ["centimetre"] = "cm",
        ["centimetres"] = "cm",
        ["centimeter"] = "cm",
        ["centimeters"] = "cm",
        ["mm"] = "mm",
        ["millimetre"] = "mm",
        ["millimetres"] = "mm",
        ["millimeter"] = "mm",
        ["millimeters"] = "mm",
        ["dm"] = "dm",
        ["mile"] = "miles",
        ["miles"] = "miles",
        ["mi"] = "miles",
        ["foot"] = "ft",
        ["feet"] = "ft",
        ["ft"] = "ft",
        ["inch"] = "in",
        ["inches"] = "in",
        ["yard"] = "yd",
        ["yards"] = "yd",
        ["kg"] = "kg",
        ["kgs"] = "kg",
        ["kilogram"] = "kg",
        ["kilograms"] = "kg",
        ["kilo"] = "kg",
        ["kilos"] = "kg",
        ["g"] = "g",
        ["gram"] = "g",
        ["grams"] = "g",
        ["gramme"] = "g",
        ["grammes"] = "g",
        ["mg"] = "mg",
        ["milligram"] = "mg",
        ["milligrams"] = "mg",
        ["microgram"] = "µg",
        ["micrograms"] = "µg",
        ["microgrammes"] = "µg",
        ["μg"] = "µg",
        ["µg"] = "µg",
        ["mcg"] = "µg",
        ["lb"] = "lb",
        ["lbs"] = "lb",
        ["pound"] = "lb",
        ["pounds"] = "lb",
        ["ounce"] = "oz",
        ["ounces"] = "oz",
        ["oz"] = "oz",
        ["ton"] = "t",
        ["tons"] = "t",
        ["tonne"] = "t",
        ["tonnes"] = "t",
        ["barrel"] = "barrels",
        ["barrels"] = "barrels",
        ["bbl"] = "barrels",
        ["litre"] = "l",
        ["litres"] = "l",
        ["liter"] = "l",
        ["liters"] = "l",
        ["ml"] = "ml",
        ["millilitre"] = "ml",
        ["milliliter"] = "ml",
        ["millilitres"] = "ml",
        ["milliliters"] = "ml",
        ["gallon"] = "gal",
        ["gallons"] = "gal",
        ["hectare"] = "ha",
        ["hectares"] = "ha",
        ["ha"] = "ha",
        ["acre"] = "acres",
        ["acres"] = "acres",
        ["km2"] = "km2",
        ["m2"] = "m2",
        ["mph"] = "mph",
        ["kph"] = "km/h",
        ["kmph"] = "km/h",
        ["mw"] = "MW",
        ["megawatt"] = "MW",
        ["megawatts"] = "MW",
        ["gw"] = "GW",
        ["kw"] = "kW",
        ["hz"] = "Hz",
        ["hertz"] = "Hz",
        ["khz"] = "kHz",
        ["mhz"] = "MHz",
        ["megahertz"] = "MHz",
        ["ghz"] = "GHz",
        ["gigahertz"] = "GHz",
        ["gigawatt"] = "GW",
        ["gigawatts"] = "GW",
        ["kwh"] = "kWh",
        ["mb"] = "MB",
        ["gb"] = "GB",
        ["tb"] = "TB",
        ["degree"] = "degrees",
        ["degrees"] = "degrees",
        ["rad"] = "rad",
        ["radian"] = "rad",
        ["radians"] = "rad",
        ["year"] = "year",
        ["years"] = "year",
        ["month"] = "month",
        ["months"] = "month",
        ["week"] = "week",
        ["weeks"] = "week",
        ["day"] = "day",
        ["days"] = "day",
        ["hour"] = "hour",
        ["hours"] = "hour",
        ["hr"] = "hour",
        ["hrs"] = "hour",
        ["minute"] = "minute",
        ["minutes"] = "minute",
        ["min"] = "minute",
        ["mins"] = "minute",
        ["second"] = "second",
        ["seconds"] = "second",
        ["sec"] = "second",
        ["secs"] = "second",
        ["decade"] = "decade",
        ["decades"] = "decade",
        ["century"] = "century",
        ["centuries"] = "century",
        ["bit"] = "bit",
        ["picometer"] = "pm",
    });

    /// <summary>Units that combine with a second word ("square kilometres", "metric tons").</summary>
    public static readonly Dictionary<string, string> UnitPrefixes = Build(new Dictionary<string, string>
    {
        ["square"] = "sq ",
        ["sq"] = "sq ",
        ["cubic"] = "cu ",
        ["metric"] = "metric ",
    });

    /// <summary>Qualifier phrases before a number, longest first within each first word.</summary>
    public static readonly (string[] Words, string Qualifier)[] Qualifiers = BuildQualifiers(
    [
        ("greater than or equal to", QualifierNames.AtLeast), ("more than or equal to", QualifierNames.AtLeast), ("larger than or equal to", QualifierNames.AtLeast),
        ("bigger than or equal to", QualifierNames.AtLeast), ("higher than or equal to", QualifierNames.AtLeast), ("greater or equal than", QualifierNames.AtLeast),
        ("bigger or equal than", QualifierNames.AtLeast), ("higher or equal than", QualifierNames.AtLeast), ("larger or equal than", QualifierNames.AtLeast),
        ("more or equal than", QualifierNames.AtLeast), ("equal to or more than", QualifierNames.AtLeast), ("equal to or greater than", QualifierNames.AtLeast),
        ("equal to or higher than", QualifierNames.AtLeast), ("at least or equal to", QualifierNames.AtLeast), ("no fewer than", QualifierNames.AtLeast),
        ("no less than", QualifierNames.AtLeast), ("not less than", QualifierNames.AtLeast), ("not fewer than", QualifierNames.AtLeast), ("at least", QualifierNames.AtLeast),
        ("a minimum of", QualifierNames.AtLeast),
        ("less than or equal to", QualifierNames.AtMost), ("fewer than or equal to", QualifierNames.AtMost), ("smaller than or equal to", QualifierNames.AtMost),
        ("lower than or equal to", QualifierNames.AtMost), ("less or equal than", QualifierNames.AtMost), ("smaller or equal than", QualifierNames.AtMost),
        ("lower or equal than", QualifierNames.AtMost), ("equal to or less than", QualifierNames.AtMost), ("equal to or fewer than", QualifierNames.AtMost),
        ("equal to or lower than", QualifierNames.AtMost), ("at most or equal to", QualifierNames.AtMost), ("no more than", QualifierNames.AtMost),
        ("not more than", QualifierNames.AtMost), ("up to", QualifierNames.AtMost), ("at most", QualifierNames.AtMost), ("a maximum of", QualifierNames.AtMost),
        ("as many as", QualifierNames.AtMost), ("as much as", QualifierNames.AtMost), ("as high as", QualifierNames.AtMost),
        ("as few as", QualifierNames.AtLeast), ("as little as", QualifierNames.AtLeast), ("as low as", QualifierNames.AtLeast),
        ("more than", QualifierNames.MoreThan), ("greater than", QualifierNames.MoreThan), ("larger than", QualifierNames.MoreThan), ("bigger than", QualifierNames.MoreThan),
        ("higher than", QualifierNames.MoreThan), ("in excess of", QualifierNames.MoreThan), ("upwards of", QualifierNames.MoreThan), ("well over", QualifierNames.MoreThan),
        ("well above", QualifierNames.MoreThan), ("just over", QualifierNames.MoreThan), ("over", QualifierNames.MoreThan), ("above", QualifierNames.MoreThan),
        ("exceeding", QualifierNames.MoreThan), ("exceeds", QualifierNames.MoreThan), ("exceed", QualifierNames.MoreThan), ("exceeded", QualifierNames.MoreThan),
        ("surpassing", QualifierNames.MoreThan), ("surpass", QualifierNames.MoreThan), ("surpassed", QualifierNames.MoreThan),
        ("fewer than", QualifierNames.LessThan), ("less than", QualifierNames.LessThan), ("smaller than", QualifierNames.LessThan), ("lower than", QualifierNames.LessThan),
        ("just under", QualifierNames.LessThan), ("well under", QualifierNames.LessThan), ("well below", QualifierNames.LessThan), ("under", QualifierNames.LessThan),
        ("below", QualifierNames.LessThan),
        ("an estimated", QualifierNames.Approximately), ("close to", QualifierNames.Approximately), ("nearly", QualifierNames.Approximately),
        ("almost", QualifierNames.Approximately), ("roughly", QualifierNames.Approximately), ("about", QualifierNames.Approximately), ("around", QualifierNames.Approximately),
        ("approximately", QualifierNames.Approximately), ("approx", QualifierNames.Approximately), ("some", QualifierNames.Approximately),
        ("estimated", QualifierNames.Approximately), ("circa", QualifierNames.Approximately),
        ("equal to", QualifierNames.Exactly), ("equals to", QualifierNames.Exactly), ("equals", QualifierNames.Exactly), ("equaling to", QualifierNames.Exactly),
        ("equalling to", QualifierNames.Exactly), ("equaling", QualifierNames.Exactly), ("exactly", QualifierNames.Exactly), ("precisely", QualifierNames.Exactly),
    ]);

    /// <summary>Last words of the qualifier phrases but "as": a four-digit number after one is a count, not a year ("as 2019 ended" stays a year).</summary>
    public static readonly HashSet<string> QualifierLastWords = WordsOf(Qualifiers, last: true, except: "as");

    /// <summary>Qualifier phrases after a number ("200 or more").</summary>
    public static readonly (string[] Words, string Qualifier)[] PostQualifiers = BuildQualifiers(
    [
        ("or more", QualifierNames.AtLeast), ("and more", QualifierNames.AtLeast), ("or greater", QualifierNames.AtLeast), ("or higher", QualifierNames.AtLeast),
        ("or above", QualifierNames.AtLeast), ("or over", QualifierNames.AtLeast), ("or less", QualifierNames.AtMost), ("and less", QualifierNames.AtMost),
        ("or fewer", QualifierNames.AtMost), ("or lower", QualifierNames.AtMost), ("or below", QualifierNames.AtMost), ("or under", QualifierNames.AtMost),
        ("or equal to", QualifierNames.Exactly), ("or equal", QualifierNames.Exactly),
    ]);

    /// <summary>First words of the qualifier phrases (before or after the number): a quick test before the phrase scan.</summary>
    public static readonly HashSet<string> QualifierFirstWords = WordsOf([.. Qualifiers, .. PostQualifiers], last: false, except: null);

    /// <summary>Rate words and their period ("annually" → year).</summary>
    public static readonly Dictionary<string, string> PeriodAdverbs = Build(new Dictionary<string, string>
    {
        ["annually"] = "year",
        ["yearly"] = "year",
        ["monthly"] = "month",
        ["weekly"] = "week",
        ["daily"] = "day",
        ["hourly"] = "hour",
        ["annual"] = "year",
    });

    /// <summary>Period nouns after "a", "per", "each", "every" ("a year").</summary>
    public static readonly Dictionary<string, string> PeriodNouns = Build(new Dictionary<string, string>
    {
        ["year"] = "year",
        ["annum"] = "year",
        ["yr"] = "year",
        ["month"] = "month",
        ["week"] = "week",
        ["day"] = "day",
        ["hour"] = "hour",
        ["quarter"] = "quarter",
        ["decade"] = "decade",
    });

    /// <summary>Month names and abbreviations (capitalised in text).</summary>
    public static readonly Dictionary<string, int> Months = Build(new Dictionary<string, int>
    {
        ["january"] = 1,
        ["february"] = 2,
        ["march"] = 3,
        ["april"] = 4,
        ["may"] = 5,
        ["june"] = 6,
        ["july"] = 7,
        ["august"] = 8,
        ["september"] = 9,
        ["october"] = 10,
        ["november"] = 11,
        ["december"] = 12,
        ["jan"] = 1,
        ["feb"] = 2,
        ["mar"] = 3,
        ["apr"] = 4,
        ["jun"] = 6,
        ["jul"] = 7,
        ["aug"] = 8,
        ["sep"] = 9,
        ["sept"] = 9,
        ["oct"] = 10,
        ["nov"] = 11,
        ["dec"] = 12,
    });

    /// <summary>Words that place a year or month inside a period ("mid-2025", "early 2024", "spring 2020").</summary>
    public static readonly HashSet<string> DateModifiers = new HashSet<string>(
        ["early", "mid", "late", "spring", "summer", "autumn", "fall", "winter", "fiscal", "fy", "end", "start",
         "beginning", "middle", "pre", "post"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Plural nouns after which a four-digit number from 1900 to 2099 is a year ("2019 levels", "the 2024 elections").</summary>
    public static readonly HashSet<string> YearNouns = new HashSet<string>(
        ["levels", "elections", "figures", "results", "accounts", "midterms", "primaries", "polls", "games", "olympics",
         "finals", "championships", "estimates", "forecasts", "targets", "prices", "rates", "budgets", "accords", "protests",
         "riots", "floods", "wildfires", "reforms", "tariffs", "sanctions", "talks", "negotiations", "standards", "rules",
         "regulations", "guidelines", "numbers", "statistics", "returns", "earnings", "revenues", "sales", "data", "values",
         "emissions", "peaks", "highs", "lows", "records", "winners", "nominees", "candidates", "champions", "graduates"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Determiners before a four-digit number from 1900 to 2099 and a plural noun that make it a year ("the 2024 elections").</summary>
    public static readonly HashSet<string> YearDeterminers = new HashSet<string>(
        ["the", "its", "their", "his", "her", "our", "your", "my", "this", "that", "these", "those", "'s", "’s"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Words after which a bare four-digit number reads as a year ("in 2011", "since 2003").</summary>
    public static readonly HashSet<string> YearPrepositions = new HashSet<string>(
        ["in", "since", "by", "until", "till", "from", "of", "during", "before", "after", "through", "throughout",
         "to", "between", "and", "circa", "year", "early", "late", "mid", "summer", "spring", "autumn", "fall",
         "winter", "fiscal"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Prepositions kept with a date to make the time anchor ("since October 2023").</summary>
    public static readonly HashSet<string> TimePrepositions = new HashSet<string>(
        ["since", "in", "by", "until", "till", "through", "during", "before", "after", "from", "on", "at", "throughout"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Verbs that attribute a figure to the subject before them ("Reuters reported").</summary>
    public static readonly HashSet<string> ReportingVerbs = new HashSet<string>(
        ["said", "say", "says", "estimate", "estimates", "estimated", "reported", "report", "reports", "claimed",
         "claim", "claims", "told", "announced", "announces", "found", "find", "finds", "showed", "show", "shows",
         "warned", "warn", "warns", "stated", "states", "noted", "notes", "believe", "believes", "calculated",
         "calculate", "calculates", "counted", "count", "counts", "recorded", "records", "documented", "documents",
         "put", "puts", "projected", "projects", "predicted", "predicts", "suggested", "suggests", "indicated",
         "indicates", "revealed", "reveals", "confirmed", "confirms", "acknowledged", "acknowledges", "concluded"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The reporting verbs that are verbs of saying: a lone word before one is a name ("Reuters reported").</summary>
    public static readonly HashSet<string> SayingVerbs = new HashSet<string>(
        ["said", "says", "say", "reported", "reports", "estimated", "estimates", "estimate", "told", "announced", "claimed",
         "claims", "stated", "warned", "warns"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that end a noun phrase when looking for the counted noun or the source.</summary>
    public static readonly HashSet<string> PhraseStops = new HashSet<string>(
        ["in", "on", "at", "across", "from", "to", "for", "with", "by", "per", "into", "onto", "over", "under",
         "than", "between", "during", "since", "until", "through", "throughout", "within", "without", "against",
         "among", "amid", "after", "before", "around", "about", "near", "like", "via", "and", "or", "but", "nor",
         "that", "which", "who", "whom", "whose", "where", "when", "while", "because", "as", "if", "so", "is",
         "are", "was", "were", "be", "been", "being", "am", "have", "has", "had", "will", "would", "can", "could",
         "may", "might", "must", "shall", "should", "do", "does", "did", "remain", "remains", "remained", "still",
         "also", "now", "already", "just", "only", "even", "again", "then", "there", "here", "a", "an", "the",
         "this", "these", "those", "its", "their", "his", "her", "our", "my", "your", "it", "they", "he", "she",
         "we", "you", "i", "us", "them", "him", "not", "no", "each", "every", "all", "both", "according", "said",
         "says", "say", "ago", "earlier", "later", "a.", "per", "plus", "less", "thus", "always", "perhaps",
         "news", "series", "species", "towards", "toward", "upon", "whether", "unless", "although", "though",
         "yet", "too", "very", "more", "most", "up", "down", "out", "off", "away", "back", "of"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Irregular plural nouns that can be counted.</summary>
    public static readonly HashSet<string> IrregularPlurals = new HashSet<string>(
        ["people", "men", "women", "children", "police", "personnel", "staff", "cattle", "feet", "teeth", "mice",
         "geese", "militia", "crew", "youth", "clergy", "livestock", "aircraft", "fish", "sheep", "deer"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Words before "one" that make it a pronoun ("the one", "no one", "each one").</summary>
    public static readonly HashSet<string> PronounOneBefore = new HashSet<string>(
        ["the", "this", "that", "which", "each", "every", "no", "any", "another", "such", "a", "only", "last",
         "next", "first", "same", "other", "any", "someone", "everyone", "anyone", "little", "big", "new", "old",
         "right", "wrong", "good", "bad", "current", "previous", "latter", "former"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Words of a casualty or arrest toll around "one" that make it a count ("one person was killed", "left one
    /// soldier dead", "wounded one policeman"): news reports such tolls as numbers.
    /// </summary>
    public static readonly HashSet<string> TollWords = new HashSet<string>(
        ["killed", "dead", "died", "injured", "wounded", "hurt", "missing", "kidnapped", "abducted", "arrested",
         "detained"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Words of voting before a tally written with "to" ("voted 52 to 48", "a vote of 54 to 12", "passed 90 to
    /// 8"): the two numbers are the votes on each side, two counts, neither a range nor a score.
    /// </summary>
    public static readonly HashSet<string> VoteWords = new HashSet<string>(
        ["vote", "votes", "voted", "voting", "ballot", "ballots", "passed", "approved", "rejected", "adopted"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Nouns after "one" at a clause start that make it indefinite ("One day the war will end").</summary>
    public static readonly HashSet<string> IndefiniteTimes = new HashSet<string>(
        ["day", "night", "morning", "evening", "afternoon"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that open a clause before an indefinite "one day" ("until one day", "and one night").</summary>
    public static readonly HashSet<string> ClauseOpeners = new HashSet<string>(
        ["and", "but", "until", "till", "when", "then", "so", "that", "if", "because", "maybe", "perhaps", "someday"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Verbs and nouns of change: "from X to Y" after one is a change, not a range ("rose from 40 to 55").</summary>
    public static readonly HashSet<string> ChangeWords = new HashSet<string>(
        ["rose", "rise", "rises", "rising", "risen", "fell", "fall", "falls", "falling", "fallen", "increased", "increase",
         "increases", "increasing", "decreased", "decrease", "decreases", "decreasing", "grew", "grow", "grows", "growing",
         "grown", "growth", "dropped", "drop", "drops", "dropping", "declined", "decline", "declines", "declining", "climbed",
         "climb", "climbs", "climbing", "jumped", "jump", "jumps", "jumping", "surged", "surge", "surges", "surging", "soared",
         "soar", "soars", "soaring", "plunged", "plunge", "plunges", "plunging", "slumped", "slump", "slumps", "slid", "slide",
         "slides", "sliding", "sank", "sink", "sinks", "sinking", "sunk", "tumbled", "tumble", "tumbles", "edged", "gained",
         "gain", "gains", "cut", "cuts", "reduced", "reduce", "reduces", "reduction", "raised", "raise", "raises", "lowered",
         "lifted", "boosted", "went", "gone", "moved", "shrank", "shrink", "shrinks", "shrunk", "expanded", "expand",
         "expands", "expansion", "slipped", "slip", "slips", "dipped", "dip", "dips", "rebounded", "recovered", "widened",
         "narrowed", "changed", "change", "hiked", "hike", "trimmed", "slashed", "revised", "swelled", "swollen", "ballooned",
         "spiked", "leapt", "leaped", "leap", "advanced", "retreated", "eased", "shifted", "upped", "doubled", "tripled",
         "halved", "downgraded", "upgraded"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Words after a fraction that make it one ("a third of", "half the", "a quarter more").</summary>
    public static readonly HashSet<string> FractionFollowers = new HashSet<string>(
        ["of", "the", "its", "their", "his", "her", "our", "my", "your", "all", "this", "that", "these", "those", "more",
         "less", "fewer", "as", "higher", "lower", "larger", "smaller", "bigger"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Prepositions of a span of time before "three quarters" that make it a period when no "of" follows ("grew over three quarters").</summary>
    public static readonly HashSet<string> SpanPrepositions = new HashSet<string>(
        ["over", "in", "for", "during", "within", "across", "after", "throughout"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Words after "by a third" that make the fraction the size of a change ("cut by a quarter over five years", "fell by a third last year").</summary>
    public static readonly HashSet<string> AfterChangeSize = new HashSet<string>(
        ["in", "over", "last", "since", "from", "to", "on", "at", "during", "within", "after", "before", "between", "this",
         "next", "compared", "against", "versus", "vs", "year-on-year", "overall", "or", "and", "while", "when", "as",
         "according", "under", "through", "until", "by"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Words before "half" or "three quarters" that make them periods or parts, not shares ("the latter half").</summary>
    public static readonly HashSet<string> PeriodDeterminers = new HashSet<string>(
        ["the", "first", "last", "past", "next", "previous", "consecutive", "successive", "straight", "these", "those",
         "latter", "former", "final", "opening", "closing", "top", "bottom", "upper", "lower", "back", "front"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Comparisons after "N times" or "Nx" that make a multiplier ("three times higher", "3 times as many").</summary>
    public static readonly HashSet<string> Comparisons = new HashSet<string>(
        ["higher", "more", "larger", "bigger", "greater", "lower", "smaller", "faster", "slower", "longer", "shorter",
         "cheaper", "costlier", "heavier", "stronger", "wider", "deeper", "richer", "poorer", "worse", "better", "less",
         "fewer", "as", "the", "what", "that", "above", "below", "likelier", "riskier", "deadlier", "louder"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Product names whose following decimal is a version ("iOS 17.2", "Windows 11").</summary>
    public static readonly HashSet<string> VersionWords = new HashSet<string>(
        ["version", "ver", "v", "ios", "android", "windows", "macos", "python", "java", "release", "web", "gpt",
         "firmware", "update", "build", "chapter", "section", "article", "rule", "resolution", "no", "no.", "number",
         "route", "highway", "flight", "room", "page", "pp", "p", "vol", "volume", "exit", "channel", "interstate",
         "apartment", "suite", "platform", "gate", "level", "grade", "phase", "stage", "season", "episode"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Nouns that label a whole number after them, in any case, as <see cref="VersionWords"/> do ("line 2", "option
    /// two", "step 3", "question 4", "World War Two"): the number names one of a series; it counts nothing.
    /// </summary>
    public static readonly HashSet<string> LabelNouns = new HashSet<string>(
        ["line", "option", "step", "question", "item", "war", "lane", "verse"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Words of <see cref="VersionWords"/> that are as often verbs or software words, so a number in words after them
    /// stays a number ("build two reactors", "update three files", "version two").
    /// </summary>
    public static readonly HashSet<string> NotWordLabels = new HashSet<string>(
        ["version", "ver", "v", "build", "update", "release", "web", "gpt", "firmware", "exit", "p", "pp", "no", "no.", "number"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Verbs in -s that follow a labelled number as its sentence's verb ("Chapter three discusses", "Line two costs",
    /// "Article Four gives"), where a plural noun would be counted ("season eight teams"); the grammar has no
    /// part-of-speech tags to tell them apart.
    /// </summary>
    public static readonly HashSet<string> LabelVerbs = new HashSet<string>(
        ["costs", "describes", "discusses", "begins", "asks", "shows", "says", "states", "addresses", "examines", "covers",
         "requires", "provides", "deals", "explains", "includes", "contains", "focuses", "looks", "gives", "establishes",
         "sets", "lists", "reads", "starts", "ends", "runs", "opens", "closes", "takes", "makes", "features", "introduces",
         "presents", "argues", "concerns", "outlines", "defines", "prohibits", "allows", "grants", "protects", "tells",
         "follows", "continues", "returns", "offers", "applies", "needs", "goes", "comes", "turns", "moves", "puts",
         "asserts", "claims", "suggests", "notes", "reports", "finds", "considers", "treats", "traces", "tackles",
         "explores", "analyses", "analyzes", "summarises", "summarizes", "concludes", "specifies", "permits", "forbids",
         "guarantees", "mandates", "empowers", "authorises", "authorizes", "stipulates", "declares", "reveals",
         "highlights", "connects", "links", "serves", "stops", "passes", "crosses", "leads", "leaves", "arrives", "departs"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Capitalised words before a whole number that make it part of a name, whatever follows ("Model 3", "Index
    /// 250", "Type 2 diabetes", "Boeing 737", "Fortune 500 companies").
    /// </summary>
    public static readonly HashSet<string> NameWords = new HashSet<string>(
        ["model", "index", "type", "class", "category", "tier", "title", "proposition", "prop", "amendment", "initiative",
         "district", "ward", "precinct", "terminal", "pier", "figure", "table", "appendix", "annex", "schedule", "clause",
         "paragraph", "part", "unit", "block", "building", "studio", "area", "camp", "boeing", "airbus", "apollo",
         "artemis", "falcon", "soyuz", "voyager", "formula", "fortune", "ftse", "nasdaq", "nikkei", "stoxx", "cac", "dax",
         "asx", "sensex", "nifty", "iphone", "galaxy", "pixel", "playstation", "xbox", "s&p", "day", "week",
         "game", "round", "act", "article", "group", "division", "league", "team", "sector", "suite", "ste", "apt", "iso"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Capitalised words before a number that do not name it ("Mr", "No", "Nos", "Mach 2.2"; "Top 10" stays a name).</summary>
    public static readonly HashSet<string> NotNames = new HashSet<string>(
        ["no", "nos", "no.", "number", "mr", "mrs", "ms", "dr", "st", "us", "u.s.", "uk", "eu", "un", "only", "just", "all",
         "some", "another", "every", "each", "the", "of", "and", "or", "but", "than", "then", "with", "for", "by", "at",
         "on", "in", "to", "from", "since", "after", "before", "during", "between", "per", "plus", "minus", "times", "mach"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Days of the week (a number after one is a day of the month or a count).</summary>
    public static readonly HashSet<string> Weekdays = new HashSet<string>(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed",
         "thu", "thur", "thurs", "fri", "sat", "sun"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Street words after a house number and a capitalised name ("4783 Bay Rd", "111 Market Place").</summary>
    public static readonly HashSet<string> StreetWords = new HashSet<string>(
        ["street", "st", "road", "rd", "avenue", "ave", "av", "boulevard", "blvd", "lane", "ln", "drive", "dr", "way",
         "place", "pl", "court", "ct", "highway", "hwy", "parkway", "pkwy", "terrace", "plaza", "building", "crescent",
         "close", "circle", "square", "sq", "suite", "ste"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Words right before a telephone extension ("ext. 37625", "extension: 4410").</summary>
    public static readonly HashSet<string> ExtensionWords = new HashSet<string>(
        ["ext", "ext.", "extension"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Prepositions before a time of day ("at 7", "by 10", "until 5").</summary>
    public static readonly HashSet<string> ClockPrepositions = new HashSet<string>(
        ["at", "by", "until", "till", "til", "before", "after"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Words of the time of day that make a bare number beside them a time ("at 7 tonight", "tomorrow at 10").</summary>
    public static readonly HashSet<string> ClockWords = new HashSet<string>(
        ["tonight", "tonite", "tomorrow", "today", "morning", "evening", "night", "afternoon", "o'clock", "oclock", "am",
         "pm", "a.m.", "p.m."], StringComparer.OrdinalIgnoreCase);

    /// <summary>Words of opening hours before "from 9 to 5" ("open from 9 to 5", "work 9 to 5").</summary>
    public static readonly HashSet<string> HoursWords = new HashSet<string>(
        ["open", "opens", "opened", "closed", "hours", "work", "works", "worked", "working", "shift", "shifts", "staffed"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>US states, as codes and names, before a postal code ("MD 21202", "Michigan 48604").</summary>
    public static readonly HashSet<string> UsStates = new HashSet<string>(
        ["AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
         "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR",
         "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "Alabama", "Alaska", "Arizona",
         "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida", "Georgia", "Hawaii", "Idaho",
         "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts",
         "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "Ohio", "Oklahoma",
         "Oregon", "Pennsylvania", "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington", "Wisconsin",
         "Wyoming"], StringComparer.Ordinal);

    /// <summary>Words before a phone number ("call 555-0143", "hotline: 0800 555 0199").</summary>
    public static readonly HashSet<string> PhoneWords = new HashSet<string>(
        ["call", "calls", "calling", "phone", "phoned", "telephone", "tel", "tel.", "hotline", "helpline", "dial", "fax",
         "mobile", "whatsapp"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Words of scoring and voting before a score or tally ("won 3-1", "voted 52-48").</summary>
    public static readonly HashSet<string> ScoreWords = new HashSet<string>(
        ["won", "win", "wins", "winning", "beat", "beats", "beating", "beaten", "defeated", "defeat", "defeats", "lost",
         "lose", "loses", "losing", "drew", "draw", "draws", "drawn", "tied", "tie", "ties", "trail", "trails", "trailed",
         "trailing", "thrashed", "thrash", "edged", "routed", "crushed", "hammered", "score", "scored", "scores",
         "scoreline", "victory", "vote", "voted", "votes", "ruled", "ruling", "decision", "margin", "majority", "passed",
         "approved", "rejected", "split", "verdict", "final", "finished", "ended", "end"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Words of result right after a score or tally ("a 2-1 win", "a 6-3 ruling").</summary>
    public static readonly HashSet<string> ResultWords = new HashSet<string>(
        ["win", "wins", "victory", "victories", "defeat", "defeats", "loss", "losses", "draw", "draws", "tie", "lead",
         "ruling", "decision", "vote", "votes", "verdict", "majority", "margin", "scoreline", "result", "thrashing",
         "drubbing", "triumph", "comeback", "split", "tally", "score", "aggregate"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Words between a score and its word of result ("a 2-1 home win").</summary>
    public static readonly HashSet<string> ResultModifiers = new HashSet<string>(
        ["home", "away", "narrow", "shock", "comfortable", "convincing", "landslide", "party-line", "bipartisan",
         "comeback", "aggregate", "extra-time", "penalty"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The words without digits that can begin something the grammar emits (a claim, a date), so that a sentence
    /// with none of them and no digit can be skipped whole (<see cref="Grammar.NumberCues"/>). Built from the
    /// tables above, so a word added there is a cue at once. Every amount without digits starts at a cardinal, an
    /// ordinal, a scale ("a hundred", "several thousand", "half a million"), a plural scale ("hundreds") or a
    /// dozen; every fraction at one of those or at a denominator ("a quarter", "half the"); every multiplier at a
    /// cardinal, "twice", "thrice" or a word ending in "fold" (checked apart); every date without digits at a month
    /// or an ordinal ("the nineteenth century"). Lower-case "may" and "march" are never months
    /// (<see cref="Grammar.DateGrammar.IsMonth"/>), so <see cref="Grammar.NumberCues"/> leaves them out.
    /// </summary>
    public static readonly HashSet<string> CueWords = BuildCueWords();

    /// <summary>Qualifier names.</summary>
    internal static class QualifierNames
    {
        public const string MoreThan = "more_than";
        public const string AtLeast = "at_least";
        public const string LessThan = "less_than";
        public const string AtMost = "at_most";
        public const string Approximately = "approximately";
        public const string Exactly = "exactly";
    }

    // A key given twice in other cases keeps its last value, as ToFrozenDictionary did.
    private static Dictionary<string, T> Build<T>(Dictionary<string, T> entries)
    {
        var table = new Dictionary<string, T>(entries.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in entries)
        {
            table[key] = value;
        }

        return table;
    }

    // The tables below are built by plain loops, not LINQ: LINQ's generic code over these tuples is not in the
    // precompiled image and was compiled at every start-up (issue 12, one-document run).
    private static (string[] Words, string Qualifier)[] BuildQualifiers((string Phrase, string Qualifier)[] phrases)
    {
        // Longest first, so "less than or equal to" wins over "less than"; phrases of one length keep their order
        // (a stable sort, as OrderByDescending was).
        var split = new (string[] Words, string Qualifier)[phrases.Length];
        var longest = 0;
        for (var i = 0; i < phrases.Length; i++)
        {
            split[i] = (phrases[i].Phrase.Split(' '), phrases[i].Qualifier);
            longest = Math.Max(longest, split[i].Words.Length);
        }

        var sorted = new (string[] Words, string Qualifier)[phrases.Length];
        var n = 0;
        for (var length = longest; length > 0; length--)
        {
            foreach (var p in split)
            {
                if (p.Words.Length == length)
                {
                    sorted[n++] = p;
                }
            }
        }

        return sorted;
    }

    private static HashSet<string> WordsOf((string[] Words, string Qualifier)[] phrases, bool last, string? except)
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (phraseWords, _) in phrases)
        {
            var word = last ? phraseWords[^1] : phraseWords[0];
            if (word != except)
            {
                words.Add(word);
            }
        }

        return words;
    }

    private static HashSet<string> BuildCueWords()
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        AddKeys(words, Cardinals, null);
        AddKeys(words, Ordinals, null);
        AddKeys(words, Ordinals, "s");
        AddKeys(words, ScaleOrdinals, null);
        AddKeys(words, ScaleOrdinals, "s");
        AddKeys(words, Scales, null);
        AddKeys(words, PluralScales, null);
        AddKeys(words, Months, null);
        words.UnionWith(["hundred", "dozen", "dozens", "dzs", "dozs", "half", "halves", "quarter", "quarters", "twice", "thrice"]);
        return words;
    }

    private static void AddKeys<T>(HashSet<string> words, Dictionary<string, T> table, string? suffix)
    {
        foreach (var word in table.Keys)
        {
            words.Add(word + suffix);
        }
    }
}
