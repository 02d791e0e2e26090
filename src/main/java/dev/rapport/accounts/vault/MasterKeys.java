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
import java.util.function.Supplier;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The master keys that wrap the vault's data keys. They never sit in the database.
 *
 * <p>The current key comes from {@code RAPPORT_MASTER_KEY} (base64 of 32 bytes), or from
 * {@code master.key} in the data directory, created on first use readable by its owner only. Older
 * keys stay readable: {@code RAPPORT_PREVIOUS_MASTER_KEY}, or {@code master.key.previous} and
 * {@code master.key.next} (a rotation under way) beside the key file. Each key is known by an id
 * derived from it and stored beside every wrapped key; meeting an unknown id, a file-based keyring
 * reads its files again, so that a running server follows a rotation without a restart.
 */
public final class MasterKeys {

    public static final String FILE = "master.key";
    public static final String PREVIOUS = "master.key.previous";
    public static final String NEXT = "master.key.next";
    private static final int BYTES = 32;

    /** A master key and its id. */
    public record MasterKey(String id, SecretKey key) {}

    /** The keys a source holds: the current one first. */
    private final Supplier<Map<String, MasterKey>> source;

    /** A stamp of the source (the key file's modification time), to notice a rotation; null if fixed. */
    private final @Nullable Supplier<Object> stamp;

    private volatile Map<String, MasterKey> keys;
    private volatile @Nullable Object loadedStamp;

    private MasterKeys(Supplier<Map<String, MasterKey>> source, @Nullable Supplier<Object> stamp) {
        this.source = source;
        this.stamp = stamp;
        this.loadedStamp = stamp == null ? null : stamp.get();
        this.keys = source.get();
    }

    /**
     * The keys from the environment if it names one, else from the data directory's key files (the
     * current one made if missing).
     */
    public static MasterKeys load(
            @Nullable String fromEnvironment, @Nullable String previousFromEnvironment, String dataDirectory) {
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            Map<String, MasterKey> keys = new LinkedHashMap<>();
            add(keys, decode(fromEnvironment.strip()));
            if (previousFromEnvironment != null && !previousFromEnvironment.isBlank()) {
                add(keys, decode(previousFromEnvironment.strip()));
            }
            return new MasterKeys(() -> keys, null);
        }
        Path directory = Path.of(DataDirectory.resolve(dataDirectory));
        readOrCreate(directory.resolve(FILE));
        return new MasterKeys(
                () -> {
                    Map<String, MasterKey> keys = new LinkedHashMap<>();
                    // Re-reading never creates a key: a missing file is an error, not a fresh start.
                    add(keys, read(directory.resolve(FILE)));
                    for (String other : new String[] {NEXT, PREVIOUS}) {
                        Path file = directory.resolve(other);
                        if (Files.exists(file)) {
                            add(keys, read(file));
                        }
                    }
                    return keys;
                },
                () -> modified(directory.resolve(FILE)));
    }

    private static Object modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return "missing";
        }
    }

    public static MasterKeys of(byte[] material) {
        Map<String, MasterKey> keys = new LinkedHashMap<>();
        add(keys, material);
        return new MasterKeys(() -> keys, null);
    }

    /** The key new values are sealed with; a rotated key file is noticed here too. */
    public MasterKey current() {
        if (stamp != null && !stamp.get().equals(loadedStamp)) {
            reload();
        }
        return keys.values().iterator().next();
    }

    private synchronized void reload() {
        try {
            Object now = stamp == null ? null : stamp.get();
            keys = source.get();
            loadedStamp = now;
        } catch (VaultException unreadable) {
            // Mid-rotation the file may be missing for an instant: keep the keys we have.
        }
    }

    public MasterKey byId(String id) {
        MasterKey key = keys.get(id);
        if (key == null) {
            reload();
            key = keys.get(id);
        }
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

    public static MasterKey key(byte[] material) {
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

    private static void add(Map<String, MasterKey> keys, byte[] material) {
        MasterKey key = key(material);
        keys.putIfAbsent(key.id(), key);
    }

    public static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new VaultException("the master key is not valid base64");
        }
    }

    public static byte[] read(Path file) {
        try {
            return decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new VaultException("cannot read the master key file " + file + ": " + e.getMessage());
        }
    }

    private static byte[] readOrCreate(Path file) {
        if (Files.exists(file)) {
            return read(file);
        }
        try {
            Files.createDirectories(file.getParent());
            byte[] material = newMaterial();
            write(file, material);
            return material;
        } catch (IOException e) {
            throw new VaultException("cannot create the master key file " + file + ": " + e.getMessage());
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
