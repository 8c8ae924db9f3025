package io.fleetcare.api.bench;

import io.fleetcare.api.device.history.RollupSummaryQuery;
import io.fleetcare.events.Topics;
import io.fleetcare.infra.kafka.EmbeddedKafka;
import io.fleetcare.infra.net.FreePorts;
import io.fleetcare.infra.postgres.EmbeddedPostgres;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * End-to-end benchmark of {@code GET /api/devices/{id}/history} (issue 5, acceptance 3; not a test, asserts nothing).
 * Starts one embedded PostgreSQL and one embedded Kafka, loads a year of per-minute telemetry of one charger and its
 * hourly rollups ({@link DeviceHistoryBenchmark#load}), starts the packaged service ({@code quarkus-run.jar}) as its
 * own process against them, registers the customer and the charger over HTTP, adds a realistic year of service
 * (tickets with requests, evidence, transitions and assignments; repair and maintenance records with parts and
 * amendments; open alerts) with SQL, then times the whole HTTP call with Basic authentication, the same
 * authentication on a call that does nothing else, the same in a signed-in web session and with an API token (issue
 * 21), and the statements the endpoint needs run bare over JDBC.
 *
 * <p>Arguments: {@code <telemetry-sql-dir> <quarkus-run.jar> [calls] [warm-up] [tickets]}.
 */
public final class DeviceHistoryHttpBenchmark {

    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "bench-admin-secret-1";
    private static final List<String> COUNTED_TABLES = List.of("device", "device_component", "customer",
            "customer_contact", "alert", "alert_note", "ticket", "ticket_source_request", "ticket_evidence",
            "ticket_transition", "ticket_assignment", "repair_record", "repair_part", "repair_amendment");

    private DeviceHistoryHttpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path sqlDir = Path.of(args[0]);
        Path jar = Path.of(args[1]);
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        int tickets = args.length > 4 ? Integer.parseInt(args[4]) : 60;
        try (EmbeddedPostgres pg = EmbeddedPostgres.start();
                EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopics(1, Topics.MAINTENANCE_REQUESTS, Topics.DEVICE_ALERTS, Topics.DEVICE_COMMANDS,
                    Topics.DEVICE_COMMAND_RESULTS);
            String jdbcUrl = pg.jdbcUrl("history_http_bench");
            try (Connection c = DriverManager.getConnection(jdbcUrl, pg.username(), pg.password())) {
                DeviceHistoryBenchmark.load(c, sqlDir, Instant.now());
                int port = FreePorts.pick();
                Process service = startService(jar, jdbcUrl, pg, kafka, port);
                try {
                    URI base = URI.create("http://127.0.0.1:" + port);
                    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                    awaitReady(http, base, service);
                    registerCustomerAndDevice(http, base);
                    addServiceYear(c, tickets);
                    run(c, http, base, calls, warmUp);
                } finally {
                    service.destroy();
                    if (!service.waitFor(20, TimeUnit.SECONDS)) {
                        service.destroyForcibly();
                    }
                }
            }
        }
    }

    private static Process startService(Path jar, String jdbcUrl, EmbeddedPostgres pg, EmbeddedKafka kafka, int port)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms" + System.getProperty("bench.service.heap", "384m"),
                "-Xmx" + System.getProperty("bench.service.heap", "384m"), "-jar", jar.toString());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", pg.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", pg.password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("FLEETCARE_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        env.put("FLEETCARE_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("QUARKUS_LOG_LEVEL", "WARN");
        byte[] archiveKey = new byte[32];
        new java.security.SecureRandom().nextBytes(archiveKey);
        env.put("fleetcare.archive.keys.bench", Base64.getEncoder().encodeToString(archiveKey));
        env.put("FLEETCARE_ARCHIVE_ACTIVE_KEY", "bench");
        Path log = jar.getParent().getParent().resolve("bench-service-api.log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        System.out.println("service log: " + log);
        return builder.start();
    }

    private static void awaitReady(HttpClient http, URI base, Process service) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        long started = System.nanoTime();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the service exited with " + service.exitValue() + "; see its log");
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(base.resolve("/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    System.out.printf(Locale.ROOT, "service ready after %.1f s%n",
                            (System.nanoTime() - started) / 1e9);
                    return;
                }
            } catch (ConnectException | HttpTimeoutException notYet) {
                // the service is still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the service did not get ready within 240 s");
    }

    private static void registerCustomerAndDevice(HttpClient http, URI base) throws Exception {
        String customer = send(http, base, "POST", "/api/customers", """
                {"name":"Harbour Logistics","tier":"A","kind":"BUSINESS","address":"Harbour Road 12, Ningbo",
                 "contacts":[{"name":"Ms Zhao","position":"fleet manager","phone":"+86 574 0000 0000"}]}""", 201);
        String customerId = customer.replaceAll("(?s).*\"customerId\":(\\d+).*", "$1");
        send(http, base, "POST", "/api/devices", """
                {"deviceId":"%s","deviceType":"EV_CHARGER","model":"DC-60","serial":"SN-BENCH-1","firmware":"1.4.2",
                 "siteAddress":"Depot 3, Harbour Road 12","producedOn":"2024-01-10","soldOn":"2024-06-01",
                 "installedOn":"2024-06-20","commissioning":{"on":"2024-06-21","report":"all tests passed",
                 "acceptedBy":"Ms Zhao"},"customerId":%s,
                 "components":[{"name":"charging module","serial":"CM-1","warrantyMonths":36},
                               {"name":"contactor","serial":"CT-1","warrantyMonths":12},
                               {"name":"cable","warrantyMonths":24,"serviceContractUntil":"2027-12-31"}]}"""
                .formatted(DeviceHistoryBenchmark.DEVICE, customerId), 201);
    }

    /**
     * A year of service for the charger: {@code tickets} tickets spread over the year (all but two closed, each with a
     * request of three readings, six transitions and an assignment), a repair record with two parts for each closed
     * ticket (every fifth amended), four maintenance records and three open alerts.
     */
    private static void addServiceYear(Connection c, int tickets) throws SQLException {
        long started = System.nanoTime();
        String device = DeviceHistoryBenchmark.DEVICE;
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE bench_t AS SELECT g, now() - ((" + tickets + " - g) * interval '6 days')"
                    + " - interval '3 hours' AS opened FROM generate_series(1, " + tickets + ") g");
            st.execute("""
                    INSERT INTO ticket (number, status, channel, device_id, device_type, model, rule_id, severity,
                                        priority, problem, opened_at, respond_by, on_site_by, answer_by, repair_by,
                                        acknowledged_at, scheduled_at, on_site_at, resolved_at, status_changed_at,
                                        assigned_engineer, appointment_from, appointment_to)
                    SELECT 'TK-2026-9' || lpad(g::text, 5, '0'),
                           CASE WHEN g > %1$d - 2 THEN 'SCHEDULED' ELSE 'CLOSED' END, 'TELEMETRY', '%2$s',
                           'EV_CHARGER', 'DC-60', 'ev.rule-' || (g %% 7) || CASE WHEN g > %1$d - 2 THEN '-open' || g
                           ELSE '' END, 'MAJOR', 'P1', 'Connector temperature above 70 °C (' || g || ')', opened,
                           opened + interval '24 hours', opened + interval '24 hours', opened + interval '12 hours',
                           opened + interval '14 days', opened + interval '1 hour', opened + interval '2 hours',
                           CASE WHEN g > %1$d - 2 THEN NULL ELSE opened + interval '20 hours' END,
                           CASE WHEN g > %1$d - 2 THEN NULL ELSE opened + interval '22 hours' END,
                           CASE WHEN g > %1$d - 2 THEN opened + interval '2 hours' ELSE opened + interval '2 days' END,
                           'eng-wang', opened + interval '18 hours', opened + interval '20 hours'
                      FROM bench_t""".formatted(tickets, device));
            st.execute("""
                    INSERT INTO ticket_source_request (request_id, ticket_id, kind, severity, alert_id, detected_at,
                                                       received_at)
                    SELECT 'bench-req-' || t.id, t.id, 'CORRECTIVE', 'MAJOR', 'bench-alert-' || t.id, t.opened_at,
                           t.opened_at FROM ticket t WHERE t.device_id = '%s'""".formatted(device));
            st.execute("""
                    INSERT INTO ticket_evidence (request_id, position, ts, metric, value)
                    SELECT r.request_id, p, r.detected_at - (p * interval '1 minute'), 'connector.1.temperature_c',
                           70 + p FROM ticket_source_request r CROSS JOIN generate_series(0, 2) p
                     WHERE r.request_id LIKE 'bench-req-%'""");
            st.execute("""
                    INSERT INTO ticket_transition (ticket_id, from_status, to_status, actor, at)
                    SELECT t.id, s.f, s.t, s.actor, t.opened_at + s.after
                      FROM ticket t CROSS JOIN (VALUES
                           ('REGISTERED', 'ACKNOWLEDGED', 'noc-li', interval '1 hour', 1),
                           ('ACKNOWLEDGED', 'SCHEDULED', 'mgr-chen', interval '2 hours', 1),
                           ('SCHEDULED', 'ON_SITE', 'eng-wang', interval '20 hours', 0),
                           ('ON_SITE', 'RESOLVED', 'eng-wang', interval '22 hours', 0),
                           ('RESOLVED', 'CUSTOMER_CONFIRMED', 'mgr-chen', interval '1 day', 0),
                           ('CUSTOMER_CONFIRMED', 'CLOSED', 'mgr-chen', interval '2 days', 0)) s(f, t, actor, after, open)
                     WHERE t.device_id = '%s' AND (t.status = 'CLOSED' OR s.open = 1)""".formatted(device));
            st.execute("""
                    INSERT INTO ticket_assignment (ticket_id, engineer, appointment_from, appointment_to, assigned_by,
                                                   assigned_at)
                    SELECT id, 'eng-wang', appointment_from, appointment_to, 'mgr-chen', opened_at + interval '2 hours'
                      FROM ticket WHERE device_id = '%s'""".formatted(device));
            st.execute("""
                    INSERT INTO repair_record (kind, device_id, ticket_number, symptom, cause, work_done, test_result,
                                               minutes_spent, engineer, customer_sign_off, performed_at, recorded_at)
                    SELECT 'REPAIR', device_id, number, 'charging stops after a few minutes: ' || problem,
                           'worn contactor, loose terminal', 'contactor replaced, terminals tightened',
                           'charged a vehicle at 60 kW for 30 minutes', 95, 'eng-wang', 'Ms Zhao',
                           opened_at + interval '21 hours', opened_at + interval '22 hours'
                      FROM ticket WHERE device_id = '%1$s' AND status = 'CLOSED'
                    UNION ALL
                    SELECT 'MAINTENANCE', '%1$s', NULL, 'quarterly maintenance', 'none',
                           'cleaned, inspected, connections tightened, modules and storage tested', 'all checks passed',
                           120, 'eng-wang', 'Ms Zhao', now() - (q * interval '91 days'), now() - (q * interval '91 days')
                      FROM generate_series(0, 3) q""".formatted(device));
            st.execute("""
                    INSERT INTO repair_part (record_id, position, part, serial, quantity, reason, component_id)
                    SELECT r.id, p, CASE p WHEN 0 THEN 'contactor' ELSE 'terminal block' END, 'SER-' || r.id || '-' || p,
                           1, 'worn', (SELECT min(id) FROM device_component WHERE device_id = r.device_id)
                      FROM repair_record r CROSS JOIN generate_series(0, 1) p
                     WHERE r.device_id = '%s' AND r.kind = 'REPAIR'""".formatted(device));
            st.execute("""
                    INSERT INTO repair_amendment (record_id, field, corrected_value, reason, author, approved_by, at)
                    SELECT id, 'MINUTES_SPENT', '105', 'travel time left out', 'eng-wang', 'mgr-chen',
                           recorded_at + interval '1 day'
                      FROM repair_record WHERE device_id = '%s' AND kind = 'REPAIR' AND id %% 5 = 0"""
                    .formatted(device));
            st.execute("""
                    INSERT INTO alert (alert_id, device_id, device_type, model, rule_id, severity, state, episode_start,
                                       raised_at, message, raised_evidence, last_change_at, received_at)
                    SELECT 'bench-open-alert-' || a, '%s', 'EV_CHARGER', 'DC-60', 'ev.rule-open-' || a, 'MAJOR',
                           'RAISED', now() - (a * interval '1 hour'), now() - (a * interval '1 hour'),
                           'Connector temperature above 70 °C',
                           '[{"ts":"2026-11-24T10:00:00Z","metric":"connector.1.temperature_c","value":72.5}]',
                           now() - (a * interval '1 hour'), now() - (a * interval '1 hour')
                      FROM generate_series(1, 3) a""".formatted(device));
            for (String table : COUNTED_TABLES) {
                st.execute("ANALYZE " + table);
            }
        }
        System.out.printf(Locale.ROOT, "service year added in %.1f s: %s%n", (System.nanoTime() - started) / 1e9,
                counts(c));
    }

    private static void run(Connection c, HttpClient http, URI base, int calls, int warmUp) throws Exception {
        String path = "/api/devices/" + DeviceHistoryBenchmark.DEVICE + "/history";
        String body = send(http, base, "GET", path, null, 200);
        System.out.printf(Locale.ROOT, "history answer: %,d bytes, %d tickets%n",
                body.getBytes(StandardCharsets.UTF_8).length, occurrences(body, "\"number\":\"TK-"));

        Map<String, Long> scansBefore = scans(c);
        for (int i = 0; i < 10; i++) {
            send(http, base, "GET", path, null, 200);
        }
        Thread.sleep(11_000);
        Map<String, Long> scansAfter = scans(c);
        StringBuilder perCall = new StringBuilder();
        long total = 0;
        for (String table : COUNTED_TABLES) {
            long delta = scansAfter.get(table) - scansBefore.get(table);
            total += delta;
            if (delta > 0) {
                perCall.append(String.format(Locale.ROOT, " %s %.1f", table, delta / 10.0));
            }
        }
        System.out.printf(Locale.ROOT, "table scans per history call (pg_stat_user_tables, 10 calls): %.1f —%s%n",
                total / 10.0, perCall);

        double[] history = time(calls, warmUp, () -> send(http, base, "GET", path, null, 200));
        report("whole GET " + path + " over HTTP with Basic auth, " + calls + " calls", history);
        double[] authOnly = time(calls, warmUp,
                () -> send(http, base, "GET", "/api/tickets/TK-1999-999999", null, 404));
        report("the same Basic authentication alone (GET of an unknown ticket, 404)", authOnly);

        String sessionCookie = signIn(http, base);
        double[] inSession = time(calls, warmUp, () -> sendInSession(http, base, path, sessionCookie));
        report("whole GET " + path + " over HTTP in a signed-in web session (the UI's form-login cookie), "
                + calls + " calls", inSession);

        String token = issueToken(http, base);
        double[] withToken = time(calls, warmUp, () -> sendWithToken(http, base, path, token, 200));
        report("whole GET " + path + " over HTTP with an API token (Authorization: Bearer, roles ADMIN), " + calls
                + " calls", withToken);
        double[] tokenOnly = time(calls, warmUp,
                () -> sendWithToken(http, base, "/api/tickets/TK-1999-999999", token, 404));
        report("the same API-token authentication alone (GET of an unknown ticket, 404)", tokenOnly);
        System.out.printf(Locale.ROOT, "p95 of the whole history call: session %.2f ms, Basic %.2f ms, API token "
                + "%.2f ms%n", DeviceHistoryBenchmark.percentile(inSession, 95),
                DeviceHistoryBenchmark.percentile(history, 95), DeviceHistoryBenchmark.percentile(withToken, 95));

        RollupSummaryQuery rollups = new RollupSummaryQuery(DeviceHistoryBenchmark.ZONE);
        double[] bare = time(calls, warmUp, () -> bareStatements(c, rollups));
        report("baseline: the endpoint's statements bare over one JDBC connection (device, components, customer,"
                + " contacts, alerts, tickets with requests/evidence/transitions, records with parts/amendments,"
                + " telemetry summary)", bare);
        double p50 = DeviceHistoryBenchmark.percentile(history, 50);
        double p50Auth = DeviceHistoryBenchmark.percentile(authOnly, 50);
        double p50Bare = DeviceHistoryBenchmark.percentile(bare, 50);
        System.out.printf(Locale.ROOT, "ratio p50 whole call / bare SQL: %.1fx; without authentication "
                + "(p50 whole - p50 auth alone): %.2f ms = %.1fx bare SQL%n", p50 / p50Bare, p50 - p50Auth,
                (p50 - p50Auth) / p50Bare);
        System.out.printf(Locale.ROOT, "ratio p50 whole call in a signed-in session / bare SQL: %.1fx%n",
                DeviceHistoryBenchmark.percentile(inSession, 50) / p50Bare);
    }

    /** Signs in through the web UI's login form once and returns the session cookie ({@code name=value}). */
    private static String signIn(HttpClient http, URI base) throws IOException, InterruptedException {
        String form = "j_username=" + ADMIN + "&j_password=" + ADMIN_PASSWORD;
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(base.resolve("/j_security_check"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        return response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("quarkus-credential="))
                .map(cookie -> cookie.substring(0, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("form login gave no session cookie: HTTP "
                        + response.statusCode()));
    }

    /** Issues an API token with the administrator's role, valid for a day, and returns its secret. */
    private static String issueToken(HttpClient http, URI base) throws IOException, InterruptedException {
        String answer = send(http, base, "POST", "/api/tokens", "{\"name\":\"bench-history\",\"roles\":[\"ADMIN\"],"
                + "\"expiresAt\":\"" + java.time.Instant.now().plus(Duration.ofDays(1)) + "\"}", 201);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer).path("token").asText();
    }

    private static void sendWithToken(HttpClient http, URI base, String path, String token, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("GET " + path + " with an API token -> " + response.statusCode());
        }
    }

    private static void sendInSession(HttpClient http, URI base, String path, String cookie)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30)).header("Cookie", cookie).header("Accept", "application/json")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " in a session -> " + response.statusCode());
        }
    }

    private static void bareStatements(Connection c, RollupSummaryQuery rollups) throws SQLException {
        String device = DeviceHistoryBenchmark.DEVICE;
        drain(c, "SELECT * FROM device WHERE id = ?", device);
        drain(c, "SELECT * FROM device_component WHERE device_id = ? ORDER BY id", device);
        drain(c, "SELECT c.* FROM customer c JOIN device d ON d.customer_id = c.id WHERE d.id = ?", device);
        drain(c, "SELECT cc.* FROM customer_contact cc JOIN device d ON d.customer_id = cc.customer_id WHERE d.id = ?",
                device);
        drain(c, "SELECT a.*, n.* FROM alert a LEFT JOIN alert_note n ON n.alert_id = a.alert_id"
                + " WHERE a.device_id = ? AND a.state = 'RAISED' ORDER BY a.last_change_at DESC LIMIT 200", device);
        drain(c, "SELECT * FROM ticket WHERE device_id = ? ORDER BY opened_at DESC, id DESC LIMIT 200", device);
        drain(c, "SELECT r.*, e.* FROM ticket t JOIN ticket_source_request r ON r.ticket_id = t.id"
                + " LEFT JOIN ticket_evidence e ON e.request_id = r.request_id WHERE t.device_id = ?", device);
        drain(c, "SELECT x.* FROM ticket t JOIN ticket_transition x ON x.ticket_id = t.id WHERE t.device_id = ?",
                device);
        drain(c, "SELECT * FROM repair_record WHERE device_id = ? ORDER BY performed_at DESC, id DESC LIMIT 200",
                device);
        drain(c, "SELECT p.* FROM repair_record r JOIN repair_part p ON p.record_id = r.id WHERE r.device_id = ?",
                device);
        drain(c, "SELECT a.* FROM repair_record r JOIN repair_amendment a ON a.record_id = r.id WHERE r.device_id = ?",
                device);
        drain(c, "SELECT t.number FROM ticket t JOIN ticket_source_request r ON r.ticket_id = t.id"
                + " WHERE t.device_id = ? AND t.status NOT IN ('CLOSED', 'CANCELLED')"
                + " AND r.kind IN ('SCHEDULED', 'PREVENTIVE')", device);
        if (!RollupSummaryQuery.rollupsExist(c)) {
            throw new IllegalStateException("rollups missing");
        }
        rollups.read(c, device, Instant.now());
    }

    private static void drain(Connection c, String sql, String device) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, device);
            try (ResultSet rs = st.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rs.getObject(i);
                    }
                }
            }
        }
    }

    private static String send(HttpClient http, URI base, String method, String path, String json, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private static Map<String, Long> scans(Connection c) throws SQLException {
        Map<String, Long> scans = new LinkedHashMap<>();
        try (Statement st = c.createStatement()) {
            st.execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet rs = st.executeQuery("SELECT relname, coalesce(seq_scan, 0) + coalesce(idx_scan, 0)"
                    + " FROM pg_stat_user_tables WHERE schemaname = 'public'")) {
                while (rs.next()) {
                    scans.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        for (String table : COUNTED_TABLES) {
            scans.putIfAbsent(table, 0L);
        }
        return scans;
    }

    private static String counts(Connection c) throws SQLException {
        StringBuilder counts = new StringBuilder();
        try (Statement st = c.createStatement()) {
            for (String table : List.of("ticket", "ticket_transition", "ticket_evidence", "repair_record",
                    "repair_part", "repair_amendment", "alert")) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    counts.append(table).append(' ').append(rs.getLong(1)).append(", ");
                }
            }
        }
        return counts.substring(0, counts.length() - 2);
    }

    private static int occurrences(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static double[] time(int calls, int warmUp, Call call) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            call.run();
        }
        double[] ms = new double[calls];
        for (int i = 0; i < calls; i++) {
            long t0 = System.nanoTime();
            call.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static void report(String what, double[] sorted) {
        DeviceHistoryBenchmark.report(what, sorted);
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }
}
