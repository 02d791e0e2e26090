package dev.rapport.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.Rapport;
import dev.rapport.accounts.vault.Envelope;
import dev.rapport.accounts.vault.Envelope.Sealed;
import dev.rapport.accounts.vault.MasterKeys;
import dev.rapport.core.DataDirectory;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Master-key rotation through the command line, on a real embedded database and key files. */
class VaultCommandTests {

    @TempDir
    Path data;

    JdbcClient jdbc;
    MasterKeys runningServer;
    List<String> values = List.of("Weibo-Passphrase-" + UUID.randomUUID(), "wx-api-key-" + UUID.randomUUID());

    @BeforeEach
    void vaultWithSecrets() {
        var dataSource = new DriverManagerDataSource(DataDirectory.embeddedUrl(data.toString()), "rapport", "");
        Flyway.configure()
                .dataSource(dataSource)
                .locations(
                        "classpath:db/migration/core",
                        "classpath:db/migration/team",
                        "classpath:db/migration/audit",
                        "classpath:db/migration/accounts")
                .load()
                .migrate();
        jdbc = JdbcClient.create(dataSource);
        runningServer = MasterKeys.load(null, null, data.toString());
        jdbc.sql("INSERT INTO account (id, network, handle, purpose, status, registered_by, created_at, version) "
                        + "VALUES (1, 'weibo', 'acme', 'p', 'ACTIVE', 1, CURRENT_TIMESTAMP, 0)")
                .update();
        for (int i = 0; i < values.size(); i++) {
            String ref = "ref-" + i;
            Sealed sealed = Envelope.seal(values.get(i).getBytes(StandardCharsets.UTF_8), ref, runningServer.current());
            jdbc.sql(
                            "INSERT INTO secret (account_id, ref, kind, label, ciphertext, wrapped_key, master_key_id, created_by, created_at, changed_at) "
                                    + "VALUES (1, ?, 'NOTE', ?, ?, ?, ?, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                    .params(ref, "s" + i, sealed.ciphertext(), sealed.wrappedKey(), sealed.masterKeyId())
                    .update();
        }
    }

    @Test
    void rotationRewrapsEveryKeyAndEverySecretStaysReadable() throws Exception {
        String oldId = runningServer.current().id();
        String oldCiphertext = jdbc.sql("SELECT ciphertext FROM secret WHERE ref = 'ref-0'")
                .query(String.class)
                .single();

        var out = new ByteArrayOutputStream();
        var command = Rapport.commandLine();
        command.setOut(new PrintWriter(out, true));
        int code = command.execute("vault", "rotate-master-key", "--data-dir", data.toString());

        assertThat(code).as(out.toString()).isZero();
        assertThat(out.toString()).contains("Re-wrapped 2 keys");
        MasterKeys afterwards = MasterKeys.load(null, null, data.toString());
        assertThat(afterwards.current().id()).isNotEqualTo(oldId);
        assertThat(jdbc.sql("SELECT DISTINCT master_key_id FROM secret")
                        .query(String.class)
                        .list())
                .containsExactly(afterwards.current().id());
        assertThat(jdbc.sql("SELECT ciphertext FROM secret WHERE ref = 'ref-0'")
                        .query(String.class)
                        .single())
                .as("values are not re-encrypted, only their keys re-wrapped")
                .isEqualTo(oldCiphertext);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(data.resolve(MasterKeys.PREVIOUS))))
                .isEqualTo("rw-------");
        assertThat(Files.exists(data.resolve(MasterKeys.NEXT))).isFalse();
        for (int i = 0; i < values.size(); i++) {
            assertThat(open(afterwards, i)).isEqualTo(values.get(i));
            assertThat(open(runningServer, i))
                    .as("a running server follows the rotation")
                    .isEqualTo(values.get(i));
        }
    }

    @Test
    void withoutTheOldKeyNothingChanges() throws Exception {
        String originalId = runningServer.current().id();
        Files.delete(data.resolve(MasterKeys.FILE));
        MasterKeys.write(data.resolve(MasterKeys.FILE), MasterKeys.newMaterial());
        var err = new ByteArrayOutputStream();
        var command = Rapport.commandLine();
        command.setErr(new PrintWriter(err, true));

        int code = command.execute("vault", "rotate-master-key", "--data-dir", data.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("not rotated").contains("no master key with id");
        assertThat(jdbc.sql("SELECT DISTINCT master_key_id FROM secret")
                        .query(String.class)
                        .list())
                .containsExactly(originalId);
    }

    private String open(MasterKeys keys, int i) {
        var row = jdbc.sql("SELECT ciphertext, wrapped_key, master_key_id FROM secret WHERE ref = ?")
                .param("ref-" + i)
                .query((rs, n) -> new Sealed(rs.getString(1), rs.getString(2), rs.getString(3)))
                .single();
        return new String(Envelope.open(row, "ref-" + i, keys), StandardCharsets.UTF_8);
    }
}
