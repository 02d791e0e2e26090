package dev.rapport.core.web;

import java.util.List;
import java.util.Optional;

/**
 * Something a module wants the signed-in member to see on the home page (the dashboard), e.g. who
 * has not acknowledged the social media policy. Modules implement it as a bean; core knows none of them.
 */
public interface HomeNotice {

    /** A notice: a message key with its arguments, and the page to open. */
    record Notice(String messageKey, List<Object> arguments, String link) {}

    /** The notice for the signed-in member, if any. */
    Optional<Notice> notice();
}
