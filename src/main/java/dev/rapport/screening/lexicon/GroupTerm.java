package dev.rapport.screening.lexicon;

import dev.rapport.screening.text.Language;

/** A word that names a group neutrally ("women", "黑人"): never a hit on its own, a feature for the classifier. */
public record GroupTerm(String surface, String group, GroupKind kind, Language language) {}
