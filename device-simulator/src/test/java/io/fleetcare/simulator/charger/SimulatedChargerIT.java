package io.fleetcare.simulator.charger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcare.simulator.ocpp.OcppMessage;
import io.fleetcare.simulator.ocpp.ScriptedCentralSystem;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OCPP 1.6J charger against a scripted central system that checks every frame it sends. */
class SimulatedChargerIT {

    private static final Duration AWAIT = Duration.ofSeconds(20);
    private static final Map<String, String> SECRETS = new HashMap<>();
    private static ScriptedCentralSystem centralSystem;

    private SimulatedCharger charger;

    @BeforeAll
    static void startCentralSystem() throws InterruptedException {
        for (int i = 1; i <= 20; i++) {
            SECRETS.put("CP-T%02d".formatted(i), "secret-" + i);
        }
        centralSystem = ScriptedCentralSystem.start(SECRETS, 1);
    }

    @AfterAll
    static void stopCentralSystem() throws InterruptedException {
        centralSystem.close();
    }

    @AfterEach
    void stopCharger() {
        if (charger != null) {
            String id = charger.spec().chargePointId();
            charger.close();
            assertThat(centralSystem.violations()).filteredOn(v -> v.startsWith(id)).isEmpty();
        }
    }

    @Test
    void bootsThenHeartbeatsAtTheIntervalTheCentralSystemGivesAndReportsItsConnectorsAvailable() throws Exception {
        charger = start(idle("CP-T01"));

        await().atMost(AWAIT).until(() -> centralSystem.calls("CP-T01", "Heartbeat").size() >= 3);

        OcppMessage.Call boot = centralSystem.calls("CP-T01", "BootNotification").get(0);
        assertThat(boot.payload().path("chargePointVendor").asText()).isEqualTo(ChargerSpec.DEFAULT_VENDOR);
        assertThat(boot.payload().path("chargePointModel").asText()).isEqualTo(ChargerSpec.DEFAULT_MODEL);
        assertThat(firstAction("CP-T01")).isEqualTo("BootNotification");
        assertThat(centralSystem.calls("CP-T01", "StatusNotification"))
                .extracting(c -> c.payload().path("connectorId").asInt() + ":" + c.payload().path("status").asText())
                .contains("0:Available", "1:Available");
        List<Instant> beats = arrivals("CP-T01", "Heartbeat");
        for (int i = 1; i < beats.size(); i++) {
            assertThat(Duration.between(beats.get(i - 1), beats.get(i))).as("never faster than the interval")
                    .isGreaterThan(Duration.ofMillis(900));
        }
        assertThat(charger.boots()).isEqualTo(1);
    }

    @Test
    void chargesASessionWhileTheEnergyRegisterOnlyGrows() throws Exception {
        charger = start(ChargerSpec.healthy("CP-T02", SECRETS.get("CP-T02"), 2)
                .withPattern(new ChargingPattern(Duration.ZERO, Duration.ofSeconds(3))));

        await().atMost(AWAIT).until(() -> {
            List<String> states = centralSystem.calls("CP-T02", "StatusNotification").stream()
                    .map(c -> c.payload().path("status").asText()).toList();
            return !centralSystem.calls("CP-T02", "StopTransaction").isEmpty() && states.contains("Finishing")
                    && states.lastIndexOf("Available") > states.indexOf("Finishing");
        });

        OcppMessage.Call start = centralSystem.calls("CP-T02", "StartTransaction").get(0);
        OcppMessage.Call stop = centralSystem.calls("CP-T02", "StopTransaction").get(0);
        assertThat(stop.payload().path("reason").asText()).isEqualTo("Local");
        assertThat(stop.payload().path("meterStop").asInt()).isGreaterThan(start.payload().path("meterStart").asInt());
        List<Double> energy = centralSystem.calls("CP-T02", "MeterValues").stream()
                .map(c -> c.payload().path("meterValue").get(0).path("sampledValue").get(0))
                .filter(v -> v.path("measurand").asText().equals("Energy.Active.Import.Register"))
                .map(v -> Double.parseDouble(v.path("value").asText()))
                .toList();
        assertThat(energy).hasSizeGreaterThanOrEqualTo(2).isSorted();
        assertThat(centralSystem.calls("CP-T02", "StatusNotification"))
                .extracting(c -> c.payload().path("status").asText())
                .containsSubsequence("Preparing", "Charging", "Finishing", "Available");
    }

