package dev.rapport.content;

/** How much a {@link LintFinding} matters to whether a variant can go out. */
public enum LintSeverity {
    /** The network would refuse or cut the post: it cannot go out as it is. */
    ERROR,
    /** It goes out, but works less well than it could. */
    WARNING,
    /** Worth knowing; nothing to fix. */
    INFO
}
