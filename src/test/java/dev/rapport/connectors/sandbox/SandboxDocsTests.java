package dev.rapport.connectors.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/sandbox.md lists every coefficient with the value the code uses. */
class SandboxDocsTests {

    @Test
    void theDocumentedCoefficientsAreTheCodesDefaults() throws IOException {
        String docs = Files.readString(Path.of("docs/sandbox.md"), StandardCharsets.UTF_8);

        assertThat(rows()).allSatisfy(row -> assertThat(docs).contains(row));
    }

    /** The start of each coefficient's row in the table: {@code | `name` | value |}. */
    static List<String> rows() {
        SandboxCoefficients defaults = SandboxCoefficients.defaults();
        List<String> rows = new ArrayList<>();
        for (RecordComponent component : SandboxCoefficients.class.getRecordComponents()) {
            try {
                Object value = component.getAccessor().invoke(defaults);
                rows.add("| `" + component.getName() + "` | " + format(value) + " |");
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return rows;
    }

    private static String format(Object value) {
        if (value instanceof Duration duration) {
            if (duration.toDays() > 0 && duration.equals(Duration.ofDays(duration.toDays()))) {
                return duration.toDays() + " d";
            }
            if (duration.toHours() > 0 && duration.equals(Duration.ofHours(duration.toHours()))) {
                return duration.toHours() + " h";
            }
            return duration.toMinutes() + " min";
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .sorted(java.util.Comparator.comparingInt(entry -> ((Enum<?>) entry.getKey()).ordinal()))
                    .map(entry -> entry.getKey() + " " + entry.getValue())
                    .collect(Collectors.joining(", "));
        }
        return String.valueOf(value);
    }

    public static void main(String[] args) {
        rows().forEach(System.out::println);
    }
}
