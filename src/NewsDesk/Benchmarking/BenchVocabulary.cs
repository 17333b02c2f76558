namespace NewsDesk.Benchmarking;

/// <summary>
/// Words and sentence templates for the synthetic news site of `bench ingest`, written for it (not taken from any
/// corpus). Reports of one story share its parties, programme and topic, so tagging and story matching do real work.
/// Placeholders: {A} {B} first and second country, {O} organisation, {P} programme, {T} topic, {C} city, {M} month.
/// </summary>
internal static class BenchVocabulary
{
    public static readonly string[] Countries =
    [
        "United Kingdom", "India", "Japan", "France", "Germany", "Canada", "Singapore", "Kenya", "Brazil", "South Korea",
        "Australia", "Nigeria", "Mexico", "Italy", "Spain", "Netherlands", "Sweden", "Indonesia", "Chile", "Ghana",
        "Norway", "Poland", "Vietnam", "Egypt", "Rwanda", "Finland", "Ireland", "Israel", "Malaysia", "Argentina",
    ];

    public static readonly string[] Organisations =
    [
        "OECD", "G7", "ASEAN", "African Union", "European Commission", "UNESCO", "Council of Europe", "ISO/IEC", "NIST",
        "the World Bank", "the International Telecommunication Union", "G20",
    ];

    public static readonly string[] Topics =
    [
        "AI safety testing", "frontier model evaluation", "technical standards for AI", "joint research on machine learning",
        "AI skills and talent exchange", "shared compute for research", "AI regulation and enforcement", "responsible AI principles",
        "AI in public services", "trustworthy AI certification", "AI for climate research", "semiconductor supply chains",
    ];

    public static readonly string[] Cities =
    [
        "Lisbon", "Nairobi", "Osaka", "Valparaíso", "Tallinn", "Kochi", "Accra", "Bergen", "Gdańsk", "Da Nang", "Cork",
        "Kigali", "Turku", "Penang", "Rosario", "Leeds", "Lyon", "Bremen", "Halifax", "Perth",
    ];

    public static readonly string[] ProgrammeNouns = ["Compact", "Partnership", "Accord", "Framework", "Initiative", "Roadmap", "Charter", "Alliance"];

    public static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static readonly string[] Headlines =
    [
        "{A} and {B} sign the {P} on {T}",
        "{A}, {B} agree {T} pact as the {P} takes shape",
        "{O} welcomes the {A}–{B} {P} on {T}",
        "What the new {A}–{B} deal on {T} means for researchers",
        "{A} and {B} launch the {P}, pledging cooperation on {T}",
        "Ministers from {A} and {B} meet in {C} to seal the {P}",
    ];

    public static readonly string[] StorySentences =
    [
        "Officials from {A} and {B} signed the {P} in {C} on Tuesday, committing both governments to closer work on {T}.",
        "The {P} sets out a three-year programme of joint projects, with funding to be announced by each side in {M}.",
        "Under the agreement, researchers in {A} and {B} will share test methods and publish a joint report on {T}.",
        "A spokesperson for the {O} said the {P} was a useful model for other countries working on {T}.",
        "The two countries said the {P} would be reviewed every year by a steering group that meets in {C}.",
        "Ministers described {T} as a priority for both economies and said the deal builds on earlier talks in {C}.",
        "Critics in {A} said the text of the {P} was short on detail about how commitments on {T} would be measured.",
        "The {O} will host the secretariat of the {P} and invite further partners to join before {M}.",
        "Both delegations said the {P} is not legally binding, but that it creates a standing channel on {T}.",
        "Industry groups in {B} welcomed the announcement and asked to be consulted on the first work plan for {T}.",
    ];

    public static readonly string[] FillerSentences =
    [
        "The announcement follows months of talks between officials, academics and companies.",
        "Several universities have already said they will apply for the first round of grants.",
        "The government said further details would be published on its website in the coming weeks.",
        "Observers noted that similar arrangements have been signed with other partners over the past two years.",
        "The statement did not say how much money would be committed over the life of the programme.",
        "Smaller firms have asked for a simpler route to take part in pilot projects and testing.",
        "A public consultation on the first set of priorities will open later this year.",
        "The department said it expected the first joint projects to start within six months.",
        "Civil society groups called for the working groups to publish their minutes.",
        "The plan includes exchanges for early-career researchers and engineers in both countries.",
        "Officials said the arrangement complements existing work in multilateral forums.",
        "Some experts warned that commitments of this kind often lose momentum after the first year.",
        "Trade bodies said clear rules would help companies plan investment in new data centres.",
        "The ministry said it would report on progress to parliament once a year.",
    ];

    public static readonly string[] NavSections =
    [
        "World", "Politics", "Business", "Technology", "Science", "Climate", "Health", "Education", "Opinion", "Analysis",
        "Data", "Podcasts", "Video", "Newsletters", "Events", "Jobs", "About us", "Contact", "Archive", "Corrections",
    ];
}
