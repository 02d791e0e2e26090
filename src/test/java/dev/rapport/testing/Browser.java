package dev.rapport.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real headless Chromium from the machine's packages ({@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver}, installed by {@code scripts/test}); nothing is downloaded.
 */
public final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("rapport.chromium", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("rapport.chromedriver", "/usr/bin/chromedriver");

    private final WebDriver driver;
    private final String base;
    private final Path profile;

    public Browser(int port, String language) {
        try {
            profile = Files.createTempDirectory("rapport-chromium");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,900",
                "--lang=" + language,
                "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        this.base = "http://localhost:" + port;
    }

    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    /** Resizes the window, e.g. to a phone's 390 × 844. */
    public Browser resize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
        return this;
    }

    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    public WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    public Browser type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Sets a field's value as a picker would (date and time inputs do not take typed text the same way everywhere). */
    public Browser set(String css, String value) {
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("arguments[0].value = arguments[1];", find(css), value);
        return this;
    }

    public Browser select(String css, String value) {
        new org.openqa.selenium.support.ui.Select(find(css)).selectByValue(value);
        return this;
    }

    public Browser click(String css) {
        find(css).click();
        return this;
    }

    /** Clicks a button that leaves the page, and waits until the next page has loaded. */
    public Browser submit(String css) {
        WebElement button = find(css);
        button.click();
        // The button is gone once the next page replaced the document. Chromium sometimes reports that
        // as "node does not belong to the document" rather than as a stale element: both mean gone.
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(browser -> {
            try {
                button.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
        return this;
    }

    /** How many elements match, now (no waiting): for what must be gone. */
    public int count(String css) {
        return driver.findElements(By.cssSelector(css)).size();
    }

    public String text(String css) {
        return find(css).getText();
    }

    public String attribute(String css, String name) {
        return find(css).getAttribute(name);
    }

    public String page() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Saves what the browser shows under target/screenshots, for people to look at. */
    public void screenshot(String name) {
        try {
            Path target = Path.of("target/screenshots");
            Files.createDirectories(target);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(target.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Signs in; a member who has not acknowledged the current social media policy is shown it first
     * and acknowledges it, as every member must (the policy's own journey tests that page).
     */
    public void signIn(String email, String password) {
        open("/login").type("#email", email).type("#password", password).submit("#sign-in");
        if (path().startsWith("/policy")
                && !driver.findElements(By.id("acknowledge")).isEmpty()) {
            submit("#acknowledge");
        }
    }

    /** Signs in without acknowledging anything: the page the member is shown next is the caller's to check. */
    public void signInOnly(String email, String password) {
        open("/login").type("#email", email).type("#password", password).submit("#sign-in");
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // A leftover temporary profile does no harm.
        }
    }
}
