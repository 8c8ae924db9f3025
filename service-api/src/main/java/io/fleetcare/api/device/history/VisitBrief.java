package io.fleetcare.api.device.history;

import io.fleetcare.api.alert.AlertView;
import io.fleetcare.api.customer.CustomerView;
import io.fleetcare.api.device.DeviceView;
import io.fleetcare.api.device.WarrantyStatus;
import io.fleetcare.api.device.WarrantyView;
import io.fleetcare.api.repair.RepairRecordView;
import io.fleetcare.api.ticket.TicketView;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;

/**
 * The printable visit brief ({@code GET /api/devices/{deviceId}/brief}): the device history as one HTML page with
 * print-friendly CSS. Every value taken from the history is HTML-escaped. Pure; no I/O.
 */
public final class VisitBrief {

    private static final String CSS = """
            body{font:10.5pt/1.35 "DejaVu Sans",Arial,sans-serif;margin:1.5em;color:#000}
            h1{font-size:15pt;margin:0 0 .2em}h2{font-size:12pt;border-bottom:1px solid #000;margin:1.2em 0 .4em}
            table{border-collapse:collapse;width:100%;margin:.3em 0}th,td{border:1px solid #777;padding:2px 5px;
            text-align:left;vertical-align:top}th{background:#eee}.note{font-style:italic}
            dl{display:grid;grid-template-columns:max-content auto;gap:1px 1em;margin:0}dt{font-weight:bold}dd{margin:0}
            @media print{body{margin:0}h2,tr{break-inside:avoid;page-break-inside:avoid}@page{size:A4;margin:15mm}}""";

    private final DateTimeFormatter dateTime;
    private final StringBuilder html = new StringBuilder(16_384);

    private VisitBrief(ZoneId zone) {
        this.dateTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(zone);
    }

    /**
     * @param history never null
     * @param zone    the zone times are shown in; never null
     * @return a complete HTML document; never null
     */
    public static String render(DeviceHistoryView history, ZoneId zone) {
        return new VisitBrief(zone).document(history);
    }

