package dev.rapport.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.testing.CountingMastodon;
import dev.rapport.testing.RapportProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** What "published exactly once" means, checked against the network and against Rapport's records. */
final class ExactlyOnce {

    private ExactlyOnce() {}

    /**
     * Every seeded variant made once on the network, by the account it was meant for, under its own
     * idempotency key; no key posted again while a post with it was still open; every variant
     * PUBLISHED with the status made for it; one audit entry per publication.
     */
    static void assertPublishedOnce(
            CountingMastodon network,
            DueVariants.Seeded seeded,
            List<DueVariants.Variant> variants,
            Map<String, Long> auditTargets) {
        assertThat(network.duplicates()).as("statuses made twice under one key").isEmpty();
        assertThat(network.overlaps()).as("keys posted again while in flight").isEmpty();
        List<CountingMastodon.Created> statuses = network.statuses();
        assertThat(statuses)
                .extracting(CountingMastodon.Created::text)
                .as("the words of the statuses made")
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(seeded.texts());
        Map<String, CountingMastodon.Created> byKey =
                statuses.stream().collect(Collectors.toMap(CountingMastodon.Created::key, Function.identity()));
        assertThat(variants).hasSameSizeAs(seeded.texts());
        for (DueVariants.Variant variant : variants) {
            CountingMastodon.Created status = byKey.get(variant.publishKey());
            assertThat(status).as("the status of variant %d", variant.id()).isNotNull();
            assertThat(variant.state()).as("variant %d", variant.id()).isEqualTo("PUBLISHED");
            assertThat(variant.remoteId()).as("variant %d", variant.id()).isEqualTo(status.id());
            assertThat(status.text()).as("variant %d", variant.id()).isEqualTo(variant.text());
            assertThat(status.account())
                    .as("variant %d", variant.id())
                    .isEqualTo(seeded.accounts().get(variant.accountId()));
        }
        // At least once: the audit listener is not idempotent, and the event publication registry
        // hands it again an event whose completion a kill cut off (see auditDuplicates).
        assertThat(auditTargets.keySet())
                .as("variants with an audit entry of their publication")
                .containsExactlyInAnyOrderElementsOf(variants.stream()
                        .map(variant -> "variant:" + variant.id())
                        .toList());
    }

    /** Publications with more than one audit entry. */
    static long auditDuplicates(Map<String, Long> auditTargets) {
        return auditTargets.values().stream().filter(entries -> entries > 1).count();
    }

    /** Waits until the network has made {@code count} statuses, failing if the node stops meanwhile. */
    static void awaitCreated(CountingMastodon network, int count, Duration within, RapportProcess node) {
        Awaitility.await(node + " makes " + count + " statuses")
                .atMost(within)
                .pollInterval(Duration.ofMillis(10))
                .failFast(node + " stopped", () -> !node.alive())
                .until(network::created, created -> created >= count);
    }

    /**
     * Waits until the network has made {@code count} statuses and the audit trail counts as many
     * publications (it is written once a publication is recorded); false if that took too long.
     */
    static boolean awaitPublished(CountingMastodon network, IntSupplier audited, int count, Duration within) {
        try {
            Awaitility.await()
                    .atMost(within)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> network.created() >= count && audited.getAsInt() >= count);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
