package io.fleetcare.gateway.ocpp.message;

import io.fleetcare.gateway.ocpp.message.InboundRequests.SampledValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns OCPP 1.6 sampled values into DeviceEvent metrics named
 * {@code connector.{connectorId}.{metric}[.{phase}][.{location}]}:
 *
 * <table>
 *   <caption>measurand mapping</caption>
 *   <tr><th>measurand</th><th>metric</th><th>units taken</th></tr>
 *   <tr><td>Energy.Active.Import.Register (also when absent)</td><td>energy_wh</td><td>Wh (default), kWh</td></tr>
 *   <tr><td>Power.Active.Import</td><td>power_w</td><td>W (default), kW</td></tr>
 *   <tr><td>Current.Import</td><td>current_a</td><td>A (default)</td></tr>
 *   <tr><td>Voltage</td><td>voltage_v</td><td>V (default)</td></tr>
 *   <tr><td>Temperature</td><td>temperature_c</td><td>Celsius/Celcius (default), K, Fahrenheit</td></tr>
 *   <tr><td>SoC</td><td>soc_pct</td><td>Percent (default)</td></tr>
 * </table>
 *
 * The phase suffix is the phase in lower case with {@code -} as {@code _} ({@code .l1}, {@code .l1_n}); the
 * location suffix is added for every location but the default {@code Outlet} ({@code .body}, {@code .ev},
 * {@code .inlet}, {@code .cable}). Skipped without rejecting the message: other measurands, values in
 * another unit, {@code SignedData}, and values that are not finite decimal numbers. When one name
 * occurs twice in a sample, the later value wins.
 */
public final class MeterReadings {

    private MeterReadings() {
    }

    /**
     * @param connectorId the connector the values belong to (0 = the whole charge point)
     * @param values      never null
     * @return the metrics, in the order of the values; never null, may be empty
     */
    public static Map<String, Double> toMetrics(int connectorId, List<SampledValue> values) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (SampledValue value : values) {
            if ("SignedData".equals(value.format())) {
                continue;
            }
            Double number = number(value.value());
            if (number == null) {
                continue;
            }
            Reading reading = reading(value, number);
            if (reading != null) {
                metrics.put(name(connectorId, reading.metric(), value), reading.value());
            }
        }
        return metrics;
    }

    /** The metric name of a connector's energy register, as MeterValues and StartTransaction report it. */
    public static String energyMetric(int connectorId) {
        return "connector." + connectorId + ".energy_wh";
    }

    private record Reading(String metric, double value) {
    }

    private static Reading reading(SampledValue value, double number) {
        String measurand = value.measurand() == null ? "Energy.Active.Import.Register" : value.measurand();
        String unit = value.unit();
        return switch (measurand) {
            case "Energy.Active.Import.Register" -> unit == null || unit.equals("Wh") ? new Reading("energy_wh", number)
                    : unit.equals("kWh") ? new Reading("energy_wh", number * 1000) : null;
            case "Power.Active.Import" -> unit == null || unit.equals("W") ? new Reading("power_w", number)
                    : unit.equals("kW") ? new Reading("power_w", number * 1000) : null;
            case "Current.Import" -> unit == null || unit.equals("A") ? new Reading("current_a", number) : null;
            case "Voltage" -> unit == null || unit.equals("V") ? new Reading("voltage_v", number) : null;
            case "Temperature" -> temperature(unit, number);
            case "SoC" -> unit == null || unit.equals("Percent") ? new Reading("soc_pct", number) : null;
            default -> null;
        };
    }

    private static Reading temperature(String unit, double number) {
        if (unit == null || unit.equals("Celsius") || unit.equals("Celcius")) {
            return new Reading("temperature_c", number);
        }
        if (unit.equals("K")) {
            return new Reading("temperature_c", number - 273.15);
        }
        if (unit.equals("Fahrenheit")) {
            return new Reading("temperature_c", (number - 32) * 5 / 9);
        }
        return null;
    }

    private static String name(int connectorId, String metric, SampledValue value) {
        StringBuilder name = new StringBuilder("connector.").append(connectorId).append('.').append(metric);
        if (value.phase() != null) {
            name.append('.').append(value.phase().toLowerCase(Locale.ROOT).replace('-', '_'));
        }
        if (value.location() != null && !value.location().equals("Outlet")) {
            name.append('.').append(value.location().toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }

    private static Double number(String text) {
        try {
            double number = Double.parseDouble(text.trim());
            return Double.isFinite(number) ? number : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
