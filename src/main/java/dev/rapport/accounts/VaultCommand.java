package dev.rapport.accounts;

import dev.rapport.accounts.vault.MasterKeyRotation;
import dev.rapport.accounts.vault.MasterKeys;
import dev.rapport.core.CommandLineDatabase;
import dev.rapport.core.DataDirectory;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rapport vault rotate-master-key}: a new master key for the credential vault. */
@Command(
        name = "vault",
        description = "Credential vault commands.",
        mixinStandardHelpOptions = true,
        subcommands = VaultCommand.RotateMasterKey.class)
public class VaultCommand {

    @Command(
            name = "rotate-master-key",
            mixinStandardHelpOptions = true,
            description = {
                "Re-wraps every data key under a new master key, in one transaction; values are never decrypted.",
                "With a key file (the default): writes master.key.next, re-wraps, then keeps the old key as",
                "master.key.previous and the new one as master.key. Running servers on PostgreSQL follow",
                "without a restart; stop the server first on the embedded database.",
                "With RAPPORT_MASTER_KEY: first give every node the new key as RAPPORT_PREVIOUS_MASTER_KEY (an",
                "accepted key), then run this with RAPPORT_NEW_MASTER_KEY, then give every node",
                "RAPPORT_MASTER_KEY=<new> and RAPPORT_PREVIOUS_MASTER_KEY=<old>."
            })
    static class RotateMasterKey implements Callable<Integer> {

        @Option(names = "--data-dir", description = "Data directory (key files, embedded database). Default ./data.")
        String dataDir = "./data";

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String fromEnvironment = System.getenv("RAPPORT_MASTER_KEY");
            boolean files = fromEnvironment == null || fromEnvironment.isBlank();
            Path directory = Path.of(DataDirectory.resolve(dataDir));
            try {
                if (files && !Files.exists(directory.resolve(MasterKeys.FILE))) {
                    err.println("No master key file in " + directory + ": nothing to rotate.");
                    return 2;
                }
                MasterKeys keys =
                        MasterKeys.load(fromEnvironment, System.getenv("RAPPORT_PREVIOUS_MASTER_KEY"), dataDir);
                byte[] material;
                if (files) {
                    Path next = directory.resolve(MasterKeys.NEXT);
                    // A rotation that stopped half-way is finished with the key it had chosen.
                    if (!Files.exists(next)) {
                        MasterKeys.write(next, MasterKeys.newMaterial());
                    }
                    material = MasterKeys.read(next);
                } else {
                    String newKey = System.getenv("RAPPORT_NEW_MASTER_KEY");
                    if (newKey == null || newKey.isBlank()) {
                        err.println("RAPPORT_MASTER_KEY is set: give the new key in RAPPORT_NEW_MASTER_KEY.");
                        return 2;
                    }
                    material = MasterKeys.decode(newKey.strip());
                }
                var next = MasterKeys.key(material);
                int count = MasterKeyRotation.rewrapAll(CommandLineDatabase.of(dataDir), keys, next);
                if (files) {
                    // Copy (owner-only, like every key file), then one atomic rename: there is never a
                    // moment without master.key.
                    MasterKeys.write(
                            directory.resolve(MasterKeys.PREVIOUS),
                            MasterKeys.read(directory.resolve(MasterKeys.FILE)));
                    Files.move(
                            directory.resolve(MasterKeys.NEXT),
                            directory.resolve(MasterKeys.FILE),
                            StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                }
                out.printf("Re-wrapped %d keys under master key %s.%n", count, next.id());
                out.println(
                        files
                                ? "The old key is now master.key.previous: keep it while backups from before today matter, then delete it."
                                : "Now set RAPPORT_MASTER_KEY to the new key and RAPPORT_PREVIOUS_MASTER_KEY to the old one on every node.");
                return 0;
            } catch (Exception e) {
                err.println("The master key was not rotated: " + CommandLineDatabase.rootMessage(e));
                return 1;
            }
        }
    }
}
