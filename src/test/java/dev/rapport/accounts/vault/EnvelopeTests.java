package dev.rapport.accounts.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.accounts.vault.Envelope.Sealed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvelopeTests {

    final MasterKeys keys = MasterKeys.of(MasterKeys.newMaterial());
    final byte[] secret = "微博-Passw0rd-of-the-brand".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSealedValueOpensToTheSameBytes() {
        Sealed sealed = Envelope.seal(secret, "ref-1", keys.current());
        assertThat(Envelope.open(sealed, "ref-1", keys)).isEqualTo(secret);
        assertThat(sealed.ciphertext()).doesNotContain("Passw0rd");
        assertThat(Envelope.seal(secret, "ref-1", keys.current()).ciphertext()).isNotEqualTo(sealed.ciphertext());
    }

    @Test
    void aFlippedByteInTheCiphertextNonceOrWrappedKeyFailsLoudly() {
        Sealed sealed = Envelope.seal(secret, "ref-1", keys.current());
        Sealed flippedText = new Sealed(flip(sealed.ciphertext(), 20), sealed.wrappedKey(), sealed.masterKeyId());
        Sealed flippedNonce = new Sealed(flip(sealed.ciphertext(), 3), sealed.wrappedKey(), sealed.masterKeyId());
        Sealed flippedKey = new Sealed(sealed.ciphertext(), flip(sealed.wrappedKey(), 20), sealed.masterKeyId());
        for (Sealed tampered : new Sealed[] {flippedText, flippedNonce, flippedKey}) {
            assertThatThrownBy(() -> Envelope.open(tampered, "ref-1", keys))
                    .isInstanceOf(VaultException.class)
                    .hasMessageContaining("tampered");
        }
    }

    @Test
    void aCiphertextMovedToAnotherSecretDoesNotOpen() {
        Sealed sealed = Envelope.seal(secret, "ref-1", keys.current());
        assertThatThrownBy(() -> Envelope.open(sealed, "ref-2", keys)).isInstanceOf(VaultException.class);
    }

    @Test
    void anotherMasterKeyCannotOpenIt() {
        Sealed sealed = Envelope.seal(secret, "ref-1", keys.current());
        MasterKeys other = MasterKeys.of(MasterKeys.newMaterial());
        assertThatThrownBy(() -> Envelope.open(sealed, "ref-1", other))
                .isInstanceOf(VaultException.class)
                .hasMessageContaining("no master key with id");
    }

    @Test
    void theKeyFileIsCreatedOnceReadableByItsOwnerOnly(@TempDir Path data) throws Exception {
        MasterKeys first = MasterKeys.load(null, null, data.toString());
        MasterKeys again = MasterKeys.load(null, null, data.toString());
        Path file = data.resolve(MasterKeys.FILE);
        assertThat(again.current().id()).isEqualTo(first.current().id());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
    }

    @Test
    void aKeyFromTheEnvironmentWinsAndAMalformedOneIsAClearError(@TempDir Path data) {
        byte[] material = MasterKeys.newMaterial();
        String env = Base64.getEncoder().encodeToString(material);
        assertThat(MasterKeys.load(env, null, data.toString()).current().id())
                .isEqualTo(MasterKeys.of(material).current().id());
        assertThat(data.resolve(MasterKeys.FILE)).doesNotExist();
        assertThatThrownBy(() -> MasterKeys.load("not base64!", null, data.toString()))
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> MasterKeys.load("c2hvcnQ=", null, data.toString()))
                .hasMessageContaining("32 bytes");
    }

    private static String flip(String base64, int index) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        bytes[index] ^= 0x01;
        return Base64.getEncoder().encodeToString(bytes);
    }
}
