package io.fleetcare.gateway.ocpp;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.jboss.logging.Logger;

/**
 * Chargers listed in a properties file (ISO-8859-1 escapes as in {@link Properties}, read as UTF-8):
 * <pre>
 * CP-0001=$7$101$&lt;base64 salt&gt;$&lt;base64 hash&gt;
 * CP-0001.model=AC-22
 * CP-0002=$2a$10$...
 * </pre>
 * The hash may be bcrypt or Mosquitto's {@code $7$} ({@link PasswordHash}). The file is checked on every lookup
 * and read again when its modification time or size changed, so a rotated secret applies to the next connection
 * attempt without a restart. Lines with an unsupported hash are skipped with a warning; when the file cannot be
 * read, the last good content stays in use (nothing, if it never could be read).
 */
final class ChargerFile {

    private static final Logger LOG = Logger.getLogger(ChargerFile.class);
    private static final String MODEL_SUFFIX = ".model";

    private final Path path;
    private volatile Snapshot snapshot = new Snapshot(null, -1, Map.of());

    /** @param path the file; need not exist yet */
    ChargerFile(Path path) {
        this.path = path;
    }

    /**
     * @param chargePointId never null
     * @return the charger as the file lists it now, or empty; never null
     */
    Optional<Charger> find(String chargePointId) {
        return Optional.ofNullable(current().chargers().get(chargePointId));
    }

    private Snapshot current() {
        Snapshot known = snapshot;
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            if (known.modified() != null) {
                LOG.warnf("charger file %s is gone; keeping the %d chargers read before", path,
                        known.chargers().size());
            }
            return known;
        } catch (IOException e) {
            LOG.warnf("charger file %s cannot be read (%s); keeping what was read before", path, e.toString());
            return known;
        }
        if (attributes.lastModifiedTime().equals(known.modified()) && attributes.size() == known.size()) {
            return known;
        }
        return reload(attributes);
    }

    private synchronized Snapshot reload(BasicFileAttributes attributes) {
        if (attributes.lastModifiedTime().equals(snapshot.modified()) && attributes.size() == snapshot.size()) {
            return snapshot;
        }
        Properties lines = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            lines.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warnf("charger file %s cannot be read (%s); keeping what was read before", path, e.toString());
            return snapshot;
        }
        Map<String, Charger> chargers = new HashMap<>();
        for (String key : lines.stringPropertyNames()) {
            boolean modelLine = key.endsWith(MODEL_SUFFIX)
                    && lines.containsKey(key.substring(0, key.length() - MODEL_SUFFIX.length()));
            if (modelLine) {
                continue;
            }
            String hash = lines.getProperty(key).trim();
            if (key.isBlank() || !PasswordHash.isSupported(hash)) {
                LOG.warnf("charger file %s: entry '%s' has no bcrypt or $7$ hash; skipped", path, key);
                continue;
            }
            String model = lines.getProperty(key + MODEL_SUFFIX);
            chargers.put(key, new Charger(key, model == null || model.isBlank() ? null : model.trim(), hash));
        }
        snapshot = new Snapshot(attributes.lastModifiedTime(), attributes.size(), Map.copyOf(chargers));
        LOG.infof("charger file %s: %d chargers", path, chargers.size());
        return snapshot;
    }

    private record Snapshot(FileTime modified, long size, Map<String, Charger> chargers) {
    }
}
