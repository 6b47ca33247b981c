package io.autocnn.coordinator.service;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** The installed Chromium (Debian chromium + chromium-driver), headless, and what the leaderboard tests read from it. */
final class HeadlessChromium implements AutoCloseable {

    private final ChromeDriver driver;

    HeadlessChromium() {
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1400,1100");
        // The installed driver: Selenium Manager would try to download one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /** Each row of the leaderboard table as its cells' texts. */
    @SuppressWarnings("unchecked")
    List<List<String>> tableRows() {
        return (List<List<String>>) script("return [...document.querySelectorAll('#leaderboard tbody tr')]"
                + ".map(tr => [...tr.cells].map(td => td.textContent));");
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Polls until {@code condition} holds, failing with {@code what} after {@code timeout}. */
    static void await(String what, Duration timeout, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Boolean.TRUE.equals(condition.get())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    void screenshot(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
