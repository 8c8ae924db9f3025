package io.fleetcare.api.archive;

import io.quarkus.arc.Arc;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Keeps an entity's sensitive text column sealed ({@link ArchiveCipher}): sealed when written, opened when read.
 * Use with {@code @Convert(converter = SealedText.class)}; the fields are those {@link ArchiveField#sealed()}.
 */
@Converter
public class SealedText implements AttributeConverter<String, String> {

    @Override
    public String convertToDatabaseColumn(String clear) {
        return clear == null ? null : cipher().seal(clear);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return stored == null ? null : cipher().open(stored);
    }

    private static ArchiveCipher cipher() {
        return Arc.container().instance(ArchiveCipher.class).get();
    }
}
