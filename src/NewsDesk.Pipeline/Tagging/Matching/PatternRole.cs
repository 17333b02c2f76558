namespace NewsDesk.Tagging.Matching;

/// <summary>What a compiled phrase stands for; one phrase can play several roles (a vocabulary term and a theme term).</summary>
internal readonly record struct PatternRole(PatternRoleKind Kind, int Index);

internal enum PatternRoleKind
{
    Vocabulary,
    ThemeTerm,
    Entity,
    Demonym,
    CountNoun,
    OrganisationSuffix,
    /// <summary>A capital standing for its state ("Washington and Beijing agreed"): read by story matching, not by the tagger.</summary>
    Capital,
}