    @Test
    void acceptsAResetThenReconnectsAndBootsAgain() throws Exception {
        charger = start(idle("CP-T03"));
        awaitBooted("CP-T03");

        OcppMessage answer = centralSystem.call("CP-T03", "Reset", object().put("type", "Soft")).get();

        assertThat(status(answer)).isEqualTo("Accepted");
        await().atMost(AWAIT).until(() -> centralSystem.calls("CP-T03", "BootNotification").size() == 2
                && charger.boots() == 2);
        assertThat(centralSystem.connectionsOf("CP-T03")).isEqualTo(2);
    }

    @Test
    void sendsEachMessageTriggerMessageAsksFor() throws Exception {
        charger = start(idle("CP-T04"));
        awaitBooted("CP-T04");

        for (String requested : List.of("BootNotification", "Heartbeat", "StatusNotification", "MeterValues",
                "DiagnosticsStatusNotification", "FirmwareStatusNotification")) {
            int before = centralSystem.calls("CP-T04", requested).size();
            ObjectNode request = object().put("requestedMessage", requested);
            if (requested.equals("StatusNotification") || requested.equals("MeterValues")) {
                request.put("connectorId", 1);
            }

            OcppMessage answer = centralSystem.call("CP-T04", "TriggerMessage", request).get();

            assertThat(status(answer)).as(requested).isEqualTo("Accepted");
            await().atMost(AWAIT).until(() -> centralSystem.calls("CP-T04", requested).size() > before);
        }
        assertThat(status(centralSystem.call("CP-T04", "TriggerMessage",
                object().put("requestedMessage", "Heartbeat").put("connectorId", 7)).get())).isEqualTo("Rejected");
    }

    @Test
    void reportsItsConfigurationAndChangesOnlyWritableKeysToValidValues() throws Exception {
        charger = start(idle("CP-T05"));
        awaitBooted("CP-T05");
        ObjectNode query = object();
        query.putArray("key").add("HeartbeatInterval").add("MeterValueSampleInterval").add("NoSuchKey");

        OcppMessage.CallResult config = (OcppMessage.CallResult) centralSystem.call("CP-T05", "GetConfiguration", query).get();

        assertThat(config.payload().path("configurationKey").findValuesAsText("key"))
                .containsExactly("HeartbeatInterval", "MeterValueSampleInterval");
        assertThat(config.payload().path("configurationKey").get(0).path("value").asText()).isEqualTo("1");
        assertThat(config.payload().path("unknownKey").get(0).asText()).isEqualTo("NoSuchKey");
        assertThat(status(change("CP-T05", "MeterValueSampleInterval", "5"))).isEqualTo("Accepted");
        assertThat(status(change("CP-T05", "HeartbeatInterval", "soon"))).isEqualTo("Rejected");
        assertThat(status(change("CP-T05", "NumberOfConnectors", "4"))).isEqualTo("Rejected");
        assertThat(status(change("CP-T05", "NoSuchKey", "1"))).isEqualTo("NotSupported");
        OcppMessage.CallResult all = (OcppMessage.CallResult) centralSystem.call("CP-T05", "GetConfiguration", object()).get();
        assertThat(all.payload().path("configurationKey").findValuesAsText("value")).contains("5");
    }

    @Test
    void startsAndStopsTransactionsRemotelyAndUnlocksItsConnector() throws Exception {
        charger = start(idle("CP-T06"));
        awaitBooted("CP-T06");

        assertThat(status(centralSystem.call("CP-T06", "RemoteStartTransaction",
                object().put("idTag", "RFID-42").put("connectorId", 1)).get())).isEqualTo("Accepted");
        await().atMost(AWAIT).until(() -> charger.transactionId() != null);
        int transaction = charger.transactionId();
        assertThat(status(centralSystem.call("CP-T06", "RemoteStopTransaction",
                object().put("transactionId", transaction + 1)).get())).isEqualTo("Rejected");
        assertThat(status(centralSystem.call("CP-T06", "RemoteStopTransaction",
                object().put("transactionId", transaction)).get())).isEqualTo("Accepted");
        await().atMost(AWAIT).until(() -> !centralSystem.calls("CP-T06", "StopTransaction").isEmpty());
        assertThat(centralSystem.calls("CP-T06", "StartTransaction").get(0).payload().path("idTag").asText())
                .isEqualTo("RFID-42");
        assertThat(centralSystem.calls("CP-T06", "StopTransaction").get(0).payload().path("reason").asText())
                .isEqualTo("Remote");
        assertThat(status(centralSystem.call("CP-T06", "UnlockConnector", object().put("connectorId", 1)).get()))
                .isEqualTo("Unlocked");
        assertThat(status(centralSystem.call("CP-T06", "UnlockConnector", object().put("connectorId", 2)).get()))
                .isEqualTo("NotSupported");
    }

