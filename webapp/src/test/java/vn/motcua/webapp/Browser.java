package vn.motcua.webapp;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium for all browser tests (installed by .ci/run), driven through the explicit
 * chromedriver path so that Selenium never looks for a browser on the network.
 */
public final class Browser {

  private static WebDriver driver;

  private Browser() {
  }

  public static synchronized WebDriver driver() {
    if (driver == null) {
      // a file left by an earlier run would pass for this run's download
      try (var old = Files.list(downloads())) {
        old.forEach(file -> file.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(new File("/usr/bin/chromedriver"))
          .usingAnyFreePort()
          .build();
      ChromeOptions options = new ChromeOptions();
      options.setBinary("/usr/bin/chromium");
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
          "--window-size=1400,1000", "--lang=vi");
      options.setExperimentalOption("prefs", java.util.Map.of(
          "download.default_directory", downloads().toAbsolutePath().toString(),
          "download.prompt_for_download", false));
      ChromeDriver chrome = new ChromeDriver(service, options);
      chrome.executeCdpCommand("Browser.setDownloadBehavior", java.util.Map.of("behavior", "allow",
          "downloadPath", downloads().toAbsolutePath().toString()));
      driver = chrome;
      driver.manage().timeouts().implicitlyWait(Duration.ZERO);
      Runtime.getRuntime().addShutdownHook(new Thread(driver::quit));
    }
    return driver;
  }

  /** Where the browser saves what a test downloads (target/downloads). */
  public static Path downloads() {
    try {
      return Files.createDirectories(Path.of("target", "downloads"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for a finished download whose name starts with the prefix and ends with the suffix. */
  public static Path downloaded(String prefix, String suffix) {
    return new WebDriverWait(driver(), Duration.ofSeconds(20)).until(d -> {
      try (var files = Files.list(downloads())) {
        return files.filter(f -> f.getFileName().toString().startsWith(prefix)
            && f.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /**
   * Signs the demo user in on the Vietnamese login page of the application on the port, and waits for the element
   * their landing page shows.
   */
  public static void signIn(int port, String user, String landmarkId) {
    WebDriver browser = driver();
    browser.manage().deleteAllCookies();
    browser.get("http://localhost:" + port + "/login?lang=vi");
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys("demo");
    browser.findElement(By.id("sign-in")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id(landmarkId)));
  }

  public static WebDriverWait waiting() {
    return new WebDriverWait(driver(), Duration.ofSeconds(15));
  }

  /** Saves a screenshot under target/screenshots so a person can look at the pages. */
  public static void screenshot(String name) {
    try {
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver()).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
