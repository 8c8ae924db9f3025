package io.fleetcare.launcher;

import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code EmbeddedPlatform} command: parses the options (exit status 2 on a bad one, with the usage), starts the
 * platform (exit status 1 when it does not come up), prints the banner and then every new ticket until Ctrl-C, which
 * stops everything.
 */
final class PlatformCommand {

    private PlatformCommand() {
    }

    static void run(String[] args) throws InterruptedException {
        if (List.of(args).contains("--help")) {
            System.out.print(PlatformOptions.usage());
            return;
        }
        PlatformOptions options;
        try {
            options = PlatformOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(PlatformOptions.usage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        EmbeddedPlatform[] holder = new EmbeddedPlatform[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nstopping FleetCare ...");
            synchronized (holder) {
                if (holder[0] != null) {
                    holder[0].close();
                }
            }
            stopped.countDown();
            System.out.println("stopped.");
        }, "fleetcare-shutdown"));
        EmbeddedPlatform platform;
        try {
            platform = EmbeddedPlatform.start(options);
        } catch (RuntimeException e) {
            System.err.println("FleetCare did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        synchronized (holder) {
            holder[0] = platform;
        }
        System.out.println(platform.banner());
        TicketFeed feed = new TicketFeed(platform.apiUrl(), platform.adminUser(), platform.adminPassword());
        feed.printNewTicketsUntil(stopped);
    }
}
