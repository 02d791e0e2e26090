package dev.rapport.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.AuditRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import picocli.CommandLine;

/** The chain on a real embedded database in a data directory, as the command line finds it. */
class AuditChainTests {

    @TempDir
    Path dataDir;

    JdbcClient jdbc;
    AuditChain chain;

    @BeforeEach
    void database() throws Exception {
        var dataSource = new DriverManagerDataSource(
                dev.rapport.core.DataDirectory.embeddedUrl(dataDir.toString()), "rapport", "");
        jdbc = JdbcClient.create(dataSource);
        for (String migration : new String[] {"V2026.11.26.3__audit.sql", "V2026.11.28.9__audit_event_key.sql"}) {
            String schema = new ClassPathResource("db/migration/audit/" + migration)
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            for (String statement : schema.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    jdbc.sql(statement).update();
                }
            }
        }
        chain = new AuditChain(jdbc);
        for (int i = 1; i <= 5; i++) {
            chain.append(new AuditRecord(
                    "ada@example.com", "member.changed", "member:" + i, "name", "10.0.0." + i, Instant.now()));
        }
    }

    @Test
    void anUntouchedChainIsIntact() {
        assertThat(chain.verify()).isEqualTo(new AuditVerification(5, null, null));
        assertThat(verifyCommand()).startsWith("0:").contains("5 entries verified");
    }

    @Test
    void theSameEventAppendedAgainIsTheEntryAlreadyThere() {
        Instant at = Instant.parse("2026-11-27T09:00:00.123456Z");
        AuditEntry first =
                chain.append(new AuditRecord("ada@example.com", "member.invited", "member:9", "Bo", "10.0.0.9", at));
        AuditEntry again =
                chain.append(new AuditRecord("ada@example.com", "member.invited", "member:9", "Bo", "10.0.0.9", at));
        assertThat(again).isEqualTo(first);
        assertThat(chain.verify()).isEqualTo(new AuditVerification(6, null, null));

        // The same action a microsecond later (or on another target) is another event.
        chain.append(
                new AuditRecord("ada@example.com", "member.invited", "member:9", "Bo", "10.0.0.9", at.plusNanos(1000)));
        chain.append(new AuditRecord("ada@example.com", "member.invited", "member:10", "Bo", "10.0.0.9", at));
        assertThat(chain.verify()).isEqualTo(new AuditVerification(8, null, null));
    }

    @Test
    void anEditedFieldIsFoundAtItsEntry() {
        jdbc.sql("UPDATE audit_entry SET actor = 'mallory@example.com' WHERE seq = 3")
                .update();
        assertThat(chain.verify()).isEqualTo(new AuditVerification(2, 3L, "content"));
        assertThat(verifyCommand()).startsWith("1:").contains("entry #3");
    }

    @Test
    void aRecomputedHashStillBreaksTheLinkToTheNextEntry() {
        var third = jdbc.sql("SELECT * FROM audit_entry WHERE seq = 3")
                .query(AuditChain::entry)
                .single();
        String forged = AuditHashes.hash(
                3,
                third.occurredAt(),
                "mallory@example.com",
                third.action(),
                third.target(),
                third.detail(),
                third.source(),
                third.prevHash());
        jdbc.sql("UPDATE audit_entry SET actor = 'mallory@example.com', hash = ? WHERE seq = 3")
                .param(forged)
                .update();
        assertThat(chain.verify()).isEqualTo(new AuditVerification(3, 4L, "previous-hash"));
    }

    @Test
    void aDeletedEntryIsFound() {
        jdbc.sql("DELETE FROM audit_entry WHERE seq = 2").update();
        assertThat(chain.verify()).isEqualTo(new AuditVerification(1, 2L, "missing"));
    }

    @Test
    void removingTheNewestEntriesIsFound() {
        jdbc.sql("DELETE FROM audit_entry WHERE seq >= 4").update();
        assertThat(chain.verify().intact()).isFalse();
        assertThat(chain.verify().problem()).isEqualTo("truncated");
    }

    @Test
    void aRowAddedPastTheHeadIsFound() {
        var fifth = jdbc.sql("SELECT * FROM audit_entry WHERE seq = 5")
                .query(AuditChain::entry)
                .single();
        String hash = AuditHashes.hash(
                6, fifth.occurredAt(), "mallory@example.com", "member.changed", null, null, null, fifth.hash());
        jdbc.sql(
                        "INSERT INTO audit_entry (seq, occurred_at, actor, action, prev_hash, hash) "
                                + "SELECT 6, occurred_at, 'mallory@example.com', 'member.changed', hash, ? FROM audit_entry WHERE seq = 5")
                .param(hash)
                .update();
        assertThat(chain.verify()).isEqualTo(new AuditVerification(5, 6L, "unanchored"));
    }

    @Test
    void aMissingDatabaseIsAClearError() throws Exception {
        Path empty = Files.createTempDirectory("rapport-empty");
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var command = dev.rapport.Rapport.commandLine();
        command.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int code = command.execute("audit", "verify", "--data-dir", empty.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("Cannot read the audit log");
    }

    private String verifyCommand() {
        var out = new ByteArrayOutputStream();
        CommandLine command = dev.rapport.Rapport.commandLine();
        command.setOut(new PrintWriter(out, true));
        int code = command.execute("audit", "verify", "--data-dir", dataDir.toString());
        return code + ":" + out;
    }
}
