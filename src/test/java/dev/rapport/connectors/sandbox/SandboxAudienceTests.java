package dev.rapport.connectors.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rapport.connectors.spi.AudienceSnapshot;
import dev.rapport.connectors.spi.Connection;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The simulated people of an account, and the demographics of those who follow it. */
class SandboxAudienceTests {

    final SandboxCoefficients coefficients = SandboxCoefficients.defaults();

    @Test
    void thePopulationIsGeneratedFromTheSeedWithDistinctHandlesAndBothLanguages() {
        SandboxAudience audience = SandboxAudience.generate(5, 1, coefficients);

        assertThat(audience.people()).hasSize(coefficients.populationSize());
        assertThat(audience.people())
                .isEqualTo(SandboxAudience.generate(5, 1, coefficients).people());
        assertThat(audience.people())
                .isNotEqualTo(SandboxAudience.generate(5, 2, coefficients).people());
        assertThat(audience.people().stream().map(SandboxPerson::handle).distinct())
                .hasSize(coefficients.populationSize());
        Map<String, Long> languages = audience.people().stream()
                .collect(Collectors.groupingBy(SandboxPerson::language, Collectors.counting()));
        assertThat(languages.get("zh") / (double) coefficients.populationSize())
                .isCloseTo(coefficients.chineseSpeakerShare(), within(0.05));
        assertThat(audience.people()).allSatisfy(person -> {
            assertThat(person.interests()).isNotEmpty();
            assertThat(person.region()).isNotBlank();
            assertThat(SandboxAudience.AGE_BANDS).contains(person.ageBand());
        });
    }

    @Test
    void demographicsAreSharesOfTheFollowersThatSumToOnePerDimension() {
        SandboxConnector sandbox = new SandboxConnector(SandboxFaults.none());
        AudienceSnapshot snapshot = sandbox.audience(new Connection(1, Map.of(), Map.of()));

        assertThat(snapshot.followers())
                .isEqualTo(sandbox.people(1).people().stream()
                        .filter(SandboxPerson::initiallyFollowing)
                        .count());
        assertThat(snapshot.followers() / (double) coefficients.populationSize())
                .isCloseTo(coefficients.initialFollowerShare(), within(0.05));
        assertThat(snapshot.demographics()).containsOnlyKeys("age", "gender", "language", "region");
        snapshot.demographics()
                .forEach((dimension, shares) -> assertThat(shares.values().stream()
                                .mapToDouble(Double::doubleValue)
                                .sum())
                        .as(dimension)
                        .isCloseTo(1.0, within(1e-9)));
        assertThat(snapshot.demographics().get("language")).containsOnlyKeys("zh", "en");
    }
}
