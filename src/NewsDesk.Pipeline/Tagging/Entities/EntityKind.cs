namespace NewsDesk.Tagging.Entities;

/// <summary>What a gazetteer entry names; the kind decides which party rules it can satisfy.</summary>
internal enum EntityKind
{
    /// <summary>A sovereign country: a party for bilateral and coalition.</summary>
    Country,

    /// <summary>The European Union: a single party in bilateral dealings, a bloc when it acts alone.</summary>
    Union,

    /// <summary>A regional or club bloc (ASEAN, G7, OECD...): the subject of regional.</summary>
    Bloc,

    /// <summary>A global body (UN, UNESCO): counts as a coalition party but is not a regional bloc.</summary>
    Global,

    /// <summary>A company, institute, university or standards body.</summary>
    Organisation,
}
