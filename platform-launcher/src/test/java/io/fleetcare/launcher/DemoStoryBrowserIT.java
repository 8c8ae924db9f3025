package io.fleetcare.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetcare.simulator.fleet.FleetPlan;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo as a newcomer meets it (issue 17, acceptance 3): the platform started with the demo's fleet and its
 * story, the device the banner names opened first in Debian's Chromium (headless, the system chromedriver, as
 * {@link WebUiBrowserIT}). Its page shows the identity, the owner masked as the role requires, the components with
 * their warranty, the telemetry chart with points (a year of them), the open alert of the live overheating, the past
 * tickets and the repairs with their parts; its visit brief and the KPI page show the story's data. A second seeding
 * of the same data directory adds nothing. Screenshots go to {@code target/ui-screenshots/demo-*.png}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoStoryBrowserIT {

    private static final Path CHROMIUM = Path.of(System.getProperty("fleetcare.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("fleetcare.chromedriver", "/usr/bin/chromedriver"));
    private static final String HOTEL_PHONE = "+86 21 5555 0188";
    private static final String HOTEL_ADDRESS = "88 Nanjing Road West, Shanghai";

    @TempDir
    static Path dataDir;

    private static EmbeddedPlatform platform;
    private static ChromeDriver browser;
    private static Path screenshots;
    private static String hotBox;
    private static ServiceApiClient api;
    private static int shot;

    @BeforeAll
    static void startTheDemoAndTheBrowser() {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("The browser tests need Debian's Chromium and its driver at %s and %s: install the Debian "
                        + "packages chromium and chromium-driver (or set -Dfleetcare.chromium / "
                        + "-Dfleetcare.chromedriver)", CHROMIUM, CHROMEDRIVER)
                .isTrue();
        screenshots = Path.of(System.getProperty("fleetcare.screenshots", "target/ui-screenshots"));
        Path home = Path.of(System.getProperty("fleetcare.home", "..")).toAbsolutePath();
        PlatformOptions demo = PlatformOptions.defaults(home);
        platform = EmbeddedPlatform.start(new PlatformOptions(home, dataDir, 0, 0, demo.setTopBoxes(),
                demo.overheating(), demo.chargers(), demo.faultyChargers(), demo.seed(), demo.telemetryInterval(),
                null, List.of(), true));
        api = new ServiceApiClient(platform.apiUrl(), Map.of(platform.adminUser(), platform.adminPassword(),
                DemoSeeder.MANAGER, platform.demoAccountPassword(DemoSeeder.MANAGER),
                DemoSeeder.ENGINEER, platform.demoAccountPassword(DemoSeeder.ENGINEER)));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1440,1000", "--lang=en-GB");
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build(), options);
    }

    @AfterAll
    static void stopEverything() {
        if (browser != null) {
            browser.quit();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void theBannerNamesTheOverheatingBoxAndBothFaultyDevicesAreInTheRegistry() {
        // given
        DemoSeeder.Story story = platform.story();

        // then
        assertThat(story).as("the story was seeded").isNotNull();
        assertThat(story.seededNow()).isTrue();
        hotBox = story.openFirst();
        FleetPlan boxes = FleetPlan.setTopBoxes(6, 1, 42, id -> "x");
        assertThat(hotBox).isEqualTo(DemoSeeder.overheatingBox(boxes)).isNotNull();
        assertThat(platform.banner()).contains("Open first:       " + platform.apiUrl() + "/ui/device.html?id=" + hotBox)
                .contains(DemoSeeder.MANAGER + " / " + platform.demoAccountPassword(DemoSeeder.MANAGER));
        JsonNode charger = api.call("GET", "/api/devices/" + story.faultedCharger(), platform.adminUser(), null);
        assertThat(charger.path("model").asText()).isEqualTo("AC-22-DUO");
        assertThat(charger.path("components")).hasSize(3);
        JsonNode history = api.call("GET", "/api/devices/" + story.faultedCharger() + "/history", DemoSeeder.MANAGER,
                null);
        assertThat(history.path("customer").path("name").asText()).isEqualTo("Harbour Logistics");
        assertThat(history.path("customer").path("tier").asText()).isEqualTo("A");
        assertThat(story.devices()).isEqualTo(8);
        assertThat(story.rollupRows()).isEqualTo(8L * 365 * 24 * 3);
    }

    @Test
    @Order(2)
    void theOverheatingBoxsPageTellsTheWholeStory() {
        // given
        signIn(DemoSeeder.MANAGER);

        // when: the live overheating raises its alert within the first minutes
        await("an open alert on " + hotBox).atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(5))
                .until(() -> openAlerts(hotBox) > 0);
        browser.get(platform.apiUrl() + "/ui/device.html?id=" + hotBox);
        waitFor(By.cssSelector("#timeline ul.timeline"));

        // then: identity
        assertThat(text("identity")).contains("STB-4K-200", "SN-" + hotBox, "Jade Garden Hotel, room 1203",
                "accepted by M***").doesNotContain("Mr Chen");
        // the owner, class-1 data masked for a service manager without a grant
        assertThat(text("customer")).contains("Jade Garden Hotel", "B", "0188")
                .doesNotContain(HOTEL_PHONE, HOTEL_ADDRESS);
        assertThat(browser.findElements(By.id("class-one-withheld"))).hasSize(1);
        // components, each with its own warranty
        assertThat(text("warranty")).contains("main board", "FREE", "cooling fan", "PAID", "power supply",
                "CONTRACT");
        // the chart has points: the last 24 hours from the rollups at once, and a year of weeks
        assertThat(chartPoints()).isGreaterThanOrEqualTo(23);
        browser.findElement(By.cssSelector("#window button[data-window='lastYear']")).click();
        assertThat(chartPoints()).isGreaterThanOrEqualTo(50);
        // the open alert of the overheating
        assertThat(text("alerts")).contains("RAISED");
        // the past tickets and the repairs with their parts
        assertThat(browser.findElements(By.xpath("//section[@id='tickets']//td[text()='CLOSED']"))).hasSize(2);
        assertThat(text("timeline")).contains("REPAIR #", "demo-engineer", "Cooling fan seized",
                "Part replaced: Cooling fan 40 mm", "Part replaced: CPU thermal pad kit");
        screenshot("overheating-box-page");
    }

    @Test
    @Order(3)
    void anEngineerSeesTheOwnersNameButNotTheClassOneContact() {
        // given
        signIn(DemoSeeder.ENGINEER);

        // when
        browser.get(platform.apiUrl() + "/ui/device.html?id=" + hotBox);
        waitFor(By.cssSelector("#timeline ul.timeline"));

        // then
        assertThat(text("customer")).contains("Jade Garden Hotel").doesNotContain(HOTEL_PHONE, HOTEL_ADDRESS);
        assertThat(browser.findElements(By.id("class-one-withheld"))).hasSize(1);
        screenshot("overheating-box-as-engineer");
    }

    @Test
    @Order(4)
    void theVisitBriefAndTheKpiPageShowTheStory() {
        // given
        signIn(DemoSeeder.MANAGER);

        // when
        browser.get(platform.apiUrl() + "/api/devices/" + hotBox + "/brief");
        String brief = browser.findElement(By.tagName("body")).getText();
        screenshot("visit-brief");
        browser.get(platform.apiUrl() + "/ui/kpi.html");
        WebElement kpis = waitFor(By.id("kpi-table"));

        // then
        assertThat(brief).contains(hotBox, "STB-4K-200", "cooling fan", "Cooling fan seized", "Cooling fan 40 mm");
        assertThat(brief).doesNotContain(HOTEL_PHONE);
        assertThat(kpis.getText()).contains("all tickets");
        Number faultBars = await("faults-by-model chart").atMost(Duration.ofSeconds(30)).until(() -> (Number) script(
                "const c = Chart.getChart('kpi-faults'); return c ? c.data.datasets[0].data.length : 0;"),
                n -> n.intValue() > 0);
        assertThat(faultBars.intValue()).isPositive();
        screenshot("kpi-page");
    }

    @Test
    @Order(5)
    void aSecondStartOfTheSameDataDirectorySeedsNothing() {
        // given
        int customers = api.call("GET", "/api/customers", platform.adminUser(), null).size();
        long closed = closedTickets();
        DemoSeeder again = new DemoSeeder(api, platform.adminUser(), new DemoSeeder.TelemetryStore(platform.jdbcUrl(),
                platform.postgresUser(), platform.postgresPassword()), java.time.Clock.systemUTC(), 42);

        // when
        DemoSeeder.Story story = again.seedOnce(dataDir, FleetPlan.setTopBoxes(6, 1, 42, id -> "x"),
                FleetPlan.chargers(2, 0, 1, 42, id -> "x"), Map.of());

        // then
        assertThat(story.seededNow()).isFalse();
        assertThat(story.openFirst()).isEqualTo(hotBox);
        assertThat(api.call("GET", "/api/customers", platform.adminUser(), null).size()).isEqualTo(customers);
        assertThat(closedTickets()).isEqualTo(closed);
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private static long openAlerts(String deviceId) {
        JsonNode alerts = api.call("GET", "/api/alerts?deviceId=" + deviceId, DemoSeeder.MANAGER, null);
        return StreamSupport.stream(alerts.spliterator(), false)
                .filter(a -> a.path("state").asText().equals("RAISED")).count();
    }

    private static long closedTickets() {
        return api.call("GET", "/api/tickets?status=CLOSED", platform.adminUser(), null).size();
    }

    private static int chartPoints() {
        return await("chart points").atMost(Duration.ofSeconds(20)).until(() -> ((Number) script(
                "const c = Chart.getChart('telemetry-chart'); return c ? c.data.datasets[2].data.length : 0;"))
                .intValue(), n -> n > 0);
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static void signIn(String username) {
        browser.manage().deleteAllCookies();
        browser.get(platform.apiUrl() + "/ui/login.html");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(platform.demoAccountPassword(username));
        browser.findElement(By.id("sign-in")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), username));
    }

    private static WebElement waitFor(By what) {
        return new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(what));
    }

    private static Object script(String js) {
        return ((JavascriptExecutor) browser).executeScript(js);
    }

    private static void screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            script("window.scrollTo(0, 0);");
            File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(file.toPath(), screenshots.resolve(String.format("demo-%02d-%s.png", ++shot, name)),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
