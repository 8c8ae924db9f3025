package io.fleetcare.launcher;

import io.fleetcare.simulator.charger.ChargerSpec;
import io.fleetcare.simulator.fleet.FleetPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every device a start of the platform knows, by how it reaches the gateway: the simulated fleet (set-top boxes over
 * MQTT, chargers over OCPP 1.6J) and the extra devices of the options, each under its protocol. Maps keep the order
 * of the options.
 *
 * @param allIds        every device id, simulated first; the ones the platform holds secrets for
 * @param chargerModels model of each OCPP charger, by charge point id
 * @param brokerDevices the devices with a broker account (MQTT)
 * @param coapDevices   the devices with a DTLS pre-shared key (CoAP)
 * @param modbusModels  model of each Modbus device, by device id
 */
record DeviceRoster(List<String> allIds, Map<String, String> chargerModels, List<String> brokerDevices,
        List<String> coapDevices, Map<String, String> modbusModels) {

    /** The roster of the options' simulated fleet and extra devices; {@code options} never null. */
    static DeviceRoster of(PlatformOptions options) {
        List<String> deviceIds = FleetPlan.setTopBoxIds(options.setTopBoxes());
        List<String> chargerIds = FleetPlan.chargerIds(options.chargers());
        List<String> allIds = new ArrayList<>(deviceIds);
        allIds.addAll(chargerIds);
        Map<String, String> chargerModels = new LinkedHashMap<>();
        chargerIds.forEach(id -> chargerModels.put(id, ChargerSpec.DEFAULT_MODEL));
        List<String> brokerDevices = new ArrayList<>(deviceIds);
        List<String> coapDevices = new ArrayList<>();
        Map<String, String> modbusModels = new LinkedHashMap<>();
        for (PlatformOptions.ExtraDevice extra : options.extraDevices()) {
            allIds.add(extra.id());
            switch (extra.protocol()) {
                case OCPP16 -> chargerModels.put(extra.id(), extra.model());
                case MODBUS -> modbusModels.put(extra.id(), extra.model());
                case COAP -> coapDevices.add(extra.id());
                case MQTT -> brokerDevices.add(extra.id());
            }
        }
        return new DeviceRoster(allIds, chargerModels, brokerDevices, coapDevices, modbusModels);
    }
}
