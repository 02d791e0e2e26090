package dev.rapport.audit;

import dev.rapport.core.CommandLineDatabase;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rapport audit verify}: checks the audit chain of the embedded database in a data
 * directory, or of the database that {@code SPRING_DATASOURCE_URL} names.
 */
@Command(
        name = "audit",
        description = "Audit log commands.",
        mixinStandardHelpOptions = true,
        subcommands = AuditCommand.Verify.class)
public class AuditCommand {

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description =
                    "Checks the hash chain and names the first broken entry. Exit code 0 when intact, 1 when broken.")
    static class Verify implements Callable<Integer> {

        @Option(
                names = "--data-dir",
                description = "Data directory of the embedded database (default ./data). "
                        + "Ignored when SPRING_DATASOURCE_URL is set.")
        String dataDir = "./data";

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            var dataSource = CommandLineDatabase.of(dataDir);
            AuditVerification result;
            try {
                result = new AuditChain(JdbcClient.create(dataSource)).verify();
            } catch (RuntimeException e) {
                spec.commandLine().getErr().println("Cannot read the audit log: " + CommandLineDatabase.rootMessage(e));
                return 2;
            }
            if (result.intact()) {
                out.printf("Audit log intact: %d entries verified.%n", result.checked());
                return 0;
            }
            out.printf(
                    "Audit log BROKEN at entry #%d (%s); %d entries before it are intact.%n",
                    result.firstBroken(), result.problem(), result.checked());
            return 1;
        }
    }
}
