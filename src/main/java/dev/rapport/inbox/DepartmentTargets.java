package dev.rapport.inbox;

import dev.rapport.core.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A department's response-time targets, one per priority, and the business hours they count in.
 * A priority the department has not set keeps its default ({@link Priority#target()}).
 */
public record DepartmentTargets(long departmentId, Map<Priority, Duration> targets, BusinessHours hours) {

    /** The longest target a department may set. */
    public static final Duration MAX_TARGET = Duration.ofDays(30);

    public DepartmentTargets {
        Map<Priority, Duration> complete = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            Duration set = targets.get(priority);
            Duration target = set == null ? priority.target() : set;
            if (target.compareTo(Duration.ofMinutes(1)) < 0
                    || target.compareTo(MAX_TARGET) > 0
                    || target.toSecondsPart() != 0
                    || target.toNanosPart() != 0) {
                throw Refusal.invalid("inbox.target-invalid", priority.name(), MAX_TARGET.toDays());
            }
            complete.put(priority, target);
        }
        targets = Collections.unmodifiableMap(complete);
    }

    /** What a department has until someone changes it: the default targets, around the clock. */
    public static DepartmentTargets defaults(long departmentId) {
        return new DepartmentTargets(departmentId, Map.of(), BusinessHours.AROUND_THE_CLOCK);
    }

    public Duration target(Priority priority) {
        return targets.get(priority);
    }

    /** When a message of this priority that arrived then is due. */
    public Instant due(Priority priority, Instant arrived) {
        return BusinessTime.due(arrived, target(priority), hours);
    }

    /**
     * When a conversation still unanswered at {@code dueAt} goes to the department's leads: after a
     * further half of its target, in business time.
     */
    public Instant leadsTold(Priority priority, Instant dueAt) {
        return BusinessTime.due(dueAt, target(priority).dividedBy(2), hours);
    }

    /** Waiting for us, not yet past its target, with less than a quarter of it left in business time. */
    public boolean dueSoon(ConversationView conversation, Instant now) {
        return conversation.state() == ConversationState.OPEN
                && conversation.dueAt() != null
                && BusinessTime.dueSoon(now, conversation.dueAt(), target(conversation.priority()), hours);
    }

    /** A short account for the audit log. */
    String describe() {
        String targetList = targets.entrySet().stream()
                .map(target -> target.getKey() + " " + target.getValue())
                .collect(Collectors.joining(", "));
        String hourList = hours.aroundTheClock()
                ? "around the clock"
                : hours.days() + " " + hours.opens() + "–" + hours.closes() + " "
                        + hours.timeZone().getId()
                        + (hours.holidays().isEmpty()
                                ? ""
                                : ", " + hours.holidays().size() + " holidays");
        return targetList + "; " + hourList;
    }
}
