namespace OttobonJobs.Domain.Places;

/// <summary>
/// The names <see cref="PlaceReader"/> knows: India's states and union territories with their ISO 3166-2 codes,
/// Indian cities with their old and new spellings (the first name is the canonical one), countries with their
/// ISO alpha-2/alpha-3 codes and common names, the US states, and cities abroad where these firms also hire.
/// </summary>
internal static class Gazetteer
{
    public const string India = "IN";
    public const string UnitedStates = "US";

    public sealed record State(string Name, string CountryCode, IReadOnlyList<string> Codes, IReadOnlyList<string> Aliases);

    public sealed record City(string Name, IReadOnlyList<string> Aliases, string? State, string CountryCode);

    public sealed record Country(string Name, string Alpha2, string Alpha3, IReadOnlyList<string> Aliases);

    // "Name|alias|alias : CODE CODE"
    private static readonly string[] IndianStateRows =
    [
        "Andaman and Nicobar Islands|Andaman & Nicobar|Andaman|Nicobar : AN",
        "Andhra Pradesh : AP",
        "Arunachal Pradesh : AR",
        "Assam : AS",
        "Bihar : BR",
        "Chhattisgarh|Chattisgarh : CG CT",
        "Dadra and Nagar Haveli and Daman and Diu|Dadra and Nagar Haveli|Daman and Diu|Daman|Silvassa : DH DN DD",
        "Delhi|NCT of Delhi|National Capital Territory of Delhi : DL",
        "Goa : GA",
        "Gujarat : GJ",
        "Haryana : HR",
        "Himachal Pradesh : HP",
        "Jammu and Kashmir|Jammu & Kashmir|J&K|Jammu|Kashmir : JK",
        "Jharkhand : JH",
        "Karnataka : KA",
        "Kerala : KL",
        "Ladakh : LA",
        "Lakshadweep : LD",
        "Madhya Pradesh : MP",
        "Maharashtra : MH",
        "Manipur : MN",
        "Meghalaya : ML",
        "Mizoram : MZ",
        "Nagaland : NL",
        "Odisha|Orissa : OD OR",
        "Puducherry|Pondicherry : PY",
        "Punjab : PB",
        "Rajasthan : RJ",
        "Sikkim : SK",
        "Tamil Nadu|Tamilnadu : TN",
        "Telangana : TG TS",
        "Tripura : TR",
        "Uttar Pradesh : UP",
        "Uttarakhand|Uttaranchal : UK UT",
        "West Bengal : WB",
        "Chandigarh : CH",
    ];

    // "Canonical|old or other spelling : STATE"
    private static readonly string[] IndianCityRows =
    [
        "Bengaluru|Bangalore|Bengalooru : KA", "Mysuru|Mysore : KA", "Mangaluru|Mangalore : KA", "Hubballi|Hubli : KA",
        "Belagavi|Belgaum : KA", "Manipal : KA", "Udupi : KA",
        "Mumbai|Bombay : MH", "Navi Mumbai|New Bombay : MH", "Thane : MH", "Pune|Poona : MH", "Nagpur : MH", "Nashik|Nasik : MH",
        "Aurangabad|Chhatrapati Sambhajinagar : MH", "Kolhapur : MH",
        "Gurugram|Gurgaon : HR", "Faridabad : HR", "Panipat : HR", "Manesar : HR",
        "New Delhi : DL", "Delhi : DL", "Delhi NCR|NCR|National Capital Region : DL",
        "Noida : UP", "Greater Noida : UP", "Ghaziabad : UP", "Lucknow : UP", "Kanpur|Cawnpore : UP", "Varanasi|Benares|Banaras : UP",
        "Prayagraj|Allahabad : UP", "Agra : UP",
        "Hyderabad : TG", "Secunderabad : TG", "Warangal : TG",
        "Chennai|Madras : TN", "Coimbatore : TN", "Madurai : TN", "Tiruchirappalli|Trichy|Tiruchirapalli : TN", "Salem : TN", "Hosur : TN",
        "Kolkata|Calcutta : WB", "Siliguri : WB", "Durgapur : WB", "Howrah : WB",
        "Kochi|Cochin|Ernakulam : KL", "Thiruvananthapuram|Trivandrum : KL", "Kozhikode|Calicut : KL", "Thrissur|Trichur : KL",
        "Ahmedabad|Amdavad : GJ", "Gandhinagar|GIFT City : GJ", "Vadodara|Baroda : GJ", "Surat : GJ", "Rajkot : GJ",
        "Jaipur : RJ", "Udaipur : RJ", "Jodhpur : RJ",
        "Chandigarh : CH", "Mohali|Sahibzada Ajit Singh Nagar : PB", "Amritsar : PB", "Ludhiana : PB",
        "Indore : MP", "Bhopal : MP", "Gwalior : MP", "Jabalpur : MP",
        "Visakhapatnam|Vizag|Vishakhapatnam : AP", "Vijayawada : AP", "Tirupati : AP", "Guntur : AP", "Amaravati : AP",
        "Bhubaneswar|Bhubaneshwar : OD", "Cuttack : OD",
        "Patna : BR", "Ranchi : JH", "Jamshedpur : JH", "Raipur : CG", "Guwahati|Gauhati : AS",
        "Dehradun|Dehra Dun : UK", "Shimla|Simla : HP", "Srinagar : JK", "Panaji|Panjim : GA",
        "Puducherry|Pondicherry : PY", "Port Blair|Sri Vijaya Puram : AN",
    ];