    /** The text with {@code & < > " '} replaced by character references; "" for null. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private String document(DeviceHistoryView h) {
        DeviceView d = h.device();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Visit brief ")
                .append(escape(d.deviceId())).append("</title><style>").append(CSS).append("</style></head><body>\n");
        html.append("<h1>Visit brief: ").append(escape(d.deviceId())).append("</h1><p>Prepared ")
                .append(escape(time(h.generatedAt()))).append(" (").append(escape(h.telemetry().zone()))
                .append(")</p>\n");
        device(d);
        warranty(h.warranty());
        customer(h.customer());
        alerts(h.openAlerts());
        maintenance(h.maintenance());
        tickets(h.tickets());
        repairs(h.repairs(), h.partsReplaced());
        telemetry(h.telemetry());
        html.append("</body></html>\n");
        return html.toString();
    }

    private void device(DeviceView d) {
        html.append("<h2>Device</h2><dl>");
        entry("Type", String.valueOf(d.deviceType()));
        entry("Model", d.model());
        entry("Serial", d.serial());
        entry("Firmware", d.firmware());
        entry("Site", d.siteAddress());
        entry("Installed", date(d.installedOn()));
        entry("Warranty from", date(d.warrantyStart()));
        if (d.commissioning() != null) {
            entry("Commissioned", date(d.commissioning().on()) + ", accepted by " + d.commissioning().acceptedBy());
            entry("Commissioning report", d.commissioning().report());
        }
        if (d.latestState() != null) {
            entry("Last seen", time(d.latestState().lastSeen()));
        }
        html.append("</dl>\n");
    }

    private void warranty(WarrantyView w) {
        html.append("<h2>Components and warranty on ").append(escape(date(w.on()))).append("</h2>");
        if (w.components().isEmpty()) {
            html.append("<p class=\"note\">No components registered.</p>\n");
            return;
        }
        header("Component", "Warranty", "Until (inclusive)", "Contract until", "Service");
        for (WarrantyView.ComponentStatus c : w.components()) {
            row(c.name(), statusText(c.status()), date(c.warrantyUntil()),
                    date(c.serviceContractUntil()), c.category() == null ? "undetermined" : c.category().name());
        }
        html.append("</table>\n");
    }

    private void customer(CustomerView c) {
        html.append("<h2>Customer</h2>");
        if (c == null) {
            html.append("<p class=\"note\">The device belongs to no customer in the archive.</p>\n");
            return;
        }
        html.append("<dl>");
        entry("Name", c.name());
        entry("Tier", String.valueOf(c.tier()));
        entry("Address", c.address());
        for (CustomerView.Contact contact : c.contacts()) {
            entry("Contact", join(contact.name(), contact.position(), contact.phone(), contact.email()));
        }
        html.append("</dl>\n");
        if (c.classOneWithheld()) {
            html.append("<p class=\"note\">Address and contacts are masked: they need an approved access grant for"
                    + " this customer.</p>\n");
        } else if (c.grantId() != null) {
            html.append("<p class=\"note\">Address and contacts shown under access grant ").append(c.grantId())
                    .append(".</p>\n");
        }
    }

    private void alerts(List<AlertView> alerts) {
        html.append("<h2>Open alerts</h2>");
        if (alerts.isEmpty()) {
            html.append("<p class=\"note\">None.</p>\n");
            return;
        }
        header("Raised", "Severity", "Rule", "Message", "Acknowledged by");
        for (AlertView a : alerts) {
            row(time(a.raisedAt() != null ? a.raisedAt() : a.episodeStart()), String.valueOf(a.severity()),
                    a.ruleId(), a.message(), a.acknowledgement() == null ? "" : a.acknowledgement().by());
        }
        html.append("</table>\n");
    }

    private void maintenance(DeviceHistoryView.Maintenance m) {
        html.append("<h2>Maintenance</h2><dl>");
        entry("Last maintenance", m.last() == null ? "never recorded"
                : time(m.last().performedAt()) + " by " + m.last().engineer() + ": " + m.last().current().workDone());
        html.append("</dl>");
        if (m.due().isEmpty()) {
            html.append("<p class=\"note\">Nothing due.</p>\n");
            return;
        }
        header("Ticket", "Kind", "Status", "Problem", "Predicted");
        for (DeviceHistoryView.Due due : m.due()) {
            row(due.ticketNumber(), due.kind(), String.valueOf(due.status()), due.problem(), time(due.predictedAt()));
        }
        html.append("</table>\n");
    }

    private void tickets(List<TicketView> tickets) {
        html.append("<h2>Tickets</h2>");
        if (tickets.isEmpty()) {
            html.append("<p class=\"note\">None.</p>\n");
            return;
        }
        header("Number", "Opened", "Status", "Priority", "Problem", "Engineer");
        for (TicketView t : tickets) {
            row(t.number(), time(t.openedAt()), String.valueOf(t.status()), String.valueOf(t.priority()), t.problem(),
                    t.assignment() == null ? "" : t.assignment().engineer());
        }
        html.append("</table>\n");
    }

    private void repairs(List<RepairRecordView> records, List<DeviceHistoryView.ReplacedPart> parts) {
        html.append("<h2>Repair and maintenance records</h2>");
        if (records.isEmpty()) {
            html.append("<p class=\"note\">None.</p>\n");
        } else {
            header("Performed", "Kind", "Ticket", "Engineer", "Symptom", "Cause", "Work done", "Test result");
            for (RepairRecordView r : records) {
                RepairRecordView.Content c = r.current();
                row(time(r.performedAt()), String.valueOf(r.kind()), r.ticketNumber(), r.engineer(), c.symptom(),
                        c.cause(), c.workDone(), c.testResult());
            }
            html.append("</table>\n");
        }
        html.append("<h2>Parts replaced</h2>");
        if (parts.isEmpty()) {
            html.append("<p class=\"note\">None.</p>\n");
            return;
        }
        header("Performed", "Part", "Serial", "Qty", "Reason", "Billed");
        for (DeviceHistoryView.ReplacedPart p : parts) {
            row(time(p.performedAt()), p.part(), p.serial(), Integer.toString(p.quantity()), p.reason(),
                    p.category() == null ? "" : p.category().name());
        }
        html.append("</table>\n");
    }

    private void telemetry(TelemetrySummary t) {
        html.append("<h2>Telemetry</h2>");
        if (!t.available()) {
            html.append("<p class=\"note\">").append(escape(t.unavailableReason())).append("</p>\n");
            return;
        }
        header("Window", "Metric", "Buckets", "Min", "Mean", "Max", "Readings");
        window("last 24 h (hourly)", t.last24Hours());
        window("last 30 days (daily)", t.last30Days());
        window("last year (weekly)", t.lastYear());
        html.append("</table>\n");
    }

    private void window(String label, TelemetrySummary.Window window) {
        if (window.series().isEmpty()) {
            row(label, "no readings", "", "", "", "", "");
        }
        for (TelemetrySummary.Series s : window.series()) {
            DoubleSummaryStatistics min = s.points().stream().mapToDouble(TelemetrySummary.Point::min)
                    .summaryStatistics();
            DoubleSummaryStatistics max = s.points().stream().mapToDouble(TelemetrySummary.Point::max)
                    .summaryStatistics();
            long readings = s.points().stream().mapToLong(TelemetrySummary.Point::count).sum();
            double mean = s.points().stream().mapToDouble(p -> p.avg() * p.count()).sum() / readings;
            row(label, s.metric(), Integer.toString(s.points().size()), number(min.getMin()), number(mean),
                    number(max.getMax()), Long.toString(readings));
        }
    }

    private void entry(String term, String value) {
        html.append("<dt>").append(escape(term)).append("</dt><dd>").append(escape(value)).append("</dd>");
    }

    private void header(String... names) {
        html.append("<table><tr>");
        for (String name : names) {
            html.append("<th>").append(escape(name)).append("</th>");
        }
        html.append("</tr>\n");
    }

    private void row(String... cells) {
        html.append("<tr>");
        for (String cell : cells) {
            html.append("<td>").append(escape(cell)).append("</td>");
        }
        html.append("</tr>\n");
    }

    private String time(TemporalAccessor instant) {
        return instant == null ? "" : dateTime.format(instant);
    }

    private static String statusText(WarrantyStatus status) {
        return switch (status) {
            case NOT_STARTED -> "not started (before the sale)";
            case IN_WARRANTY -> "in warranty";
            case EXPIRED -> "expired";
        };
    }

    private static String date(Object day) {
        return day == null ? "" : day.toString();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String join(String... parts) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                out.append(out.isEmpty() ? "" : ", ").append(part);
            }
        }
        return out.toString();
    }
}
