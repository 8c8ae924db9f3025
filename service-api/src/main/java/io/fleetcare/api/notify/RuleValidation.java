package io.fleetcare.api.notify;

import io.fleetcare.events.DeviceType;
import io.fleetcare.events.Severity;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Pure: turns a {@link NotificationRuleRequest} into a {@link NotificationRule}, collecting every problem of the
 * request instead of stopping at the first, so that the client can fix them all at once.
 */
public final class RuleValidation {

    /** A plain address: one @, no spaces, a dot in the domain. Deliverability is the SMTP server's business. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");
    private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9._@-]{1,100}$");
    private static final EnumSet<DeviceType> FIELD_KINDS = EnumSet.complementOf(EnumSet.of(DeviceType.PLATFORM_COMPONENT));

    private RuleValidation() {
    }

    /**
     * @param request       may be null (no body)
     * @param minimumDelay  the shortest delay between levels and of a repeat
     * @param createdBy     never null
     * @param now           never null
     * @throws InvalidRuleException listing every problem found
     */
    public static NotificationRule validate(NotificationRuleRequest request, Duration minimumDelay, String createdBy,
            Instant now) {
        List<String> problems = new ArrayList<>();
        if (request == null) {
            throw new InvalidRuleException(List.of("the body must be a notification rule"));
        }
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            problems.add("name is required, at most 200 characters");
        }
        RuleTrigger trigger = parse(RuleTrigger.class, request.trigger(), "trigger", problems, true);
        Severity severity = parse(Severity.class, request.severity(), "severity", problems, false);
        DeviceType deviceType = parse(DeviceType.class, request.deviceType(), "deviceType", problems, false);
        if (deviceType != null && !FIELD_KINDS.contains(deviceType)) {
            problems.add("deviceType must be one of " + FIELD_KINDS);
            deviceType = null;
        }
        String alertRuleId = blankToNull(request.alertRuleId());
        if (alertRuleId != null && alertRuleId.length() > 200) {
            problems.add("alertRuleId is at most 200 characters");
        }
        long minMinutes = Math.max(1, minimumDelay.toMinutes());
        Integer warn = request.slaWarnPercent();
        if (trigger == RuleTrigger.SLA) {
            if (warn == null || warn < 1 || warn > 99) {
                problems.add("slaWarnPercent is required for an SLA rule, 1-99");
            }
            if (severity != null || alertRuleId != null || deviceType != null || request.repeatMinutes() != null) {
                problems.add("severity, alertRuleId, deviceType and repeatMinutes are for ALERT rules only");
            }
        } else if (trigger == RuleTrigger.ALERT && warn != null) {
            problems.add("slaWarnPercent is for SLA rules only");
        }
        if (request.repeatMinutes() != null && request.repeatMinutes() < minMinutes) {
            problems.add("repeatMinutes " + request.repeatMinutes() + " is below the minimum of " + minMinutes);
        }
        LocalTime quietFrom = null;
        LocalTime quietTo = null;
        if (request.quietHours() != null) {
            quietFrom = time(request.quietHours().from(), "quietHours.from", problems);
            quietTo = time(request.quietHours().to(), "quietHours.to", problems);
            if (quietFrom != null && quietFrom.equals(quietTo)) {
                problems.add("quietHours.from and quietHours.to must differ");
            }
            if (quietFrom == null || quietTo == null) {
                quietFrom = null;
                quietTo = null;
            }
        }
        List<EscalationLevel> levels = levels(request.levels(), minMinutes, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRuleException(problems);
        }
        return new NotificationRule(null, name, trigger, severity, alertRuleId, deviceType, warn, quietFrom, quietTo,
                request.repeatMinutes(), levels, createdBy, now);
    }

    private static List<EscalationLevel> levels(List<NotificationRuleRequest.Level> given, long minMinutes,
            List<String> problems) {
        List<EscalationLevel> levels = new ArrayList<>();
        if (given == null || given.isEmpty() || given.size() > 10) {
            problems.add("levels: 1-10 levels of the on-call chain are required");
            return levels;
        }
        int previous = -1;
        for (int i = 0; i < given.size(); i++) {
            NotificationRuleRequest.Level level = given.get(i);
            String at = "levels[" + i + "]";
            if (level == null) {
                problems.add(at + " is empty");
                continue;
            }
            Integer after = level.afterMinutes() == null && i == 0 ? Integer.valueOf(0) : level.afterMinutes();
            if (after == null || after < 0 || after > 7 * 24 * 60) {
                problems.add(at + ".afterMinutes is required, 0-10080");
                after = 0;
            } else if (i > 0 && after - Math.max(previous, 0) < minMinutes) {
                problems.add(at + ".afterMinutes " + after + " is below the minimum delay of " + minMinutes
                        + " minute(s) after the level before");
            }
            previous = after;
            List<NotificationTarget> targets = new ArrayList<>();
            if (level.targets() == null || level.targets().isEmpty() || level.targets().size() > 20) {
                problems.add(at + ".targets: 1-20 recipients are required");
            } else {
                for (int t = 0; t < level.targets().size(); t++) {
                    NotificationTarget target = target(level.targets().get(t), at + ".targets[" + t + "]", problems);
                    if (target != null) {
                        targets.add(target);
                    }
                }
            }
            levels.add(new EscalationLevel(i + 1, after, targets));
        }
        return levels;
    }

    private static NotificationTarget target(NotificationRuleRequest.Target given, String at, List<String> problems) {
        if (given == null) {
            problems.add(at + " is empty");
            return null;
        }
        NotificationChannel channel = parse(NotificationChannel.class, given.channel(), at + ".channel", problems,
                true);
        String address = given.address() == null ? "" : given.address().strip();
        String secret = given.secret();
        if (channel == null) {
            return null;
        }
        boolean valid = switch (channel) {
            case EMAIL -> EMAIL.matcher(address).matches() && address.length() <= 254;
            case WEBHOOK -> isHttpUrl(address);
            case IN_APP -> USERNAME.matcher(address).matches();
        };
        if (!valid) {
            problems.add(at + ".address '" + shorten(address) + "' is no valid " + switch (channel) {
                case EMAIL -> "e-mail address";
                case WEBHOOK -> "http(s) URL";
                case IN_APP -> "username";
            });
        }
        if (channel == NotificationChannel.WEBHOOK) {
            if (secret == null || secret.length() < 16 || secret.length() > 200) {
                problems.add(at + ".secret is required for a webhook, 16-200 characters");
            }
        } else if (secret != null) {
            problems.add(at + ".secret is for webhooks only");
        }
        return valid ? new NotificationTarget(null, channel, address,
                channel == NotificationChannel.WEBHOOK ? secret : null) : null;
    }

    private static boolean isHttpUrl(String address) {
        try {
            URI uri = URI.create(address);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && address.length() <= 2000;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static LocalTime time(String text, String field, List<String> problems) {
        try {
            return LocalTime.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            problems.add(field + " must be a time of day HH:mm");
            return null;
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text, String field, List<String> problems,
            boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                problems.add(field + " is required, one of " + Arrays.toString(type.getEnumConstants()));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(field + " '" + shorten(text) + "' is unknown; one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
