package dev.rapport.accounts.vault;

import dev.rapport.core.DataDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The master keys that wrap the vault's data keys. They never sit in the database: the current one
 * comes from {@code RAPPORT_MASTER_KEY} (base64 of 32 bytes) or from {@code master.key} in the data
 * directory, created on first use readable by its owner only. Each key is known by an id derived
 * from it, stored beside every wrapped key, so that rows wrapped by an earlier key stay readable
 * while a rotation is under way.
 */
public final class MasterKeys {

    public static final String FILE = "master.key";
    private static final int BYTES = 32;

    /** A master key and its id. */
    public record MasterKey(String id, SecretKey key) {}

    private final Map<String, MasterKey> keys = new LinkedHashMap<>();
    private final MasterKey current;

    private MasterKeys(MasterKey current) {
        this.current = current;
        keys.put(current.id(), current);
    }

    /** The key from the environment if given, else the data directory's key file (made if missing). */
    public static MasterKeys load(@Nullable String fromEnvironment, String dataDirectory) {
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new MasterKeys(key(decode(fromEnvironment.strip())));
        }
        return new MasterKeys(
                key(readOrCreate(Path.of(DataDirectory.resolve(dataDirectory)).resolve(FILE))));
    }

    public static MasterKeys of(byte[] material) {
        return new MasterKeys(key(material));
    }

    public MasterKey current() {
        return current;
    }

    public MasterKey byId(String id) {
        MasterKey key = keys.get(id);
        if (key == null) {
            throw new VaultException(
                    "no master key with id " + id + " is loaded: wrong RAPPORT_MASTER_KEY or master.key?");
        }
        return key;
    }

    public static byte[] newMaterial() {
        byte[] material = new byte[BYTES];
        new SecureRandom().nextBytes(material);
        return material;
    }

    static MasterKey key(byte[] material) {
        if (material.length != BYTES) {
            throw new VaultException("a master key must be " + BYTES + " bytes, base64-encoded");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material);
            return new MasterKey(HexFormat.of().formatHex(digest, 0, 8), new SecretKeySpec(material, "AES"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new VaultException("the master key is not valid base64");
        }
    }

    private static byte[] readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            }
            Files.createDirectories(file.getParent());
            byte[] material = newMaterial();
            write(file, material);
            return material;
        } catch (IOException e) {
            throw new VaultException("cannot read or create the master key file " + file + ": " + e.getMessage());
        }
    }

    /** Writes a key file that only its owner can read. */
    public static void write(Path file, byte[] material) throws IOException {
        byte[] encoded = Base64.getEncoder().encode(material);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
        }
        Files.write(file, encoded, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
