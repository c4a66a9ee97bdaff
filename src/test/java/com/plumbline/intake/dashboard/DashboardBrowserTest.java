package com.plumbline.intake.dashboard;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dispatch board in a real browser (Debian's chromium and chromedriver, headless) against
 * the whole running service: login, an emergency banner within 2 s of the signed webhook,
 * Acknowledge stopping the escalation, a second dispatcher seeing presence, typing and the
 * acknowledgement, and a reconnect catching up on a message posted while the socket was down.
 * Screenshots: target/screenshots/.
 */
class DashboardBrowserTest extends DashboardIntegrationTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private final List<WebDriver> drivers = new ArrayList<>();
    /** Each browser's profile folder (--user-data-dir): deleted once its browser has quit. */
    private final List<Path> profiles = new ArrayList<>();

    @AfterEach
    void closeBrowsers() {
        try {
            drivers.forEach(WebDriver::quit);
        } finally {
            drivers.clear();
            // a helper process of the browser may still be writing there for a moment after quit
            for (Path profile : profiles) {
                await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ZERO).ignoreExceptions().until(() -> {
                    FileSystemUtils.deleteRecursively(profile);
                    return Files.notExists(profile);
                });
            }
            profiles.clear();
        }
    }

    @Test
    void emergencyBannerAcknowledgedByOneDispatcherIsSeenByTheOther() throws Exception {
        WebDriver dana = browser(1280, 800);
        WebDriver morgan = browser(375, 812);
        logIn(dana, "Dana Reyes");
        logIn(morgan, "Morgan Lee");

        long posted = System.nanoTime();
        assertThat(sms("SMboard00000000000000000000000000001", "+15125550171",
                "HELP basement is flooding, water everywhere").statusCode()).isEqualTo(200);
        WebElement banner = new WebDriverWait(dana, Duration.ofSeconds(2))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#banners .banner")));
        long bannerMillis = (System.nanoTime() - posted) / 1_000_000;
        assertThat(bannerMillis).isLessThanOrEqualTo(2000);
        assertThat(banner.getText()).contains("EMERGENCY").contains("flooding");
        wait(morgan, 5).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#banners .banner")));
        long messageId = messageId("SMboard00000000000000000000000000001");
        // the feed shows it, colour-coded, with an SLA countdown
        WebElement item = wait(dana, 5).until(ExpectedConditions.visibilityOfElementLocated(By.id("msg-" + messageId)));
        assertThat(item.getAttribute("class")).contains("p-EMERGENCY");
        wait(dana, 3).until(d -> d.findElement(By.cssSelector("#msg-" + messageId + " .sla")).getText().startsWith("Respond within"));
        await().atMost(Duration.ofSeconds(5)).until(() -> ((String) script(dana, "return document.title")).contains("EMERGENCY"));
        screenshot(dana, "desktop-emergency-banner");
        screenshot(morgan, "phone-emergency-banner");

        // both open the customer: each sees the other in the room, and who is typing
        morgan.findElement(By.cssSelector("#banners .banner a")).click();
        dana.findElement(By.cssSelector("#banners .banner a")).click();
        wait(dana, 5).until(ExpectedConditions.textToBePresentInElementLocated(By.id("viewing"), "Morgan Lee"));
        wait(morgan, 5).until(ExpectedConditions.textToBePresentInElementLocated(By.id("viewing"), "Dana Reyes"));
        morgan.findElement(By.id("reply")).sendKeys("On my way, 20 minutes");
        wait(dana, 5).until(ExpectedConditions.textToBePresentInElementLocated(By.id("typing"), "Morgan Lee is typing"));
        wait(dana, 5).until(ExpectedConditions.textToBePresentInElementLocated(By.id("customer"), "flooding"));
        screenshot(dana, "desktop-customer-view");
        screenshot(morgan, "phone-customer-view");

        // Dana acknowledges: recorded, the escalation stops, Morgan sees who did it
        dana.findElement(By.cssSelector("#banners .banner button.ack")).click();
        wait(dana, 5).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#banners .banner")));
        wait(morgan, 5).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#banners .banner")));
        wait(morgan, 5).until(ExpectedConditions.textToBePresentInElementLocated(By.id("acks"), "acknowledged by Dana Reyes"));
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject(
                "select status from escalation where message_id = ?", String.class, messageId).equals("ACKED"));
        assertThat(jdbc.queryForObject("select acked_by from escalation where message_id = ?", String.class, messageId))
                .isEqualTo("Dana Reyes");
        assertThat(jdbc.queryForList("select status from notification where message_id = ? and status <> 'SKIPPED'",
                String.class, messageId)).isNotEmpty().containsOnly("ACKED");
        // the escalation poller runs every few seconds here: an ACKED ladder fires no further tier
        Thread.sleep(1500);
        assertThat(jdbc.queryForObject("select count(*) from notification where message_id = ? and tier > 0",
                Integer.class, messageId)).isZero();
        morgan.navigate().to(base() + "#/feed");
        wait(morgan, 5).until(ExpectedConditions.textToBePresentInElementLocated(By.id("msg-" + messageId),
                "Acknowledged by Dana Reyes"));
        screenshot(morgan, "phone-feed-acknowledged");
    }

    @Test
    void aReconnectingPageCatchesUpOnWhatItMissed() throws Exception {
        WebDriver dana = browser(1280, 800);
        logIn(dana, "Dana Reyes");

        script(dana, "window.board.drop()");
        wait(dana, 5).until(d -> "off".equals(d.findElement(By.id("conn")).getAttribute("data-state")));
        assertThat(sms("SMboard00000000000000000000000000002", "+15125550172",
                "kitchen drain is clogged and slow").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from dashboard_event e join message m on m.id = e.message_id"
                        + " where m.provider_message_id = 'SMboard00000000000000000000000000002'", Integer.class) > 0);
        long messageId = messageId("SMboard00000000000000000000000000002");
        Thread.sleep(500);
        assertThat(dana.findElements(By.id("msg-" + messageId))).as("not shown while offline").isEmpty();
        screenshot(dana, "desktop-offline");

        script(dana, "window.board.resume()");
        wait(dana, 10).until(d -> "on".equals(d.findElement(By.id("conn")).getAttribute("data-state")));
        WebElement item = wait(dana, 5).until(ExpectedConditions.visibilityOfElementLocated(By.id("msg-" + messageId)));
        assertThat(item.getText()).contains("clogged").contains("drain cleaning");
        screenshot(dana, "desktop-feed-after-reconnect");

        // the other views render with data from the service: today's charts, jobs, dead letters
        dana.findElement(By.cssSelector(".tabs a[data-view='today']")).click();
        wait(dana, 5).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#today-table table")));
        assertThat((Boolean) script(dana, "return typeof window.Chart === 'function'")).isTrue();
        screenshot(dana, "desktop-today");
        dana.findElement(By.cssSelector(".tabs a[data-view='jobs']")).click();
        wait(dana, 5).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#jobs tbody tr")));
        dana.findElement(By.cssSelector(".tabs a[data-view='dead-letters']")).click();
        wait(dana, 5).until(ExpectedConditions.visibilityOfElementLocated(By.id("view-dead-letters")));
        screenshot(dana, "desktop-dead-letters");
    }

    private WebDriver browser(int width, int height) throws IOException {
        Path profile = Files.createTempDirectory("board-chrome-");
        profiles.add(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height, "--autoplay-policy=no-user-gesture-required");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        drivers.add(driver);
        return driver;
    }

    private void logIn(WebDriver driver, String name) {
        String[] credentials = credentialsOf(name);
        driver.get(base());
        wait(driver, 10).until(ExpectedConditions.elementToBeClickable(By.id("login-username"))).sendKeys(credentials[0]);
        driver.findElement(By.id("login-password")).sendKeys(credentials[1]);
        driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait(driver, 10).until(d -> "on".equals(d.findElement(By.id("conn")).getAttribute("data-state")));
        assertThat(driver.findElement(By.id("me")).getText()).contains(name);
    }

    private String base() {
        return "http://localhost:" + port + "/";
    }

    private static WebDriverWait wait(WebDriver driver, int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    private static Object script(WebDriver driver, String js) {
        return ((JavascriptExecutor) driver).executeScript(js);
    }

    private static void screenshot(WebDriver driver, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