    @Test
    void reportsDiagnosticsUploadAndFirmwareInstallation() throws Exception {
        charger = start(idle("CP-T07"));
        awaitBooted("CP-T07");

        OcppMessage.CallResult diagnostics = (OcppMessage.CallResult) centralSystem.call("CP-T07", "GetDiagnostics",
                object().put("location", "ftp://diag.example/upload")).get();
        OcppMessage firmware = centralSystem.call("CP-T07", "UpdateFirmware",
                object().put("location", "https://fw.example/1.5.0.bin").put("retrieveDate", Instant.now().toString())).get();

        assertThat(diagnostics.payload().path("fileName").asText()).contains("CP-T07");
        assertThat(firmware).isInstanceOf(OcppMessage.CallResult.class);
        await().atMost(AWAIT).untilAsserted(() -> {
            assertThat(centralSystem.calls("CP-T07", "DiagnosticsStatusNotification"))
                    .extracting(c -> c.payload().path("status").asText()).containsExactly("Uploading", "Uploaded");
            assertThat(centralSystem.calls("CP-T07", "FirmwareStatusNotification"))
                    .extracting(c -> c.payload().path("status").asText())
                    .containsExactly("Downloading", "Downloaded", "Installing", "Installed");
        });
    }

    @Test
    void refusesUnknownUnsupportedAndMalformedCallsWithTheMatchingCallError() throws Exception {
        charger = start(idle("CP-T08"));
        awaitBooted("CP-T08");

        assertThat(errorCode(centralSystem.call("CP-T08", "MakeCoffee", object()).get())).isEqualTo("NotImplemented");
        assertThat(errorCode(centralSystem.call("CP-T08", "ReserveNow", object()).get())).isEqualTo("NotSupported");
        assertThat(errorCode(centralSystem.call("CP-T08", "Reset", object()).get()))
                .isEqualTo("OccurenceConstraintViolation");
        assertThat(errorCode(centralSystem.call("CP-T08", "Reset", object().put("type", "Kick")).get()))
                .isEqualTo("PropertyConstraintViolation");
        assertThat(errorCode(centralSystem.call("CP-T08", "UnlockConnector", object().put("connectorId", "one")).get()))
                .isEqualTo("TypeConstraintViolation");
        assertThat(errorCode(centralSystem.call("CP-T08", "Reset", object().put("type", "Soft").put("when", "now")).get()))
                .isEqualTo("FormationViolation");
        assertThat(charger.boots()).isEqualTo(1);
    }

    @Test
    void reportsASuddenGroundFailureAndItsRecovery() throws Exception {
        charger = start(ChargerSpec.healthy("CP-T09", SECRETS.get("CP-T09"), 9)
                .withSuddenFault(new SuddenFault(Duration.ofSeconds(2), "GroundFailure", "RCD-TRIP", Duration.ofSeconds(2))));

        // the charger's own state turns Charging before the central system has its StatusNotification
        await().atMost(AWAIT).until(() -> {
            List<String> reported = centralSystem.calls("CP-T09", "StatusNotification").stream()
                    .map(c -> c.payload().path("status").asText()).toList();
            int faulted = reported.indexOf("Faulted");
            return faulted >= 0 && reported.subList(faulted, reported.size()).contains("Charging");
        });

        OcppMessage.Call faulted = centralSystem.calls("CP-T09", "StatusNotification").stream()
                .filter(c -> c.payload().path("status").asText().equals("Faulted")).findFirst().orElseThrow();
        assertThat(faulted.payload().path("errorCode").asText()).isEqualTo("GroundFailure");
        assertThat(faulted.payload().path("vendorErrorCode").asText()).isEqualTo("RCD-TRIP");
        assertThat(centralSystem.calls("CP-T09", "StopTransaction").get(0).payload().path("reason").asText())
                .isEqualTo("Other");
        assertThat(statuses("CP-T09")).containsSubsequence("Faulted/GroundFailure", "Available/NoError", "Charging/NoError");
    }

