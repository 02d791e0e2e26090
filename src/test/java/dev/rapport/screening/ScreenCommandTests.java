package dev.rapport.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code java -jar rapport.jar screen}: JSON lines in, JSON lines out, problems reported by line. */
class ScreenCommandTests {

    final JsonMapper json = JsonMapper.builder().build();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(byte[] input, String... args) {
        var command = new ScreenCommand(new ByteArrayInputStream(input), out, new PrintWriter(err, true));
        return new picocli.CommandLine(command).execute(args);
    }

    @Test
    void eachLineGetsAVerdictAndABadLineIsReportedWithItsNumberWhileTheOthersAreScreened() {
        String input = """
                {"id": 1, "text": "Thanks to everyone who joined our launch event!"}
                {"id": "two", "text": "你这个傻逼"}
                {"id": 3, "text": unquoted}
                {"id": 4}
                {"id": 5, "text": "See you at the cocktail class in Scunthorpe"}
                """;

        int exit = run(input.getBytes(StandardCharsets.UTF_8));

        assertThat(exit)
                .as("non-zero at the end when a line could not be screened")
                .isEqualTo(1);
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(3);
        JsonNode first = json.readTree(lines[0]);
        assertThat(first.get("id").asInt()).isEqualTo(1);
        assertThat(first.get("flagged").asBoolean()).isFalse();
        JsonNode second = json.readTree(lines[1]);
        assertThat(second.get("id").asString()).isEqualTo("two");
        assertThat(second.get("flagged").asBoolean()).isTrue();
        assertThat(second.get("action").asString()).isIn("block", "hold");
        JsonNode spans = second.at("/categories/0/spans/0");
        assertThat("你这个傻逼".substring(spans.get(0).asInt(), spans.get(1).asInt()))
                .isEqualTo("傻逼");
        assertThat(json.readTree(lines[2]).get("id").asInt()).isEqualTo(5);
        assertThat(err.toString()).contains("line 3").contains("line 4");
    }

    @Test
    void invalidUtf8IsScreenedAndReportedNotDropped() {
        byte[] input = "{\"id\": 1, \"text\": \"caf\u00e9 \"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[input.length + 1];
        System.arraycopy(input, 0, broken, 0, input.length - 3);
        broken[input.length - 3] = (byte) 0xC3; // a lone lead byte
        System.arraycopy(input, input.length - 3, broken, input.length - 2, 3);

        run(broken);

        assertThat(out.toString()).contains("\"id\":1");
        assertThat(err.toString()).contains("line 1: invalid UTF-8");
    }

    @Test
    void aPolicyFileSetsTheRules(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("policy.json");
        Files.writeString(policy, """
                {"categories": {}, "terms": [{"text": "Project Falcon", "action": "BLOCK", "note": "secret"}]}""");

        int exit = run(
                "{\"id\": 1, \"text\": \"Project Falcon ships soon\"}\n".getBytes(StandardCharsets.UTF_8),
                "--policy",
                policy.toString());

        assertThat(exit).isZero();
        JsonNode result = json.readTree(out.toString().strip());
        assertThat(result.get("action").asString()).isEqualTo("block");
        assertThat(result.at("/terms/0/term").asString()).isEqualTo("Project Falcon");
    }
}
