package dev.rapport;

import dev.rapport.accounts.VaultCommand;
import dev.rapport.audit.AuditCommand;
import dev.rapport.screening.ScreenCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Rapport: the server ({@code java -jar rapport.jar}) and, with a command word first, the command
 * line ({@code java -jar rapport.jar audit verify ...}).
 */
@SpringBootApplication
@EnableAsync
public class Rapport {

    public static void main(String[] args) {
        if (args.length > 0 && (!args[0].startsWith("-") || args[0].equals("--help") || args[0].equals("-h"))) {
            System.exit(commandLine().execute(args));
        }
        SpringApplication.run(Rapport.class, args);
    }

    /** The command line: one sub-command per module that has one. */
    public static CommandLine commandLine() {
        return new CommandLine(new Commands())
                .addSubcommand(new AuditCommand())
                .addSubcommand(new VaultCommand())
                .addSubcommand(new ScreenCommand());
    }

    @Command(
            name = "rapport",
            mixinStandardHelpOptions = true,
            description = "Rapport command line. Without a command, java -jar rapport.jar starts the server.")
    static class Commands {}
}
