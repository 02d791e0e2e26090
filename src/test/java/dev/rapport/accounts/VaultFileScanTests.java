package dev.rapport.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import dev.rapport.testing.Api;
import dev.rapport.testing.TestMembers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded database's file, read as bytes after storing a secret, holds no trace of it. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"rapport.data-dir=target/vault-file-scan", "spring.datasource.url=${rapport.embedded-url}"})
class VaultFileScanTests {

    static final Path DATA = Path.of("target/vault-file-scan");

    static {
        // A fresh data directory for every run, before the application opens it.
        try (var files = Files.exists(DATA) ? Files.walk(DATA) : java.util.stream.Stream.<Path>empty()) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TeamManagement team;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDatabaseFileHoldsNoPlaintextOfAStoredSecret() throws Exception {
        var owner = TestMembers.create(team, Role.MARKETER);
        var api = new Api(port).basic(owner.email(), owner.password());
        var created = api.post(
                "/api/v1/accounts", """
                {"network":"weibo","handle":"scan-%s","purpose":"p","owners":[%d]}""".formatted(UUID.randomUUID().toString().substring(0, 8), owner.id()));
        long account = Long.parseLong(created.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
        new Api(port)
                .basic(TestMembers.ADMIN_EMAIL, TestMembers.ADMIN_PASSWORD)
                .post("/api/v1/accounts/" + account + "/decision", "{\"approve\":true}");
        String value = "File-Canary-" + UUID.randomUUID();
        var stored = api.post(
                "/api/v1/accounts/" + account + "/secrets",
                "{\"kind\":\"PASSWORD\",\"label\":\"main\",\"value\":\"" + value + "\"}");
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);

        jdbc.sql("CHECKPOINT SYNC").update();
        Path file = DATA.resolve("rapport.mv.db");
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);

        assertThat(bytes).as("the file holds the other data of the row").contains("scan-");
        assertThat(bytes).doesNotContain(value).doesNotContain(value.substring(0, 14));
        assertThat(bytes)
                .doesNotContain(new String(value.getBytes(StandardCharsets.UTF_16BE), StandardCharsets.ISO_8859_1));
        assertThat(bytes.toLowerCase())
                .doesNotContain(HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8)));
    }
}
