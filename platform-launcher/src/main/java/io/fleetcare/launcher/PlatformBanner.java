package io.fleetcare.launcher;

/**
 * The console banner of a running {@link EmbeddedPlatform}: the URLs of the web UI, the API and the gateway, the
 * administrator's login, the broker, Kafka, the logs, the simulated devices and, when the demo story is told, the page
 * to open first and the demo accounts (or why the story is missing).
 */
final class PlatformBanner {

    private PlatformBanner() {
    }

    /**
     * @param tellsStory   whether this start seeds (or finds) the demo story
     * @param storyFailure why seeding the story failed; null when it did not
     */
    static String of(EmbeddedPlatform p, PlatformOptions options, boolean tellsStory, String storyFailure) {
        String fleetLine = (p.fleet() == null ? "  no simulated set-top boxes"
                : "  simulated set-top boxes (MQTT): " + p.fleet().plan().devices())
                + (p.chargerFleet() == null ? "" : "\n   simulated chargers (OCPP 1.6J at " + p.gatewayUrl().replace("http", "ws")
                + "/ocpp): " + p.chargerFleet().plan().chargers().stream()
                .map(c -> c.chargePointId() + (c.healthy() ? " (healthy)" : " (connector fault)")).toList());
        if (!options.extraDevices().isEmpty()) {
            fleetLine += "\n   " + options.extraDevices().size() + " more devices registered for the simulator (scenarios, load),"
                    + " OCPP at " + p.ocppBaseUri() + ",\n   their secrets in "
                    + options.dataDir().toAbsolutePath().normalize().resolve(EmbeddedPlatform.EXTRA_DEVICE_CREDENTIALS)
                    + (options.rulesFile() == null ? "" : "\n   detection rules: " + options.rulesFile())
                    + "\n   CoAP (DTLS-PSK) at " + p.coapsUri()
                    + (p.modbusPorts().isEmpty() ? "" : "\n   Modbus devices polled as listed in "
                    + options.dataDir().toAbsolutePath().normalize().resolve("gateway")
                            .resolve(GatewayDeviceFiles.MODBUS_DEVICES));
        }
        return """

                ==================================================================
                 FleetCare is running (embedded).%11$s
                   Web UI:           %1$s/ui/
                   Tickets (API):    %1$s/api/tickets
                   API health:       %1$s/q/health
                   Gateway metrics:  %2$s/q/metrics
                   Log in as:        %3$s / %4$s
                   MQTT broker:      %5$s (%6$s)
                   Kafka:            %7$s
                   Logs:             %8$s
                 %9$s
                 A ticket appears here within about two minutes for each faulty device.
                 Try: curl -u %3$s:%4$s %1$s/api/tickets
                 Ctrl-C stops everything; state stays in %10$s.
                ==================================================================
                """.formatted(p.apiUrl(), p.gatewayUrl(), p.adminUser(), p.adminPassword(), p.broker().serverUri(), p.broker().kind(),
                p.kafkaBootstrapServers(), p.logDir(), fleetLine, options.dataDir().toAbsolutePath().normalize(), storyLines(p, tellsStory, storyFailure));
    }

    /** The banner's lines about the demo p.story(): the page to open first and the demo accounts. */
    private static String storyLines(EmbeddedPlatform p, boolean tellsStory, String storyFailure) {
        if (!tellsStory) {
            return "";
        }
        if (p.story() == null) {
            return "\n   The demo p.story() could not be seeded (" + storyFailure + ");\n   start with a new --data-dir to seed it"
                    + " again, or with --no-demo-p.story().";
        }
        String lines = "";
        if (p.story().openFirst() != null) {
            lines += "\n   Open first:       " + p.apiUrl() + "/ui/device.html?id=" + p.story().openFirst()
                    + "\n                     (the overheating set-top box: owner, warranty, a year of telemetry,"
                    + "\n                     its past repairs; its visit brief; then the KPI page " + p.apiUrl()
                    + "/ui/kpi.html)";
        }
        if (p.story().faultedCharger() != null) {
            lines += "\n   Faulted charger:  " + p.apiUrl() + "/ui/device.html?id=" + p.story().faultedCharger();
        }
        return lines + "\n   Demo accounts:    " + DemoSeeder.MANAGER + " / "
                + p.demoAccountPassword(DemoSeeder.MANAGER) + " (service manager), " + DemoSeeder.ENGINEER
                + " / " + p.demoAccountPassword(DemoSeeder.ENGINEER) + " (field engineer)";
    }
}
