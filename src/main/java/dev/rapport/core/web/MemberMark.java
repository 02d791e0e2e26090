package dev.rapport.core.web;

import java.util.Set;

/**
 * A badge a module puts next to members in the team list, e.g. "has not acknowledged the policy".
 * Modules implement it as a bean; the team module shows every mark without knowing the modules.
 */
public interface MemberMark {

    /** The badge's message key. */
    String messageKey();

    /** The members who carry it, as the signed-in member may see them. */
    Set<Long> members();
}
