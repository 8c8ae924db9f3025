package io.fleetcare.gateway.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.gateway.ocpp.RawChargePoint;
import io.fleetcare.gateway.ocpp.SocketChargePoint;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A charge point that sends a message larger than the gateway accepts (2 MB as one frame, as 16 KiB frames, or as
 * many small fragments) loses its session with the WebSocket close code 1009 "message too big", which reaches it
 * before the connection ends: no internal error, no stack trace in the log, a rejection counter, and other chargers
 * keep being served. A frame the decoder refuses for another reason gets 1002.
 */
@QuarkusTest
@WithTestResource(GatewayInfrastructure.class)
class OcppOversizedMessageIT {

    private static final int MESSAGE_TOO_BIG = 1009;
    private static final int PROTOCOL_ERROR = 1002;
    private static final String MALFORMED =
            "gateway_messages_rejected_total{protocol=\"ocpp\",reason=\"malformed_payload\"}";
    private static final String REJECTED =
            "gateway_messages_rejected_total{protocol=\"ocpp\",reason=\"payload_too_large\"}";

    @TestHTTPResource("/")
    URI http;

    private final List<RawChargePoint> opened = new ArrayList<>();
    private final List<LogRecord> errors = new CopyOnWriteArrayList<>();
    private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    private final Handler logged = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(record);
            } else if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listenToTheLog() {
        Logger.getLogger("").addHandler(logged);
    }

    @AfterEach
    void disconnect() {
        Logger.getLogger("").removeHandler(logged);
        opened.forEach(RawChargePoint::close);
    }

    @Test
    void aTwoMegabyteFrameClosesTheSessionWith1009AndOtherChargersAreStillServed() throws Exception {
        // given
        RawChargePoint bystander = connect(GatewayInfrastructure.FILE_CHARGER, GatewayInfrastructure.FILE_CHARGER_PASSWORD);
        RawChargePoint sender = connect(GatewayInfrastructure.CHARGER, GatewayInfrastructure.CHARGER_PASSWORD);
        double rejectedBefore = metric(REJECTED);

        // when
        sender.send(heartbeatPaddedTo(2 * 1024 * 1024));

        // then
        assertThat(sender.closeCode()).isEqualTo(MESSAGE_TOO_BIG);
        assertThat(bystander.exchange("[2,\"hb-bystander\",\"Heartbeat\",{}]")).startsWith("[3,\"hb-bystander\"");
        assertThat(metric(REJECTED)).isEqualTo(rejectedBefore + 1);
        assertTheLogNamesTheChargerWithoutAStackTrace(GatewayInfrastructure.CHARGER);
    }

    @Test
    void aTwoMegabyteMessageSentAsOneFrameGetsTheCloseFrame1009BeforeTheConnectionEnds() throws Exception {
        // given: a client that writes the whole message as one frame, as e.g. Python's websockets does
        RawChargePoint bystander = connect(GatewayInfrastructure.FILE_CHARGER, GatewayInfrastructure.FILE_CHARGER_PASSWORD);
        double rejectedBefore = metric(REJECTED);

        // when
        SocketChargePoint.Answer answer;
        try (SocketChargePoint sender = SocketChargePoint.connect(http, GatewayInfrastructure.CHARGER,
                GatewayInfrastructure.CHARGER_PASSWORD)) {
            answer = sender.sendOneFrame(heartbeatPaddedTo(2 * 1024 * 1024), 0);
        }

        // then
        assertThat(answer.closeCode()).isEqualTo(MESSAGE_TOO_BIG);
        assertThat(answer.closeReason()).isEqualTo("message too big");
        assertThat(answer.connectionEnded()).as("the gateway ends the TCP connection after its close frame").isTrue();
        assertThat(bystander.exchange("[2,\"hb-bystander\",\"Heartbeat\",{}]")).startsWith("[3,\"hb-bystander\"");
        assertThat(metric(REJECTED)).isEqualTo(rejectedBefore + 1);
        assertTheLogNamesTheChargerWithoutAStackTrace(GatewayInfrastructure.CHARGER);
        RawChargePoint reconnected = connect(GatewayInfrastructure.CHARGER, GatewayInfrastructure.CHARGER_PASSWORD);
        assertThat(reconnected.exchange("[2,\"hb-again\",\"Heartbeat\",{}]")).startsWith("[3,\"hb-again\"");
    }

    @Test
    void aFrameWithReservedBitsSetAndNoExtensionIsAProtocolErrorClosedWith1002() throws Exception {
        // given
        double malformedBefore = metric(MALFORMED);

        // when
        SocketChargePoint.Answer answer;
        try (SocketChargePoint sender = SocketChargePoint.connect(http, GatewayInfrastructure.CHARGER,
                GatewayInfrastructure.CHARGER_PASSWORD)) {
            answer = sender.sendOneFrame("[2,\"hb-rsv\",\"Heartbeat\",{}]", 0b100);
        }

        // then
        assertThat(answer.closeCode()).isEqualTo(PROTOCOL_ERROR);
        assertThat(metric(MALFORMED)).isEqualTo(malformedBefore + 1);
        assertThat(errors).as("ERROR log records").isEmpty();
        assertThat(warnings).as("WARN log records").anySatisfy(record -> {
            assertThat(formatted(record)).contains(GatewayInfrastructure.CHARGER).contains("invalid WebSocket frame");
            assertThat(record.getThrown()).isNull();
        });
    }

    @Test
    void aMessageOfSmallFragmentsPastTheLimitClosesTheSessionWith1009() throws Exception {
        // given
        RawChargePoint sender = connect(GatewayInfrastructure.CHARGER, GatewayInfrastructure.CHARGER_PASSWORD);
        double rejectedBefore = metric(REJECTED);
        String fragment = "x".repeat(16 * 1024);

        // when
        sender.sendFragment("[2,\"hb-big\",\"Heartbeat\",{\"pad\":\"", false);
        try {
            for (int i = 0; i < 128; i++) {
                sender.sendFragment(fragment, false);
            }
            sender.sendFragment("\"}]", true);
        } catch (RuntimeException closedWhileSending) {
            // the gateway may close the connection before the last fragment is written
        }

        // then
        assertThat(sender.closeCode()).isEqualTo(MESSAGE_TOO_BIG);
        assertThat(metric(REJECTED)).isEqualTo(rejectedBefore + 1);
        assertTheLogNamesTheChargerWithoutAStackTrace(GatewayInfrastructure.CHARGER);
        RawChargePoint reconnected = connect(GatewayInfrastructure.CHARGER, GatewayInfrastructure.CHARGER_PASSWORD);
        assertThat(reconnected.exchange("[2,\"hb-again\",\"Heartbeat\",{}]")).startsWith("[3,\"hb-again\"");
    }

    private void assertTheLogNamesTheChargerWithoutAStackTrace(String chargePointId) {
        assertThat(errors).as("ERROR log records").isEmpty();
        assertThat(warnings).as("WARN log records").anySatisfy(record -> {
            assertThat(formatted(record)).contains(chargePointId).contains("too big");
            assertThat(record.getThrown()).isNull();
        });
    }

    private static String formatted(LogRecord record) {
        Object[] parameters = record.getParameters();
        String message = record.getMessage();
        if (parameters == null || parameters.length == 0 || message == null) {
            return String.valueOf(message);
        }
        try {
            return String.format(message, parameters);
        } catch (java.util.IllegalFormatException notPrintf) {
            return java.text.MessageFormat.format(message, parameters);
        }
    }

    private static String heartbeatPaddedTo(int size) {
        String head = "[2,\"hb-huge\",\"Heartbeat\",{\"pad\":\"";
        String tail = "\"}]";
        return head + "x".repeat(size - head.length() - tail.length()) + tail;
    }

    private RawChargePoint connect(String chargePointId, String password) throws Exception {
        RawChargePoint chargePoint = RawChargePoint.connect(ws(), chargePointId, "ocpp1.6", password).get();
        opened.add(chargePoint);
        return chargePoint;
    }

    private URI ws() {
        return URI.create(http.toString().replaceFirst("^http", "ws"));
    }

    /** The value of one Prometheus sample on /q/metrics, 0 when it is not there yet. */
    private static double metric(String sample) {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return body.lines()
                .filter(line -> line.startsWith(sample + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(sample.length() + 1).trim()))
                .findFirst()
                .orElse(0.0);
    }
}