    private static List<String> statuses(String chargePointId) {
        return centralSystem.calls(chargePointId, "StatusNotification").stream()
                .map(c -> c.payload().path("status").asText() + "/" + c.payload().path("errorCode").asText()).toList();
    }

    @Test
    void aFaultDueWhileTheChargerWasStillBootingPlaysOutInFullOnceItIsUp() throws Exception {
        centralSystem.answerLater("CP-T18", "BootNotification", Duration.ofSeconds(3));
        charger = start(ChargerSpec.healthy("CP-T18", SECRETS.get("CP-T18"), 18)
                .withSuddenFault(new SuddenFault(Duration.ofSeconds(1), "GroundFailure", "RCD-TRIP", Duration.ofSeconds(1))));

        await().atMost(AWAIT).untilAsserted(() -> assertThat(statuses("CP-T18"))
                .containsSubsequence("Faulted/GroundFailure", "Available/NoError", "Charging/NoError"));
    }

    @Test
    void aFaultWhileTheCentralSystemIsStillOpeningTheTransactionEndsThatTransactionAndNeverReportsCharging()
            throws Exception {
        centralSystem.answerLater("CP-T19", "StartTransaction", Duration.ofSeconds(3));
        charger = start(ChargerSpec.healthy("CP-T19", SECRETS.get("CP-T19"), 19)
                .withSuddenFault(new SuddenFault(Duration.ofSeconds(2), "GroundFailure", "RCD-TRIP", null)));

        await().atMost(AWAIT).until(() -> !centralSystem.calls("CP-T19", "StopTransaction").isEmpty());

        OcppMessage.Call stop = centralSystem.calls("CP-T19", "StopTransaction").get(0);
        assertThat(stop.payload().path("reason").asText()).isEqualTo("Other");
        assertThat(stop.payload().path("transactionId").asInt()).as("the transaction the central system opened")
                .isGreaterThan(100);
        assertThat(statuses("CP-T19")).contains("Faulted/GroundFailure").doesNotContain("Charging/NoError");
    }

    @Test
    void anOverheatingConnectorPassesNinetyDegreesWhileCharging() throws Exception {
        charger = start(ChargerSpec.healthy("CP-T10", SECRETS.get("CP-T10"), 10)
                .withOverheating(new ConnectorOverheating(Duration.ZERO, 30, 98)));

        await().atMost(AWAIT).until(() -> temperatures("CP-T10").stream().anyMatch(t -> t > 90));

        assertThat(centralSystem.calls("CP-T10", "MeterValues").stream()
                .filter(c -> c.payload().has("transactionId"))).isNotEmpty();
    }

    @Test
    void cannotConnectWithAWrongSecret() {
        assertThatThrownBy(() -> SimulatedCharger.start(ChargerSpec.healthy("CP-T11", "wrong", 11),
                centralSystem.baseUri())).isInstanceOf(ExecutionException.class);
        assertThat(centralSystem.refused()).contains("CP-T11: bad credentials");
    }

    @Test
    void connectsAgainAfterTheConnectionDropsWithoutBootingAgain() throws Exception {
        charger = start(idle("CP-T12"));
        awaitBooted("CP-T12");

        centralSystem.drop("CP-T12");

        await().atMost(AWAIT).until(() -> centralSystem.connectionsOf("CP-T12") == 2);
        int beats = centralSystem.calls("CP-T12", "Heartbeat").size();
        await().atMost(AWAIT).until(() -> centralSystem.calls("CP-T12", "Heartbeat").size() > beats + 1);
        assertThat(centralSystem.calls("CP-T12", "BootNotification")).hasSize(1);
    }

