package io.fleetcare.gateway.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcare.gateway.command.CommandResult.Status;
import io.fleetcare.gateway.ocpp.CallAnswer;
import io.fleetcare.gateway.ocpp.OutboundCall;
import io.fleetcare.gateway.ocpp.frame.CallErrorCode;
import io.fleetcare.gateway.ocpp.frame.OcppAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OcppCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            RESET                | {"type":"Hard"}                               | Reset                | {"type":"Hard"}
            RESET                | {}                                            | Reset                | {"type":"Soft"}
            REBOOT               | {}                                            | Reset                | {"type":"Hard"}
            TRIGGER_MESSAGE      | {"requestedMessage":"Heartbeat"}              | TriggerMessage       | {"requestedMessage":"Heartbeat"}
            TRIGGER_MESSAGE      | {"requestedMessage":"StatusNotification","connectorId":2} | TriggerMessage | {"requestedMessage":"StatusNotification","connectorId":2}
            GET_CONFIGURATION    | {"key":["HeartbeatInterval"]}                 | GetConfiguration     | {"key":["HeartbeatInterval"]}
            GET_CONFIG           | {}                                            | GetConfiguration     | {}
            GET_CONFIG           | {"key":"MeterValueSampleInterval"}            | GetConfiguration     | {"key":["MeterValueSampleInterval"]}
            CHANGE_CONFIGURATION | {"key":"HeartbeatInterval","value":"120"}     | ChangeConfiguration  | {"key":"HeartbeatInterval","value":"120"}
            SET_CONFIG           | {"key":"HeartbeatInterval","value":"60"}      | ChangeConfiguration  | {"key":"HeartbeatInterval","value":"60"}
            UNLOCK_CONNECTOR     | {"connectorId":1}                             | UnlockConnector      | {"connectorId":1}
            GET_DIAGNOSTICS      | {"location":"ftp://logs.example/cp","startTime":"2026-11-24T10:00:00Z"} | GetDiagnostics | {"location":"ftp://logs.example/cp","startTime":"2026-11-24T10:00:00Z"}
            """)
    void commandBecomesItsOcppCall(String name, String params, OcppAction action, String payload) throws Exception {
        // given
        DeviceCommand command = command(name, params);

        // when
        OutboundCall call = OcppCommands.toCall(command);

        // then
        assertThat(call.action()).isEqualTo(action);
        assertThat(call.payload()).isEqualTo(JSON.readTree(payload));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            RESET                | {"type":"Warm"}
            TRIGGER_MESSAGE      | {}
            TRIGGER_MESSAGE      | {"requestedMessage":"Coffee"}
            CHANGE_CONFIGURATION | {"key":"HeartbeatInterval"}
            CHANGE_CONFIGURATION | {"key":"HeartbeatInterval","value":120}
            UNLOCK_CONNECTOR     | {"connectorId":0}
            UNLOCK_CONNECTOR     | {"connectorId":"1"}
            GET_CONFIGURATION    | {"key":[1]}
            GET_DIAGNOSTICS      | {"location":"ftp://x","stopTime":"yesterday"}
            COLLECT_LOGS         | {}
            SELF_TEST            | {}
            """)
    void commandOcppCannotCarryIsRefused(String name, String params) throws Exception {
        // given
        DeviceCommand command = command(name, params);

        // when / then
        assertThatThrownBy(() -> OcppCommands.toCall(command)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"status":"Accepted"}                                      | ACCEPTED
            {"status":"RebootRequired"}                                | ACCEPTED
            {"status":"Rejected"}                                      | REJECTED
            {"status":"NotSupported"}                                  | REJECTED
            {"status":"UnlockFailed"}                                  | REJECTED
            {"status":"Unlocked"}                                      | COMPLETED
            {"configurationKey":[{"key":"A","readonly":true}]}         | COMPLETED
            {"fileName":"diag.zip"}                                    | COMPLETED
            """)
    void callResultBecomesStatusAndKeepsItsPayload(String payload, Status expected) throws Exception {
        // given
        CallAnswer answer = new CallAnswer.Result((ObjectNode) JSON.readTree(payload));

        // when / then
        assertThat(OcppCommands.outcome(answer)).isEqualTo(expected);
        assertThat(OcppCommands.payload(answer)).isEqualTo(JSON.readTree(payload));
    }

    @Test
    void callErrorBecomesFailedWithItsCodeAndDescription() {
        // given
        CallAnswer answer = new CallAnswer.Error(CallErrorCode.NotImplemented, "no such action",
                JsonNodeFactory.instance.objectNode());

        // when / then
        assertThat(OcppCommands.outcome(answer)).isEqualTo(Status.FAILED);
        assertThat(OcppCommands.payload(answer).get("errorCode").textValue()).isEqualTo("NotImplemented");
        assertThat(OcppCommands.payload(answer).get("description").textValue()).isEqualTo("no such action");
    }

    private static DeviceCommand command(String name, String params) throws Exception {
        return new DeviceCommand("c-1", "CP-1", name, (ObjectNode) JSON.readTree(params), "noc", null, 30);
    }
}
