package io.fleetcare.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcare.simulator.charger.ChargerSignals;
import io.fleetcare.simulator.charger.ChargerSpec;
import io.fleetcare.simulator.charger.SimulatedCharger;
import io.fleetcare.simulator.charger.SuddenFault;
import io.fleetcare.simulator.modbus.ModbusCharger;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI in Debian's Chromium (headless, through the system chromedriver) against the whole running platform
 * (issue 8, acceptance 1-3): a NOC operator sees a simulated charger's fault arrive live, acknowledges it and opens
 * a ticket; a service manager sees the device's chart and runs a remote command; the ticket is walked to CLOSED by
 * the manager and the assigned engineer; the engineer cannot reach administration or the customer's class-1 data;
 * only the top manager approves an access grant (issue 21), every click's call carrying the session's CSRF token.
 * Screenshots of every page go to {@code target/ui-screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiBrowserIT {

    private static final Path CHROMIUM = Path.of(System.getProperty("fleetcare.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("fleetcare.chromedriver", "/usr/bin/chromedriver"));
    private static final String CHARGER = "UI-CP-01";
    private static final String MODBUS_CHARGER = "UI-MB-01";
    private static final String NOC = "ui-noc";
    private static final String MANAGER = "ui-manager";
    private static final String ENGINEER = "ui-engineer";
    private static final String TOP = "ui-top";
    private static final String PASSWORD = "browser-test-password-1";
    private static final String CUSTOMER_ADDRESS = "Harbour Road 12, Room 1701";
    private static final String CUSTOMER_PHONE = "+86 21 5555 0101";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;

    private static EmbeddedPlatform platform;
    private static SimulatedCharger charger;
    private static ChromeDriver browser;
    private static Path screenshots;
    private static String ticketNumber;
    private static long customerId;
    private static int shot;

    @BeforeAll
    static void startPlatformAndBrowser() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("The browser tests need Debian's Chromium and its driver at %s and %s: install the Debian "
                        + "packages chromium and chromium-driver (or set -Dfleetcare.chromium / "
                        + "-Dfleetcare.chromedriver)", CHROMIUM, CHROMEDRIVER)
                .isTrue();
        screenshots = Path.of(System.getProperty("fleetcare.screenshots", "target/ui-screenshots"));
        Files.createDirectories(screenshots);
        Path home = Path.of(System.getProperty("fleetcare.home", "..")).toAbsolutePath();
        platform = EmbeddedPlatform.start(new PlatformOptions(home, dataDir, 0, 0, 3, 1, 1, 0, 11,
                Duration.ofSeconds(1), null, List.of(new PlatformOptions.ExtraDevice(CHARGER, true,
                        ChargerSpec.DEFAULT_MODEL))));
        createAccountsDeviceAndParts();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1440,1000", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopEverything() {
        if (browser != null) {
            browser.quit();
        }
        if (charger != null) {
            charger.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void theNocSeesAFaultArriveLiveAcknowledgesItAndOpensATicket() throws Exception {
        // given
        signIn(NOC);
        waitFor(By.cssSelector("#counter-EV_CHARGER"));
        script("window.fleetcareNotReloaded = true;");

        // when
        charger = SimulatedCharger.start(ChargerSpec.healthy(CHARGER, platform.deviceSecret(CHARGER), 5)
                        .withSuddenFault(new SuddenFault(Duration.ofSeconds(8), "GroundFailure", "RCD-TRIP", null)),
                platform.ocppBaseUri());
        By row = By.cssSelector("tr.alert-row[data-device='" + CHARGER + "'][data-severity='CRITICAL']");
        new WebDriverWait(browser, Duration.ofMinutes(3)).until(ExpectedConditions.visibilityOfElementLocated(row));

        // then
        assertThat(script("return window.fleetcareNotReloaded === true;")).as("page not reloaded").isEqualTo(true);
        String rowText = new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class).until(d -> d.findElement(row).getText());
        assertThat(rowText).contains("charger.status-fault");
        assertThat(browser.findElement(By.id("critical-banner")).getText()).contains(CHARGER);
        screenshot("noc-live-critical-alert");

        click(row, ".ack-button");
        browser.findElement(By.id("action-comment")).sendKeys("RCD tripped, calling the site");
        press(By.id("action-confirm"));
        waitForText(row, "acknowledged by " + NOC);
        click(row, ".ticket-button");
        By ticketLink = By.cssSelector("tr.alert-row[data-device='" + CHARGER + "'][data-severity='CRITICAL'] .ticket-link");
        ticketNumber = new WebDriverWait(browser, Duration.ofSeconds(30))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(ticketLink).stream().findFirst().map(WebElement::getText).orElse(null));
        assertThat(ticketNumber).matches("TK-\\d{4}-\\d{6}");
        screenshot("noc-acknowledged-with-ticket");
        JsonNode stored = api("GET", "/api/alerts?deviceId=" + CHARGER + "&severity=CRITICAL", MANAGER, null).get(0);
        assertThat(stored.path("acknowledgement").path("by").asText()).isEqualTo(NOC);
    }

    @Test
    @Order(2)
    void aManagerSeesTheDevicesTelemetryChartAndTheResultOfARemoteCommand() throws Exception {
        // given
        signIn(MANAGER);

        // when
        Number points = await("chart with points").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(5))
                .until(() -> {
                    browser.get(platform.apiUrl() + "/ui/device.html?id=" + CHARGER);
                    waitFor(By.cssSelector("#tickets table, #tickets .empty"));
                    return (Number) script("const c = Chart.getChart('telemetry-chart');"
                            + " return c ? c.data.datasets[2].data.length : 0;");
                }, n -> n.intValue() > 0);

        // then
        assertThat(points.intValue()).isPositive();
        assertThat(browser.findElement(By.id("identity")).getText()).contains("AC-22-DUO", "SN-UI-01");
        assertThat(browser.findElement(By.id("warranty")).getText()).contains("charging module", "FREE");
        assertThat(browser.findElement(By.id("customer")).getText()).contains("Harbour Logistics", "0101")
                .doesNotContain(CUSTOMER_PHONE, CUSTOMER_ADDRESS);
        assertThat(browser.findElements(By.id("class-one-withheld"))).hasSize(1);
        screenshot("device-page-chart");

        press(By.id("cmd-GET_CONFIGURATION"));
        new WebDriverWait(browser, Duration.ofSeconds(90)).until(ExpectedConditions.attributeToBe(
                By.id("command-result"), "data-status", "COMPLETED"));
        assertThat(browser.findElement(By.id("command-payload")).getText()).contains("configurationKey");

        // and with an access grant the top manager approved (an administrator may not) the same page shows the
        // class-1 contact in clear
        JsonNode grant = api("POST", "/api/grants", MANAGER, Map.of("customerId", customerId,
                "reason", "calling the site about the RCD trip", "durationMinutes", 30));
        long grantId = grant.path("grantId").asLong();
        By grantRow = By.id("grant-" + grantId);
        signIn(platform.adminUser(), platform.adminPassword());
        browser.get(platform.apiUrl() + "/ui/grants.html");
        waitFor(grantRow);
        assertThat(browser.findElement(grantRow).findElements(By.cssSelector(".approve-button")))
                .as("approval offered to the administrator").isEmpty();
        Object adminApproval = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " FC.api('/api/grants/" + grantId + "/approval', { method: 'POST' })"
                + ".then(() => done('approved'), e => done(e.status + ' ' + (e.problem && e.problem.type)));");
        assertThat(String.valueOf(adminApproval)).as("the administrator's approval from the UI")
                .startsWith("403").doesNotContain("csrf");
        signIn(TOP);
        browser.get(platform.apiUrl() + "/ui/grants.html");
        waitFor(grantRow);
        screenshot("grants-top-manager");
        browser.findElement(grantRow).findElement(By.cssSelector(".approve-button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.attributeToBe(
                grantRow, "data-status", "APPROVED"));
        assertThat(api("GET", "/api/grants/" + grantId, MANAGER, null).path("decidedBy").asText()).isEqualTo(TOP);
        signIn(MANAGER);
        browser.get(platform.apiUrl() + "/ui/device.html?id=" + CHARGER);
        waitFor(By.id("class-one-grant"));
        assertThat(browser.findElement(By.id("customer")).getText()).contains(CUSTOMER_PHONE, CUSTOMER_ADDRESS);
        screenshot("device-page-customer-under-grant");
        screenshot("device-remote-command-result");
    }

    @Test
    @Order(3)
    void theTicketIsWalkedToClosedByTheManagerAndTheAssignedEngineer() throws Exception {
        // given
        signIn(MANAGER);
        browser.get(platform.apiUrl() + "/ui/tickets.html");
        waitFor(By.id("card-" + ticketNumber));
        screenshot("tickets-board");
        browser.findElement(By.cssSelector("#card-" + ticketNumber + " a.title")).click();
        waitFor(By.cssSelector("main[data-settled]"));

        // when: triage, assignment, dispatch, parts
        if (status().equals("REGISTERED")) {
            move("ACKNOWLEDGED");
        }
        browser.findElement(By.id("engineer")).sendKeys(ENGINEER);
        press(By.id("assign"));
        waitForText(By.id("assignment"), ENGINEER);
        waitFor(By.cssSelector("main[data-settled]"));
        move("SCHEDULED");
        new Select(browser.findElement(By.id("i-part"))).selectByIndex(0);
        press(By.id("issue"));
        waitFor(By.id("issued"));
        screenshot("ticket-scheduled");

        // when: the engineer on site
        signIn(ENGINEER);
        openTicket();
        move("ON_SITE");
        browser.findElement(By.id("r-minutesSpent")).sendKeys("45");
        browser.findElement(By.id("r-customerSignOff")).sendKeys("Ms Zhao");
        browser.findElement(By.id("r-symptom")).sendKeys("Connector 1 faulted with GroundFailure");
        browser.findElement(By.id("r-cause")).sendKeys("Moisture in the cable gland");
        browser.findElement(By.id("r-workDone")).sendKeys("Dried and resealed the gland, replaced the RCD");
        browser.findElement(By.id("r-testResult")).sendKeys("Insulation test passed, test charge 20 min OK");
        new Select(browser.findElement(By.id("r-partId"))).selectByVisibleText("RCD type B 40 A · AC-22-DUO");
        browser.findElement(By.id("r-partLocation")).sendKeys("Depot 7 store");
        browser.findElement(By.id("r-partQuantity")).sendKeys("1");
        browser.findElement(By.id("r-partReason")).sendKeys("tripped, worn");
        press(By.id("file-record"));
        waitFor(By.id("record-list"));
        move("RESOLVED");
        screenshot("ticket-resolved-by-engineer");

        // when: confirmation and closing
        signIn(MANAGER);
        openTicket();
        new Select(browser.findElement(By.id("c-method"))).selectByValue("SIGNATURE");
        browser.findElement(By.id("c-reference")).sendKeys("signed on the record");
        move("CUSTOMER_CONFIRMED");
        waitForText(By.id("confirmations"), "SIGNATURE");
        move("CLOSED");
        new Select(browser.findElement(By.id("s-punctuality"))).selectByValue("4");
        browser.findElement(By.id("s-comment")).sendKeys("Quick and tidy");
        press(By.id("record-survey"));
        waitForText(By.id("survey"), "Quick and tidy");

        // then
        JsonNode ticket = api("GET", "/api/tickets/" + ticketNumber, MANAGER, null);
        assertThat(ticket.path("status").asText()).isEqualTo("CLOSED");
        assertThat(ticket.path("transitions").findValuesAsText("to"))
                .containsSubsequence("SCHEDULED", "ON_SITE", "RESOLVED", "CUSTOMER_CONFIRMED", "CLOSED");
        assertThat(api("GET", "/api/repairs?ticketNumber=" + ticketNumber, MANAGER, null)).hasSize(1);
        assertThat(ticket.path("confirmations").get(0).path("method").asText()).isEqualTo("SIGNATURE");
        assertThat(ticket.path("confirmations").get(0).path("contact").asText()).isEqualTo("M***");
        assertThat(ticket.path("confirmations").get(0).path("by").asText()).isEqualTo(MANAGER);
        assertThat(api("GET", "/api/tickets/" + ticketNumber + "/survey", MANAGER, null).path("punctuality").asInt())
                .isEqualTo(4);
        screenshot("ticket-closed");
    }

    @Test
    @Order(4)
    void anEngineerCannotReachAdministrationNorTheCustomersClassOneData() {
        // given
        signIn(ENGINEER);

        // when
        List<WebElement> adminLinks = browser.findElements(By.id("nav-admin"));
        Object accountsStatus = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " fetch('/api/accounts', {headers: {'X-FleetCare-UI': '1'}}).then(r => done(r.status));");
        browser.get(platform.apiUrl() + "/ui/admin.html");
        String adminPage = browser.getPageSource();
        browser.get(platform.apiUrl() + "/ui/device.html?id=" + CHARGER);
        waitFor(By.id("class-one-withheld"));

        // then
        assertThat(adminLinks).as("administration in the engineer's navigation").isEmpty();
        assertThat(((Number) accountsStatus).intValue()).isEqualTo(403);
        assertThat(adminPage).doesNotContain("Personal accounts").doesNotContain("account-form");
        String devicePage = browser.findElement(By.tagName("main")).getText();
        assertThat(devicePage).contains("Harbour Logistics").doesNotContain(CUSTOMER_ADDRESS)
                .doesNotContain(CUSTOMER_PHONE);
        screenshot("device-page-as-engineer");
    }

    @Test
    @Order(5)
    void theAdministratorManagesAccountsAndTheKpiPageShowsTheClosedTicket() {
        // given
        signIn(platform.adminUser(), platform.adminPassword());

        // when
        browser.get(platform.apiUrl() + "/ui/admin.html");
        waitForText(By.id("account-table"), ENGINEER);
        screenshot("administration");
        browser.get(platform.apiUrl() + "/ui/kpi.html");
        WebElement kpis = waitFor(By.id("kpi-table"));

        // then
        assertThat(kpis.getText()).contains("all tickets");
        assertThat(script("return Chart.getChart('kpi-faults').data.datasets[0].data.length;")).isNotEqualTo(0L);
        screenshot("kpi-dashboard");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(820, 1180));
        browser.get(platform.apiUrl() + "/ui/");
        waitFor(By.cssSelector("tr.alert-row"));
        screenshot("noc-on-a-tablet");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1000));
    }

    @Test
    @Order(6)
    void aModbusChargerRegisteredThroughTheApiIsPolledItsStatusFaultAlertsAndItsPageOffersNoOcppCommand()
            throws Exception {
        // given: a Modbus TCP charger (a j2mod slave) in the registry, then registered for polling through the API
        registerCharger(MODBUS_CHARGER, "SN-UI-MB-01", List.of(Map.of("name", "power module", "serial", "PM-UI-MB-1",
                "warrantyMonths", 24)));
        ScheduledExecutorService refresh = Executors.newSingleThreadScheduledExecutor();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (ModbusCharger charger = ModbusCharger.start(MODBUS_CHARGER, port, new ChargerSignals(11, null), true,
                Duration.ofSeconds(1), refresh)) {
            api("PUT", "/api/modbus/devices/" + MODBUS_CHARGER, MANAGER, Map.of("host", "127.0.0.1", "port", port,
                    "unitId", 1, "pollIntervalMillis", 1000));

            // when: its status register says fault, then ok again
            charger.reportStatus(2);
            await("status fault alert").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> statusFault("RAISED"));
            charger.reportStatus(0);

            // then: the running gateway polled it with no restart, the fault raised an alert and ok cleared it
            await("status fault cleared").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> statusFault("CLEARED"));

            // and: its page offers the register write only, the API the same
            signIn(MANAGER);
            browser.get(platform.apiUrl() + "/ui/device.html?id=" + MODBUS_CHARGER);
            waitFor(By.id("cmd-WRITE_REGISTER"));
            List<String> offered = browser.findElements(By.cssSelector("#command-buttons button")).stream()
                    .map(button -> button.getAttribute("id")).toList();
            assertThat(offered).containsExactly("cmd-WRITE_REGISTER");
            assertThat(api("GET", "/api/devices/" + MODBUS_CHARGER + "/commands/available", MANAGER, null)
                    .path("commands").toString()).isEqualTo("[\"WRITE_REGISTER\"]");
            screenshot("modbus-device-commands");
            browser.get(platform.apiUrl() + "/ui/device.html?id=" + CHARGER);
            waitFor(By.id("cmd-RESET"));
            assertThat(browser.findElements(By.id("cmd-WRITE_REGISTER"))).isEmpty();
            api("DELETE", "/api/modbus/devices/" + MODBUS_CHARGER, MANAGER, null);
        } finally {
            refresh.shutdownNow();
        }
    }

    /** Whether the Modbus charger has a status-fault alert in {@code state}. */
    private static boolean statusFault(String state) throws Exception {
        for (JsonNode alert : api("GET", "/api/alerts?deviceId=" + MODBUS_CHARGER, MANAGER, null)) {
            if (alert.path("ruleId").asText().equals("charger.status-fault") && alert.path("state").asText()
                    .equals(state)) {
                return true;
            }
        }
        return false;
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private static void signIn(String username) {
        signIn(username, PASSWORD);
    }

    private static void signIn(String username, String password) {
        browser.manage().deleteAllCookies();
        browser.get(platform.apiUrl() + "/ui/login.html");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        waitForText(By.id("who"), username);
    }

    /** Clicks a button inside a row of the live list, which a pushed alert may redraw at any moment. */
    private static void click(By row, String button) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    d.findElement(row).findElement(By.cssSelector(button)).click();
                    return true;
                });
    }

    private static void openTicket() {
        browser.get(platform.apiUrl() + "/ui/ticket.html?n=" + ticketNumber);
        waitFor(By.cssSelector("main[data-settled]"));
    }

    /** Clicks a control after bringing it to the middle of the window (the sticky header may cover the top). */
    private static void press(By control) {
        WebElement element = browser.findElement(control);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private static void move(String to) {
        press(By.id("to-" + to));
        waitFor(By.cssSelector("main[data-settled='" + to + "']"));
    }

    private static String status() {
        return browser.findElement(By.id("ticket-status")).getText();
    }

    private static WebElement waitFor(By what) {
        return new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(what));
    }

    private static void waitForText(By what, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBePresentInElementLocated(what, text));
    }

    private static Object script(String js) {
        return ((JavascriptExecutor) browser).executeScript(js);
    }

    private static void screenshot(String name) throws RuntimeException {
        try {
            script("window.scrollTo(0, 0);");
            File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(file.toPath(), screenshots.resolve(String.format("%02d-%s.png", ++shot, name)),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void createAccountsDeviceAndParts() throws Exception {
        String admin = platform.adminUser();
        for (var account : Map.of(NOC, "NOC_OPERATOR", MANAGER, "SERVICE_MANAGER", ENGINEER, "FIELD_ENGINEER",
                TOP, "TOP_MANAGER").entrySet()) {
            api("POST", "/api/accounts", admin, Map.of("username", account.getKey(), "password", PASSWORD,
                    "roles", List.of(account.getValue())));
        }
        JsonNode customer = api("POST", "/api/customers", admin, Map.of("name", "Harbour Logistics", "tier", "A",
                "kind", "BUSINESS", "address", CUSTOMER_ADDRESS, "contacts", List.of(Map.of("name", "Ms Zhao",
                        "position", "facility manager", "phone", CUSTOMER_PHONE))));
        customerId = customer.path("customerId").asLong();
        registerCharger(CHARGER, "SN-UI-01", List.of(
                Map.of("name", "charging module", "serial", "CM-UI-1", "warrantyMonths", 36),
                Map.of("name", "charging cable", "serial", "CC-UI-1", "warrantyMonths", 12)));
        JsonNode part = api("POST", "/api/parts", admin, Map.of("name", "RCD type B 40 A", "spec", "AC-22-DUO",
                "abcClass", "A"));
        api("POST", "/api/parts/" + part.path("partId").asLong() + "/movements", MANAGER, Map.of("kind", "RECEIPT",
                "location", "Depot 7 store", "quantity", 5, "reason", "delivery note DN-UI-1"));
    }

    /** Puts a charger of the customer's, commissioned at the depot, in the registry. */
    private static void registerCharger(String deviceId, String serial, List<Map<String, Object>> components)
            throws Exception {
        api("POST", "/api/devices", platform.adminUser(), Map.ofEntries(Map.entry("deviceId", deviceId),
                Map.entry("deviceType", "EV_CHARGER"), Map.entry("model", ChargerSpec.DEFAULT_MODEL),
                Map.entry("serial", serial), Map.entry("firmware", "1.6.3"),
                Map.entry("siteAddress", "Depot 7, Container Terminal"), Map.entry("producedOn", "2025-09-10"),
                Map.entry("soldOn", "2025-10-01"), Map.entry("installedOn", "2025-10-20"),
                Map.entry("commissioning", Map.of("on", "2025-10-21", "report", "Commissioned, RCD tested",
                        "acceptedBy", "Ms Zhao")),
                Map.entry("customerId", customerId),
                Map.entry("components", components)));
    }

    /** Calls the API with HTTP Basic; fails the test on anything but 2xx. */
    private static JsonNode api(String method, String path, String user, Object body) throws Exception {
        String password = user.equals(platform.adminUser()) ? platform.adminPassword() : PASSWORD;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.apiUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }
}