    @Test
    void conformsToOcpp16JInEveryMessageItSendsAndEveryAnswerToTheCentralSystem() throws Exception {
        // given a charger that has booted
        charger = start(idle("CP-T13"));
        awaitBooted("CP-T13");
        Map<String, OcppMessage> answers = new java.util.LinkedHashMap<>();

        // when the central system makes every call a charge point has to answer
        answers.put("TriggerMessage", centralSystem.call("CP-T13", "TriggerMessage",
                object().put("requestedMessage", "MeterValues")).get());
        answers.put("GetConfiguration", centralSystem.call("CP-T13", "GetConfiguration", object()).get());
        answers.put("ChangeConfiguration", change("CP-T13", "HeartbeatInterval", "2"));
        answers.put("RemoteStartTransaction", centralSystem.call("CP-T13", "RemoteStartTransaction",
                object().put("idTag", "RFID-7")).get());
        await().atMost(AWAIT).until(() -> charger.transactionId() != null);
        answers.put("busy RemoteStartTransaction", centralSystem.call("CP-T13", "RemoteStartTransaction",
                object().put("idTag", "RFID-8")).get());
        answers.put("UnlockConnector", centralSystem.call("CP-T13", "UnlockConnector", object().put("connectorId", 1)).get());
        await().atMost(AWAIT).until(() -> charger.transactionId() == null);
        answers.put("RemoteStartTransaction again", centralSystem.call("CP-T13", "RemoteStartTransaction",
                object().put("idTag", "RFID-9").put("connectorId", 1)).get());
        await().atMost(AWAIT).until(() -> charger.transactionId() != null);
        answers.put("RemoteStopTransaction", centralSystem.call("CP-T13", "RemoteStopTransaction",
                object().put("transactionId", charger.transactionId())).get());
        await().atMost(AWAIT).until(() -> charger.transactionId() == null);
        answers.put("GetDiagnostics", centralSystem.call("CP-T13", "GetDiagnostics",
                object().put("location", "ftp://diag.example/").put("retries", 1)).get());
        answers.put("UpdateFirmware", centralSystem.call("CP-T13", "UpdateFirmware", object()
                .put("location", "https://fw.example/2.0.bin").put("retrieveDate", Instant.now().toString())).get());
        answers.put("ClearCache", centralSystem.call("CP-T13", "ClearCache", object()).get());
        answers.put("DataTransfer", centralSystem.call("CP-T13", "DataTransfer",
                object().put("vendorId", "com.example").put("data", "ping")).get());
        answers.put("ChangeAvailability of a connector it lacks", centralSystem.call("CP-T13", "ChangeAvailability",
                object().put("connectorId", 2).put("type", "Inoperative")).get());
        answers.put("ChangeAvailability", centralSystem.call("CP-T13", "ChangeAvailability",
                object().put("connectorId", 0).put("type", "Inoperative")).get());
        await().atMost(AWAIT).until(() -> "Unavailable".equals(charger.status()));
        answers.put("RemoteStartTransaction while inoperative", centralSystem.call("CP-T13", "RemoteStartTransaction",
                object().put("idTag", "RFID-10")).get());
        answers.put("ChangeAvailability back", centralSystem.call("CP-T13", "ChangeAvailability",
                object().put("connectorId", 0).put("type", "Operative")).get());
        answers.put("RemoteStartTransaction for the reset", centralSystem.call("CP-T13", "RemoteStartTransaction",
                object().put("idTag", "RFID-11")).get());
        await().atMost(AWAIT).until(() -> charger.transactionId() != null);
        answers.put("ChangeAvailability while charging", centralSystem.call("CP-T13", "ChangeAvailability",
                object().put("connectorId", 1).put("type", "Inoperative")).get());
        answers.put("Reset", centralSystem.call("CP-T13", "Reset", object().put("type", "Hard")).get());
        await().atMost(AWAIT).until(() -> charger.boots() == 2 && centralSystem.connectionsOf("CP-T13") == 2);
        await().atMost(AWAIT).until(() -> connectorStates("CP-T13").subList(
                connectorStates("CP-T13").lastIndexOf("1:Charging"), connectorStates("CP-T13").size())
                .contains("1:Unavailable"));

        // then every answer is the right one, and everything it sent was valid OCPP 1.6J
        assertThat(status(answers.get("TriggerMessage"))).isEqualTo("Accepted");
        assertThat(((OcppMessage.CallResult) answers.get("GetConfiguration")).payload().path("configurationKey"))
                .hasSizeGreaterThanOrEqualTo(8);
        assertThat(status(answers.get("ChangeConfiguration"))).isEqualTo("Accepted");
        assertThat(status(answers.get("RemoteStartTransaction"))).isEqualTo("Accepted");
        assertThat(status(answers.get("busy RemoteStartTransaction"))).isEqualTo("Rejected");
        assertThat(status(answers.get("UnlockConnector"))).isEqualTo("Unlocked");
        assertThat(status(answers.get("RemoteStartTransaction again"))).isEqualTo("Accepted");
        assertThat(status(answers.get("RemoteStopTransaction"))).isEqualTo("Accepted");
        assertThat(((OcppMessage.CallResult) answers.get("GetDiagnostics")).payload().path("fileName").asText())
                .isNotEmpty();
        assertThat(answers.get("UpdateFirmware")).isInstanceOf(OcppMessage.CallResult.class);
        assertThat(status(answers.get("ClearCache"))).isEqualTo("Accepted");
        assertThat(status(answers.get("DataTransfer"))).isEqualTo("UnknownVendorId");
        assertThat(status(answers.get("ChangeAvailability of a connector it lacks"))).isEqualTo("Rejected");
        assertThat(status(answers.get("ChangeAvailability"))).isEqualTo("Accepted");
        assertThat(status(answers.get("RemoteStartTransaction while inoperative"))).isEqualTo("Rejected");
        assertThat(status(answers.get("ChangeAvailability back"))).isEqualTo("Accepted");
        assertThat(status(answers.get("ChangeAvailability while charging"))).isEqualTo("Scheduled");
        assertThat(connectorStates("CP-T13")).containsSubsequence("0:Unavailable", "1:Unavailable", "0:Available",
                "1:Available", "1:Charging", "1:Unavailable");
        assertThat(status(answers.get("Reset"))).isEqualTo("Accepted");
        assertThat(centralSystem.calls("CP-T13", "StopTransaction"))
                .extracting(c -> c.payload().path("reason").asText())
                .containsExactly("UnlockCommand", "Remote", "HardReset");
        await().atMost(AWAIT).untilAsserted(() -> assertThat(centralSystem.received().stream()
                .filter(r -> r.chargePointId().equals("CP-T13") && r.message() instanceof OcppMessage.Call)
                .map(ScriptedCentralSystem.Received::action).distinct())
                .containsExactlyInAnyOrder("BootNotification", "StatusNotification", "Heartbeat", "MeterValues",
                        "StartTransaction", "StopTransaction", "DiagnosticsStatusNotification",
                        "FirmwareStatusNotification"));
        assertThat(centralSystem.violations()).filteredOn(v -> v.startsWith("CP-T13")).isEmpty();
    }

