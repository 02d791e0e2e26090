package dev.rapport.team.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.testing.Browser;
import dev.rapport.testing.BrowserTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A newcomer's first visit: setup with the console's code, sign in, switch language, the home page. */
@BrowserTest
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:first-run;MODE=PostgreSQL;DB_CLOSE_DELAY=-1",
            "rapport.admin.email=",
            "rapport.admin.password="
        })
class FirstRunBrowserTests {

    static final Pattern CODE = Pattern.compile("setup code:\\s+(\\S+)");

    @LocalServerPort
    int port;

    @Test
    void setUpSignInSwitchLanguageAndSeeTheTenLessons(CapturedOutput console) {
        var matcher = CODE.matcher(console.getOut());
        assertThat(matcher.find())
                .as("the setup code is printed to the console")
                .isTrue();
        String code = matcher.group(1);

        try (Browser browser = new Browser(port, "en")) {
            browser.open("/");
            assertThat(browser.path()).isEqualTo("/setup");
            browser.screenshot("01-setup");

            browser.type("#code", "wrong-code")
                    .type("#workspaceName", "Acme 市场部")
                    .type("#adminName", "Ada Lovelace")
                    .type("#adminEmail", "ada@acme.test")
                    .type("#password", "Analytical-engine-1843")
                    .submit("#setup-submit");
            assertThat(browser.page()).contains("The setup code is not right");

            browser.type("#code", code)
                    .type("#password", "Analytical-engine-1843")
                    .submit("#setup-submit");
            assertThat(browser.path()).isEqualTo("/login?ready");
            assertThat(browser.page()).contains("Your workspace is ready");

            browser.signIn("ada@acme.test", "Analytical-engine-1843");
            assertThat(browser.path()).isEqualTo("/");
            assertThat(browser.text("h1")).isEqualTo("Social media works when you do it right");
            assertThat(browser.find("#lesson-10").getText()).contains("No social media policy");
            browser.screenshot("02-home-en");

            browser.submit("#lang-zh");
            assertThat(browser.text("h1")).isEqualTo("做对了，社交媒体就有效");
            assertThat(browser.find("#lesson-5").getText()).contains("不回应用户");
            browser.open("/members");
            assertThat(browser.text("h1")).isEqualTo("团队");
            browser.open("/");
            browser.screenshot("03-home-zh");
            browser.resize(390, 844).open("/members");
            assertThat(browser.find("label.nav-button").isDisplayed())
                    .as("the phone layout folds the menu")
                    .isTrue();
            browser.screenshot("05-members-phone-zh");
            browser.resize(1280, 900);

            browser.open("/setup");
            assertThat(browser.path()).isEqualTo("/login");
        }
    }
}