    // "Name|alias : A2 A3"
    private static readonly string[] CountryRows =
    [
        "India|Bharat : IN IND",
        "United States|United States of America|America|U.S.|U.S.A. : US USA",
        "United Kingdom|Great Britain|Britain|England|Scotland|Wales|Northern Ireland : GB GBR",
        "Canada : CA CAN", "Australia : AU AUS", "New Zealand : NZ NZL", "Ireland|Republic of Ireland : IE IRL",
        "Germany|Deutschland : DE DEU", "France : FR FRA", "Netherlands|The Netherlands|Holland : NL NLD", "Belgium : BE BEL",
        "Switzerland : CH CHE", "Austria : AT AUT", "Spain : ES ESP", "Portugal : PT PRT", "Italy : IT ITA", "Sweden : SE SWE",
        "Norway : NO NOR", "Denmark : DK DNK", "Finland : FI FIN", "Poland : PL POL", "Czech Republic|Czechia : CZ CZE",
        "Hungary : HU HUN", "Romania : RO ROU", "Greece : GR GRC", "Luxembourg : LU LUX", "Ukraine : UA UKR", "Russia : RU RUS",
        "Turkey|Türkiye|Turkiye : TR TUR", "Israel : IL ISR", "United Arab Emirates|UAE|Emirates : AE ARE",
        "Saudi Arabia|KSA : SA SAU", "Qatar : QA QAT", "Kuwait : KW KWT", "Oman : OM OMN", "Bahrain : BH BHR",
        "Egypt : EG EGY", "South Africa : ZA ZAF", "Nigeria : NG NGA", "Kenya : KE KEN", "Mauritius : MU MUS",
        "Singapore : SG SGP", "Malaysia : MY MYS", "Indonesia : ID IDN", "Philippines : PH PHL", "Thailand : TH THA",
        "Vietnam|Viet Nam : VN VNM", "China|Mainland China : CN CHN", "Hong Kong|Hong Kong SAR : HK HKG", "Taiwan : TW TWN",
        "Japan : JP JPN", "South Korea|Korea|Republic of Korea : KR KOR", "Sri Lanka : LK LKA", "Bangladesh : BD BGD",
        "Pakistan : PK PAK", "Nepal : NP NPL", "Bhutan : BT BTN", "Maldives : MV MDV", "Brazil|Brasil : BR BRA",
        "Mexico : MX MEX", "Argentina : AR ARG", "Chile : CL CHL", "Colombia : CO COL", "Peru : PE PER", "Costa Rica : CR CRI",
    ];

    /// <summary>Codes people write for countries that are not their ISO codes.</summary>
    private static readonly Dictionary<string, string> CountryCodeAliases = new()
    {
        ["UK"] = "GB", ["UAE"] = "AE", ["KSA"] = "SA",
    };

    private static readonly string[] UsStateRows =
    [
        "Alabama:AL", "Alaska:AK", "Arizona:AZ", "Arkansas:AR", "California:CA", "Colorado:CO", "Connecticut:CT", "Delaware:DE",
        "District of Columbia:DC", "Florida:FL", "Georgia:GA", "Hawaii:HI", "Idaho:ID", "Illinois:IL", "Indiana:IN", "Iowa:IA",
        "Kansas:KS", "Kentucky:KY", "Louisiana:LA", "Maine:ME", "Maryland:MD", "Massachusetts:MA", "Michigan:MI", "Minnesota:MN",
        "Mississippi:MS", "Missouri:MO", "Montana:MT", "Nebraska:NE", "Nevada:NV", "New Hampshire:NH", "New Jersey:NJ",
        "New Mexico:NM", "New York:NY", "North Carolina:NC", "North Dakota:ND", "Ohio:OH", "Oklahoma:OK", "Oregon:OR",
        "Pennsylvania:PA", "Rhode Island:RI", "South Carolina:SC", "South Dakota:SD", "Tennessee:TN", "Texas:TX", "Utah:UT",
        "Vermont:VT", "Virginia:VA", "Washington:WA", "West Virginia:WV", "Wisconsin:WI", "Wyoming:WY",
    ];