    private static List<String> connectorStates(String id) {
        return centralSystem.calls(id, "StatusNotification").stream()
                .map(c -> c.payload().path("connectorId").asInt() + ":" + c.payload().path("status").asText())
                .toList();
    }

    private static ChargerSpec idle(String id) {
        return ChargerSpec.healthy(id, SECRETS.get(id), id.hashCode())
                .withPattern(new ChargingPattern(Duration.ofHours(1), Duration.ofHours(1)));
    }

    private static SimulatedCharger start(ChargerSpec spec) throws ExecutionException {
        return SimulatedCharger.start(spec, centralSystem.baseUri());
    }

    private void awaitBooted(String id) {
        await().atMost(AWAIT).until(() -> charger.boots() == 1
                && centralSystem.calls(id, "StatusNotification").size() >= 2);
    }

    private static String firstAction(String id) {
        return centralSystem.received().stream().filter(r -> r.chargePointId().equals(id))
                .findFirst().orElseThrow().action();
    }

    private static List<Instant> arrivals(String id, String action) {
        return centralSystem.received().stream()
                .filter(r -> r.chargePointId().equals(id) && r.message() instanceof OcppMessage.Call
                        && action.equals(r.action()))
                .map(ScriptedCentralSystem.Received::at)
                .toList();
    }

    private static List<Double> temperatures(String id) {
        return centralSystem.calls(id, "MeterValues").stream()
                .flatMap(c -> java.util.stream.StreamSupport.stream(
                        c.payload().path("meterValue").get(0).path("sampledValue").spliterator(), false))
                .filter(v -> v.path("measurand").asText().equals("Temperature"))
                .map(v -> Double.parseDouble(v.path("value").asText()))
                .toList();
    }

    private static OcppMessage change(String id, String key, String value) throws Exception {
        return centralSystem.call(id, "ChangeConfiguration", object().put("key", key).put("value", value)).get();
    }

    private static String status(OcppMessage answer) {
        assertThat(answer).isInstanceOf(OcppMessage.CallResult.class);
        return ((OcppMessage.CallResult) answer).payload().path("status").asText();
    }

    private static String errorCode(OcppMessage answer) {
        assertThat(answer).isInstanceOf(OcppMessage.CallError.class);
        return ((OcppMessage.CallError) answer).errorCode();
    }

    private static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }
}
