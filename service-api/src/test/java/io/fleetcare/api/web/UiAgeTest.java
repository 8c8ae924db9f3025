package io.fleetcare.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The web UI's {@code FC.age} (ui/js/app.js), run in Node.js: ages are never negative and never absurd, whatever a
 * device's clock said. Skipped (assumption) without {@code /usr/bin/node} (Debian package {@code nodejs}).
 */
class UiAgeTest {

    private static final Path NODE = Path.of("/usr/bin/node");
    private static final Path APP_JS = Path.of("src/main/resources/META-INF/resources/ui/js/app.js");
    private static final String NOW = "2026-12-08T01:00:00Z";

    @Test
    void aTimeInThePastReadsAsItsAge() throws Exception {
        assertThat(ages("2026-12-08T00:00:00Z", "2026-12-05T00:00:00Z", "2026-12-08T00:59:48Z"))
                .containsExactly("1h 0m ago", "3d 1h ago", "12s ago");
    }

    @Test
    void aTimeAheadOfTheBrowserReadsJustNowWithinAMinuteAndClockAheadBeyond() throws Exception {
        assertThat(ages("2026-12-08T01:00:30Z", "2026-12-11T01:00:00Z", "2030-12-08T01:00:00Z"))
                .containsExactly("just now", "clock ahead", "clock ahead");
    }

    @Test
    void aTimeFromAClockThatWasNeverSetReadsClockNotSet() throws Exception {
        assertThat(ages("1970-01-01T00:00:00Z", "2000-01-01T00:00:05Z")).containsExactly("clock not set", "clock not set");
    }

    @Test
    void noTimeReadsAsADash() throws Exception {
        assertThat(ages("", "not a date")).containsExactly("–", "–");
    }

    /** FC.age of each time at {@value #NOW}, one answer per line. */
    private static List<String> ages(String... times) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(NODE), "node is not installed (Debian package nodejs)");
        StringBuilder args = new StringBuilder();
        for (String t : times) {
            args.append(args.isEmpty() ? "" : ",").append('\'').append(t).append('\'');
        }
        String script = """
                const vm = require('vm'); const fs = require('fs');
                const context = { window: {} };
                vm.runInNewContext(fs.readFileSync(process.argv[1], 'utf8'), context);
                const now = Date.parse('%s');
                [%s].forEach(t => console.log(context.window.FC.age(t, now)));
                """.formatted(NOW, args);
        Process node = new ProcessBuilder(NODE.toString(), "-e", script, APP_JS.toAbsolutePath().toString())
                .redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as(output).isZero();
        return output.lines().toList();
    }
}
