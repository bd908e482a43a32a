package dev.notes.platform;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Stores {@link Instant} attributes as {@code TIMESTAMP WITH TIME ZONE} in UTC. EclipseLink 4.0 (in
 * Liberty's persistence-3.1) would otherwise serialise an Instant into a binary value.
 */
@Converter(autoApply = true)
public class InstantAttributeConverter implements AttributeConverter<Instant, OffsetDateTime> {

    @Override
    public OffsetDateTime convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public Instant convertToEntityAttribute(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
