namespace NewsDesk.Tagging.Rules;

/// <summary>
/// An earlier theme that, when assigned, turns this one off, unless at least <paramref name="UnlessNonMembers"/> named
/// countries are not members of the acting bloc (a bloc treaty opened to outsiders is also a coalition).
/// </summary>
internal sealed record Suppression(string Theme, int? UnlessNonMembers);
