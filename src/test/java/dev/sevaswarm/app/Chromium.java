package dev.sevaswarm.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium driven by its chromedriver; screenshots go to target/browser. */
final class Chromium implements AutoCloseable {

  static final Path ARTIFACTS = Path.of("target", "browser");

  final WebDriver driver;
  final WebDriverWait wait;
  private final String baseUrl;

  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  Chromium(String baseUrl) throws Exception {
    this(baseUrl, "en");
  }

  /** A browser whose person prefers the given language (Accept-Language, navigator.languages). */
  Chromium(String baseUrl, String language) throws Exception {
    this(baseUrl, language, "UTC");
  }

  /** ...and lives in the given time zone. */
  Chromium(String baseUrl, String language, String timeZone) throws Exception {
    // without Debian's Chromium the browser tests are skipped, and say so: Maven lists the class
    // as skipped (a WARNING line) and the report names what to install
    Assumptions.assumeTrue(Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
        "BROWSER TEST SKIPPED: no " + BROWSER + " or " + DRIVER
            + " on this machine (apt-get install -y chromium chromium-driver; .ci/run does)");
    this.baseUrl = baseUrl;
    Files.createDirectories(ARTIFACTS);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toString());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,1000",
        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"), "--lang=" + language);
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort()
        .withEnvironment(java.util.Map.of("TZ", timeZone)).build();
    this.driver = new ChromeDriver(service, options);
    this.wait = new PatientWait(driver, Duration.ofSeconds(30));
  }

  /**
   * Waits as a person looks again: a page that replaces an element between finding it and reading it
   * (a status re-rendered after a click) is read again at the next poll, not a failed test.
   * Chromedriver reports such a node as stale, or as one that "does not belong to the document".
   */
  private static final class PatientWait extends WebDriverWait {

    private final WebDriver browser;

    PatientWait(WebDriver driver, Duration timeout) {
      super(driver, timeout);
      this.browser = driver;
      ignoring(StaleElementReferenceException.class);
    }

    @Override
    public <V> V until(Function<? super WebDriver, V> isTrue) {
      try {
        return super.until(driver -> {
          try {
            return isTrue.apply(driver);
          } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
              return null; // not yet: look again
            }
            throw e;
          }
        });
      } catch (TimeoutException e) {
        // what the page showed when the wait gave up, for whoever reads the failure
        try {
          e.addInfo("page as it was", saved(browser, "timed-out-" + System.currentTimeMillis()).toAbsolutePath().toString());
        } catch (IOException | WebDriverException unsaved) {
          e.addSuppressed(unsaved);
        }
        throw e;
      }
    }
  }

  /** Logs in on the Camunda webapps' login form (Tasklist). */
  void logIn(String user) {
    logIn(user, "/camunda/app/tasklist/default/");
  }

  /** Logs in where the board sends a person without a session: the webapps' welcome page. */
  void logInOnWelcome(String user) {
    logIn(user, "/camunda/app/welcome/default/");
  }

  /**
   * Fills the login form and submits it; a person whose login did not go through (a slow first
   * answer of the webapps, or Camunda's login delay), or whose first page kept spinning (a browser
   * started for the first time on the machine), reloads and tries again, as people do.
   */
  private void logIn(String user, String app) {
    for (int attempt = 1; ; attempt++) {
      driver.manage().deleteAllCookies();
      driver.get(baseUrl + app);
      WebElement name;
      try {
        name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
      } catch (org.openqa.selenium.TimeoutException stillSpinning) {
        if (attempt == 3) {
          throw stillSpinning;
        }
        continue;
      }
      name.clear();
      name.sendKeys(user);
      driver.findElement(By.cssSelector("input[ng-model=password]")).sendKeys("demo");
      driver.findElement(By.cssSelector("button[type=submit]")).click();
      try {
        new WebDriverWait(driver, Duration.ofSeconds(20))
            .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
        return;
      } catch (org.openqa.selenium.TimeoutException notYet) {
        if (attempt == 3) {
          throw notYet;
        }
      }
    }
  }

  void open(String path) {
    driver.get(baseUrl + path);
  }

  void save(String name) throws Exception {
    saved(driver, name);
  }

  /** The page's screenshot and its HTML, under the given name; answers the screenshot's path. */
  private static Path saved(WebDriver browser, String name) throws IOException {
    Path screenshot = ARTIFACTS.resolve(name + ".png");
    Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    Files.writeString(ARTIFACTS.resolve(name + ".html"), browser.getPageSource());
    return screenshot;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
