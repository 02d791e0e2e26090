package dev.rapport.team;

import dev.rapport.team.Commands.SetUpWorkspace;
import dev.rapport.team.domain.Secrets;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * An empty workspace gets its first admin either from {@code RAPPORT_ADMIN_EMAIL} and
 * {@code RAPPORT_ADMIN_PASSWORD}, or through the setup page, which asks for a one-time code printed
 * to the console. There is no default password.
 */
@Component
public class FirstRun {

    private static final Logger log = LoggerFactory.getLogger(FirstRun.class);

    private final TeamManagement team;
    private final Environment environment;
    private final AtomicReference<String> setupCode = new AtomicReference<>();

    FirstRun(TeamManagement team, Environment environment) {
        this.team = team;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (!team.setupRequired()) {
            return;
        }
        String email = environment.getProperty("rapport.admin.email");
        String password = environment.getProperty("rapport.admin.password");
        if (email != null && !email.isBlank() && password != null && !password.isBlank()) {
            team.setUp(new SetUpWorkspace(
                    environment.getProperty(
                            "rapport.workspace.name", team.workspace().name()),
                    environment.getProperty("rapport.workspace.language", "en"),
                    ZoneId.systemDefault().getId(),
                    environment.getProperty("rapport.admin.name", email.split("@")[0]),
                    email,
                    password));
            log.info("First admin {} created from RAPPORT_ADMIN_EMAIL.", email);
            return;
        }
        String code = Secrets.random(9);
        setupCode.set(code);
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        // Printed, not logged: the code is for the person at the console, not for log files.
        System.out.printf(
                "%n================================================================%n"
                        + "  Rapport is not set up yet. Open http://localhost:%s/setup%n"
                        + "  and enter this one-time setup code:  %s%n"
                        + "================================================================%n%n",
                port, code);
    }

    /** Whether the candidate is the setup code printed at start-up. */
    public boolean codeMatches(String candidate) {
        String code = setupCode.get();
        return code != null && Secrets.sameSecret(code, candidate.strip());
    }

    /** Sets up the workspace if the code matches; the code is spent once setup has succeeded. */
    public MemberView setUp(String code, SetUpWorkspace command) {
        if (!codeMatches(code)) {
            throw dev.rapport.core.Refusal.invalid("setup.code-wrong");
        }
        MemberView admin = team.setUp(command);
        setupCode.set(null);
        return admin;
    }

    /** For the browser test of the setup journey, which reads the code as the console shows it. */
    String currentCode() {
        return setupCode.get();
    }
}
