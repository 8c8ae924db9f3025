package io.fleetcare.simulator.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The test-side validator must catch what the OCPP 1.6 schemas forbid, or the conformance ITs prove nothing. */
class Ocpp16SchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void acceptsAValidBootNotificationAndMeterValues() throws Exception {
        assertThat(Ocpp16Schemas.checkRequest("BootNotification",
                json("{\"chargePointVendor\":\"FleetCare\",\"chargePointModel\":\"AC-22\"}"))).isEmpty();
        assertThat(Ocpp16Schemas.checkRequest("MeterValues", json("""
                {"connectorId":1,"transactionId":5,"meterValue":[{"timestamp":"2026-11-24T10:00:00.000Z",
                 "sampledValue":[{"value":"12.5","measurand":"Temperature","unit":"Celsius","location":"Outlet"}]}]}
                """))).isEmpty();
    }

    @Test
    void flagsMissingFieldsTooLongStringsUnknownFieldsAndBadEnumerations() throws Exception {
        assertThat(Ocpp16Schemas.checkRequest("BootNotification", json("{\"chargePointVendor\":\"FleetCare\"}")))
                .containsExactly("BootNotification.req.chargePointModel is required");
        assertThat(Ocpp16Schemas.checkRequest("BootNotification",
                json("{\"chargePointVendor\":\"a vendor name that is far too long\",\"chargePointModel\":\"m\"}")))
                .containsExactly("BootNotification.req.chargePointVendor is longer than 20");
        assertThat(Ocpp16Schemas.checkRequest("Heartbeat", json("{\"now\":1}"))).hasSize(1);
        assertThat(Ocpp16Schemas.checkRequest("StatusNotification",
                json("{\"connectorId\":1,\"errorCode\":\"Melted\",\"status\":\"Available\"}"))).hasSize(1);
        assertThat(Ocpp16Schemas.checkRequest("MeterValues", json("{\"connectorId\":1,\"meterValue\":[]}")))
                .hasSize(1);
        assertThat(Ocpp16Schemas.checkRequest("StartTransaction", json("""
                {"connectorId":1,"idTag":"X","meterStart":1.5,"timestamp":"yesterday"}"""))).hasSize(2);
    }

    @Test
    void flagsActionsAChargePointMayNotSendAndBadConfirmations() throws Exception {
        assertThat(Ocpp16Schemas.checkRequest("Reset", json("{\"type\":\"Hard\"}"))).hasSize(1);
        assertThat(Ocpp16Schemas.checkConfirmation("Reset", json("{\"status\":\"Maybe\"}"))).hasSize(1);
        assertThat(Ocpp16Schemas.checkConfirmation("GetConfiguration",
                json("{\"configurationKey\":[{\"key\":\"HeartbeatInterval\",\"readonly\":\"no\"}]}"))).hasSize(1);
        assertThat(Ocpp16Schemas.checkErrorCode("Oops")).hasSize(1);
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
