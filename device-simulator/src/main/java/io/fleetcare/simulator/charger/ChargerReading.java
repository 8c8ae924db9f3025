package io.fleetcare.simulator.charger;

/**
 * What a charger's meter and sensors read at one moment.
 *
 * @param energyWh     the import register in whole Wh, as meterStart and meterStop carry it; never decreases
 * @param powerW       active power drawn by the vehicle
 * @param currentA     current per phase
 * @param voltageV     phase voltage
 * @param temperatureC connector temperature
 */
public record ChargerReading(double energyWh, double powerW, double currentA, double voltageV,
                             double temperatureC) {
}
