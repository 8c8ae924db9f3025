package io.fleetcare.simulator.scenario;

import java.net.URI;
import java.util.Map;

/**
 * Where a running platform is and how the simulator may use it.
 *
 * @param mqttUri     the broker of the set-top boxes, e.g. {@code tcp://127.0.0.1:1883}; null when no scenario
 *                    has set-top boxes
 * @param ocppBaseUri the gateway's OCPP endpoint, e.g. {@code ws://127.0.0.1:8081/ocpp}; null when no scenario
 *                    has chargers
 * @param apiUrl      base URL of the service API, e.g. {@code http://127.0.0.1:8080}; never null
 * @param user        a personal API account allowed to read alerts and tickets; never null
 * @param password    its password; never null
 * @param coapsUri    the gateway's CoAP-over-DTLS endpoint, e.g. {@code coaps://127.0.0.1:5684}; null when no
 *                    scenario has CoAP set-top boxes
 * @param modbusPorts the loopback TCP port on which each Modbus device must listen for the gateway's polls (the
 *                    gateway's Modbus devices file lists them); never null, empty when no scenario has Modbus devices
 */
public record PlatformEndpoints(String mqttUri, URI ocppBaseUri, String apiUrl, String user, String password,
                                String coapsUri, Map<String, Integer> modbusPorts) {

    public PlatformEndpoints {
        modbusPorts = Map.copyOf(modbusPorts);
    }

    /** Endpoints of a platform whose devices speak only MQTT and OCPP. */
    public PlatformEndpoints(String mqttUri, URI ocppBaseUri, String apiUrl, String user, String password) {
        this(mqttUri, ocppBaseUri, apiUrl, user, password, null, Map.of());
    }
}