    // "City|alias : A2 [US state code]"
    private static readonly string[] CityAbroadRows =
    [
        "New York|New York City|NYC|Manhattan : US NY", "San Francisco : US CA", "San Jose : US CA", "Los Angeles : US CA",
        "San Diego : US CA", "Seattle : US WA", "Austin : US TX", "Dallas : US TX", "Houston : US TX", "Chicago : US IL",
        "Boston : US MA", "Atlanta : US GA", "Washington|Washington DC|Washington D.C. : US DC", "Denver : US CO",
        "Miami : US FL", "Philadelphia : US PA", "Pittsburgh : US PA", "Phoenix : US AZ", "Charlotte : US NC",
        "Detroit : US MI", "Minneapolis : US MN", "Indianapolis : US IN", "Nashville : US TN", "Jersey City : US NJ",
        "London : GB", "Manchester : GB", "Birmingham : GB", "Leeds : GB", "Bristol : GB", "Edinburgh : GB", "Glasgow : GB",
        "Belfast : GB", "Dublin : IE", "Paris : FR", "Berlin : DE", "Munich|München : DE", "Frankfurt : DE", "Hamburg : DE",
        "Amsterdam : NL", "Rotterdam : NL", "Zurich|Zürich : CH", "Geneva : CH", "Madrid : ES", "Barcelona : ES",
        "Lisbon|Lisboa : PT", "Milan|Milano : IT", "Rome : IT", "Brussels : BE", "Vienna : AT", "Stockholm : SE",
        "Copenhagen : DK", "Oslo : NO", "Helsinki : FI", "Warsaw : PL", "Krakow|Kraków : PL", "Prague : CZ", "Budapest : HU",
        "Bucharest : RO", "Luxembourg City : LU", "Tel Aviv : IL", "Istanbul : TR",
        "Toronto : CA", "Vancouver : CA", "Montreal|Montréal : CA", "Calgary : CA", "Ottawa : CA",
        "Sydney : AU", "Melbourne : AU", "Brisbane : AU", "Perth : AU", "Auckland : NZ", "Wellington : NZ",
        "Dubai : AE", "Abu Dhabi : AE", "Doha : QA", "Riyadh : SA", "Jeddah : SA", "Kuwait City : KW", "Muscat : OM",
        "Manama : BH", "Cairo : EG", "Johannesburg : ZA", "Cape Town : ZA", "Nairobi : KE", "Lagos : NG",
        "Kuala Lumpur : MY", "Jakarta : ID", "Manila : PH", "Bangkok : TH", "Ho Chi Minh City|Saigon : VN", "Hanoi : VN",
        "Shanghai : CN", "Beijing : CN", "Shenzhen : CN", "Tokyo : JP", "Seoul : KR", "Taipei : TW",
        "Colombo : LK", "Dhaka : BD", "Karachi : PK", "Lahore : PK", "Islamabad : PK", "Kathmandu : NP",
        "Sao Paulo|São Paulo : BR", "Mexico City : MX", "Buenos Aires : AR", "Santiago : CL", "Bogota|Bogotá : CO",
    ];

    public static readonly IReadOnlyList<State> IndianStates = IndianStateRows.Select(row =>
    {
        var (names, codes) = Split(row);
        return new State(names[0], India, codes, names);
    }).ToList();

    public static readonly IReadOnlyList<State> UsStates = UsStateRows.Select(row =>
    {
        var parts = row.Split(':');
        return new State(parts[0], UnitedStates, [parts[1]], [parts[0]]);
    }).ToList();

    public static readonly IReadOnlyList<Country> Countries = CountryRows.Select(row =>
    {
        var (names, codes) = Split(row);
        return new Country(names[0], codes[0], codes[1], names);
    }).ToList();

    public static readonly IReadOnlyList<City> Cities =
    [
        .. IndianCityRows.Select(row =>
        {
            var (names, codes) = Split(row);
            return new City(names[0], names, IndianStateByCode(codes[0]).Name, India);
        }),
        .. CityAbroadRows.Select(row =>
        {
            var (names, codes) = Split(row);
            var state = codes.Count > 1 ? UsStates.Single(s => s.Codes[0] == codes[1]).Name : null;
            return new City(names[0], names, state, codes[0]);
        }),
    ];

    private static readonly Dictionary<string, Country> ByCode = Countries
        .SelectMany(c => new[] { (c.Alpha2, c), (c.Alpha3, c) })
        .Concat(CountryCodeAliases.Select(alias => (alias.Key, Countries.Single(c => c.Alpha2 == alias.Value))))
        .ToDictionary(pair => pair.Item1, pair => pair.Item2);

    public static Country? CountryByCode(string code) => ByCode.GetValueOrDefault(code.ToUpperInvariant());

    public static Country CountryOf(string alpha2) => Countries.Single(c => c.Alpha2 == alpha2);

    public static State? IndianStateByCodeOrNull(string code) => IndianStates.FirstOrDefault(s => s.Codes.Contains(code));

    public static State? UsStateByCode(string code) => UsStates.FirstOrDefault(s => s.Codes[0] == code);

    private static State IndianStateByCode(string code) => IndianStateByCodeOrNull(code) ?? throw new InvalidOperationException(code);

    private static (IReadOnlyList<string> Names, IReadOnlyList<string> Codes) Split(string row)
    {
        var parts = row.Split(" : ");
        return (parts[0].Split('|'), parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
