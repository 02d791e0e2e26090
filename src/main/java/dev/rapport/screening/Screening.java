package dev.rapport.screening;

import dev.rapport.core.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * The screen every text passes before it leaves the company: publishing screens each variant when it
 * is saved, submitted and published; the inbox screens each reply; the connectors refuse anything
 * blocked as a last line. The verdict says which words break which part of the policy and why, in
 * the member's language.
 */
@Service
public class Screening {

    /** Longest text screened (100 KB of UTF-16); longer ones are refused, not cut. */
    public static final int MAX_LENGTH = 100_000;

    private record Versioned(int version, ScreeningEngine engine) {}

    private final Policies policies;
    private final MessageSource messages;
    private final AtomicReference<Versioned> engine = new AtomicReference<>();

    Screening(Policies policies, MessageSource messages) {
        this.policies = policies;
        this.messages = messages;
    }

    /**
     * Screens a text under the current policy, with the reason in the current member's language.
     *
     * @param language {@code zh}, {@code en}, or null / {@code auto} to detect it
     */
    public Verdict screen(String text, @Nullable String language) {
        if (text.length() > MAX_LENGTH) {
            throw Refusal.invalid("screening.too-long", MAX_LENGTH);
        }
        Verdict verdict = engine().screen(text, language);
        return withReason(verdict, text, LocaleContextHolder.getLocale());
    }

    private ScreeningEngine engine() {
        Versioned current = engine.get();
        if (current == null || current.version() != policies.currentVersion()) {
            PolicyView policy = policies.current();
            current = new Versioned(policy.version(), new ScreeningEngine(policy.rules()));
            engine.set(current);
        }
        return current.engine();
    }

    private Verdict withReason(Verdict verdict, String text, Locale locale) {
        if (verdict.action() == Action.PASS) {
            return verdict;
        }
        List<String> parts = new ArrayList<>();
        for (Verdict.Finding finding : verdict.findings()) {
            if (finding.action() == Action.PASS) {
                continue;
            }
            String category = messages.getMessage(
                    "screening.category." + finding.category().code(), null, locale);
            String severity = messages.getMessage("screening.severity." + finding.severity(), null, locale);
            String action =
                    messages.getMessage("screening.action." + finding.action().code(), null, locale);
            parts.add(
                    finding.evidence().isEmpty()
                            ? messages.getMessage(
                                    "screening.reason.category", new Object[] {category, severity, action}, locale)
                            : messages.getMessage(
                                    "screening.reason.words",
                                    new Object[] {String.join("”, “", finding.evidence()), category, severity, action},
                                    locale));
        }
        for (Verdict.TermFinding term : verdict.terms()) {
            String action =
                    messages.getMessage("screening.action." + term.action().code(), null, locale);
            parts.add(messages.getMessage(
                    "screening.reason.term",
                    new Object[] {term.term(), term.note() == null ? "" : " (" + term.note() + ")", action},
                    locale));
        }
        String reason = String.join(messages.getMessage("screening.reason.separator", null, locale), parts);
        return new Verdict(verdict.action(), verdict.language(), verdict.findings(), verdict.terms(), reason);
    }
}
