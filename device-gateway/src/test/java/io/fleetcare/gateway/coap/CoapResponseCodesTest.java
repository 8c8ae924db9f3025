package io.fleetcare.gateway.coap;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.gateway.ingest.IngestRejection.Reason;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoapResponseCodesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "MALFORMED_PAYLOAD, 4.00",
            "INVALID_FIELD, 4.00",
            "MISSING_FIELD, 4.00",
            "INVALID_VALUE, 4.00",
            "UNKNOWN_FIELD, 4.00",
            "UNKNOWN_DEVICE, 4.01",
            "UNKNOWN_TOPIC, 4.04",
            "UNKNOWN_ACTION, 4.05",
            "UNSUPPORTED_ACTION, 4.05",
            "PAYLOAD_TOO_LARGE, 4.13",
            "UNSUPPORTED_FORMAT, 4.15"})
    void everyRejectionHasItsCoapCode(Reason reason, String code) {
        // when
        ResponseCode answer = CoapResponseCodes.of(reason);

        // then
        assertThat(answer.text).isEqualTo(code);
    }
}
